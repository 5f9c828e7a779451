package org.neuroai.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinalgTest {
    @Test
    void eigenOfAKnownMatrixMatchesTheory() {
        // [[2,1],[1,2]] has eigenvalues 3 and 1 with eigenvectors (1,1)/√2 and (1,-1)/√2.
        Linalg.Eigen e = Linalg.symmetricEigen(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {3, 1}, e.values(), 1e-12);
        double r = 1 / Math.sqrt(2);
        assertEquals(1.0, Math.abs(e.rows()[0][0] * r + e.rows()[0][1] * r), 1e-12);
        assertEquals(1.0, Math.abs(e.rows()[1][0] * r - e.rows()[1][1] * r), 1e-12);
    }

    @Test
    void eigenReconstructsARandomSymmetricMatrix() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 12;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = a[j][i] = r.nextDouble(-1, 1);
            }
        }
        Linalg.Eigen e = Linalg.symmetricEigen(a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += e.values()[k] * e.rows()[k][i] * e.rows()[k][j];
                }
                assertEquals(a[i][j], s, 1e-10, "V diag(λ) Vᵀ must give back A");
            }
        }
        for (int k = 1; k < n; k++) {
            assertEquals(true, e.values()[k - 1] >= e.values()[k], "eigenvalues must be sorted in decreasing order");
        }
    }

    @Test
    void principalAngleOfARotatedPlaneIsTheRotation() {
        // span{e1, e2} against span{e1, cos θ e2 + sin θ e3}: principal angles 0 and θ.
        double theta = Math.toRadians(25);
        double[][] a = {{1, 0, 0, 0}, {0, 1, 0, 0}};
        double[][] b = {{2, 0, 0, 0}, {0, Math.cos(theta), Math.sin(theta), 0}};
        double[] angles = Linalg.principalAngles(a, b);
        assertEquals(0.0, angles[0], 1e-7);
        assertEquals(theta, angles[1], 1e-9);
        assertEquals(25.0, Linalg.largestPrincipalAngleDeg(b, a), 1e-7);
    }

    @Test
    void theAngleIgnoresTheBasisChosenInsideTheSubspace() {
        double[][] a = {{1, 0, 0}, {0, 1, 0}};
        double[][] mixed = {{1, 1, 0}, {3, -2, 0}};
        assertEquals(0.0, Linalg.largestPrincipalAngleDeg(mixed, a), 1e-6);
        assertEquals(90.0, Linalg.largestPrincipalAngleDeg(new double[][] {{0, 0, 1}}, new double[][] {{1, 0, 0}}), 1e-9);
    }

    @Test
    void aRankDeficientBasisCountsAsNinetyDegrees() {
        double[][] truth = {{1, 0, 0}, {0, 1, 0}};
        double[][] collapsed = {{1, 0, 0}, {2, 0, 0}};
        assertEquals(90.0, Linalg.largestPrincipalAngleDeg(collapsed, truth), 1e-12);
    }
}
