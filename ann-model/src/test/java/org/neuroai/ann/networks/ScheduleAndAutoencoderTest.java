package org.neuroai.ann.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;
import org.neuroai.core.Batch;
import org.neuroai.core.Split;
import org.neuroai.core.UserError;
import org.neuroai.core.metrics.SubspaceMetrics;

class ScheduleAndAutoencoderTest {
    /** 0.1 at first, tau = 100 presentations, 10 samples per iteration: tau is 10 iterations. */
    private static ISchedule schedule(String kind) {
        return new Mlp.Config(2, new int[0], 1, "tanh", "linear-mse", "sgd", 0.1, 100, 10, 0, 1, true, "random", kind, 0.5)
                .learningRate();
    }

    @Test
    void schedulesFollowTheirFormulasInPresentations() {
        assertEquals(0.1, schedule("constant").valueAt(1000, 0), 1e-15);
        assertEquals(0.1 / (1 + 50.0 / 100), schedule("inverse").valueAt(5, 0), 1e-12, "lr/(1+t/tau), t = 5 x 10");
        ISchedule step = schedule("step");
        assertEquals(0.1, step.valueAt(9, 0), 1e-15, "90 presentations: not yet tau");
        assertEquals(0.05, step.valueAt(10, 0), 1e-15, "halved at tau");
        assertEquals(0.025, step.valueAt(25, 0), 1e-15, "halved twice by 2.5 tau");
        ISchedule exp = schedule("exponential");
        assertEquals(0.05, exp.valueAt(10, 0), 1e-12, "lr decay^(t/tau) at t = tau");
        assertEquals(0.1 * Math.sqrt(0.5), exp.valueAt(5, 0), 1e-12);
        UserError e = assertThrows(UserError.class, () -> new Mlp.Config(2, new int[0], 1, "tanh", "linear-mse", "sgd", 0.1, 0, 10, 0,
                1, true, "random", "step", 0.5).learningRate());
        assertTrue(e.getMessage().contains("needs tau > 0"), e.getMessage());
    }

    @Test
    void trainingUsesTheSchedule() {
        // exponential decay by 1e-6 per presentation: after the first step the rate is practically 0
        Mlp mlp = new Mlp("m", new Mlp.Config(2, new int[0], 1, "tanh", "linear-mse", "sgd", 0.5, 1, 1, 0, 1, true, "random",
                "exponential", 1e-6));
        Batch b = new Batch(new double[][] {{1, 0}}, new double[][] {{3}}, 0);
        double before = mlp.predict(b.inputs())[0][0];
        mlp.learn(b);
        double afterOne = mlp.predict(b.inputs())[0][0];
        mlp.learn(b);
        double afterTwo = mlp.predict(b.inputs())[0][0];
        assertTrue(Math.abs(afterOne - before) > 0.1, "the first step moves the output");
        assertEquals(afterOne, afterTwo, 1e-5, "the second step, at rate 0.5e-6, does not");
    }

    @Test
    void anAutoencoderRebuildsInputsFromAPlane() {
        // inputs on a plane in 4 dimensions: two hidden linear units suffice to rebuild them
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[400][];
        for (int i = 0; i < x.length; i++) {
            double a = r.nextGaussian();
            double c = r.nextGaussian();
            x[i] = new double[] {a, c, a + c, a - c};
        }
        Autoencoder ae = (Autoencoder) new AutoencoderFactory().create("ae", org.neuroai.core.Params.resolve(
                new AutoencoderFactory().parameters(), java.util.Map.of("hidden", "2", "lr", "0.01", "batch", "20"), "test"), 4, 3);
        Split all = new Split("all", x, null);
        double start = SubspaceMetrics.reconstructionMse(ae, all);
        for (int epoch = 0; epoch < 60; epoch++) {
            for (int i = 0; i < x.length; i += 20) {
                ae.learn(new Batch(java.util.Arrays.copyOfRange(x, i, i + 20), null, i));
            }
        }
        double end = SubspaceMetrics.reconstructionMse(ae, all);
        assertTrue(end < 0.01 * start, "reconstruction error " + start + " -> " + end);
        assertEquals(60 * 400, ae.presentations());
    }
}
