package org.neuroai.bio.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.Task;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.linalg.Linalg;
import org.neuroai.core.tasks.DigitsTask;
import org.neuroai.core.tasks.GaussianTask;

/** Oja's and Sanger's rules against the theorems they come with. */
class PcaRulesTest {
    private static RuleNetwork train(PlasticityRule rule, Task task, int units, double eta, double tau, int steps, long seed) {
        RuleNetwork n = new RuleNetwork(rule.name(), rule, rule.params(Map.of("eta", eta), "test"), task.inputDim(), units,
                tau, 0.5, seed);
        n.train(task.stream(seed + 100), steps);
        return n;
    }

    @Test
    void ojaFindsThePrincipalEigenvectorWithUnitNorm() {
        // Oja (1982): w → ±u_1 and ||w|| → 1. With λ = 4, 2.4, 1.44, ... and η annealed to
        // 0.01/(1 + 20000/500) ≈ 2.4e-4 at the end, the stationary angle to u_1 has variance about
        // η Σ_j λ_1 λ_j / (2 (λ_1 − λ_j)) ≈ 1.2e-3 rad², a standard deviation of 2°; |cos| > 0.99
        // allows 8.1°, four standard deviations, so a failure means the rule is wrong.
        GaussianTask task = new GaussianTask(10, 4.0, 0.6, 7, 10);
        for (long seed = 0; seed < 3; seed++) {
            RuleNetwork n = train(new OjaRule(), task, 1, 0.01, 500, 20000, seed);
            double[] w = n.weights().copy("w");
            double cos = Math.abs(Linalg.dot(w, task.principalAxes(1)[0])) / Linalg.norm(w);
            assertTrue(cos > 0.99, "seed " + seed + ": |cos(w, u_1)| = " + cos);
            // The norm's fixed point is 1 with fluctuations of order η λ_1 ≈ 1e-3: 1 % is ten times that.
            assertEquals(1.0, Linalg.norm(w), 0.01, "seed " + seed);
        }
    }

    @Test
    void ojaWithoutAnnealingStillConvergesNearTheEigenvector() {
        // A constant η = 0.002 leaves a stationary spread of about sqrt(0.002 · 5) ≈ 0.1 rad (6°);
        // |cos| > 0.97 (14°) is beyond two standard deviations of that spread.
        GaussianTask task = new GaussianTask(10, 4.0, 0.6, 7, 10);
        RuleNetwork n = train(new OjaRule(), task, 1, 0.002, 0, 30000, 4);
        double[] w = n.weights().copy("w");
        assertTrue(Math.abs(Linalg.dot(w, task.principalAxes(1)[0])) / Linalg.norm(w) > 0.97);
    }

    @Test
    void ghaFindsTheEigenvectorsInOrderOnAGaussian() {
        // Sanger (1989): row i converges to ±u_i, in order. Same error budget as the Oja test,
        // with the smaller gap λ_3 − λ_4 = 0.58 doubling the variance for the third unit: |cos| > 0.98.
        GaussianTask task = new GaussianTask(10, 4.0, 0.6, 7, 10);
        RuleNetwork n = train(new GhaRule(), task, 3, 0.01, 500, 20000, 1);
        double[][] w = n.weights().matrix("w");
        double[][] u = task.principalAxes(3);
        for (int i = 0; i < 3; i++) {
            double cos = Math.abs(Linalg.dot(w[i], u[i])) / Linalg.norm(w[i]);
            assertTrue(cos > 0.98, "unit " + i + ": |cos(w_i, u_i)| = " + cos);
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    assertTrue(Math.abs(Linalg.dot(w[i], w[j])) < 0.05, "rows become orthogonal");
                }
            }
        }
    }

    @Test
    void ghaFindsTheTopThreeSubspaceOfTheDigits() {
        // The digits' top eigenvalues (pixels in [0,1]) are 0.70, 0.63, 0.55, 0.39: the subspace gap
        // λ_3 − λ_4 = 0.16 is what matters for the largest principal angle. η = 0.15 / E||x||² ≈ 0.032
        // annealed with τ = 500 over 30000 presentations (about 21 epochs) integrates to
        // ∫η ≈ 0.032·500·ln 61 ≈ 66, so the initial error shrinks by e^(−66·0.16) ≈ 3e-5; the
        // remaining error is the stationary noise, η_end λ_3 λ_4 / (2·0.16) ≈ 3.6e-4 rad² per
        // direction (about 1°, and 0.75° in the experiment). 5° is four to five times that.
        DigitsTask task = new DigitsTask(Datasets.digits(), 0.2, 2024);
        double power = 0;
        for (double v : task.eigenvalues()) {
            power += v;
        }
        for (long seed = 0; seed < 2; seed++) {
            RuleNetwork n = train(new GhaRule(), task, 3, 0.15 / power, 500, 30000, seed);
            double angle = Linalg.largestPrincipalAngleDeg(n.weights().matrix("w"), task.principalAxes(3));
            assertTrue(angle < 5.0, "seed " + seed + ": largest principal angle " + angle + " degrees");
        }
    }
}
