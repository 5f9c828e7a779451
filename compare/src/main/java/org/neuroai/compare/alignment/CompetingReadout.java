package org.neuroai.compare.alignment;

import java.util.SplittableRandom;
import org.neuroai.bio.rules.KrotovHopfieldRule;

/**
 * A softmax readout on the hidden units of a layer of competing units, with the cross-entropy
 * of its answers and its gradients, all in plain Java:
 *
 * <pre>
 *   I_μ = Σ_i |W_μi|^(p−2) W_μi v_i             the hidden currents ({@link KrotovHopfieldRule})
 *   a_μ = max(0, I_μ)^n,   h_μ = a_μ / max_ν a_ν  (h = 0 when every current is ≤ 0)
 *   z_c = Σ_μ V_cμ h_μ + b_c,   P_c = e^(z_c) / Σ_c' e^(z_c')
 *   L   = −(1/N) Σ_s log P_(y_s)(v_s)
 * </pre>
 *
 * the hidden activity and the readout of Krotov and Hopfield's network as
 * {@code mnist-local-vs-backprop} uses it (power n, divided by its largest value per input). The
 * gradient with respect to the hidden weights runs back through the readout, the normalisation
 * (the unit with the largest a carries the extra term −Σ_μ ∂L/∂h_μ a_μ / M²), the power and the
 * synaptic factor, whose derivative is (p − 1)|W_μi|^(p−2). The readout learns by plain SGD on L.
 */
public final class CompetingReadout {
    private final double p;
    private final double n;
    private final int hidden;
    private final int classes;
    private final double[][] v;
    private final double[] b;

