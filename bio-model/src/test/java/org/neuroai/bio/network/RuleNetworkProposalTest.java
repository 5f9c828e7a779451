package org.neuroai.bio.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.rules.DeltaRule;
import org.neuroai.bio.rules.HebbRule;
import org.neuroai.core.UserError;
import org.neuroai.bio.Activation;

/** The change a rule proposes on some samples, against hand computation, and that proposing changes nothing. */
class RuleNetworkProposalTest {
    @Test
    void theDeltaRuleProposesItsSummedChangeAtTheCurrentWeightsAndLeavesThemAlone() {
        DeltaRule rule = new DeltaRule();
        RuleNetwork net = new RuleNetwork("delta", rule, rule.params(Map.of("eta", 0.1), "test"), 2, 1, Activation.LINEAR,
                true, 0, 0.0, 1);
        // move the weights off zero by one presentation: w = 0.1 * 2 * (1, 1, 1) = (0.2, 0.2, 0.2)
        net.present(new double[] {1, 1}, new double[] {2});
        double[] before = net.weights().copy("w");
        assertArrayEquals(new double[] {0.2, 0.2, 0.2}, before, 1e-15);
        // sample a: x = (1, 0), t = 1: y = 0.2 + 0.2 = 0.4, Δ = 0.1 * 0.6 * (1, 0, 1) = (0.06, 0, 0.06)
        // sample b: x = (0, 2), t = 0: y = 0.4 + 0.2 = 0.6, Δ = 0.1 * −0.6 * (0, 2, 1) = (0, −0.12, −0.06)
        double[][] d = net.proposedUpdate(new double[][] {{1, 0}, {0, 2}}, new double[][] {{1}, {0}});
        assertArrayEquals(new double[] {0.06, -0.12, 0.0}, d[0], 1e-15);
        assertArrayEquals(before, net.weights().copy("w"), "the weights are untouched");
        assertEquals(1, net.presentations(), "nothing was presented");
    }

    @Test
    void clampedHebbProposesTheSumOfTargetTimesInput() {
        HebbRule rule = new HebbRule();
        RuleNetwork net = new RuleNetwork("hebb", rule, rule.params(Map.of("eta", 0.5, "clamp", true), "test"), 3, 1,
                Activation.LINEAR, false, 0, 1.0, 4);
        double[][] d = net.proposedUpdate(new double[][] {{1, 2, 3}, {-1, 0, 1}}, new double[][] {{2}, {1}});
        // 0.5 * (2 * (1, 2, 3) + 1 * (−1, 0, 1)), whatever the weights
        assertArrayEquals(new double[] {0.5, 2.0, 3.5}, d[0], 1e-15);
    }

    @Test
    void aSupervisedRuleWithoutTargetsIsRefused() {
        DeltaRule rule = new DeltaRule();
        RuleNetwork net = new RuleNetwork("delta", rule, rule.params(Map.of("eta", 0.1), "test"), 2, 1, 0, 1.0, 1);
        assertThrows(UserError.class, () -> net.proposedUpdate(new double[][] {{1, 0}}, null));
    }
}
