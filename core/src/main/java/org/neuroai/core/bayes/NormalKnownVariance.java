package org.neuroai.core.bayes;

import java.util.List;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * The mean of a Normal with known noise variance σ², under a Normal prior N(μ₀, s₀²): after each
 * target y the posterior stays Normal, its precision grows by 1/σ² and its mean moves to the
 * precision-weighted average, μ ← (μ/v + y/σ²) / (1/v + 1/σ²). The predictive is N(μ, v + σ²).
 * Each target dimension is its own quantity; inputs are ignored.
 */
public final class NormalKnownVariance extends BayesianLearner {
    private final double noiseVar;
    private final double[] mean;
    private final double[] var;

    /**
     * @param name the learner's name
     * @param mu0 the prior mean
     * @param sd0 the prior standard deviation
     * @param noiseSd σ, the known noise standard deviation
     * @param outputs target dimensions
     */
    public NormalKnownVariance(String name, double mu0, double sd0, double noiseSd, int outputs) {
        super(name);
        this.noiseVar = noiseSd * noiseSd;
        this.mean = BetaBernoulli.filled(outputs, mu0);
        this.var = BetaBernoulli.filled(outputs, sd0 * sd0);
    }

    @Override
    protected void update(double[] x, double[] y) {
        for (int j = 0; j < mean.length; j++) {
            double precision = 1 / var[j] + 1 / noiseVar;
            mean[j] = (mean[j] / var[j] + y[j] / noiseVar) / precision;
            var[j] = 1 / precision;
        }
    }

    @Override
    public double logPredictive(double[] x, double[] y) {
        double sum = 0;
        for (int j = 0; j < mean.length; j++) {
            sum += logNormal(y[j], mean[j], var[j] + noiseVar);
        }
        return sum;
    }

    @Override
    protected double[] predictOne(double[] x) {
        return mean.clone();
    }

    @Override
    protected int[] shape() {
        return new int[] {mean.length, 1};
    }

    @Override
    public double[] posteriorMean() {
        return mean.clone();
    }

    @Override
    public double[] posteriorSd() {
        double[] sd = new double[var.length];
        for (int j = 0; j < var.length; j++) {
            sd[j] = Math.sqrt(var[j]);
        }
        return sd;
    }

    /** Registered as {@code normal-known-variance}. */
    public static final class Model implements BayesianModel {
        @Override
        public String name() {
            return "normal-known-variance";
        }

        @Override
        public String description() {
            return "the mean of a Normal with known noise, under a Normal prior: precision-weighted averaging";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.real("mu0", 0.0, -1e9, 1e9, "1", "the prior mean"),
                    ParamSpec.positive("sd0", 1.0, 1e9, "1", "the prior standard deviation"),
                    ParamSpec.positive("noise_sd", 1.0, 1e9, "1", "sigma, the known standard deviation of the noise on each target"),
                    ParamSpec.integer("outputs", 1, 1, 100_000, "target dimensions (set from the task)"));
        }

        @Override
        public Learner create(String name, Params p, int nInputs, long weightSeed) {
            return new NormalKnownVariance(name, p.real("mu0"), p.real("sd0"), p.real("noise_sd"), p.integer("outputs"));
        }
    }
}
