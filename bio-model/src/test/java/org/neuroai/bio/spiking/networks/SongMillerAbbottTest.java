package org.neuroai.bio.spiking.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.spiking.neurons.SpikeSource;
import org.neuroai.bio.spiking.neurons.SpikeTimesSource;
import org.neuroai.core.Params;

/** The network's plasticity against a direct sum over spike pairs, and its Poisson inputs. */
class SongMillerAbbottTest {
    private static Params params(Map<String, Object> overrides) {
        return Params.resolve(SongMillerAbbott.parameters(), overrides, "test");
    }

    /** A protocol's outcome: the final weights and every output spike time. */
    private record Outcome(double[] weights, List<Double> post) {}

    private static Outcome run(Params p, double[][] pre, double[] w0, double untilMs) {
        SpikeSource[] sources = new SpikeSource[pre.length];
        for (int i = 0; i < pre.length; i++) {
            sources[i] = new SpikeTimesSource(pre[i], "input " + i);
        }
        SongMillerAbbott net = new SongMillerAbbott(p, sources, w0);
        List<Double> post = new ArrayList<>();
        long steps = Math.round(untilMs / net.dt());
        for (long k = 0; k < steps; k++) {
            long before = net.outputSpikes();
            net.advance(1);
            if (net.outputSpikes() > before) {
                post.add(net.time());
            }
        }
        double[] w = new double[net.size()];
        net.copyWeights(w);
        return new Outcome(w, post);
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
        Params p = params(Map.of("g_max", 1.0, "A_plus", 0.05, "A_minus", 0.06));
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
        Params p = params(Map.of("g_max", 1.0, "A_plus", 0.8, "A_minus", 0.9));
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
        Params p = params(Map.of("g_max", 1.0, "A_plus", 0.05, "A_minus", 0.06));
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
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        Params p = params(Map.of("inputs", 200));
        double[][] w = new double[3][200];
        long[] out = new long[3];
        long[] seeds = {5, 5, 6};
        for (int k = 0; k < 3; k++) {
            SongMillerAbbott net = SongMillerAbbott.withPoissonInputs(p, seeds[k]);
            net.advance(20_000);
            net.copyWeights(w[k]);
            out[k] = net.outputSpikes();
        }
        assertArrayEquals(w[0], w[1]);
        assertEquals(out[0], out[1]);
        assertFalse(Arrays.equals(w[0], w[2]));
    }

    @Test
    void withoutPlasticityTheWeightsStayAndTheInputsFireAtTheirRate() {
        Map<String, Object> o = new HashMap<>(Map.of("A_plus", 0.0, "A_minus", 0.0));
        SongMillerAbbott net = SongMillerAbbott.withPoissonInputs(params(o), 3);
        double[] before = new double[net.size()];
        net.copyWeights(before);
        for (double x : before) {
            assertTrue(x >= 0 && x <= 1);
        }
        net.advance(100_000); // 10 s
        double[] after = new double[net.size()];
        net.copyWeights(after);
        assertArrayEquals(before, after);
        double expected = 1000 * 15 * 10.0;
        assertEquals(expected, net.inputSpikes(), 3 * Math.sqrt(expected));
        assertEquals(10_000, net.time(), 1e-6);
        assertTrue(net.outputSpikes() > 0);
    }

    @org.junit.jupiter.api.Test
    void aListenerHearsEverySpikeInTimeOrderWithinEachStream() {
        SongMillerAbbott net = SongMillerAbbott.withPoissonInputs(params(Map.of()), 3);
        long[] counts = new long[2];
        double[] lastOut = {Double.NEGATIVE_INFINITY};
        double[] lastIn = {Double.NEGATIVE_INFINITY};
        net.listen(new SongMillerAbbott.SpikeListener() {
            @Override
            public void input(int i, double t) {
                org.junit.jupiter.api.Assertions.assertTrue(t >= lastIn[0] && i >= 0 && i < net.size());
                lastIn[0] = t;
                counts[0]++;
            }

            @Override
            public void output(double t) {
                org.junit.jupiter.api.Assertions.assertTrue(t > lastOut[0]);
                lastOut[0] = t;
                counts[1]++;
            }
        });
        net.advance(20_000);
        org.junit.jupiter.api.Assertions.assertEquals(net.inputSpikes(), counts[0]);
        org.junit.jupiter.api.Assertions.assertEquals(net.outputSpikes(), counts[1]);
        org.junit.jupiter.api.Assertions.assertTrue(counts[1] > 0, "the neuron fired");
        net.listen(null);
        net.advance(100);
        org.junit.jupiter.api.Assertions.assertEquals(counts[0] + counts[1] > 0, true);
    }
}
