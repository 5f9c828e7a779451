package org.neuroai.bio.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.UserError;

/** The Rescorla-Wagner rule against its closed forms: acquisition, extinction, blocking, overshadowing. */
class RescorlaWagnerRuleTest {
    private static RuleNetwork animal(int cues, Map<String, ?> params) {
        RescorlaWagnerRule rule = new RescorlaWagnerRule();
        // a naive animal: every associative strength starts at 0
        return new RuleNetwork("rw", rule, rule.params(params, "test"), cues, 1, Activation.LINEAR, false, 0, 0, 1);
    }

    private static double v(RuleNetwork n, int cue) {
        return n.weights().copy("w")[cue];
    }

    @Test
    void acquisitionAndExtinctionFollowTheClosedForm() {
        // One cue, reinforced with λ = 0.8: V_n = λ (1 − (1 − αβ)^n); then unreinforced:
        // V_{N+n} = V_N (1 − αβ)^n.
        double alpha = 0.4;
        double beta = 0.25;
        double lambda = 0.8;
        RuleNetwork n = animal(1, Map.of("alpha", alpha, "eta", beta));
        for (int k = 1; k <= 50; k++) {
            n.present(new double[] {1}, new double[] {lambda});
            assertEquals(lambda * (1 - Math.pow(1 - alpha * beta, k)), v(n, 0), 1e-12, "acquisition trial " + k);
        }
        double vN = v(n, 0);
        for (int k = 1; k <= 50; k++) {
            n.present(new double[] {1}, new double[] {0});
            assertEquals(vN * Math.pow(1 - alpha * beta, k), v(n, 0), 1e-12, "extinction trial " + k);
        }
    }

    @Test
    void aPretrainedCueBlocksTheAddedOne() {
        // Kamin (1969). Phase 1: A → US for 50 trials, V_A = 1 − (1 − αβ)^50. Phase 2: AB → US;
        // both cues share the remaining error e_0 = 1 − V_A, which shrinks by (1 − 2αβ) per
        // trial, so V_B = e_0 / 2 · (1 − (1 − 2αβ)^m) after m trials: under 1 % of V_A here.
        // Without phase 1 (the control) B would reach about one half.
        double ab = 0.5 * 0.2;
        RuleNetwork n = animal(2, Map.of("alpha", 0.5, "eta", 0.2));
        for (int k = 0; k < 50; k++) {
            n.present(new double[] {1, 0}, new double[] {1});
        }
        double e0 = 1 - v(n, 0);
        assertEquals(Math.pow(1 - ab, 50), e0, 1e-12);
        for (int m = 1; m <= 50; m++) {
            n.present(new double[] {1, 1}, new double[] {1});
            assertEquals(e0 / 2 * (1 - Math.pow(1 - 2 * ab, m)), v(n, 1), 1e-12, "phase 2 trial " + m);
            assertTrue(v(n, 1) < 0.2 * v(n, 0));
        }
        RuleNetwork control = animal(2, Map.of("alpha", 0.5, "eta", 0.2));
        for (int m = 0; m < 50; m++) {
            control.present(new double[] {1, 1}, new double[] {1});
        }
        assertEquals(0.5, v(control, 1), 1e-3);
    }

    @Test
    void theMoreSalientCueOvershadowsTheOther() {
        // Trained only as a compound, the cues split λ in proportion to their saliences: every
        // trial changes V_j by α_j × the same error, so V_A / V_B = α_A / α_B throughout.
        RuleNetwork n = animal(2, Map.of("alphas", "0.6, 0.2", "eta", 0.5));
        for (int k = 0; k < 100; k++) {
            n.present(new double[] {1, 1}, new double[] {1});
            assertEquals(3.0, v(n, 0) / v(n, 1), 1e-9);
        }
        assertEquals(1.0, v(n, 0) + v(n, 1), 1e-9, "together they predict λ");
        assertEquals(0.75, v(n, 0), 1e-9);
    }

    @Test
    void saliencesAreCheckedAgainstTheInputs() {
        RescorlaWagnerRule rule = new RescorlaWagnerRule();
        UserError count = assertThrows(UserError.class, () -> rule.create(rule.params(Map.of("alphas", "0.5"), "test"), 2, 1));
        assertTrue(count.getMessage().contains("'alphas'") && count.getMessage().contains("2 inputs"), count.getMessage());
        for (String bad : new String[] {"0.5,0", "0.5,1.5", "0.5,x"}) {
            UserError e = assertThrows(UserError.class, () -> rule.create(rule.params(Map.of("alphas", bad), "test"), 2, 1));
            assertTrue(e.getMessage().contains("'alphas'"), e.getMessage());
        }
    }
}
