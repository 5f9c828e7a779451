package org.neuroai.bio.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Plasticity;
import org.neuroai.core.Params;

/**
 * Sejnowski's covariance rule against its mean change η Cov(y, x), with pre- and postsynaptic
 * rates set directly so that their correlation is known.
 */
class CovarianceRuleTest {
    private static final int N = 20000;
    private static final double ETA = 1e-3;
    private static final double MEAN_X = 2;
    private static final double MEAN_Y = 3;

    /**
     * Total change of one unit's five weights over N presentations of x = 2 + ξ, y = 3 + c ξ_0 + ζ
     * with independent standard normal ξ, ζ, under the given rule.
     */
    private static double[] totalChange(Plasticity p, double c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[1][5];
        double[] x = new double[5];
        double[] y = new double[1];
        for (int n = 0; n < N; n++) {
            for (int j = 0; j < x.length; j++) {
                x[j] = MEAN_X + gaussian(r);
            }
            y[0] = MEAN_Y + c * (x[0] - MEAN_X) + gaussian(r);
            p.update(w, x, y, null, ETA);
        }
        return w[0];
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static Plasticity covariance() {
        CovarianceRule rule = new CovarianceRule();
        return rule.create(rule.params(Map.of("tau", 200), "test"), 5, 1);
    }

    @Test
    void uncorrelatedFluctuationsChangeNothingOnAverageWhateverTheMeanRates() {
        // Each term η (y − ⟨y⟩)(x − ⟨x⟩) has mean zero and standard deviation about η (σ_x σ_y = 1),
        // so the sum of N has standard deviation η √N ≈ 0.14; the means' start-up transient adds
        // at most about η τ / 2 = 0.1. Plain Hebb on the same rates drifts by η ⟨x⟩⟨y⟩ N = 120.
        for (long seed = 0; seed < 3; seed++) {
            double[] dw = totalChange(covariance(), 0, seed);
            for (double d : dw) {
                assertEquals(0, d, 1.0, "seed " + seed + ": " + java.util.Arrays.toString(dw));
            }
            HebbRule hebb = new HebbRule();
            double[] hebbian = totalChange(hebb.create(Params.defaults(hebb.parameters()), 5, 1), 0, seed);
            assertEquals(ETA * MEAN_X * MEAN_Y * N, hebbian[0], 3.0, "plain Hebb drifts with the mean rates");
        }
    }

    @Test
    void theSignOfTheChangeFollowsTheCovariance() {
        // y = 3 + c ξ_0 + ζ: Cov(y, x_0) = c, Cov(y, x_j) = 0 for j > 0. The mean total change of
        // w_0 is η c (N − 1) = ±10 with the same spread as above (0.14, plus c-dependent terms
        // below 0.2); 5 % of 10 is more than three of those.
        for (double c : new double[] {0.5, -0.5}) {
            double[] dw = totalChange(covariance(), c, 11);
            assertEquals(ETA * c * (N - 1), dw[0], 0.5, "c = " + c);
            for (int j = 1; j < dw.length; j++) {
                assertTrue(Math.abs(dw[j]) < 1.0, "c = " + c + ", uncorrelated input " + j + ": " + dw[j]);
            }
        }
    }

    @Test
    void theRunningMeansTrackTheRates() {
        Plasticity p = covariance();
        totalChange(p, 0, 3);
        // τ = 200: the running mean of a unit-variance rate has standard deviation 1/sqrt(2 τ) = 0.05
        assertEquals(MEAN_X, p.probe().get("mean_pre")[0], 0.25);
        assertEquals(MEAN_Y, p.probe().get("mean_post")[0], 0.25);
    }
}
