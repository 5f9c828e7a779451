package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.Posterior;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;

/**
 * For a learner with a posterior, on a task whose true weights are known:
 * {@value #COVERAGE}, the fraction of the true weights inside the posterior's central 95 %
 * interval, mean ± 1.959964 sd (the posterior's marginals are Gaussian for the linear-Gaussian
 * model); and {@value #ERROR}, the Euclidean distance of the posterior mean from the truth. A
 * calibrated posterior covers the truth 95 % of the time, counted over weights and seeds.
 */
public final class CredibleCoverage implements Measure {
    /** Fraction of the true weights inside the 95 % credible intervals. */
    public static final String COVERAGE = "coverage_95";
    /** Distance of the posterior mean from the true weights. */
    public static final String ERROR = "weight_error";
    /** The 97.5 % quantile of the standard normal. */
    public static final double Z = 1.959963984540054;

    private final double[] truth;

    /** @param truth the true weights, in the order of the learner's posterior */
    public CredibleCoverage(double[] truth) {
        this.truth = truth.clone();
    }

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        if (!(l instanceof Posterior p)) {
            return;
        }
        double[] m = p.posteriorMean();
        double[] sd = p.posteriorSd();
        int inside = 0;
        double e2 = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = m[i] - truth[i];
            inside += Math.abs(e) <= Z * sd[i] ? 1 : 0;
            e2 += e * e;
        }
        metrics.put(COVERAGE, (double) inside / truth.length);
        metrics.put(ERROR, Math.sqrt(e2));
    }
}
