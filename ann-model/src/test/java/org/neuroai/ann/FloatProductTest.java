package org.neuroai.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatProductTest {
    @Test
    void multipliesRowMajorArraysAndReadsOnlyTheRowsAsked() {
        SplittableRandom r = new SplittableRandom(3);
        FloatProduct product = new FloatProduct();
        for (int rows : new int[] {4, 2, 4}) {
            int inner = 5;
            int columns = 3;
            float[] a = new float[4 * inner];
            float[] b = new float[inner * columns];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
            float[] out = new float[4 * columns];
            product.multiply(a, rows, b, inner, columns, out);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    double e = 0;
                    for (int q = 0; q < inner; q++) {
                        e += a[i * inner + q] * b[q * columns + j];
                    }
                    assertEquals(e, out[i * columns + j], 1e-5, "rows " + rows + ", (" + i + "," + j + ")");
                }
            }
        }
    }
}
