package org.neuroai.bio.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.Probeable;
import org.neuroai.core.Proposer;
import org.neuroai.core.Reconstructor;
import org.neuroai.core.SubspaceLearner;
import org.neuroai.core.WeightView;
import org.neuroai.bio.Activation;

/**
 * A single layer of units, y = f(W x) (with an optional bias weight on a constant input of 1),
 * whose weights change only by a local plasticity rule, one presentation at a time. The units are
 * linear by default; see {@link Activation} for rate and threshold units. When the task gives
 * targets they are handed to the rule (supervised rules need them).
 *
 * <p>The learning rate is annealed as η_t = η / (1 + t/τ) (t in presentations; τ = 0 keeps it
 * constant), the Robbins-Monro schedule under which Oja's and Sanger's rules converge. Initial
 * weights are drawn from {@code weightSeed}: each row a uniformly random direction (or, on
 * request, a random positive vector; see {@link InitialWeights}) scaled to {@code initNorm}.
 */
public final class RuleNetwork implements Learner, Reconstructor, SubspaceLearner, Predictor, Probeable, Proposer {
    private final String name;
    private final PlasticityRule rule;
    private final Params ruleParams;
    private final Plasticity plasticity;
    private final double eta;
    private final double tau;
    private final double[][] w;
    private final double[] y;
    private final Activation activation;
    private final boolean bias;
    private final double[] xb;
    private final long weightSeed;
    private final double initNorm;
    private final InitialWeights init;
    private long t;

    /**
     * @param name name in traces
     * @param rule the plasticity rule
     * @param ruleParams its resolved parameters (including eta)
     * @param nInputs inputs per unit
     * @param nUnits units
     * @param tau annealing time constant in presentations, 0 for a constant rate
     * @param initNorm norm of each initial weight row
     * @param weightSeed seed of the initial weights
     */
    public RuleNetwork(String name, PlasticityRule rule, Params ruleParams, int nInputs, int nUnits, double tau,
                       double initNorm, long weightSeed) {
        this(name, rule, ruleParams, nInputs, nUnits, Activation.LINEAR, false, tau, initNorm, weightSeed);
    }

    /**
     * @param name name in traces
     * @param rule the plasticity rule
     * @param ruleParams its resolved parameters (including eta)
     * @param nInputs inputs per unit (not counting the bias input)
     * @param nUnits units
     * @param activation what each unit does with its summed input
     * @param bias whether each unit has a bias weight on a constant input of 1 (the last column of "w")
     * @param tau annealing time constant in presentations, 0 for a constant rate
     * @param initNorm norm of each initial weight row
     * @param weightSeed seed of the initial weights
     */
    public RuleNetwork(String name, PlasticityRule rule, Params ruleParams, int nInputs, int nUnits, Activation activation,
                       boolean bias, double tau, double initNorm, long weightSeed) {
        this(name, rule, ruleParams, nInputs, nUnits, activation, bias, tau, InitialWeights.RANDOM_DIRECTION, initNorm,
                weightSeed);
    }

    /**
     * @param name name in traces
     * @param rule the plasticity rule
     * @param ruleParams its resolved parameters (including eta)
     * @param nInputs inputs per unit (not counting the bias input)
     * @param nUnits units
     * @param activation what each unit does with its summed input
     * @param bias whether each unit has a bias weight on a constant input of 1 (the last column of "w")
     * @param tau annealing time constant in presentations, 0 for a constant rate
     * @param init how the initial weight rows are drawn
     * @param initNorm norm of each initial weight row
     * @param weightSeed seed of the initial weights
     */
    public RuleNetwork(String name, PlasticityRule rule, Params ruleParams, int nInputs, int nUnits, Activation activation,
                       boolean bias, double tau, InitialWeights init, double initNorm, long weightSeed) {
        this.init = init;
        this.activation = activation;
        this.bias = bias;
        this.xb = new double[nInputs + (bias ? 1 : 0)];
        this.name = name;
        this.rule = rule;
        this.ruleParams = ruleParams;
        this.plasticity = rule.create(ruleParams, nInputs + (bias ? 1 : 0), nUnits);
        this.eta = ruleParams.real("eta");
        this.tau = tau;
        this.w = new double[nUnits][nInputs + (bias ? 1 : 0)];
        this.y = new double[nUnits];
        this.weightSeed = weightSeed;
        this.initNorm = initNorm;
        reset();
    }

