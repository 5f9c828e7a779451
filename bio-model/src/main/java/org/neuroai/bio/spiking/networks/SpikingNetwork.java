package org.neuroai.bio.spiking.networks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.bio.spiking.neurons.LifNeuron;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Probeable;
import org.neuroai.core.Spikes;
import org.neuroai.core.Spiking;
import org.neuroai.core.UserError;
import org.neuroai.core.WeightView;

/**
 * Inputs onto conductance-based leaky integrate-and-fire neurons ({@link LifNeuron.ConductanceBased})
 * through synapses of any registered {@link SpikeRule}: every neuron receives every input, each
 * connection its own {@link SpikeSynapse}. With the pair rule ({@code stdp-pair}, additive, all to
 * all) and the defaults this is the network of S. Song, K. D. Miller &amp; L. F. Abbott 2000,
 * "Competitive Hebbian learning through spike-timing-dependent synaptic plasticity", Nat.
 * Neurosci. 3:919-926, in the form of Brian2's example of the paper: τ_m = 10 ms, E_l = −74 mV,
 * V_th = −54 mV, V_reset = −60 mV, τ_e = 5 ms, E_e = 0 mV, g_max = 0.01, dt = 0.1 ms. One
 * difference from that example: the synaptic drive is g_e (E_e − V), a conductance, where Brian2's
 * example uses a fixed driving force g_e (E_e − V_r).
 *
 * <p><b>Synapses.</b> A spike of input i at time t calls {@code pre(t)} on the synapse from i to
 * each neuron; the value it returns is that spike's efficacy, and the neuron's conductance g_e
 * (in units of the leak conductance) jumps by g_max times it. For the STDP rules the efficacy is
 * the weight w the spike finds, relative to g_max; for short-term plasticity the released fraction
 * A·u·R. A spike of neuron j at time t calls {@code post(t)} on every synapse onto j. The network
 * sets three parameters of every synapse itself, where the rule has them ({@link #OWNED}):
 * {@code w_max}, the network's bound; {@code w0}, drawn uniformly from [0, w_max], synapse by
 * synapse (neuron by neuron, input by input); and {@code seed}, the seed of a synapse's own
 * noise, drawn from a stream split off after the weights'.
 *
 * <p><b>Timing.</b> The neurons are integrated with the fixed step dt; an output spike is placed at
 * the end of the step in which V crossed threshold. An input spike inside a step [t, t + dt) is
 * delivered at its exact time before the step is integrated: g_e jumps at that time and counts
 * towards a crossing in that step; the synapse sees {@code pre} at the spike's time, so it pairs
 * with earlier output spikes only. If the step ends with an output spike, that input then counts as
 * coming before it. An input at exactly t + dt belongs to the next step, after the output spike.
 * {@link #learn(Batch)} integrates a window of the task's stream, [from, to) ms, to its end, which
 * must be a whole number of steps.
 *
 * <p>Each step costs O(inputs spiking in it · neurons), and each output spike O(inputs).
 */
public final class SpikingNetwork implements Learner, Probeable, Spiking {
    /** Parameters of a synapse that the network sets for every synapse itself (see the class comment). */
    public static final List<String> OWNED = List.of("w0", "w_max", "seed");
    /** The probe of each neuron's membrane potential, in mV. */
    public static final String V = "v";
    /** The probe of each neuron's excitatory conductance, in units of the leak conductance. */
    public static final String G = "g";

    private final String name;
    private final SpikeRule rule;
    private final LifNeuron.ConductanceBased[] neurons;
    private final SpikeSynapse[][] synapses;
    private final int inputs;
    private final double gMax;
    private final double wMax;
    private final double dt;
    private final List<String> synapseProbes;
    private long steps;
    private long inputSpikes;
    private long outputSpikes;
    private int[] waitingSource = new int[0];
    private double[] waitingTime = new double[0];
    private int waiting;
    private SpikeListener listener;

