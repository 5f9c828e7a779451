package org.neuroai.compare.learners;

import java.util.Map;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Probeable;
import org.neuroai.core.WeightView;

/**
 * A Bayesian observer of one stimulus's speed, after Weiss, Simoncelli &amp; Adelson (2002): a
 * Gaussian prior N(0, σ_p²) that favours slow speeds, and Gaussian measurements m = v + σ ε of known
 * width σ (set by the stimulus's contrast). Each measurement multiplies the posterior by a Gaussian
 * likelihood, so after n of them the posterior is Gaussian with precision 1/σ_p² + n/σ² and mean
 * (Σ m / σ²) / (1/σ_p² + n/σ²), the product of Gaussians in closed form; after one, its mean is
 * m σ_p² / (σ_p² + σ²), the perceived speed, pulled towards 0 the more the lower the contrast.
 *
 * <p>Its one weight (group "w") is the posterior mean; probe {@code posterior} holds the mean and
 * the standard deviation.
 */
public final class SpeedObserver implements Learner, Probeable {
    /** Probe: posterior mean and standard deviation. */
    public static final String POSTERIOR = "posterior";

    private final String name;
    private final double priorPrecision;
    private final double noisePrecision;
    private final double[][] mean = new double[1][1];
    private double sum;
    private long presentations;

    /**
     * @param name the name in traces
     * @param priorSd σ_p, the prior's standard deviation around 0
     * @param noiseSd σ, the width of each measurement's likelihood
     */
    public SpeedObserver(String name, double priorSd, double noiseSd) {
        this.name = name;
        this.priorPrecision = 1 / (priorSd * priorSd);
        this.noisePrecision = 1 / (noiseSd * noiseSd);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.BAYESIAN;
    }

    /** Multiplies the posterior by each measurement's likelihood. */
    @Override
    public void learn(Batch batch) {
        for (double[] m : batch.inputs()) {
            sum += m[0];
            presentations++;
        }
        mean[0][0] = sum * noisePrecision / precision();
    }

    /** The posterior's precision: 1/σ_p² + n/σ². */
    public double precision() {
        return priorPrecision + presentations * noisePrecision;
    }

    /** The posterior mean. */
    public double mean() {
        return mean[0][0];
    }

    /** The posterior standard deviation. */
    public double sd() {
        return 1 / Math.sqrt(precision());
    }

    @Override
    public WeightView weights() {
        return WeightView.of(mean);
    }

    @Override
    public long presentations() {
        return presentations;
    }

    @Override
    public Map<String, Integer> probes() {
        return Map.of(POSTERIOR, 2);
    }

    @Override
    public void probe(String probe, double[] dest) {
        dest[0] = mean();
        dest[1] = sd();
    }
}
