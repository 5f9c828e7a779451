package org.neuroai.bio.network;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.core.Params;
import org.neuroai.core.WeightView;

/**
 * A layer of hidden units that learn by {@link KrotovHopfieldRule}, trained on minibatches as in
 * Krotov &amp; Hopfield 2019 (PNAS 116:7723): every input of a minibatch is ranked against the
 * weights as they were at the start of the minibatch, and the changes the rule asks for are summed
 * over the minibatch and applied at once. With one input per minibatch and {@link Step#PLAIN} this
 * is exactly the rule's single-presentation update.
 *
 * <p>Weights live in float arrays. The only large product, the currents of a minibatch
 * (batch x inputs times inputs x units), is left to a {@link Currents} kernel, so a module with a
 * BLAS can supply a faster one; {@link #JAVA} needs nothing (measured on a 2-core AMD EPYC with one
 * thread each: 10.8 ms for 100 MNIST images against 2000 units, where ND4J's sgemm took 3.9 ms with
 * its copies, and 0.6 against 0.4 ms for 100 units). Everything else touches only the
 * inputs of the minibatch and the rows of the at most two units per input that learn, so it costs
 * far less than the product. The factors |W|^(p−2) W that the currents need are kept, transposed,
 * and recomputed only for the units that changed.
 *
 * <p>Initial weights are drawn independently from a normal distribution with mean 0 and standard
 * deviation {@code initSigma}, as in the authors' published code. With σ = 1 and 784 inputs a unit
 * starts with ‖W‖_3 ≈ 10, so units that have not yet learned carry larger currents than units that
 * have settled on the unit sphere; this is what brings every unit into the competition in turn.
 */
public final class CompetingLayer {
    /** How the summed change of a minibatch becomes a step. */
    public enum Step {
        /** ΔW = η Σ_inputs g (v − I W): the rule as written, summed over the minibatch. */
        PLAIN,
        /**
         * The same sum, scaled so that the largest change of any synapse in the layer is η, as the
         * authors' code does. The scale is one number for the whole layer per minibatch (like a
         * neuromodulator that sets the learning rate), so every unit's change keeps the direction
         * the rule gives it; it keeps steps bounded while units far from the unit sphere have large
         * currents.
         */
        NORMALISED;

        /** The name used in settings: lower case. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Computes the currents of a minibatch: a dense product that a BLAS may do faster. */
    @FunctionalInterface
    public interface Currents {
        /**
         * out = v · f.
         *
         * @param v inputs, row-major batch x inputs
         * @param batch rows of v
         * @param f the factors |W|^(p−2) W, row-major inputs x units (the transposed layout)
         * @param inputs inputs per unit
         * @param units units
         * @param out currents, row-major batch x units; overwritten
         */
        void compute(float[] v, int batch, float[] f, int inputs, int units, float[] out);
    }

    /**
     * The currents in plain Java: for each input, the rows of f for its nonzero entries are added
     * up, so blank pixels cost nothing and the inner loop is a vectorisable axpy over the units.
     */
    public static final Currents JAVA = (v, batch, f, inputs, units, out) -> {
        for (int s = 0; s < batch; s++) {
            int o = s * units;
            Arrays.fill(out, o, o + units, 0f);
            int vo = s * inputs;
            for (int i = 0; i < inputs; i++) {
                float x = v[vo + i];
                if (x == 0f) {
                    continue;
                }
                int fo = i * units;
                for (int m = 0; m < units; m++) {
                    out[o + m] += x * f[fo + m];
                }
            }
        }
    };

    private final int inputs;
    private final int units;
    private final double p;
    private final int k;
    private final float delta;
    private final Step step;
    private final Currents kernel;
    private final float[] w;
    private final float[] f;
    private final int[] slot;
    private final int[] topIdx;
    private final float[] topVal;
    private float[] current = new float[0];
    private int[] touched = new int[0];
    private float[] ds = new float[0];
    private double[] coef = new double[0];
    private long presentations;

