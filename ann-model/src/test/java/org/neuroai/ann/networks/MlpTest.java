package org.neuroai.ann.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.Split;
import org.neuroai.core.metrics.PredictionMetrics;

class MlpTest {
    private static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] XOR_Y = {{0}, {1}, {1}, {0}};

    @Test
    void backpropagationSolvesXor() {
        // XOR is not linearly separable (Minsky & Papert 1969) but one hidden layer suffices
        // (Rumelhart, Hinton & Williams 1986).
        MlpFactory f = new MlpFactory();
        Params p = Params.resolve(f.parameters(), Map.of("hidden", "8", "lr", "0.05"), "test");
        Mlp mlp = (Mlp) f.create("mlp", p, 2, 3);
        for (int i = 0; i < 1500; i++) {
            mlp.learn(new Batch(XOR_X, XOR_Y, i * 4L));
        }
        assertEquals(1.0, PredictionMetrics.accuracy(mlp, new Split("xor", XOR_X, XOR_Y), 0.5));
        assertEquals(2, mlp.weights().shape("w")[1], "first-layer rows hold 2 input weights");
        assertEquals(8, mlp.weights().shape("w")[0]);
    }

    @Test
    void aLinearUnitTrainedBySgdOnSquaredErrorIsTheDeltaRuleAtTwiceTheRate() {
        // No hidden layer, identity output, loss (y − t)² (DL4J's MSE with one output), plain SGD:
        // Δw = −lr ∂(y − t)²/∂w = 2 lr (t − y) x, the delta rule with η = 2 lr. From zero weights
        // and without a bias, a cue presented with t = 1 on every step has w_n = 1 − (1 − 2 lr)^n.
        MlpFactory f = new MlpFactory();
        Params p = Params.resolve(f.parameters(), Map.of("hidden", "", "output", "linear-mse", "optimiser", "sgd",
                "lr", "0.05", "bias", "false", "init", "zero"), "test");
        Mlp unit = (Mlp) f.create("unit", p, 2, 1);
        assertEquals(0.0, unit.weights().copy("w")[0]);
        for (int n = 1; n <= 30; n++) {
            unit.learn(new Batch(new double[][] {{1, 0}}, new double[][] {{1}}, n - 1));
            double[] w = unit.weights().copy("w");
            assertEquals(1 - Math.pow(1 - 2 * 0.05, n), w[0], 1e-5, "step " + n);
            assertEquals(0.0, w[1], "an absent input does not learn");
        }
        assertEquals(2, unit.network().numParams(), "no bias");
    }

    @Test
    void zeroInitialWeightsAreRefusedWithHiddenLayers() {
        MlpFactory f = new MlpFactory();
        Params p = Params.resolve(f.parameters(), Map.of("hidden", "4", "init", "zero"), "test");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.neuroai.core.UserError.class,
                () -> f.create("m", p, 2, 1)).getMessage().contains("init=zero"));
    }

    @Test
    void badHiddenSizesAreRefused() {
        for (String bad : new String[] {"0", "a,3", "4,,2"}) {
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.neuroai.core.UserError.class,
                    () -> MlpFactory.hidden(bad)).getMessage().contains("'hidden'"));
        }
    }
}