    /** The output of each unit at the last presentation: a probe every layer offers. */
    public static final String OUTPUT = "output";

    /**
     * The rule's probes ({@link PlasticityRule#probeable()}) with their lengths, and
     * {@value #OUTPUT}, the units' outputs at the last presentation.
     */
    /**
     * The heap a layer of these sizes takes: its weights and, while it is recorded, a copy of them
     * and a running sum of the same size.
     *
     * @param inputs input dimension
     * @param units units
     * @return bytes, as a double so that no product of sizes overflows
     */
    public static double heapBytes(int inputs, int units) {
        return 4.0 * Double.BYTES * units * (inputs + 1.0);
    }

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<String, double[]> state = plasticity.probe();
        for (String name : rule.probeable()) {
            double[] v = state.get(name);
            if (v != null) {
                out.put(name, v.length);
            }
        }
        out.put(OUTPUT, y.length);
        return out;
    }

    @Override
    public void probe(String name, double[] dest) {
        if (name.equals(OUTPUT)) {
            System.arraycopy(y, 0, dest, 0, y.length);
            return;
        }
        double[] v = plasticity.probe().get(name);
        if (v == null) {
            throw new IllegalArgumentException("rule '" + rule.name() + "' has no probe '" + name + "'; it has " + probes().keySet());
        }
        System.arraycopy(v, 0, dest, 0, v.length);
    }

    /** Restores initial weights and the rule's initial state. */
    public void reset() {
        init.fill(w, initNorm, new SplittableRandom(weightSeed));
        plasticity.reset();
        t = 0;
    }

    /** The rule. */
    public PlasticityRule rule() {
        return rule;
    }

    /** The rule's state, for probing. */
    public Plasticity plasticity() {
        return plasticity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.BIO;
    }

    @Override
    public void learn(Batch batch) {
        double[][] targets = batch.targets();
        if (targets == null && rule.supervised()) {
            throw new org.neuroai.core.UserError("rule '" + rule.name() + "' is supervised, but task gives no targets; "
                    + "use it on a task with targets.");
        }
        double[][] xs = batch.inputs();
        for (int s = 0; s < xs.length; s++) {
            present(xs[s], targets == null ? null : targets[s]);
        }
    }

    /**
     * Presents samples from a stream until {@code presentations} samples have been drawn from it.
     *
     * @param stream the samples
     * @param presentations how many the stream should have handed out when this returns
     */
    public void train(org.neuroai.core.SampleStream stream, long presentations) {
        while (stream.position() < presentations) {
            learn(stream.next((int) Math.min(256, presentations - stream.position())));
        }
    }

    /**
     * One presentation: compute the outputs, then let the rule change the weights.
     *
     * @param x the input
     * @param target the desired output, or null
     */
    public void present(double[] x, double[] target) {
        double[] in = input(x);
        output(in, y);
        double rate = tau > 0 ? eta / (1.0 + t / tau) : eta;
        plasticity.update(w, in, y, target, rate);
        t++;
    }

    /**
     * The change the rule would make on some samples, without making it: the sum over the samples
     * of the single-presentation change, each taken at the current weights and the current rate
     * (batch mode, as a minibatch of {@link CompetingLayer} is ranked against the weights at its
     * start). Neither the weights nor the rule's state change; the rule runs on a copy of the
     * weights with a fresh state from {@link PlasticityRule#create}, which is exact for stateless
     * rules (Hebb without normalisation, delta, perceptron, Krotov-Hopfield) and, for rules with a
     * running state such as BCM's threshold, gives the change from the rule's initial state.
     *
     * @param inputs one row per sample (without the bias input)
     * @param targets one row per sample, or null for unsupervised rules
     * @return ΔW, one row per unit, the bias weight last when the layer has one
     */
    public double[][] proposedUpdate(double[][] inputs, double[][] targets) {
        if (targets == null && rule.supervised()) {
            throw new org.neuroai.core.UserError("rule '" + rule.name() + "' is supervised, but no targets were given; "
                    + "propose its update on samples with targets.");
        }
        Plasticity fresh = rule.create(ruleParams, w[0].length, w.length);
        double rate = tau > 0 ? eta / (1.0 + t / tau) : eta;
        double[][] sum = new double[w.length][w[0].length];
        double[][] copy = new double[w.length][];
        double[] out = new double[w.length];
        for (int s = 0; s < inputs.length; s++) {
            double[] in = input(inputs[s]).clone();
            output(in, out);
            for (int i = 0; i < w.length; i++) {
                copy[i] = w[i].clone();
            }
            fresh.update(copy, in, out, targets == null ? null : targets[s], rate);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    sum[i][j] += copy[i][j] - w[i][j];
                }
            }
        }
        return sum;
    }

    /** {@link #proposedUpdate(double[][], double[][])} on the batch's inputs and targets. */
    @Override
    public double[][] proposedUpdate(Batch batch) {
        return proposedUpdate(batch.inputs(), batch.targets());
    }

    /** The input as the synapses see it: with the constant bias input appended when there is one. */
    private double[] input(double[] x) {
        if (!bias) {
            return x;
        }
        System.arraycopy(x, 0, xb, 0, x.length);
        xb[x.length] = 1;
        return xb;
    }

    private void output(double[] in, double[] out) {
        dot(w, in, out);
        for (int i = 0; i < w.length; i++) {
            out[i] = activation.apply(out[i]);
        }
    }

    /**
     * Each row's dot product with {@code x}, summed from the first element to the last, exactly as
     * {@code s += w[i][j] * x[j]} one row at a time would. Four rows go side by side: their four
     * sums do not wait on one another, where one row's additions each wait for the one before (the
     * compiler may not reorder a floating-point sum), so the processor overlaps them; each sum
     * keeps its own order, so the results are the same to the last bit.
     *
     * @param w the rows, all of one length, at most as long as {@code x}
     * @param x the vector
     * @param out filled with the dot products
     */
    static void dot(double[][] w, double[] x, double[] out) {
        int n = w.length == 0 ? 0 : w[0].length;
        int i = 0;
        for (; i + 3 < w.length; i += 4) {
            double[] a = w[i];
            double[] b = w[i + 1];
            double[] c = w[i + 2];
            double[] d = w[i + 3];
            double sa = 0;
            double sb = 0;
            double sc = 0;
            double sd = 0;
            for (int j = 0; j < n; j++) {
                double xj = x[j];
                sa += a[j] * xj;
                sb += b[j] * xj;
                sc += c[j] * xj;
                sd += d[j] * xj;
            }
            out[i] = sa;
            out[i + 1] = sb;
            out[i + 2] = sc;
            out[i + 3] = sd;
        }
        for (; i < w.length; i++) {
            double[] a = w[i];
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += a[j] * x[j];
            }
            out[i] = s;
        }
    }

    /** The units' outputs for each input, without learning. */
    @Override
    public double[][] predict(double[][] inputs) {
        double[][] out = new double[inputs.length][w.length];
        for (int s = 0; s < inputs.length; s++) {
            output(input(inputs[s]), out[s]);
        }
        return out;
    }

    @Override
    public long presentations() {
        return t;
    }

    @Override
    public WeightView weights() {
        return WeightView.of(w);
    }

    /** x̂ = Wᵀ W x: the projection onto the learned subspace when the rows of W are orthonormal. */
    @Override
    public double[][] reconstruct(double[][] inputs) {
        if (bias || activation != Activation.LINEAR) {
            throw new IllegalStateException("reconstruction is defined for linear units without bias");
        }
        double[][] out = new double[inputs.length][inputs[0].length];
        double[] h = new double[w.length];
        for (int s = 0; s < inputs.length; s++) {
            double[] x = inputs[s];
            for (int i = 0; i < w.length; i++) {
                double a = 0;
                for (int j = 0; j < x.length; j++) {
                    a += w[i][j] * x[j];
                }
                h[i] = a;
            }
            double[] o = out[s];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < o.length; j++) {
                    o[j] += h[i] * w[i][j];
                }
            }
        }
        return out;
    }

    @Override
    public double[][] subspaceBasis() {
        return weights().matrix("w");
    }
}
