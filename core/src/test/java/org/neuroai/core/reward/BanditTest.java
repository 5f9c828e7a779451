package org.neuroai.core.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/** The bandit pays each arm's mean, reverses the arms at the change, and pays every arm from one draw per trial. */
class BanditTest {
    @Test
    void armsPayTheirMeansAndReverseAtTheChange() {
        Bandit b = new Bandit(5, 0.2, 0.8, false, 1, 1000);
        double[] obs = new double[1];
        SplittableRandom seeds = new SplittableRandom(3);
        int n = 20_000;
        double[] before = new double[5];
        double[] after = new double[5];
        for (int i = 0; i < n; i++) {
            long seed = seeds.nextLong();
            for (int arm = 0; arm < 5; arm++) {
                b.reset(10, seed, obs);
                before[arm] += b.step(arm, obs) / n;
                b.reset(1500, seed, obs);
                after[arm] += b.step(arm, obs) / n;
            }
        }
        for (int arm = 0; arm < 5; arm++) {
            double p = 0.2 + 0.15 * arm;
            // 5 standard errors of a mean of n Bernoulli draws
            double tol = 5 * Math.sqrt(p * (1 - p) / n);
            assertEquals(p, before[arm], tol, "arm " + arm + " before the change");
            assertEquals(0.8 - 0.15 * arm, after[arm], tol, "arm " + arm + " after the change");
        }
        b.reset(999, 1, obs);
        assertEquals(4, b.bestAction());
        b.reset(1000, 1, obs);
        assertEquals(0, b.bestAction());
    }

    @Test
    void everyArmIsPaidFromTheSameDrawSoTheDrawsDoNotDependOnTheChoice() {
        Bandit b = new Bandit(3, 0.2, 0.8, false, 1, 1000);
        double[] obs = new double[1];
        for (long seed = 0; seed < 200; seed++) {
            b.reset(0, seed, obs);
            double worst = b.step(0, obs);
            b.reset(0, seed, obs);
            double best = b.step(2, obs);
            // one uniform u: the worst arm pays when u < 0.2, so then the best (u < 0.8) pays too
            if (worst == 1) {
                assertEquals(1, best, 0.0, "seed " + seed);
            }
        }
    }

    @Test
    void impossibleMeansAreRefused() {
        var f = new Bandit.Factory();
        assertThrows(UserError.class, () -> f.create(Params.resolve(f.parameters(), Map.of("high", 1.5), "test")));
        assertThrows(UserError.class, () -> f.create(Params.resolve(f.parameters(), Map.of("low", 0.9, "high", 0.8), "test")));
    }
}
