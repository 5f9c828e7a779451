package org.neuroai.core.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thompson sampling: its Beta draws have the Beta distribution's mean and variance, and on the
 * bandit whose best arm turns worst half-way, the forgetting posterior ends on the new best arm.
 */
class ThompsonSamplingTest {
    @Test
    void betaDrawsHaveTheBetaMeanAndVariance() {
        SplittableRandom r = new SplittableRandom(1);
        for (double[] ab : new double[][] {{1, 1}, {2, 5}, {0.5, 0.5}, {30, 10}}) {
            double a = ab[0];
            double b = ab[1];
            int n = 40_000;
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double x = ThompsonSampling.beta(r, a, b);
                sum += x;
                sq += x * x;
            }
            double mean = sum / n;
            double var = sq / n - mean * mean;
            double wantVar = a * b / ((a + b) * (a + b) * (a + b + 1));
            assertEquals(a / (a + b), mean, 5 * Math.sqrt(wantVar / n), "mean of Beta(" + a + ", " + b + ")");
            assertEquals(wantVar, var, 0.05 * wantVar, "variance of Beta(" + a + ", " + b + ")");
        }
    }

    /**
     * Acceptance on the bandit (5 Bernoulli arms paying 0.2 to 0.8, reversed after 1000 of 2000
     * trials): over 5 seeds, the forgetting sampler chooses the best arm on at least 70 % of the
     * last 300 trials before the change and of the last 300 trials of the run.
     */
    @Test
    void theForgettingSamplerEndsOnTheBestArmBeforeAndAfterTheChange() {
        double before = 0;
        double after = 0;
        int seeds = 5;
        for (long seed = 1; seed <= seeds; seed++) {
            Bandit env = new Bandit(5, 0.2, 0.8, false, 1, 1000);
            ThompsonSampling ts = new ThompsonSampling("ts", env, 1, 1, 0.05, seed);
            SplittableRandom keys = new SplittableRandom(seed);
            for (int t = 0; t < 2000; t++) {
                long best = ts.tally().best();
                ts.play(t, keys.nextLong());
                double got = ts.tally().best() - best;
                before += t >= 700 && t < 1000 ? got / 300 / seeds : 0;
                after += t >= 1700 ? got / 300 / seeds : 0;
            }
        }
        assertTrue(before >= 0.7, "before the change: " + before);
        assertTrue(after >= 0.7, "after the change: " + after);
    }
}
