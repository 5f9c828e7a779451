package org.neuroai.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Probeable;
import org.neuroai.core.Registry;
import org.neuroai.core.SampleStream;
import org.neuroai.core.UserError;
import org.neuroai.core.tasks.GaussianTask;

/** Contracts every registered network keeps: validated parameters and reproducible training. */
class NetworkContractTest {
    static Stream<NetworkFactory> networks() {
        return Registry.all(NetworkFactory.class).stream();
    }

    private static final GaussianTask TASK = new GaussianTask(6, 2.0, 0.6, 7, 10);

    /** Samples with a one-output target (the sign of the first input), for networks that need targets. */
    static Batch labelled(SampleStream s, int n) {
        Batch b = s.next(n);
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            y[i][0] = b.inputs()[i][0] > 0 ? 1 : 0;
        }
        return new Batch(b.inputs(), y, b.first());
    }

    private static double[] trainAndCopy(NetworkFactory f, long weightSeed) {
        Learner l = f.create("t", Params.defaults(f.parameters()), TASK.inputDim(), weightSeed);
        SampleStream s = TASK.stream(1);
        for (int i = 0; i < 10; i++) {
            l.learn(labelled(s, 8));
        }
        return l.weights().copy("w");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void parametersAreValidated(NetworkFactory f) {
        assertThrows(UserError.class, () -> Params.resolve(f.parameters(), Map.of("nope", 1), "test"));
        for (ParamSpec p : f.parameters()) {
            if (p.defaultValue() instanceof Number && Double.isFinite(p.min())) {
                double below = p.minExclusive() ? p.min() : p.min() - 1;
                assertThrows(UserError.class, () -> Params.resolve(f.parameters(), Map.of(p.name(), below), "test"),
                        p.name() + "=" + below);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theSameSeedsGiveIdenticalWeights(NetworkFactory f) {
        double[] a = trainAndCopy(f, 3);
        double[] b = trainAndCopy(f, 3);
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, trainAndCopy(f, 4)), "the weight seed must matter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void isAGradientLearnerThatCountsPresentations(NetworkFactory f) {
        Learner l = f.create("t", Params.defaults(f.parameters()), TASK.inputDim(), 1);
        l.learn(labelled(TASK.stream(0), 7));
        assertTrue(l.family() == Family.GRADIENT);
        assertTrue(l.presentations() == 7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void offersItsLossNormsAndActivationsAsProbesWithoutChangingWhatItLearns(NetworkFactory f) {
        Learner plain = f.create("t", Params.defaults(f.parameters()), TASK.inputDim(), 2);
        Learner probed = f.create("t", Params.defaults(f.parameters()), TASK.inputDim(), 2);
        Probeable p = (Probeable) probed;
        assertTrue(p.probes().keySet().containsAll(java.util.List.of("loss", "weight_norm", "grad_norm", "update_ratio_log10",
                "activation.layer0")), p.probes().toString());
        p.select(java.util.Set.of("grad_norm", "loss"));
        SampleStream a = TASK.stream(5);
        SampleStream b = TASK.stream(5);
        for (int i = 0; i < 5; i++) {
            plain.learn(labelled(a, 8));
            probed.learn(labelled(b, 8));
        }
        assertArrayEquals(plain.weights().copy("w"), probed.weights().copy("w"), 0.0, "recording must not change learning");
        for (String name : p.probes().keySet()) {
            double[] v = new double[p.probes().get(name)];
            p.probe(name, v);
            if (!name.equals("update_ratio_log10")) {
                for (double x : v) {
                    assertTrue(Double.isFinite(x), name + " " + Arrays.toString(v));
                }
            }
        }
        double[] loss = new double[1];
        p.probe("loss", loss);
        assertTrue(loss[0] >= 0, "a loss is not negative: " + loss[0]);
        double[] norms = new double[p.probes().get("weight_norm")];
        p.probe("weight_norm", norms);
        assertTrue(norms[0] > 0);
    }
}
