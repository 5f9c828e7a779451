package org.neuroai.compare.learners;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Predictor;
import org.neuroai.core.Probeable;
import org.neuroai.core.WeightView;

/**
 * A Bayesian observer that combines noisy cues of one quantity and learns how reliable each cue is
 * from trials with feedback, by conjugate updating.
 *
 * <p>Its model of the world: a true value s ~ N(0, σ_0²) and cues c_i = s + σ_i ε_i. It knows the
 * form but not the variances. Over each variance v_j (j = 0 for the spread of s, j = 1..k for the
 * cues) it holds an inverse-gamma posterior IG(a_j, b_j), from the prior IG(a, b): on a feedback
 * trial, where s is shown, each residual e_j (s itself for j = 0, c_j − s for a cue) is a draw of
 * N(0, v_j), so a_j grows by 1/2 and b_j by e_j²/2 (the normal with known mean, conjugate to the
 * inverse gamma). The posterior of the precision 1/v_j is then Gamma(a_j, b_j), of mean a_j/b_j and
 * standard deviation √a_j / b_j.
 *
 * <p>It estimates s as a certainty-equivalent observer: with each precision at its posterior mean
 * r_j = a_j/b_j, the posterior mean of s given the cues is ŝ = Σ_i r_i c_i / (r_0 + Σ_i r_i). Its
 * weights w_i = r_i / (r_0 + Σ r) (group "w", one row) start equal and converge to the optimal
 * weights as the posteriors narrow; the ratio w_1/(w_1 + w_2) converges to the reliability weight
 * σ_2²/(σ_1² + σ_2²). (The exact posterior predictive, which averages over the variances' posterior,
 * is not linear in the cues; it approaches this one as the posteriors narrow.)
 *
 * <p>Probes: {@code reliability} (r_0, r_1, ..., r_k, posterior means of the precisions) and
 * {@code reliability_sd} (their posterior standard deviations).
 */
public final class ReliabilityObserver implements Learner, Predictor, Probeable {
    /** Probe: posterior means of the precisions, the prior's first. */
    public static final String RELIABILITY = "reliability";
    /** Probe: posterior standard deviations of the precisions. */
    public static final String RELIABILITY_SD = "reliability_sd";

    private final String name;
    private final double[] shape;
    private final double[] rate;
    private final double[][] w;
    private long presentations;

    /**
     * @param name the name in traces
     * @param cues how many cues, k
     * @param shape a, the shape of the inverse-gamma prior of every variance (&gt; 0)
     * @param scale b, its scale (&gt; 0): the prior's guess of each precision is a/b
     */
    public ReliabilityObserver(String name, int cues, double shape, double scale) {
        if (cues < 1 || !(shape > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("needs a cue and a positive shape and scale: " + cues + ", " + shape + ", " + scale);
        }
        this.name = name;
        this.shape = new double[cues + 1];
        this.rate = new double[cues + 1];
        java.util.Arrays.fill(this.shape, shape);
        java.util.Arrays.fill(this.rate, scale);
        this.w = new double[1][cues];
        reweigh();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.BAYESIAN;
    }

    /** Updates the posterior of every variance from each feedback trial of the batch. */
    @Override
    public void learn(Batch batch) {
        for (int n = 0; n < batch.size(); n++) {
            double s = batch.targets()[n][0];
            double[] c = batch.inputs()[n];
            shape[0] += 0.5;
            rate[0] += s * s / 2;
            for (int i = 0; i < w[0].length; i++) {
                double e = c[i] - s;
                shape[i + 1] += 0.5;
                rate[i + 1] += e * e / 2;
            }
            presentations++;
        }
        reweigh();
    }

    private void reweigh() {
        double sum = 0;
        for (int j = 0; j < shape.length; j++) {
            sum += shape[j] / rate[j];
        }
        for (int i = 0; i < w[0].length; i++) {
            w[0][i] = shape[i + 1] / rate[i + 1] / sum;
        }
    }

    /** The posterior's shape a_j and rate b_j of variance j (0 for the spread of the true value). */
    public double[] posterior(int j) {
        return new double[] {shape[j], rate[j]};
    }

    @Override
    public WeightView weights() {
        return WeightView.of(w);
    }

    @Override
    public long presentations() {
        return presentations;
    }

    @Override
    public double[][] predict(double[][] inputs) {
        double[][] out = new double[inputs.length][1];
        for (int n = 0; n < inputs.length; n++) {
            for (int i = 0; i < w[0].length; i++) {
                out[n][0] += w[0][i] * inputs[n][i];
            }
        }
        return out;
    }

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(RELIABILITY, shape.length);
        m.put(RELIABILITY_SD, shape.length);
        return m;
    }

    @Override
    public void probe(String probe, double[] dest) {
        for (int j = 0; j < shape.length; j++) {
            dest[j] = probe.equals(RELIABILITY) ? shape[j] / rate[j] : Math.sqrt(shape[j]) / rate[j];
        }
    }
}
