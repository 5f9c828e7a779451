package org.neuroai.bio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;

/**
 * A rule written outside the toolkit joins by one class and one line in
 * {@code META-INF/services/org.neuroai.bio.PlasticityRule} (here in the test resources); the
 * registry then lists it and {@link RuleContractTest} runs it through every contract.
 */
class CustomRuleTest {
    /** Plain Hebb with multiplicative decay: Δw_ij = η (y_i x_j − γ w_ij). */
    public static final class DecayingHebb implements PlasticityRule {
        @Override
        public String name() {
            return "test-decaying-hebb";
        }

        @Override
        public String description() {
            return "Hebb with weight decay, registered only in tests";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.positive("eta", 0.01, 1, "1", "learning rate"),
                    ParamSpec.real("gamma", 0.5, 0, 10, "1", "decay"));
        }

        @Override
        public Plasticity create(Params p, int nPre, int nPost) {
            double gamma = p.real("gamma");
            return new Plasticity() {
                @Override
                public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                    for (int i = 0; i < w.length; i++) {
                        for (int j = 0; j < pre.length; j++) {
                            w[i][j] += eta * (post[i] * pre[j] - gamma * w[i][j]);
                        }
                    }
                }

                @Override
                public void reset() {}
            };
        }
    }

    @Test
    void aRuleAddedByOneClassAndOneLineIsFound() {
        assertTrue(RuleContractTest.rules().anyMatch(r -> r.name().equals("test-decaying-hebb")));
        assertTrue(Registry.names(PlasticityRule.class).contains("oja"));
    }
}
