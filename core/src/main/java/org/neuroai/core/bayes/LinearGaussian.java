package org.neuroai.core.bayes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Bayesian linear regression, one sample at a time, and its Kalman filter: targets are
 * y = Wx + ε with Gaussian noise ε ~ N(0, σ²) on each output, and the weights have a Gaussian
 * prior N(0, s₀² I). The posterior over each output's weights is Gaussian, N(m_j, Σ), with one
 * covariance Σ shared by the outputs (they see the same inputs with the same noise). One sample
 * updates it exactly (recursive least squares in Bayesian form):
 *
 * <pre>
 *   Σ ← Σ + q I                 (the Kalman filter's process noise: the weights drift)
 *   s = Σx,  d = σ² + xᵀs       (d is the predictive variance)
 *   m_j ← m_j + s (y_j − m_jᵀx) / d
 *   Σ ← Σ − s sᵀ / d
 * </pre>
 *
 * With q = 0 (Bayesian linear regression, {@code bayes-linear}) the posterior after n samples is
 * the batch posterior Σ⁻¹ = I/s₀² + XᵀX/σ², m = Σ Xᵀy/σ², whatever the order. With q &gt; 0
 * ({@code kalman}) old evidence loses weight and the weights can follow a world that changes: the
 * Kalman filter as a model of associative learning (Sutton 1992; Dayan, Kakade &amp; Montague 2000;
 * Dayan &amp; Kakade 2001; Kruschke 2008). Its off-diagonal covariance is what produces backward
 * blocking: after AB+ the weights of A and B are anti-correlated, so learning later that A alone
 * predicts the outcome lowers B.
 */
public final class LinearGaussian extends BayesianLearner {
    private final boolean bias;
    private final double noiseVar;
    private final double processNoise;
    private final int dim;
    private final int outputs;
    private final double[][] mean;
    private final double[][] cov;
    private final double[] s;
    private final double[] xb;

    /**
     * @param name the learner's name
     * @param inputs input dimension
     * @param outputs target dimension
     * @param bias whether a constant input 1 is appended (its weight is the intercept)
     * @param priorSd s₀, the prior standard deviation of every weight
     * @param noiseSd σ, the noise standard deviation of every target
     * @param processNoise q, the variance each weight drifts by per sample (0: fixed weights)
     */
    public LinearGaussian(String name, int inputs, int outputs, boolean bias, double priorSd, double noiseSd, double processNoise) {
        super(name);
        this.bias = bias;
        this.dim = inputs + (bias ? 1 : 0);
        this.outputs = outputs;
        this.noiseVar = noiseSd * noiseSd;
        this.processNoise = processNoise;
        this.mean = new double[outputs][dim];
        this.cov = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            cov[i][i] = priorSd * priorSd;
        }
        this.s = new double[dim];
        this.xb = new double[dim];
    }

    private double[] withBias(double[] x) {
        System.arraycopy(x, 0, xb, 0, x.length);
        if (bias) {
            xb[dim - 1] = 1;
        }
        return xb;
    }

    private void drift() {
        if (processNoise > 0) {
            for (int i = 0; i < dim; i++) {
                cov[i][i] += processNoise;
            }
        }
    }

    @Override
    public double logPredictive(double[] x, double[] y) {
        double[] v = withBias(x);
        double var = noiseVar + quadratic(v, processNoise);
        double sum = 0;
        for (int j = 0; j < outputs; j++) {
            sum += logNormal(y[j], dot(mean[j], v), var);
        }
        return sum;
    }

    /** xᵀ(Σ + qI)x: the weights' share of the predictive variance, with the drift of the coming step. */
    private double quadratic(double[] v, double q) {
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            double row = 0;
            double[] ci = cov[i];
            for (int k = 0; k < dim; k++) {
                row += ci[k] * v[k];
            }
            sum += v[i] * (row + q * v[i]);
        }
        return sum;
    }

    @Override
    protected void update(double[] x, double[] y) {
        drift();
        double[] v = withBias(x);
        double d = noiseVar;
        for (int i = 0; i < dim; i++) {
            double row = 0;
            double[] ci = cov[i];
            for (int k = 0; k < dim; k++) {
                row += ci[k] * v[k];
            }
            s[i] = row;
            d += v[i] * row;
        }
        for (int j = 0; j < outputs; j++) {
            double g = (y[j] - dot(mean[j], v)) / d;
            double[] mj = mean[j];
            for (int i = 0; i < dim; i++) {
                mj[i] += s[i] * g;
            }
        }
        for (int i = 0; i < dim; i++) {
            double si = s[i] / d;
            double[] ci = cov[i];
            for (int k = i; k < dim; k++) {
                double c = ci[k] - si * s[k];
                ci[k] = c;
                cov[k][i] = c;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Override
    protected double[] predictOne(double[] x) {
        double[] v = withBias(x);
        double[] out = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            out[j] = dot(mean[j], v);
        }
        return out;
    }

    /** The predictive variance of each target at an input: σ² + xᵀΣx. */
    public double predictiveVariance(double[] x) {
        return noiseVar + quadratic(withBias(x), 0);
    }

    @Override
    protected int[] shape() {
        return new int[] {outputs, dim};
    }

    @Override
    public double[] posteriorMean() {
        double[] out = new double[outputs * dim];
        for (int j = 0; j < outputs; j++) {
            System.arraycopy(mean[j], 0, out, j * dim, dim);
        }
        return out;
    }

    @Override
    public double[] posteriorSd() {
        double[] out = new double[outputs * dim];
        for (int j = 0; j < outputs; j++) {
            for (int i = 0; i < dim; i++) {
                out[j * dim + i] = Math.sqrt(Math.max(0, cov[i][i]));
            }
        }
        return out;
    }

    /** A copy of the posterior covariance Σ of each output's weights (the bias last). */
    public double[][] covariance() {
        double[][] c = new double[dim][];
        for (int i = 0; i < dim; i++) {
            c[i] = cov[i].clone();
        }
        return c;
    }

    /** Probe {@value}: the covariance of the first two weights (enough to draw their ellipse). */
    public static final String COV2 = "posterior_cov2";

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> p = new LinkedHashMap<>(super.probes());
        if (dim >= 2) {
            p.put(COV2, 3);
        }
        return p;
    }

    @Override
    public void probe(String probe, double[] dest) {
        if (probe.equals(COV2) && dim >= 2) {
            dest[0] = cov[0][0];
            dest[1] = cov[0][1];
            dest[2] = cov[1][1];
        } else {
            super.probe(probe, dest);
        }
    }

    /** What both registrations share: their parameters and the memory of Σ. */
    abstract static class Base implements BayesianModel {
        abstract double defaultProcessNoise();

        abstract boolean defaultBias();

        abstract double defaultNoiseSd();

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.positive("prior_sd", 1.0, 1e6, "1", "s0, the prior standard deviation of every weight"),
                    ParamSpec.positive("noise_sd", defaultNoiseSd(), 1e6, "1", "sigma, the standard deviation of the noise on each target"),
                    ParamSpec.real("process_noise", defaultProcessNoise(), 0, 1e6, "1",
                            "q, the variance by which every weight drifts per sample; 0 is Bayesian linear regression"),
                    ParamSpec.flag("bias", defaultBias(), "whether a constant input 1 is added, its weight the intercept"),
                    ParamSpec.integer("outputs", 1, 1, 100_000, "target dimensions (set from the task)"));
        }

        @Override
        public Learner create(String name, Params p, int nInputs, long weightSeed) {
            return new LinearGaussian(name, nInputs, p.integer("outputs"), p.flag("bias"), p.real("prior_sd"), p.real("noise_sd"),
                    p.real("process_noise"));
        }

        @Override
        public void footprint(Footprint f, Params p, int nInputs, String paramsKey, String learner, int copies) {
            double d = nInputs + 1.0;
            f.need(paramsKey, "the posterior covariance of learner '" + learner + "' (" + (long) d + " x " + (long) d
                    + (copies > 1 ? ", " + copies + " seeds at once" : "") + ")", copies * 8 * d * (d + p.integer("outputs")),
                    Footprint.Pool.HEAP);
        }
    }

    /** Registered as {@code bayes-linear}: Bayesian linear regression (no process noise). */
    public static final class Regression extends Base {
        @Override
        public String name() {
            return "bayes-linear";
        }

        @Override
        public String description() {
            return "Bayesian linear regression with a Gaussian prior, exact and online, with the posterior predictive";
        }

        @Override
        double defaultProcessNoise() {
            return 0;
        }

        @Override
        boolean defaultBias() {
            return true;
        }

        @Override
        double defaultNoiseSd() {
            return 1;
        }
    }

    /** Registered as {@code kalman}: the Kalman filter as a learner of associative weights. */
    public static final class Kalman extends Base {
        @Override
        public String name() {
            return "kalman";
        }

        @Override
        public String description() {
            return "the Kalman filter as a learner of associative weights that drift (Dayan & Kakade 2001; Kruschke 2008)";
        }

        @Override
        double defaultProcessNoise() {
            return 0.01;
        }

        @Override
        boolean defaultBias() {
            return false;
        }

        @Override
        double defaultNoiseSd() {
            return 0.5;
        }
    }
}