    /** Told of every spike as it is delivered, for rasters. */
    public interface SpikeListener {
        /**
         * Input {@code i} spiked at {@code tMs}.
         *
         * @param i the input
         * @param tMs its time, ms
         */
        void input(int i, double tMs);

        /**
         * A neuron spiked at {@code tMs} (the end of the step in which it crossed threshold).
         *
         * @param neuron the neuron
         * @param tMs its time, ms
         */
        void output(int neuron, double tMs);
    }

    /**
     * The heap a network of these sizes takes: each synapse is an object holding its weight, its
     * traces and its rule's state (about 200 bytes), one per neuron and input.
     *
     * @param inputs inputs
     * @param neurons output neurons
     * @return bytes, as a double so that no product of sizes overflows
     */
    public static double heapBytes(int inputs, int neurons) {
        return 200.0 * neurons * inputs;
    }

    /**
     * The network's own parameters: {@code neurons}, {@code g_max}, {@code w_max}, and the neurons'
     * ({@link LifNeuron.ConductanceBased#conductanceParameters()}), with the defaults of Brian2's
     * example of Song, Miller &amp; Abbott (2000).
     */
    public static List<ParamSpec> parameters() {
        List<ParamSpec> all = new ArrayList<>(List.of(
                ParamSpec.integer("neurons", 1, 1, 10_000, "output neurons, each receiving every input"),
                ParamSpec.positive("g_max", 0.01, 100, "1", "conductance of a synapse of efficacy 1, in units of the leak conductance"),
                ParamSpec.positive("w_max", 1, 1e6, "1", "upper bound of a weight (the rule's w_max, where it has one); initial "
                        + "weights are uniform in [0, w_max]")));
        all.addAll(LifNeuron.ConductanceBased.conductanceParameters());
        return List.copyOf(all);
    }

    /**
     * The parameters of a rule that a user may set for the network's synapses: all but {@link #OWNED}.
     *
     * @param rule the rule
     * @return its parameters without those the network sets
     */
    public static List<ParamSpec> synapseParameters(SpikeRule rule) {
        return rule.parameters().stream().filter(p -> !OWNED.contains(p.name())).toList();
    }

    /**
     * The generator of the initial weights of a network grown from a seed: the first split of
     * {@code new SplittableRandom(seed)}, the root whose later splits make the trains of
     * {@link org.neuroai.bio.spiking.tasks.PoissonTask} for the same seed.
     *
     * @param seed the seed
     * @return the generator
     */
    public static SplittableRandom weightRandom(long seed) {
        return new SplittableRandom(seed).split();
    }

    /**
     * A network.
     *
     * @param name its name in traces
     * @param net resolved {@link #parameters()}
     * @param rule the synapses' rule
     * @param synapse the rule's resolved parameters (a preset and overrides); those in {@link #OWNED}
     *     are replaced synapse by synapse
     * @param inputs number of inputs
     * @param weights the generator of the initial weights (see {@link #weightRandom(long)}), used
     *     here only
     * @throws UserError for a reset potential at or above threshold, or a step that does not divide 1 ms
     */
    public SpikingNetwork(String name, Params net, SpikeRule rule, Params synapse, int inputs, SplittableRandom weights) {
        this(name, net, rule, synapse, inputs, weights, null);
    }

    /**
     * A network with given initial weights, for protocols and tests.
     *
     * @param name its name in traces
     * @param net resolved {@link #parameters()}; its {@code neurons} must equal the rows of {@code initialWeights}
     * @param rule the synapses' rule, one with a parameter {@code w0}
     * @param synapse the rule's resolved parameters
     * @param initialWeights each synapse's {@code w0}: one row per neuron, one column per input
     * @param random the generator of the synapses' seeds, where the rule has one
     * @throws IllegalArgumentException when the rule has no {@code w0} or the shape is not the network's
     */
    public SpikingNetwork(String name, Params net, SpikeRule rule, Params synapse, double[][] initialWeights, SplittableRandom random) {
        this(name, net, rule, synapse, initialWeights[0].length, random, initialWeights);
    }