    /**
     * @param ruleParams resolved parameters of {@link KrotovHopfieldRule} (p, k and delta are used;
     *     the learning rate is given to each {@link #train} call)
     * @param inputs inputs per unit
     * @param units hidden units
     * @param step how a minibatch's summed change becomes a step
     * @param initSigma standard deviation of the initial weights
     * @param seed seed of the initial weights
     * @param kernel computes the currents of a minibatch
     */
    public CompetingLayer(Params ruleParams, int inputs, int units, Step step, double initSigma, long seed, Currents kernel) {
        this.inputs = inputs;
        this.units = units;
        this.p = ruleParams.real("p");
        this.k = ruleParams.integer("k");
        this.delta = (float) ruleParams.real("delta");
        this.step = step;
        this.kernel = kernel;
        this.w = new float[units * inputs];
        this.f = new float[inputs * units];
        this.slot = new int[units];
        Arrays.fill(slot, -1);
        this.topIdx = new int[Math.min(k, units)];
        this.topVal = new float[topIdx.length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int m = 0; m < units; m++) {
            for (int i = 0; i < inputs; i++) {
                double u1 = 1.0 - r.nextDouble();
                double u2 = r.nextDouble();
                w[m * inputs + i] = (float) (initSigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
            }
            refreshFactors(m);
        }
    }

    /** Inputs per unit. */
    public int inputs() {
        return inputs;
    }

    /** Hidden units. */
    public int units() {
        return units;
    }

    /** Inputs presented so far. */
    public long presentations() {
        return presentations;
    }

    /**
     * One minibatch: rank every input's currents, sum the rule's changes, take one step.
     *
     * @param v inputs, row-major batch x inputs; not modified
     * @param batch inputs in this minibatch
     * @param eta the learning rate: per presentation for {@link Step#PLAIN}, the largest change of
     *     any synapse for {@link Step#NORMALISED}
     */
    public void train(float[] v, int batch, double eta) {
        int n = summedChange(v, batch);
        double largest = 0;
        for (int t = 0; t < n * inputs; t++) {
            largest = Math.max(largest, Math.abs(ds[t]));
        }
        double scale = step == Step.PLAIN ? eta : largest > 0 ? eta / largest : 0;
        float a = (float) scale;
        for (int t = 0; t < n; t++) {
            int m = touched[t];
            int wo = m * inputs;
            int d = t * inputs;
            for (int i = 0; i < inputs; i++) {
                w[wo + i] += a * ds[d + i];
            }
            refreshFactors(m);
            slot[m] = -1;
        }
        presentations += batch;
    }

    /**
     * The summed change the rule asks for on a minibatch, Σ_inputs g (v − I W), into the scratch
     * rows: row t of {@code ds} belongs to unit {@code touched[t]}, whose {@code slot} is t.
     *
     * @return the number of units with a change
     */
    private int summedChange(float[] v, int batch) {
        ensureCapacity(batch);
        kernel.compute(v, batch, f, inputs, units, current);
        int n = 0;
        for (int s = 0; s < batch; s++) {
            int o = s * units;
            rank(o);
            n = add(topIdx[0], v, s, 1f, current[o + topIdx[0]], n);
            if (units >= k) {
                int kth = topIdx[k - 1];
                n = add(kth, v, s, -delta, current[o + kth], n);
            }
        }
        for (int t = 0; t < n; t++) {
            int wo = touched[t] * inputs;
            int d = t * inputs;
            float c = (float) coef[t];
            for (int i = 0; i < inputs; i++) {
                ds[d + i] -= c * w[wo + i];
            }
        }
        return n;
    }

    /**
     * The change the rule asks for on a minibatch, without making it: Σ_inputs g (v − I W), every
     * input ranked against the current weights, before any learning rate or the scaling of
     * {@link Step#NORMALISED} (one positive number per minibatch, so the direction is the same).
     * The weights do not change; {@link #train} with {@link Step#PLAIN} and rate η adds η times
     * this.
     *
     * @param v inputs, row-major batch x inputs; not modified
     * @param batch inputs in this minibatch
     * @return the change, one row per unit (zero for units that do not learn)
     */
    public double[][] proposedChange(float[] v, int batch) {
        int n = summedChange(v, batch);
        double[][] out = new double[units][inputs];
        for (int t = 0; t < n; t++) {
            int m = touched[t];
            for (int i = 0; i < inputs; i++) {
                out[m][i] = ds[t * inputs + i];
            }
            slot[m] = -1;
        }
        return out;
    }

    /**
     * Adds g (v_s − I W_μ) to unit μ's change (the −I W_μ part is applied once per unit, through
     * the summed coefficient).
     *
     * @return the number of units with a change so far
     */
    private int add(int m, float[] v, int s, float g, float currentOfM, int n) {
        int t = slot[m];
        if (t < 0) {
            t = n++;
            slot[m] = t;
            touched[t] = m;
            Arrays.fill(ds, t * inputs, (t + 1) * inputs, 0f);
            coef[t] = 0;
        }
        int d = t * inputs;
        int vo = s * inputs;
        for (int i = 0; i < inputs; i++) {
            ds[d + i] += g * v[vo + i];
        }
        coef[t] += (double) g * currentOfM;
        return n;
    }

    /**
     * Fills topIdx with the units of the largest currents of one input, in decreasing order; ties
     * go to the lower index, as in {@link KrotovHopfieldRule}.
     */
    private void rank(int offset) {
        int filled = 0;
        int cap = topIdx.length;
        for (int m = 0; m < units; m++) {
            float c = current[offset + m];
            if (filled < cap || c > topVal[filled - 1]) {
                int pos = filled < cap ? filled++ : filled - 1;
                while (pos > 0 && topVal[pos - 1] < c) {
                    topVal[pos] = topVal[pos - 1];
                    topIdx[pos] = topIdx[pos - 1];
                    pos--;
                }
                topVal[pos] = c;
                topIdx[pos] = m;
            }
        }
    }

    private void refreshFactors(int m) {
        int wo = m * inputs;
        for (int i = 0; i < inputs; i++) {
            f[i * units + m] = (float) KrotovHopfieldRule.synapticFactor(w[wo + i], p);
        }
    }

    private void ensureCapacity(int batch) {
        if (current.length < batch * units) {
            current = new float[batch * units];
        }
        int rows = Math.min(units, 2 * batch);
        if (touched.length < rows) {
            touched = new int[rows];
            coef = new double[rows];
            ds = new float[rows * inputs];
        }
    }

    /**
     * The currents I_μ = Σ_i |W_μi|^(p−2) W_μi v_i of some inputs, without learning.
     *
     * @param v inputs, row-major batch x inputs
     * @param batch rows of v
     * @param out currents, row-major batch x units; overwritten
     */
    public void currents(float[] v, int batch, float[] out) {
        kernel.compute(v, batch, f, inputs, units, out);
    }

    /**
     * The plain products Σ_i W_μi v_i of some inputs: what Krotov &amp; Hopfield's classifier reads,
     * h_μ = f(Σ_i W_μi v_i) (2019, the equation of the classifier's hidden activity), as opposed to
     * the currents I_μ that rank the units for learning. The two are the same for p = 2.
     *
     * @param v inputs, row-major batch x inputs
     * @param batch rows of v
     * @param out products, row-major batch x units; overwritten
     */
    public void products(float[] v, int batch, float[] out) {
        float[] t = new float[inputs * units];
        for (int m = 0; m < units; m++) {
            for (int i = 0; i < inputs; i++) {
                t[i * units + m] = w[m * inputs + i];
            }
        }
        kernel.compute(v, batch, t, inputs, units, out);
    }

    /** Each unit's Lebesgue p-norm ‖W_μ‖_p, the quantity the rule drives to 1. */
    public double[] pNorms() {
        double[] out = new double[units];
        for (int m = 0; m < units; m++) {
            double s = 0;
            for (int i = 0; i < inputs; i++) {
                s += Math.pow(Math.abs(w[m * inputs + i]), p);
            }
            out[m] = Math.pow(s, 1 / p);
        }
        return out;
    }

    /** A view of the weights: group "w", one row per unit (its receptive field). */
    public WeightView weights() {
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.of("w");
            }

            @Override
            public int[] shape(String group) {
                return new int[] {units, inputs};
            }

            @Override
            public void copy(String group, double[] dest) {
                for (int i = 0; i < w.length; i++) {
                    dest[i] = w[i];
                }
            }
        };
    }
}
