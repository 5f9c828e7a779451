package org.neuroai.compare.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroai.core.linalg.Linalg;

class DirectionsTest {
    private static final List<Block> LAYOUT = List.of(new Block("w", 3, 4, Block.Filters.ROWS),
            new Block("b", 3, 1, Block.Filters.BIAS), new Block("decoder", 3, 5, Block.Filters.COLUMNS));

    private static double[] theta() {
        Random r = new Random(3);
        double[] t = new double[12 + 3 + 15];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextGaussian() * (1 + i % 4);
        }
        return t;
    }

    private static double norm(double[] v, int start, int stride, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[start + i * stride] * v[start + i * stride];
        }
        return Math.sqrt(s);
    }

    @Test
    void everyFilterOfADirectionHasTheNormOfTheSameFilterOfTheWeights() {
        double[] t = theta();
        double[] d = Directions.filterNormalised(t, LAYOUT, new Random(11));
        for (int r = 0; r < 3; r++) {
            assertEquals(norm(t, r * 4, 1, 4), norm(d, r * 4, 1, 4), 1e-12, "row " + r + " of w");
        }
        for (int i = 12; i < 15; i++) {
            assertEquals(0.0, d[i], "biases are held");
        }
        for (int c = 0; c < 5; c++) {
            assertEquals(norm(t, 15 + c, 5, 3), norm(d, 15 + c, 5, 3), 1e-12, "column " + c + " of the decoder");
        }
        // the direction is random, not the weights themselves
        assertEquals(0, Linalg.dot(d, t) / (Linalg.norm(d) * Linalg.norm(t)), 0.9);
        assertArrayEquals(d, Directions.filterNormalised(t, LAYOUT, new Random(11)), "the same seed draws the same direction");
    }

    @Test
    void aTrajectoryInAKnownPlaneIsRecoveredWithAllItsVariance() {
        int p = 9;
        Random r = new Random(5);
        double[] u = new double[p];
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            u[i] = r.nextGaussian();
            v[i] = r.nextGaussian();
        }
        double[][] basis = Linalg.orthonormalRows(new double[][] {u, v});
        double[] end = new double[p];
        for (int i = 0; i < p; i++) {
            end[i] = r.nextGaussian();
        }
        int n = 40;
        double[][] traj = new double[n][p];
        for (int t = 0; t < n; t++) {
            double s = 1 - t / (n - 1.0);
            double a = 3 * s * Math.cos(4 * s);
            double b = s * Math.sin(4 * s);
            for (int i = 0; i < p; i++) {
                traj[t][i] = end[i] + a * basis[0][i] + b * basis[1][i];
            }
        }
        Directions.Plane plane = Directions.pca(traj);
        assertEquals(1.0, plane.explained()[0] + plane.explained()[1], 1e-9, "the plane holds all the variance");
        assertEquals(1.0, Linalg.norm(plane.d1()), 1e-9);
        assertEquals(0.0, Linalg.dot(plane.d1(), plane.d2()), 1e-9);
        for (double[] dir : new double[][] {plane.d1(), plane.d2()}) {
            double in = Math.hypot(Linalg.dot(dir, basis[0]), Linalg.dot(dir, basis[1]));
            assertEquals(1.0, in, 1e-9, "each component lies in the plane of the trajectory");
        }
        for (double[] theta : traj) {
            double[] c = plane.project(theta, end);
            for (int i = 0; i < p; i++) {
                assertEquals(theta[i], end[i] + c[0] * plane.d1()[i] + c[1] * plane.d2()[i], 1e-9,
                        "projection and back gives the trajectory");
            }
        }
        assertEquals(true, plane.project(traj[0], end)[0] >= 0, "the start lies on the positive side of PC1");
    }
}
