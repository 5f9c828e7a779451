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
    void theProposedUpdateIsTheStepTheNetworkThenTakesAndProposingChangesNothing() {
        // SGD on a linear unit: ΔW = −lr · 2 (y − t) x, averaged over the batch (DL4J's MSE with one output)
        MlpFactory f = new MlpFactory();
        Params sgd = Params.resolve(f.parameters(), Map.of("hidden", "", "output", "linear-mse", "optimiser", "sgd",
                "lr", "0.1", "bias", "false", "init", "zero"), "test");
        Mlp unit = (Mlp) f.create("unit", sgd, 2, 1);
        Batch b = new Batch(new double[][] {{1, 0}, {0, 2}}, new double[][] {{1}, {3}}, 0);
        double[][] d = unit.proposedUpdate(b);
        // at w = 0: −0.1 · 2 · ((−1)(1, 0) + (−3)(0, 2)) / 2 = (0.1, 0.6)
        assertEquals(0.1, d[0][0], 1e-6);
        assertEquals(0.6, d[0][1], 1e-6);
        assertEquals(0.0, unit.weights().copy("w")[0], "proposing does not learn");
        assertEquals(0, unit.presentations());

        // Adam after a few steps: the proposal is exactly the step learn then takes (its state travels with the copy)
        Params adam = Params.resolve(f.parameters(), Map.of("hidden", "3", "optimiser", "adam", "lr", "0.05"), "test");
        Mlp mlp = (Mlp) f.create("mlp", adam, 2, 9);
        for (int i = 0; i < 5; i++) {
            mlp.learn(new Batch(XOR_X, XOR_Y, i * 4L));
        }
        double[] w0 = mlp.weights().copy("w");
        double[][] proposed = mlp.proposedUpdate(new Batch(XOR_X, XOR_Y, 20));
        org.junit.jupiter.api.Assertions.assertArrayEquals(w0, mlp.weights().copy("w"));
        mlp.learn(new Batch(XOR_X, XOR_Y, 20));
        double[] w1 = mlp.weights().copy("w");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(w1[i * 2 + j] - w0[i * 2 + j], proposed[i][j], 1e-7, "unit " + i + ", input " + j);
            }
        }
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