    private SpikingNetwork(String name, Params net, SpikeRule rule, Params synapse, int inputs, SplittableRandom weights,
                           double[][] given) {
        this.name = name;
        this.rule = rule;
        this.inputs = inputs;
        this.gMax = net.real("g_max");
        this.wMax = net.real("w_max");
        int n = net.integer("neurons");
        neurons = new LifNeuron.ConductanceBased[n];
        for (int j = 0; j < n; j++) {
            neurons[j] = new LifNeuron.ConductanceBased(net);
        }
        dt = neurons[0].dt();
        double perMs = 1 / dt;
        if (Math.abs(perMs - Math.rint(perMs)) > 1e-9 * perMs) {
            throw new UserError(String.format(Locale.ROOT, "network '%s': dt_ms = %s does not divide 1 ms; valid are 1/k ms, "
                    + "such as 0.1, 0.05 or 0.025.", name, dt));
        }
        Set<String> declared = new TreeSet<>();
        rule.parameters().forEach(p -> declared.add(p.name()));
        Map<String, Object> values = new LinkedHashMap<>(synapse.asMap());
        if (declared.contains("w_max")) {
            values.put("w_max", wMax);
        }
        if (given != null && (!declared.contains("w0") || given.length != n)) {
            throw new IllegalArgumentException("initial weights need a rule with w0 and one row per neuron (" + n + "), not "
                    + given.length + " rows for rule '" + rule.name() + "'");
        }
        SplittableRandom noise = declared.contains("seed") ? weights.split() : null;
        synapses = new SpikeSynapse[n][inputs];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < inputs; i++) {
                if (given != null) {
                    values.put("w0", given[j][i]);
                } else if (declared.contains("w0")) {
                    values.put("w0", wMax * weights.nextDouble());
                }
                if (noise != null) {
                    values.put("seed", noise.nextInt(Integer.MAX_VALUE));
                }
                synapses[j][i] = rule.create(Params.resolve(rule.parameters(), values, "synapse of network '" + name + "'"));
            }
        }
        synapseProbes = List.copyOf(new TreeSet<>(synapses[0][0].probe().keySet()));
    }

    /**
     * Sets who is told of spikes from now on.
     *
     * @param l the listener, or null for none
     */
    public void listen(SpikeListener l) {
        this.listener = l;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.BIO;
    }

    /**
     * Integrates the window of simulated time the batch holds, delivering each of its input spikes
     * at its time, up to the window's end.
     *
     * @param batch a window of spikes ({@link Batch#spikes()}), starting where the last one ended
     * @throws IllegalArgumentException for a batch of rows, another number of inputs, or a window
     *     whose end is not a whole number of steps
     */
    @Override
    public void learn(Batch batch) {
        Spikes s = batch.spikes();
        if (s == null) {
            throw new IllegalArgumentException("network '" + name + "' learns from spikes, and this batch holds rows of samples");
        }
        if (s.inputs() != inputs) {
            throw new IllegalArgumentException("network '" + name + "' has " + inputs + " inputs, and the spikes come from " + s.inputs());
        }
        long target = Math.round(s.toMs() / dt);
        if (Math.abs(target * dt - s.toMs()) > 1e-9 * Math.max(1, s.toMs())) {
            throw new IllegalArgumentException("window end " + s.toMs() + " ms is not a whole number of steps of " + dt + " ms");
        }
        int[] source = s.source();
        double[] time = s.timeMs();
        int k = 0;
        int w = 0;
        while (steps < target) {
            double end = neurons[0].stepEnd();
            for (; w < waiting && waitingTime[w] < end; w++) {
                deliver(waitingSource[w], waitingTime[w]);
            }
            for (; k < source.length && time[k] < end; k++) {
                deliver(source[k], time[k]);
            }
            step();
        }
        keepForLater(w, source, time, k);
    }

    /**
     * Keeps the spikes not yet delivered (a window's end and the last step's end can differ by a
     * rounding error) for the next window, before its own spikes.
     */
    private void keepForLater(int w, int[] source, double[] time, int k) {
        int left = waiting - w + source.length - k;
        int[] src = new int[left];
        double[] t = new double[left];
        System.arraycopy(waitingSource, w, src, 0, waiting - w);
        System.arraycopy(waitingTime, w, t, 0, waiting - w);
        System.arraycopy(source, k, src, waiting - w, source.length - k);
        System.arraycopy(time, k, t, waiting - w, source.length - k);
        waitingSource = src;
        waitingTime = t;
        waiting = left;
    }

    /** One input spike: its efficacy at each synapse, and each neuron's conductance jump. */
    private void deliver(int i, double t) {
        // a spike that a rounding error put into a step already integrated counts at the step's start
        double at = Math.max(t, neurons[0].time());
        for (int j = 0; j < neurons.length; j++) {
            double efficacy = synapses[j][i].pre(at);
            neurons[j].excite(at, gMax * efficacy);
        }
        inputSpikes++;
        if (listener != null) {
            listener.input(i, at);
        }
    }

    /** One step of every neuron; a neuron that fires tells its synapses. */
    private void step() {
        for (int j = 0; j < neurons.length; j++) {
            if (neurons[j].step()) {
                double t = neurons[j].time();
                SpikeSynapse[] mine = synapses[j];
                for (SpikeSynapse syn : mine) {
                    syn.post(t);
                }
                outputSpikes++;
                if (listener != null) {
                    listener.output(j, t);
                }
            }
        }
        steps++;
    }

    /** The synapses' efficacies ({@link SpikeSynapse#weight()}) as group "w", one row per neuron. */
    @Override
    public WeightView weights() {
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.of("w");
            }

            @Override
            public int[] shape(String group) {
                return new int[] {neurons.length, inputs};
            }

            @Override
            public void copy(String group, double[] dest) {
                for (int j = 0; j < neurons.length; j++) {
                    for (int i = 0; i < inputs; i++) {
                        dest[j * inputs + i] = synapses[j][i].weight();
                    }
                }
            }
        };
    }

    /** Simulated time so far, in whole ms. */
    @Override
    public long presentations() {
        return Math.round(time());
    }

    /**
     * Every state variable of the synapses (the rule's, read at the current time, one value per
     * synapse, neuron by neuron), then {@value #V} and {@value #G}, one value per neuron.
     */
    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String p : synapseProbes) {
            out.put(p, neurons.length * inputs);
        }
        out.put(V, neurons.length);
        out.put(G, neurons.length);
        return out;
    }

    @Override
    public void probe(String probe, double[] dest) {
        if (probe.equals(V) || probe.equals(G)) {
            for (int j = 0; j < neurons.length; j++) {
                dest[j] = probe.equals(V) ? neurons[j].v() : neurons[j].conductance();
            }
            return;
        }
        if (!synapseProbes.contains(probe)) {
            throw new IllegalArgumentException("network '" + name + "' has no probe '" + probe + "'; it has " + probes().keySet());
        }
        double now = time();
        for (int j = 0; j < neurons.length; j++) {
            for (int i = 0; i < inputs; i++) {
                dest[j * inputs + i] = synapses[j][i].probe(now).get(probe);
            }
        }
    }

    /** The synapses' rule. */
    public SpikeRule rule() {
        return rule;
    }

    /** Simulated time, in ms. */
    public double time() {
        return neurons[0].time();
    }

    /** The integration step, in ms. */
    public double dt() {
        return dt;
    }

    /** The upper bound of a weight. */
    public double wMax() {
        return wMax;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return neurons.length;
    }

    @Override
    public long inputSpikes() {
        return inputSpikes;
    }

    @Override
    public long outputSpikes() {
        return outputSpikes;
    }
}
