package org.neuroai.core.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;

/**
 * A posterior's credible intervals cover the truth at their stated rate. Over teachers drawn
 * afresh, the 95 % interval of Bayesian linear regression with the matching prior covers each true
 * weight with probability exactly 0.95 (the posterior is the exact conditional distribution of the
 * weights); the count over many independent runs is binomial, and must lie within four standard
 * errors of 0.95.
 */
class CredibleCoverageTest {
    private static final double Z = 1.959963984540054;

    @Test
    void intervalsCoverTheTruthAtTheStatedRate() {
        int runs = 400;
        int d = 3;
        long[] at = {1, 5, 20, 100};
        int[] inside = new int[at.length];
        for (int run = 0; run < runs; run++) {
            // the true weights are drawn from the prior the learner holds, N(0, s0² I)
            java.util.Random r = new java.util.Random(1000 + run);
            double s0 = 0.8;
            double sigma = 0.5;
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = s0 * r.nextGaussian();
            }
            LinearGaussian l = new LinearGaussian("bayes", d, 1, false, s0, sigma, 0);
            int k = 0;
            for (long n = 1; n <= at[at.length - 1]; n++) {
                double[] x = new double[d];
                double y = sigma * r.nextGaussian();
                for (int i = 0; i < d; i++) {
                    x[i] = r.nextGaussian();
                    y += w[i] * x[i];
                }
                l.learn(new Batch(new double[][] {x}, new double[][] {{y}}, n - 1));
                if (n == at[k]) {
                    double[] m = l.posteriorMean();
                    double[] sd = l.posteriorSd();
                    for (int i = 0; i < d; i++) {
                        inside[k] += Math.abs(m[i] - w[i]) <= Z * sd[i] ? 1 : 0;
                    }
                    k++;
                }
            }
        }
        double n = runs * d;
        double se = Math.sqrt(0.95 * 0.05 / n);
        for (int k = 0; k < at.length; k++) {
            assertEquals(0.95, inside[k] / n, 4 * se, "coverage after " + at[k] + " samples");
        }
    }
}