    /**
     * @param p the Lebesgue exponent of the hidden layer's rule
     * @param n the power of the hidden activity
     * @param hidden hidden units
     * @param classes classes
     * @param seed seed of the readout's initial weights, normal with standard deviation 1/√hidden
     *     (not zero: with V = 0 no loss reaches the hidden weights)
     */
    public CompetingReadout(double p, double n, int hidden, int classes, long seed) {
        this.p = p;
        this.n = n;
        this.hidden = hidden;
        this.classes = classes;
        this.v = new double[classes][hidden];
        this.b = new double[classes];
        SplittableRandom r = new SplittableRandom(seed);
        for (double[] row : v) {
            for (int m = 0; m < hidden; m++) {
                double u1 = 1.0 - r.nextDouble();
                double u2 = r.nextDouble();
                row[m] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2) / Math.sqrt(hidden);
            }
        }
    }

    /** The forward pass of one input, with what the backward pass needs. */
    private final class Pass {
        final double[] current = new double[hidden];
        final double[] a = new double[hidden];
        final double[] h = new double[hidden];
        final double[] prob = new double[classes];
        int top = -1;
        double largest;

        Pass(double[][] w, double[] x) {
            for (int m = 0; m < hidden; m++) {
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                    s += KrotovHopfieldRule.synapticFactor(w[m][i], p) * x[i];
                }
                current[m] = s;
                a[m] = s > 0 ? Math.pow(s, n) : 0;
                if (a[m] > largest) {
                    largest = a[m];
                    top = m;
                }
            }
            if (largest > 0) {
                for (int m = 0; m < hidden; m++) {
                    h[m] = a[m] / largest;
                }
            }
            double zmax = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double z = b[c];
                for (int m = 0; m < hidden; m++) {
                    z += v[c][m] * h[m];
                }
                prob[c] = z;
                zmax = Math.max(zmax, z);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                prob[c] = Math.exp(prob[c] - zmax);
                sum += prob[c];
            }
            for (int c = 0; c < classes; c++) {
                prob[c] /= sum;
            }
        }
    }

    /**
     * The hidden activities h of some inputs.
     *
     * @param w hidden weights, one row per unit
     * @param x inputs, one row per sample
     * @return h, one row per sample
     */
    public double[][] features(double[][] w, double[][] x) {
        double[][] out = new double[x.length][];
        for (int s = 0; s < x.length; s++) {
            out[s] = new Pass(w, x[s]).h;
        }
        return out;
    }

    /**
     * The mean cross-entropy L.
     *
     * @param w hidden weights, one row per unit
     * @param x inputs, one row per sample
     * @param labels class of each sample
     * @return L in nats
     */
    public double loss(double[][] w, double[][] x, int[] labels) {
        double sum = 0;
        for (int s = 0; s < x.length; s++) {
            sum -= Math.log(new Pass(w, x[s]).prob[labels[s]]);
        }
        return sum / x.length;
    }

    /**
     * ∂L/∂W, the gradient with respect to the hidden weights at the readout's current weights.
     *
     * @param w hidden weights, one row per unit
     * @param x inputs, one row per sample
     * @param labels class of each sample
     * @return the gradient, one row per hidden unit
     */
    public double[][] hiddenGradient(double[][] w, double[][] x, int[] labels) {
        int inputs = x[0].length;
        double[][] g = new double[hidden][inputs];
        double[] dh = new double[hidden];
        for (int s = 0; s < x.length; s++) {
            Pass f = new Pass(w, x[s]);
            if (f.largest == 0) {
                continue;
            }
            double back = 0;
            for (int m = 0; m < hidden; m++) {
                double d = 0;
                for (int c = 0; c < classes; c++) {
                    d += (f.prob[c] - (c == labels[s] ? 1 : 0)) * v[c][m];
                }
                dh[m] = d;
                back += d * f.a[m];
            }
            for (int m = 0; m < hidden; m++) {
                if (f.current[m] <= 0) {
                    continue;
                }
                double da = dh[m] / f.largest - (m == f.top ? back / (f.largest * f.largest) : 0);
                double dCurrent = da * n * Math.pow(f.current[m], n - 1) / x.length;
                for (int i = 0; i < inputs; i++) {
                    g[m][i] += dCurrent * x[s][i];
                }
            }
        }
        // ∂I_μ/∂W_μi = (p − 1)|W_μi|^(p−2) v_i: the factor is the same for every sample
        for (int m = 0; m < hidden; m++) {
            for (int i = 0; i < inputs; i++) {
                g[m][i] *= p == 2 ? 1 : (p - 1) * Math.pow(Math.abs(w[m][i]), p - 2);
            }
        }
        return g;
    }

    /**
     * ∂L/∂(V, b), the gradient with respect to the readout.
     *
     * @param w hidden weights, one row per unit
     * @param x inputs, one row per sample
     * @param labels class of each sample
     * @return one row per class: ∂L/∂V_c, then ∂L/∂b_c last
     */
    public double[][] readoutGradient(double[][] w, double[][] x, int[] labels) {
        double[][] g = new double[classes][hidden + 1];
        for (int s = 0; s < x.length; s++) {
            Pass f = new Pass(w, x[s]);
            for (int c = 0; c < classes; c++) {
                double dz = (f.prob[c] - (c == labels[s] ? 1 : 0)) / x.length;
                for (int m = 0; m < hidden; m++) {
                    g[c][m] += dz * f.h[m];
                }
                g[c][hidden] += dz;
            }
        }
        return g;
    }

    /**
     * One step of plain SGD on the readout: (V, b) −= lr ∂L/∂(V, b) on these samples.
     *
     * @param w hidden weights, one row per unit (not changed)
     * @param x inputs, one row per sample
     * @param labels class of each sample
     * @param lr learning rate
     */
    public void learn(double[][] w, double[][] x, int[] labels, double lr) {
        double[][] g = readoutGradient(w, x, labels);
        for (int c = 0; c < classes; c++) {
            for (int m = 0; m < hidden; m++) {
                v[c][m] -= lr * g[c][m];
            }
            b[c] -= lr * g[c][hidden];
        }
    }

    /**
     * Sets one readout weight (for tests of the gradient).
     *
     * @param c class
     * @param m hidden unit, or {@code hidden} for the bias
     * @param value the new value
     */
    void set(int c, int m, double value) {
        if (m == hidden) {
            b[c] = value;
        } else {
            v[c][m] = value;
        }
    }

    /** Reads one readout weight (for tests): class c, hidden unit m or {@code hidden} for the bias. */
    double get(int c, int m) {
        return m == hidden ? b[c] : v[c][m];
    }
}
