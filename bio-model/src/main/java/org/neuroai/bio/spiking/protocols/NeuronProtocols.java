package org.neuroai.bio.spiking.protocols;

import java.util.ArrayList;
import java.util.List;
import org.neuroai.bio.spiking.neurons.LifNeuron;
import org.neuroai.bio.spiking.neurons.PoissonSource;
import org.neuroai.core.Params;

/**
 * Protocols for the neuron itself: the firing rate against a constant input (f-I curve), the
 * membrane potential under a step current and under Poisson input, and the current and potential
 * of a single synaptic event (PSP). Times in ms, potentials in mV, currents in nA, conductances in
 * units of the leak conductance.
 */
public final class NeuronProtocols {
    private NeuronProtocols() {}

    /** A sampled trace: times, one or two variables, and the spike times. */
    public record Trace(double[] timeMs, double[] first, double[] v, List<Double> spikesMs) {}

    /**
     * The steady firing rate of a current-based LIF under a constant current: the inverse of the
     * mean inter-spike interval after the first spike (the first interval starts at rest, not at
     * reset).
     *
     * @param p resolved {@link LifNeuron.CurrentBased#currentParameters()}
     * @param nA the current
     * @param durationMs how long to drive it
     * @return the rate in Hz (0 with fewer than two spikes)
     */
    public static double currentRate(Params p, double nA, double durationMs) {
        LifNeuron.CurrentBased n = new LifNeuron.CurrentBased(p);
        n.setDrive(nA);
        List<Double> spikes = new ArrayList<>();
        while (n.advance(durationMs)) {
            spikes.add(n.time());
        }
        return rate(spikes);
    }

    /**
     * The steady firing rate of a conductance-based LIF under a constant (tonic) excitatory
     * conductance, measured as {@link #currentRate}.
     *
     * @param p resolved {@link LifNeuron.ConductanceBased#conductanceParameters()}
     * @param g the conductance
     * @param durationMs how long to drive it
     * @return the rate in Hz
     */
    public static double conductanceRate(Params p, double g, double durationMs) {
        LifNeuron.ConductanceBased n = new LifNeuron.ConductanceBased(p);
        n.setTonic(g);
        List<Double> spikes = new ArrayList<>();
        while (n.time() < durationMs) {
            if (n.step()) {
                spikes.add(n.time());
            }
        }
        return rate(spikes);
    }

    private static double rate(List<Double> spikes) {
        if (spikes.size() < 2) {
            return 0;
        }
        return 1000.0 * (spikes.size() - 1) / (spikes.get(spikes.size() - 1) - spikes.get(0));
    }

    /**
     * A current-based LIF under a step current: 0 before {@code onMs}, {@code nA} from then until
     * {@code offMs}, 0 after; V sampled every {@code sampleMs}.
     *
     * @return the trace (first = the injected current)
     */
    public static Trace step(Params p, double nA, double onMs, double offMs, double durationMs, double sampleMs) {
        LifNeuron.CurrentBased n = new LifNeuron.CurrentBased(p);
        return sampled(n, new double[] {onMs, offMs}, new Runnable[] {() -> n.setDrive(nA), () -> n.setDrive(0)}, durationMs, sampleMs,
                tk -> tk >= onMs && tk < offMs ? nA : 0);
    }

    /**
     * Runs a current-based LIF, applying each event at its time (times increasing), and samples V
     * and an input every {@code sampleMs}.
     */
    private static Trace sampled(LifNeuron.CurrentBased n, double[] eventMs, Runnable[] events, double durationMs, double sampleMs,
                                 java.util.function.DoubleUnaryOperator input) {
        int samples = (int) Math.floor(durationMs / sampleMs) + 1;
        double[] t = new double[samples];
        double[] in = new double[samples];
        double[] v = new double[samples];
        List<Double> spikes = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < samples; k++) {
            double tk = k * sampleMs;
            while (next < eventMs.length && eventMs[next] <= tk) {
                runTo(n, eventMs[next], spikes);
                events[next].run();
                next++;
            }
            runTo(n, tk, spikes);
            t[k] = tk;
            in[k] = input.applyAsDouble(tk);
            v[k] = n.v();
        }
        return new Trace(t, in, v, spikes);
    }

    private static void runTo(LifNeuron.CurrentBased n, double tMs, List<Double> spikes) {
        while (n.advance(tMs)) {
            spikes.add(n.time());
        }
    }

    /**
     * A current-based LIF driven by a Poisson train: each input makes the synaptic current jump by
     * {@code jumpNA}; V sampled every {@code sampleMs}.
     *
     * @return the trace (first = the synaptic current)
     */
    public static Trace poisson(Params p, double rateHz, double jumpNA, double durationMs, double sampleMs, long seed) {
        LifNeuron.CurrentBased n = new LifNeuron.CurrentBased(p);
        PoissonSource src = new PoissonSource(rateHz, seed);
        int samples = sampleMs > 0 ? (int) Math.floor(durationMs / sampleMs) + 1 : 0;
        double[] t = new double[samples];
        double[] in = new double[samples];
        double[] v = new double[samples];
        List<Double> spikes = new ArrayList<>();
        double input = src.next();
        int k = 0;
        while (true) {
            double sampleAt = k < samples ? k * sampleMs : Double.POSITIVE_INFINITY;
            double until = Math.min(Math.min(input, sampleAt), durationMs);
            runTo(n, until, spikes);
            if (until == sampleAt) {
                t[k] = sampleAt;
                in[k] = n.synapticCurrent();
                v[k] = n.v();
                k++;
            } else if (until == input) {
                n.inject(jumpNA);
                input = src.next();
            }
            if (until >= durationMs && k >= samples) {
                break;
            }
        }
        return new Trace(t, in, v, spikes);
    }

    /**
     * One synaptic event at {@code atMs} into a current-based LIF at rest: the current jumps by
     * {@code jumpNA} and decays with τ_syn; V rises and falls back (the PSP).
     *
     * @return the trace (first = the synaptic current)
     */
    public static Trace pspCurrent(Params p, double jumpNA, double atMs, double durationMs, double sampleMs) {
        LifNeuron.CurrentBased n = new LifNeuron.CurrentBased(p);
        return sampled(n, new double[] {atMs}, new Runnable[] {() -> n.inject(jumpNA)}, durationMs, sampleMs, tk -> n.synapticCurrent());
    }

    /**
     * One synaptic event at {@code atMs} into a conductance-based LIF at rest: the conductance jumps
     * by {@code dg} and decays with τ_e; V sampled at the end of every integration step.
     *
     * @return the trace (first = the conductance)
     */
    public static Trace pspConductance(Params p, double dg, double atMs, double durationMs) {
        LifNeuron.ConductanceBased n = new LifNeuron.ConductanceBased(p);
        List<Double> t = new ArrayList<>(List.of(0.0));
        List<Double> g = new ArrayList<>(List.of(0.0));
        List<Double> v = new ArrayList<>(List.of(n.v()));
        List<Double> spikes = new ArrayList<>();
        boolean sent = false;
        while (n.time() < durationMs) {
            if (!sent && atMs < n.stepEnd()) {
                n.excite(Math.max(atMs, n.time()), dg);
                sent = true;
            }
            if (n.step()) {
                spikes.add(n.time());
            }
            t.add(n.time());
            g.add(n.conductance());
            v.add(n.v());
        }
        return new Trace(t.stream().mapToDouble(Double::doubleValue).toArray(), g.stream().mapToDouble(Double::doubleValue).toArray(),
                v.stream().mapToDouble(Double::doubleValue).toArray(), spikes);
    }
}
