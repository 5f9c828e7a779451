package org.neuroai.bio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The units' sums, computed four rows at a time, equal the straightforward one-row-at-a-time sums
 * to the last bit, for every number of rows (the blocks of four and the rows left over) and inputs
 * whose magnitudes differ by many orders, where any change in the order of the additions would show.
 */
class RuleNetworkDotTest {
    @Test
    void fourRowsAtATimeSumExactlyAsOneRowAtATime() {
        SplittableRandom random = new SplittableRandom(17);
        for (int rows = 0; rows <= 13; rows++) {
            for (int cols : new int[] {0, 1, 3, 8, 31, 785}) {
                double[][] w = new double[rows][cols];
                double[] x = new double[cols + (rows % 2)];
                for (double[] row : w) {
                    for (int j = 0; j < cols; j++) {
                        row[j] = random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9));
                    }
                }
                for (int j = 0; j < x.length; j++) {
                    x[j] = random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9));
                }
                double[] out = new double[rows];
                RuleNetwork.dot(w, x, out);
                for (int i = 0; i < rows; i++) {
                    double s = 0;
                    for (int j = 0; j < cols; j++) {
                        s += w[i][j] * x[j];
                    }
                    assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(out[i]), rows + " rows, " + cols + " inputs, row " + i);
                }
            }
        }
    }
}
