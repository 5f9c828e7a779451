package org.neuroai.bio.spiking.networks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.bio.spiking.neurons.LifNeuron;
import org.neuroai.bio.spiking.neurons.PoissonSource;
import org.neuroai.bio.spiking.neurons.SpikeQueue;
import org.neuroai.bio.spiking.neurons.SpikeSource;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Competitive Hebbian learning through spike-timing-dependent plasticity: many excitatory
 * Poisson inputs drive one conductance-based LIF neuron through synapses that learn by additive,
 * hard-bounded pair STDP (S. Song, K. D. Miller &amp; L. F. Abbott 2000, Nat. Neurosci.
 * 3:919-926). Because depression slightly outweighs potentiation (A_−/A_+ = 1.05 with equal
 * windows), only inputs that help to cause postsynaptic spikes keep their weight: the weights are
 * driven to the two bounds, and the output rate settles low, nearly independent of the input rate.
 *
 * <p><b>Model.</b> The neuron is {@link LifNeuron.ConductanceBased}: τ_m dV/dt = (E_l − V) +
 * g_e (E_e − V), τ_e dg_e/dt = −g_e, with g_e in units of the leak conductance. A spike of input
 * i makes g_e jump by g_max·w_i, where the weight w_i is relative to g_max and stays in
 * [0, w_max]. Defaults are those of Brian2's example of the paper: 1000 inputs at 15 Hz,
 * τ_m = 10 ms, E_l = −74 mV, V_th = −54 mV, V_reset = −60 mV, τ_e = 5 ms, E_e = 0 mV,
 * g_max = 0.01, τ_+ = τ_− = 20 ms, A_+ = 0.01, A_− = 1.05 A_+, dt = 0.1 ms, and initial
 * weights uniform in [0, w_max]. Brian2's example writes the synaptic drive with a fixed driving
 * force, g_e (E_e − V_r); here it is g_e (E_e − V), the conductance of the paper.
 *
 * <p><b>Plasticity.</b> Each synapse has a presynaptic trace x_i (decay τ_+, +1 at each spike
 * of input i) and the neuron one postsynaptic trace y (decay τ_−, +1 at each output spike):
 *
 * <pre>
 *   input i spikes at t:   w_i ← max(0, w_i − A_− y(t))       (depression)
 *   output spikes at t:    w_i ← min(w_max, w_i + A_+ x_i(t))  for every i (potentiation)
 * </pre>
 *
 * <p>So every pair of a presynaptic and a postsynaptic spike interacts (all-to-all), with the
 * window A_+ e^(−Δt/τ_+) for Δt = t_post − t_pre &gt; 0 and −A_− e^(Δt/τ_−) for Δt &lt; 0; the
 * bounds clip after each update, not the summed change. Traces are not stepped: each holds its
 * value at its last update and is decayed in closed form, e^(−(t − t_last)/τ), when read.
 *
 * <p><b>Timing.</b> Input spike times are continuous: each input draws exponential intervals
 * lazily and a {@link SpikeQueue} delivers them in time order. The neuron is integrated with the
 * fixed step dt and an output spike is placed at the end of the step in which V crossed
 * threshold. An input spike inside a step [t, t + dt) is delivered, at its exact time, before
 * the step is integrated: g_e jumps by g_max w_i (the weight before this spike's own depression)
 * and counts towards a crossing in that step, the trace is read at the spike's own time, and the
 * synapse is depressed by earlier output spikes only. If the step ends with an
 * output spike, that input then counts as coming before it and is potentiated with
 * Δt = t + dt − t_pre in (0, dt]. An input at exactly t + dt belongs to the next step, after the
 * output spike.
 *
 * <p>Each step costs O(inputs spiking in it · log inputs), and each output spike O(inputs); no
 * object is allocated after construction.
 */
public final class SongMillerAbbott {
    private final LifNeuron.ConductanceBased neuron;
    private final SpikeQueue queue;
    private final double gMax;
    private final double wMax;
    private final double aPlus;
    private final double aMinus;
    private final double tauPlus;
    private final double tauMinus;
    private final double[] w;
    private final double[] preTrace;
    private final double[] preLast;
    private double postTrace;
    private double postLast;
    private long inputSpikes;

    /**
     * Every parameter: the inputs, the neuron ({@link LifNeuron.ConductanceBased#conductanceParameters()})
     * and the plasticity, with the defaults of Brian2's example of Song, Miller &amp; Abbott (2000).
     */
    public static List<ParamSpec> parameters() {
        List<ParamSpec> all = new ArrayList<>(List.of(
                ParamSpec.integer("inputs", 1000, 1, 1_000_000, "excitatory Poisson inputs"),
                ParamSpec.real("rate_hz", 15, 0, 1000, "Hz", "rate of every input"),
                ParamSpec.positive("g_max", 0.01, 100, "1", "conductance of a weight-1 synapse, in units of the leak conductance")));
        all.addAll(LifNeuron.ConductanceBased.conductanceParameters());
        all.addAll(List.of(
                ParamSpec.positive("tau_plus_ms", 20, 1e6, "ms", "decay of the presynaptic trace: width of the potentiation window"),
                ParamSpec.positive("tau_minus_ms", 20, 1e6, "ms", "decay of the postsynaptic trace: width of the depression window"),
                ParamSpec.real("A_plus", 0.01, 0, 1, "1", "potentiation per pre-before-post pair at Δt = 0, relative to g_max"),
                ParamSpec.real("A_minus", 0.0105, 0, 100, "1", "depression per post-before-pre pair at Δt = 0, relative to g_max"),
                ParamSpec.positive("w_max", 1, 1e6, "1", "upper bound of a weight, relative to g_max")));
        return List.copyOf(all);
    }

    /**
     * A network with given inputs and initial weights, for protocols and tests; {@code inputs} and
     * {@code rate_hz} of {@code p} are not used.
     *
     * @param p resolved {@link #parameters()}
     * @param inputs one source per synapse, read by this network only
     * @param initialWeights one weight per synapse, relative to g_max, in [0, w_max]; copied
     */
    public SongMillerAbbott(Params p, SpikeSource[] inputs, double[] initialWeights) {
        if (inputs.length != initialWeights.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + initialWeights.length + " weights");
        }
        neuron = new LifNeuron.ConductanceBased(p);
        gMax = p.real("g_max");
        wMax = p.real("w_max");
        aPlus = p.real("A_plus");
        aMinus = p.real("A_minus");
        tauPlus = p.real("tau_plus_ms");
        tauMinus = p.real("tau_minus_ms");
        for (double x : initialWeights) {
            if (!(x >= 0 && x <= wMax)) {
                throw new IllegalArgumentException("initial weight " + x + " is outside [0, " + wMax + "]");
            }
        }
        w = initialWeights.clone();
        queue = new SpikeQueue(inputs);
        preTrace = new double[w.length];
        preLast = new double[w.length];
    }

    /**
     * The network of the paper: {@code inputs} Poisson inputs at {@code rate_hz} and initial weights
     * uniform in [0, w_max].
     *
     * @param p resolved {@link #parameters()}
     * @param seed seeds the initial weights and, independently, every input's spike train
     * @return the network at time 0
     */
    public static SongMillerAbbott withPoissonInputs(Params p, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom weights = root.split();
        int n = p.integer("inputs");
        double[] w = new double[n];
        SpikeSource[] inputs = new SpikeSource[n];
        for (int i = 0; i < n; i++) {
            w[i] = p.real("w_max") * weights.nextDouble();
            inputs[i] = new PoissonSource(p.real("rate_hz"), root.split());
        }
        return new SongMillerAbbott(p, inputs, w);
    }

    /** Told of every spike as it is delivered, for rasters. */
    public interface SpikeListener {
        /**
         * Input {@code i} spiked at {@code t} ms.
         *
         * @param i the input
         * @param t its spike time, ms
         */
        void input(int i, double t);

        /**
         * The output neuron spiked at {@code t} ms (the end of the step in which it crossed threshold).
         *
         * @param t the spike time, ms
         */
        void output(double t);
    }

    private SpikeListener listener;

    /**
     * Sets who is told of spikes from now on.
     *
     * @param l the listener, or null for none
     */
    public void listen(SpikeListener l) {
        this.listener = l;
    }

    /**
     * Simulates a number of steps of dt.
     *
     * @param steps how many
     */
    public void advance(long steps) {
        for (long k = 0; k < steps; k++) {
            step();
        }
    }

    private void step() {
        double end = neuron.stepEnd();
        for (double t = queue.peekTime(); t < end; t = queue.peekTime()) {
            int i = queue.peekSource();
            queue.pop();
            neuron.excite(t, gMax * w[i]);
            if (listener != null) {
                listener.input(i, t);
            }
            preTrace[i] = preTrace[i] * Math.exp((preLast[i] - t) / tauPlus) + 1;
            preLast[i] = t;
            w[i] = Math.max(0, w[i] - aMinus * postTrace * Math.exp((postLast - t) / tauMinus));
            inputSpikes++;
        }
        if (neuron.step()) {
            double t = neuron.time();
            if (listener != null) {
                listener.output(t);
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.min(wMax, w[i] + aPlus * preTrace[i] * Math.exp((preLast[i] - t) / tauPlus));
            }
            postTrace = postTrace * Math.exp((postLast - t) / tauMinus) + 1;
            postLast = t;
        }
    }

    /** Simulated time, in ms. */
    public double time() {
        return neuron.time();
    }

    /** The integration step, in ms. */
    public double dt() {
        return neuron.dt();
    }

    /** Output spikes so far. */
    public long outputSpikes() {
        return neuron.spikeCount();
    }

    /** Input spikes delivered so far, over all inputs. */
    public long inputSpikes() {
        return inputSpikes;
    }

    /** Number of inputs (synapses). */
    public int size() {
        return w.length;
    }

    /** The upper bound of a weight, relative to g_max. */
    public double wMax() {
        return wMax;
    }

    /**
     * Copies the weights, relative to g_max.
     *
     * @param into an array of at least {@link #size()} elements
     */
    public void copyWeights(double[] into) {
        System.arraycopy(w, 0, into, 0, w.length);
    }

    /** The membrane potential now, in mV. */
    public double v() {
        return neuron.v();
    }
}
