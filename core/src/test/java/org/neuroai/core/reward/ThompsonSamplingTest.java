package org.neuroai.core.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Params;

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
        EnvironmentTask task = Bandit.task(Params.resolve(new Bandit.Factory().parameters(), Map.of("trials", 2000), "test"));
        double[] chosen = Bandit.bestArmChosen(task, seed -> new ThompsonSampling("ts", task.environment(), 1, 1, 0.05, seed), 5, 300);
        assertTrue(chosen[0] >= 0.7, "before the change: " + chosen[0]);
        assertTrue(chosen[1] >= 0.7, "after the change: " + chosen[1]);
    }

    /**
     * The exact sampler (no forgetting) on the same bandit: its posteriors hold the old arm's 1000
     * trials of evidence, so it is slow to leave it, but the old arm's posterior mean falls with
     * every loss and the others are sampled ever more often; it ends on the new best arm on most of
     * the last 300 trials too (over 5 seeds, at least 70 %, as the other learners).
     */
    @Test
    void theExactSamplerAlsoEndsOnTheBestArm() {
        EnvironmentTask task = Bandit.task(Params.resolve(new Bandit.Factory().parameters(), Map.of("trials", 2000), "test"));
        double[] chosen = Bandit.bestArmChosen(task, seed -> new ThompsonSampling("ts", task.environment(), 1, 1, 0, seed), 5, 300);
        assertTrue(chosen[0] >= 0.9, "before the change: " + chosen[0]);
        assertTrue(chosen[1] >= 0.7, "after the change: " + chosen[1]);
    }
}
