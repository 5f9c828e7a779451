package org.neuroai.bio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.Batch;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.SampleStream;
import org.neuroai.core.UserError;
import org.neuroai.core.tasks.GaussianTask;

/**
 * Contracts every registered plasticity rule must keep, in the manner of Nengo's rule tests:
 * the registry finds it, its parameters are validated, reset restores all state, and the same
 * seeds give identical traces. A new rule is picked up here without editing this file.
 */
class RuleContractTest {
    static Stream<PlasticityRule> rules() {
        return Registry.all(PlasticityRule.class).stream();
    }

    private static final GaussianTask TASK = new GaussianTask(6, 2.0, 0.6, 7, 10);
    private static final int UNITS = 3;

    /**
     * The batch with targets added when the rule is supervised: unit i is taught whether input i is
     * positive (0 or 1), a linearly separable task that every supervised rule can learn.
     */
    private static Batch taught(PlasticityRule rule, Batch b) {
        if (!rule.supervised()) {
            return b;
        }
        double[][] t = new double[b.size()][UNITS];
        for (int s = 0; s < b.size(); s++) {
            for (int i = 0; i < UNITS; i++) {
                t[s][i] = b.inputs()[s][i] >= 0 ? 1 : 0;
            }
        }
        return new Batch(b.inputs(), t, b.first());
    }

    /** Weights and probes after each of a few batches, flattened. */
    private static List<double[]> trace(RuleNetwork net, long orderSeed) {
        SampleStream s = TASK.stream(orderSeed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Batch b = taught(net.rule(), s.next(5));
            net.learn(b);
            out.add(net.weights().copy("w"));
            for (double[] p : net.plasticity().probe().values()) {
                out.add(p.clone());
            }
        }
        return out;
    }

    private static RuleNetwork net(PlasticityRule rule, long weightSeed) {
        return new RuleNetwork("t", rule, Params.defaults(rule.parameters()), TASK.inputDim(), UNITS, 0, 0.5, weightSeed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isDescribedAndDeclaresALearningRate(PlasticityRule rule) {
        assertTrue(rule.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), "names are lower-case words joined by '-': " + rule.name());
        assertFalse(rule.description().isBlank());
        assertTrue(rule.parameters().stream().anyMatch(p -> p.name().equals("eta")), "every rule declares eta");
        assertEquals(rule, Registry.get(PlasticityRule.class, rule.name(), "rule"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void parametersAreValidated(PlasticityRule rule) {
        assertThrows(UserError.class, () -> rule.params(Map.of("no_such_parameter", 1), "test"));
        for (ParamSpec p : rule.parameters()) {
            if (p.defaultValue() instanceof Number) {
                double below = p.minExclusive() ? p.min() : p.min() - 1;
                if (Double.isFinite(below)) {
                    UserError e = assertThrows(UserError.class, () -> rule.params(Map.of(p.name(), below), "test"),
                            p.name() + "=" + below + " must be rejected");
                    assertTrue(e.getMessage().contains("'" + p.name() + "'"), e.getMessage());
                }
                if (Double.isFinite(p.max())) {
                    assertThrows(UserError.class, () -> rule.params(Map.of(p.name(), p.max() + 1), "test"));
                }
                assertThrows(UserError.class, () -> rule.params(Map.of(p.name(), "not-a-number"), "test"));
            }
            rule.params(Map.of(p.name(), p.defaultValue()), "test");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theSameSeedsGiveIdenticalTraces(PlasticityRule rule) {
        RuleNetwork first = net(rule, 42);
        List<double[]> a = trace(first, 9);
        List<double[]> b = trace(net(rule, 42), 9);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0.0, "row " + i);
        }
        // the final weights, not the last trace row: a probe such as a mean input rate need not
        // depend on the weights
        RuleNetwork other = net(rule, 43);
        trace(other, 9);
        assertFalse(Arrays.equals(first.weights().copy("w"), other.weights().copy("w")), "another weight seed must matter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void resetRestoresAFreshState(PlasticityRule rule) {
        RuleNetwork n = net(rule, 5);
        double[] w0 = n.weights().copy("w");
        Map<String, double[]> p0 = n.plasticity().probe();
        List<double[]> first = trace(n, 3);
        assertFalse(Arrays.equals(w0, n.weights().copy("w")), "learning must change the weights");
        n.reset();
        assertArrayEquals(w0, n.weights().copy("w"), 0.0);
        assertEquals(0, n.presentations());
        for (Map.Entry<String, double[]> e : p0.entrySet()) {
            assertArrayEquals(e.getValue(), n.plasticity().probe().get(e.getKey()), 0.0, e.getKey());
        }
        List<double[]> second = trace(n, 3);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), 0.0, "after reset, row " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theDeclaredProbesAreTheStateItKeepsAndALayerOffersThem(PlasticityRule rule) {
        RuleNetwork n = net(rule, 2);
        assertEquals(new java.util.TreeSet<>(rule.probeable()), new java.util.TreeSet<>(n.plasticity().probe().keySet()),
                "probeable() names exactly what probe() returns");
        trace(n, 4);
        for (String p : rule.probeable()) {
            double[] dest = new double[n.probes().get(p)];
            n.probe(p, dest);
            assertArrayEquals(n.plasticity().probe().get(p), dest, 0.0, p);
        }
        double[] y = new double[UNITS];
        n.probe(RuleNetwork.OUTPUT, y);
        assertEquals(UNITS, n.probes().get(RuleNetwork.OUTPUT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void weightsStayFiniteOnZeroInput(PlasticityRule rule) {
        RuleNetwork n = net(rule, 1);
        double[][] zeros = new double[10][TASK.inputDim()];
        n.learn(taught(rule, new Batch(zeros, null, 0)));
        for (double v : n.weights().copy("w")) {
            assertTrue(Double.isFinite(v));
        }
    }
}
