package org.neuroai.bio.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.Batch;
import org.neuroai.core.linalg.Linalg;

/** The delta rule (LMS) against the least-squares solution of the normal equations. */
class DeltaRuleTest {
    @Test
    void convergesToTheLeastSquaresSolutionOfANoisyLinearProblem() {
        // t = a·x + b + noise on 200 fixed samples. The least-squares weights of this sample solve
        // the normal equations (Xᵀ X) w = Xᵀ t (X with a column of ones for the bias); they differ
        // from (a, b) by the noise, by about 0.3 / sqrt(200) ≈ 0.02. LMS with η_t = η / (1 + t/τ)
        // (Σ η_t = ∞, Σ η_t² < ∞) presented the samples cyclically converges to them; after 400
        // epochs ∫η dt ≈ 0.02 · 200 · ln 401 ≈ 24, so the slowest direction (eigenvalue of the
        // input power ≥ 0.5) is down by e^-12, and η has fallen to 5e-5, leaving an error of that order.
        int d = 4;
        int n = 200;
        double[] a = {1.5, -2, 0.5, 0};
        double b = 0.7;
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[n][d];
        double[][] t = new double[n][1];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < d; j++) {
                x[s][j] = 0.5 + gaussian(r);
            }
            t[s][0] = Linalg.dot(a, x[s]) + b + 0.3 * gaussian(r);
        }
        double[] ls = leastSquares(x, t);

        DeltaRule rule = new DeltaRule();
        RuleNetwork net = new RuleNetwork("delta", rule, rule.params(Map.of("eta", 0.02), "test"), d, 1, Activation.LINEAR,
                true, 200, 0.5, 1);
        for (int epoch = 0; epoch < 400; epoch++) {
            net.learn(new Batch(x, t, (long) epoch * n));
        }
        double[] w = net.weights().copy("w");
        for (int j = 0; j <= d; j++) {
            assertEquals(ls[j], w[j], 1e-3, "weight " + j + " (" + d + " is the bias)");
        }
        assertEquals(b, w[d], 0.1, "and near the true bias, up to the noise");
    }

    /** Solves (Xᵀ X) w = Xᵀ t for X with a column of ones appended, through the eigenvectors of Xᵀ X. */
    private static double[] leastSquares(double[][] x, double[][] t) {
        int m = x[0].length + 1;
        double[][] g = new double[m][m];
        double[] h = new double[m];
        double[] xb = new double[m];
        for (int s = 0; s < x.length; s++) {
            System.arraycopy(x[s], 0, xb, 0, m - 1);
            xb[m - 1] = 1;
            for (int i = 0; i < m; i++) {
                h[i] += xb[i] * t[s][0];
                for (int j = 0; j < m; j++) {
                    g[i][j] += xb[i] * xb[j];
                }
            }
        }
        Linalg.Eigen e = Linalg.symmetricEigen(g);
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            double c = Linalg.dot(e.rows()[k], h) / e.values()[k];
            for (int i = 0; i < m; i++) {
                w[i] += c * e.rows()[k][i];
            }
        }
        return w;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
