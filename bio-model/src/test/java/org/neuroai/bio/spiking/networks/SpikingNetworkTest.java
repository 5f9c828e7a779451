package org.neuroai.bio.spiking.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.tasks.PoissonTask;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Spikes;
import org.neuroai.core.UserError;

/** The network with the pair rule against a direct sum over spike pairs, its timing, and its Poisson inputs. */
class SpikingNetworkTest {
    private static final SpikeRule PAIR = Registry.get(SpikeRule.class, "stdp-pair", "rule");

    private static Params net(Map<String, Object> overrides) {
        return Params.resolve(SpikingNetwork.parameters(), overrides, "test");
    }

    private static Params pair(double aPlus, double aMinus) {
        return PAIR.params(null, Map.of("A_plus", aPlus, "A_minus", aMinus), "test");
    }

    /** A protocol's outcome: the final weights and every output spike time. */
    private record Outcome(double[] weights, List<Double> post) {}

    /** Every input's spikes merged in time order, as one window [0, untilMs). */
    private static Batch window(double[][] pre, double untilMs) {
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < pre.length; i++) {
            for (double t : pre[i]) {
                all.add(new double[] {t, i});
            }
        }
        all.sort((a, b) -> Double.compare(a[0], b[0]));
        int[] src = all.stream().mapToInt(x -> (int) x[1]).toArray();
        double[] times = all.stream().mapToDouble(x -> x[0]).toArray();
        return Batch.of(new Spikes(0, untilMs, pre.length, src, times), 0);
    }

    private static Outcome run(Params p, double[][] pre, double[] w0, double untilMs) {
        SpikingNetwork n = new SpikingNetwork("test", net(Map.of("g_max", 1.0)), PAIR, p, new double[][] {w0}, new SplittableRandom(1));
        List<Double> post = new ArrayList<>();
        n.listen(new SpikingNetwork.SpikeListener() {
            @Override
            public void input(int i, double tMs) {}

            @Override
            public void output(int neuron, double tMs) {
                post.add(tMs);
            }
        });
        n.learn(window(pre, untilMs));
        return new Outcome(n.weights().copy("w"), post);
    }

    /**
     * The additive all-to-all rule written out pair by pair, without traces: at a presynaptic spike
     * w ← max(0, w − A_− Σ_{earlier post} e^(−Δt/τ_−)), at a postsynaptic spike
     * w ← min(w_max, w + A_+ Σ_{earlier pre} e^(−Δt/τ_+)). A presynaptic spike at exactly the time
     * of a postsynaptic one comes after it (it belongs to the next step).
     */
    private static double reference(Params p, double w0, double[] pre, List<Double> post) {
        double w = w0;
        int i = 0;
        int j = 0;
        while (i < pre.length || j < post.size()) {
            boolean postNext = j < post.size() && (i == pre.length || post.get(j) <= pre[i]);
            if (postNext) {
                double t = post.get(j++);
                double sum = 0;
                for (int k = 0; k < i; k++) {
                    sum += Math.exp(-(t - pre[k]) / p.real("tau_plus_ms"));
                }
                w = Math.min(p.real("w_max"), w + p.real("A_plus") * sum);
            } else {
                double t = pre[i++];
                double sum = 0;
                for (int k = 0; k < j; k++) {
                    sum += Math.exp(-(t - post.get(k)) / p.real("tau_minus_ms"));
                }
                w = Math.max(0, w - p.real("A_minus") * sum);
            }
        }
        return w;
    }

    private static void assertMatchesReference(Params p, double[][] pre, double[] w0, Outcome o) {
        for (int i = 0; i < pre.length; i++) {
            assertEquals(reference(p, w0[i], pre[i], o.post()), o.weights()[i], 1e-12, "synapse " + i);
        }
    }

    /** A strong driver (input 0) makes the neuron fire a few times; the others are probes around those spikes. */
    private static final double[][] PROTOCOL = {
        {2, 2.05, 60, 60.05, 140},
        {1, 1.5, 9.3, 30, 58.72, 75},
        {0.2, 61.1, 61.9, 99},
        {5.55, 130, 141.13},
    };

    @Test
    void everyPairInteractsAsTheWindowSays() {
        Params p = pair(0.05, 0.06);
        double[] w0 = {1.0, 0.5, 0.2, 0.7};
        Outcome o = run(p, PROTOCOL, w0, 200);
        assertTrue(o.post().size() >= 3, "the driver makes the neuron fire: " + o.post());
        assertMatchesReference(p, PROTOCOL, w0, o);
        for (int i = 1; i < w0.length; i++) {
            assertTrue(o.weights()[i] != w0[i], "probe " + i + " took part in pairs");
        }
    }

    @Test
    void theBoundsClipAfterEachUpdate() {
        // A fifth, weak input fires only after the driver's last output spikes, so it can only be depressed.
        Params p = pair(0.8, 0.9);
        double[][] pre = Arrays.copyOf(PROTOCOL, 5);
        pre[4] = new double[] {150, 151, 152};
        double[] w0 = {1.0, 0.5, 0.2, 0.7, 0.1};
        Outcome o = run(p, pre, w0, 200);
        assertMatchesReference(p, pre, w0, o);
        assertTrue(Arrays.stream(o.weights()).anyMatch(w -> w == 0.0), Arrays.toString(o.weights()));
        assertTrue(Arrays.stream(o.weights()).anyMatch(w -> w == 1.0), Arrays.toString(o.weights()));
    }

    @Test
    void anInputInTheStepOfAnOutputSpikeComesBeforeItAndOneAtTheStepEndAfterIt() {
        Params p = pair(0.05, 0.06);
        double[][] driverOnly = {{2, 2.05}, {}};
        double first = run(p, driverOnly, new double[] {1.0, 0.3}, 50).post().get(0);
        // A probe half a step before the output spike, in the same step: potentiated by A_+ e^(−dt/2 τ_+), not depressed.
        double inStep = first - 0.05;
        Outcome o = run(p, new double[][] {{2, 2.05}, {inStep}}, new double[] {1.0, 0.3}, 50);
        assertEquals(first, o.post().get(0), 0.0, "the probe does not move the output spike");
        double expected = 0.3;
        for (double t : o.post()) {
            expected += 0.05 * Math.exp(-(t - inStep) / 20);
        }
        assertEquals(expected, o.weights()[1], 1e-12);
        // A probe at exactly the end of that step comes after the output spike: depressed by A_− e^0, not potentiated by it.
        Outcome after = run(p, new double[][] {{2, 2.05}, {first}}, new double[] {1.0, 0.3}, 50);
        assertEquals(List.of(first), after.post().subList(0, 1));
        double depressed = 0.3 - 0.06;
        for (double t : after.post().subList(1, after.post().size())) {
            depressed += 0.05 * Math.exp(-(t - first) / 20);
        }
        assertEquals(depressed, after.weights()[1], 1e-12);
    }

    @Test
    void aSpikeTransmitsTheWeightItFindsBeforeItsOwnDepression() {
        // A driver makes the neuron fire; 1.03 ms later input 1 (w = 0.4) arrives and is depressed to 0 by that
        // output spike (A_- = 0.5), yet the conductance it adds is g_max times 0.4, its weight on arrival.
        Params p = pair(0.0, 0.5);
        double first = run(p, new double[][] {{2, 2.05}, {}}, new double[] {1.0, 0.4}, 50).post().get(0);
        double t1 = first + 1.03;
        double end = Math.ceil(t1 * 10) / 10;
        double[] g = new double[2];
        double[][] w = new double[2][];
        double[][][] trains = {{{2, 2.05}, {t1}}, {{2, 2.05}, {}}};
        for (int k = 0; k < 2; k++) {
            SpikingNetwork n = new SpikingNetwork("t", net(Map.of("g_max", 1.0)), PAIR, p, new double[][] {{1.0, 0.4}},
                    new SplittableRandom(1));
            n.learn(window(trains[k], end));
            double[] one = new double[1];
            n.probe(SpikingNetwork.G, one);
            g[k] = one[0];
            w[k] = n.weights().copy("w");
        }
        assertEquals(0.0, w[0][1], "depressed to the bound");
        assertEquals(0.4 * Math.exp(-(end - t1) / 5), g[0] - g[1], 1e-12);
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        double[][] w = new double[3][];
        long[] out = new long[3];
        long[] seeds = {5, 5, 6};
        PoissonTask task = new PoissonTask(200, 15);
        for (int k = 0; k < 3; k++) {
            SpikingNetwork n = new SpikingNetwork("t", net(Map.of()), PAIR, PAIR.params(null, Map.of(), "t"), 200,
                    SpikingNetwork.weightRandom(seeds[k]));
            SampleStream s = task.stream(seeds[k]);
            for (int c = 0; c < 4; c++) {
                n.learn(s.next(500));
            }
            w[k] = n.weights().copy("w");
            out[k] = n.outputSpikes();
        }
        assertArrayEquals(w[0], w[1]);
        assertEquals(out[0], out[1]);
        assertFalse(Arrays.equals(w[0], w[2]));
    }

    @Test
    void withoutPlasticityTheWeightsStayAndTheInputsFireAtTheirRate() {
        SpikingNetwork n = new SpikingNetwork("t", net(Map.of()), PAIR, pair(0, 0), 1000, SpikingNetwork.weightRandom(3));
        double[] before = n.weights().copy("w");
        for (double x : before) {
            assertTrue(x >= 0 && x <= 1);
        }
        SampleStream s = new PoissonTask(1000, 15).stream(3);
        for (int c = 0; c < 10; c++) {
            n.learn(s.next(1000));
        }
        assertArrayEquals(before, n.weights().copy("w"));
        double expected = 1000 * 15 * 10.0;
        assertEquals(expected, n.inputSpikes(), 3 * Math.sqrt(expected));
        assertEquals(10_000, n.time(), 1e-6);
        assertEquals(10_000, n.presentations());
        assertTrue(n.outputSpikes() > 0);
    }

    @Test
    void aListenerHearsEverySpikeInTimeOrderWithinEachStream() {
        SpikingNetwork n = new SpikingNetwork("t", net(Map.of()), PAIR, PAIR.params(null, Map.of(), "t"), 1000,
                SpikingNetwork.weightRandom(3));
        long[] counts = new long[2];
        double[] lastOut = {Double.NEGATIVE_INFINITY};
        double[] lastIn = {Double.NEGATIVE_INFINITY};
        n.listen(new SpikingNetwork.SpikeListener() {
            @Override
            public void input(int i, double t) {
                assertTrue(t >= lastIn[0] && i >= 0 && i < 1000);
                lastIn[0] = t;
                counts[0]++;
            }

            @Override
            public void output(int neuron, double t) {
                assertTrue(t > lastOut[0] && neuron == 0);
                lastOut[0] = t;
                counts[1]++;
            }
        });
        SampleStream s = new PoissonTask(1000, 15).stream(3);
        n.learn(s.next(1000));
        n.learn(s.next(1000));
        assertEquals(n.inputSpikes(), counts[0]);
        assertEquals(n.outputSpikes(), counts[1]);
        assertTrue(counts[1] > 0, "the neuron fired");
    }

    @Test
    void windowsOfAnyLengthGiveTheSameRun() {
        // the windows a run is cut into (its checkpoints) change nothing: 7 ms, 1000 ms or 1 ms at a time
        double[][] w = new double[3][];
        long[] out = new long[3];
        int[][] cuts = {{7}, {1000}, {1, 999}};
        for (int k = 0; k < 3; k++) {
            SpikingNetwork n = new SpikingNetwork("t", net(Map.of()), PAIR, PAIR.params(null, Map.of(), "t"), 1000,
                    SpikingNetwork.weightRandom(9));
            SampleStream s = new PoissonTask(1000, 15).stream(9);
            int c = 0;
            while (s.position() < 2000) {
                int len = cuts[k][c++ % cuts[k].length];
                n.learn(s.next((int) Math.min(len, 2000 - s.position())));
            }
            w[k] = n.weights().copy("w");
            out[k] = n.outputSpikes();
        }
        assertTrue(out[0] > 0);
        assertEquals(out[0], out[1]);
        assertEquals(out[0], out[2]);
        assertArrayEquals(w[0], w[1]);
        assertArrayEquals(w[0], w[2]);
    }

    @Test
    void everyNeuronHasItsOwnSynapsesAndTheProbesReadThem() {
        Params nets = net(Map.of("neurons", 3));
        SpikingNetwork n = new SpikingNetwork("t", nets, PAIR, PAIR.params(null, Map.of(), "t"), 50, SpikingNetwork.weightRandom(2));
        assertArrayEquals(new int[] {3, 50}, n.weights().shape("w"));
        assertEquals(Map.of("trace_post", 150, "trace_pre", 150, "w", 150, "v", 3, "g", 3), n.probes());
        assertEquals(List.of("trace_post", "trace_pre", "w", "v", "g"), List.copyOf(n.probes().keySet()));
        double[] w = new double[150];
        n.probe("w", w);
        assertArrayEquals(n.weights().copy("w"), w);
        double[] v = new double[3];
        n.probe(SpikingNetwork.V, v);
        assertArrayEquals(new double[] {-74, -74, -74}, v, "at rest");
        assertThrows(IllegalArgumentException.class, () -> n.probe("theta", new double[150]));
    }

    @Test
    void aStepThatDoesNotDivideOneMillisecondIsRefused() {
        UserError e = assertThrows(UserError.class, () -> new SpikingNetwork("t", net(Map.of("dt_ms", 0.3)), PAIR,
                PAIR.params(null, Map.of(), "t"), 5, SpikingNetwork.weightRandom(1)));
        assertTrue(e.getMessage().contains("dt_ms = 0.3"), e.getMessage());
    }

    @Test
    void aBatchOfRowsIsRefused() {
        SpikingNetwork n = new SpikingNetwork("t", net(Map.of()), PAIR, PAIR.params(null, Map.of(), "t"), 5, SpikingNetwork.weightRandom(1));
        assertThrows(IllegalArgumentException.class, () -> n.learn(new Batch(new double[][] {{1, 2, 3, 4, 5}}, null, 0)));
    }
}
