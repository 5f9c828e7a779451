package org.neuroai.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.linalg.Linalg;

class TasksTest {
    @Test
    void theSameSeedGivesTheSameSamplesInTheSameOrder() {
        GaussianTask g = new GaussianTask(5, 4, 0.6, 7, 50);
        SampleStream a = g.stream(11);
        SampleStream b = g.stream(11);
        for (int i = 0; i < 20; i++) {
            Batch x = a.next(3);
            Batch y = b.next(3);
            assertEquals(x.first(), y.first());
            for (int s = 0; s < 3; s++) {
                assertArrayEquals(x.inputs()[s], y.inputs()[s]);
            }
        }
        assertEquals(false, java.util.Arrays.equals(g.stream(12).next(1).inputs()[0], g.stream(11).next(1).inputs()[0]),
                "another seed must give other samples");
    }

    @Test
    void gaussianSamplesHaveTheDeclaredCovariance() {
        // C = U diag(λ) Uᵀ. Each entry of a sample covariance of n Gaussian samples has standard
        // deviation sqrt((C_ij² + C_ii C_jj) / n) <= sqrt(2) λ_max / sqrt(n) = 4·1.41/sqrt(40000) ≈ 0.028;
        // 0.12 is over four such deviations, so the test fails only on a real error.
        int d = 6;
        GaussianTask g = new GaussianTask(d, 4, 0.6, 7, 10);
        double[][] x = g.stream(1).next(40000).inputs();
        double[][] c = Linalg.covariance(x, new double[d]);
        double[][] u = g.principalAxes(d);
        double[] lambda = g.eigenvalues();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double expected = 0;
                for (int k = 0; k < d; k++) {
                    expected += lambda[k] * u[k][i] * u[k][j];
                }
                assertEquals(expected, c[i][j], 0.12, "covariance entry " + i + "," + j);
            }
        }
        assertEquals(4.0, lambda[0]);
        assertEquals(4.0 * 0.6, lambda[1], 1e-12);
    }

    @Test
    void digitsAreScaledCentredAndSplitOnce() {
        DigitsTask t = new DigitsTask(Datasets.digits(), 0.2, 2024);
        assertEquals(64, t.inputDim());
        assertEquals(1797 - 359, t.trainSize());
        assertEquals(359, t.heldOut().size());
        double[][] all = t.stream(0).next(t.trainSize()).inputs();
        double[] mu = Linalg.mean(all);
        for (double m : mu) {
            assertEquals(0.0, m, 1e-12, "one epoch of training samples is centred");
        }
        double[] eig = t.eigenvalues();
        assertTrue(eig[2] > eig[3], "the top-3 digits subspace is well defined (distinct eigenvalues)");
        assertTrue(eig[0] < 1.0 && eig[0] > 0.3, "pixels in [0,1] give a leading variance below 1, got " + eig[0]);
    }

    @Test
    void anEpochVisitsEveryTrainingImageOnce() {
        DigitsTask t = new DigitsTask(Datasets.digits(), 0.2, 2024);
        double[][] epoch = t.stream(5).next(t.trainSize()).inputs();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (double[] row : epoch) {
            seen.add(java.util.Arrays.toString(row));
        }
        // a few images of the set are exact duplicates of each other, so allow for them
        assertTrue(seen.size() > t.trainSize() - 5, "an epoch is a permutation of the training images");
    }

    @Test
    void xorVisitsTheFourCornersInEpochsWithNoisyInputsAndExactLabels() {
        // σ = 0.1: over 4000 samples the noise's standard deviation is measured to within about
        // 0.1 / sqrt(2 · 8000) ≈ 0.001, so 0.005 is five of those.
        XorTask t = new XorTask(0.1);
        SampleStream s = t.stream(3);
        double sum2 = 0;
        int n = 0;
        for (int epoch = 0; epoch < 1000; epoch++) {
            Batch b = s.next(4);
            java.util.Set<Integer> corners = new java.util.HashSet<>();
            for (int i = 0; i < 4; i++) {
                double[] x = b.inputs()[i];
                int c1 = (int) Math.round(x[0]);
                int c2 = (int) Math.round(x[1]);
                corners.add(2 * c1 + c2);
                assertEquals(c1 ^ c2, b.targets()[i][0], "the label is the XOR of the nearest corner");
                sum2 += (x[0] - c1) * (x[0] - c1) + (x[1] - c2) * (x[1] - c2);
                n += 2;
            }
            assertEquals(4, corners.size(), "every epoch visits each corner once");
        }
        assertEquals(0.1, Math.sqrt(sum2 / n), 0.005);
        assertEquals(4, t.heldOut().size());
        assertArrayEquals(new double[] {0, 1, 1, 0},
                java.util.Arrays.stream(t.heldOut().targets()).mapToDouble(r -> r[0]).toArray());
        assertArrayEquals(t.stream(9).next(10).inputs()[7], t.stream(9).next(10).inputs()[7], "same seed, same samples");
    }
    @Test
    void theLinearTeacherHasTheStatedVariancesAndItsTargetsCorrelateWithTheInputsAsCwStar() {
        // x_j has variance λ_j = spread^(−j/(d−1)), from 1 down to 1/spread, and E[t x_j] = λ_j w*_j;
        // with 40000 samples the standard error of either estimate is about √(2/40000) λ_j ≈ 0.007 λ_j
        LinearTeacherTask task = new LinearTeacherTask(4, 8, 0.5, 3, 10);
        double[] lambda = task.variances();
        assertArrayEquals(new double[] {1, 0.5, 0.25, 0.125}, lambda, 1e-12);
        double[] w = task.teacher();
        assertEquals(1.0, Linalg.norm(w), 1e-12, "a unit teacher");
        int n = 40000;
        Batch b = task.stream(5).next(n);
        double residual = 0;
        for (int j = 0; j < 4; j++) {
            double var = 0;
            double tx = 0;
            for (int s = 0; s < n; s++) {
                var += b.inputs()[s][j] * b.inputs()[s][j] / n;
                tx += b.targets()[s][0] * b.inputs()[s][j] / n;
            }
            assertEquals(lambda[j], var, 0.04 * lambda[j], "variance of x" + j);
            assertEquals(lambda[j] * w[j], tx, 0.04 * lambda[j] + 0.01, "E[t x" + j + "]");
        }
        for (int s = 0; s < n; s++) {
            double e = b.targets()[s][0] - Linalg.dot(w, b.inputs()[s]);
            residual += e * e / n;
        }
        assertEquals(0.25, residual, 0.01, "the teacher's error is the noise variance");
        assertArrayEquals(task.stream(5).next(3).inputs()[2], b.inputs()[2], "the same seed gives the same samples");
    }
}
