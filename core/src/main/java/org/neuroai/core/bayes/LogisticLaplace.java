package org.neuroai.core.bayes;

import java.util.List;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Bayesian logistic regression, online, by the Laplace approximation one sample at a time: the
 * posterior over the weights of a logistic unit stays Gaussian, N(m, Σ); a sample (x, y), y in
 * {0, 1}, multiplies it by the likelihood σ(a)^y (1 − σ(a))^(1−y) of a = wᵀx, and the product is
 * replaced by the Gaussian at its mode with its curvature there. Because the likelihood varies
 * along x only, the mode is m + Σx c for one scalar c, found by Newton's method on the activation
 * a* = mᵀx + xᵀΣx (y − σ(a*)); then, with λ = σ(a*)(1 − σ(a*)) and v = xᵀΣx,
 *
 * <pre>
 *   m ← m + Σx (y − σ(a*)),   Σ ← Σ − λ Σx xᵀΣ / (1 + λ v)
 * </pre>
 *
 * (the exact Laplace step for one sample: Spiegelhalter &amp; Lauritzen 1990; the same update is
 * Opper's assumed-density filter with a Laplace projection). Predictions average the logistic
 * over the posterior by MacKay's probit approximation, p = σ(μ / √(1 + π v / 8)) (MacKay 1992;
 * Bishop 2006, §4.5.2), so a posterior that is unsure gives probabilities nearer ½.
 *
 * <p>K classes use K such units, one against the rest, and their probabilities are normalised to
 * sum to 1; a task with one target column is one unit. {@code covariance: diagonal} keeps only
 * Σ's diagonal, for inputs too many for a full matrix (MNIST), at O(d) per sample instead of
 * O(d²). The log evidence it reports is the prequential log likelihood of the approximate
 * predictive, not an exact marginal likelihood.
 */
public final class LogisticLaplace extends BayesianLearner {
    private static final int NEWTON_STEPS = 30;

    private final int dim;
    private final int units;
    private final boolean diagonal;
    private final double[][] mean;
    private final double[][][] cov;
    private final double[][] diag;
    private final double[] xb;
    private final double[] s;

    /**
     * @param name the learner's name
     * @param inputs input dimension (a bias input is added)
     * @param outputs target columns: 1 for a single unit, K for K classes one against the rest
     * @param priorSd the prior standard deviation of every weight
     * @param diagonal whether only Σ's diagonal is kept
     */
    public LogisticLaplace(String name, int inputs, int outputs, double priorSd, boolean diagonal) {
        super(name);
        this.dim = inputs + 1;
        this.units = outputs;
        this.diagonal = diagonal;
        this.mean = new double[units][dim];
        double v0 = priorSd * priorSd;
        if (diagonal) {
            this.cov = null;
            this.diag = new double[units][dim];
            for (double[] d : diag) {
                java.util.Arrays.fill(d, v0);
            }
        } else {
            this.diag = null;
            this.cov = new double[units][dim][dim];
            for (double[][] c : cov) {
                for (int i = 0; i < dim; i++) {
                    c[i][i] = v0;
                }
            }
        }
        this.xb = new double[dim];
        this.s = new double[dim];
    }

    private double[] withBias(double[] x) {
        System.arraycopy(x, 0, xb, 0, x.length);
        xb[dim - 1] = 1;
        return xb;
    }

    /** Fills {@link #s} with Σ_u x and returns xᵀΣ_u x. */
    private double spread(int u, double[] v) {
        double q = 0;
        if (diagonal) {
            double[] d = diag[u];
            for (int i = 0; i < dim; i++) {
                s[i] = d[i] * v[i];
                q += v[i] * s[i];
            }
            return q;
        }
        double[][] c = cov[u];
        for (int i = 0; i < dim; i++) {
            double row = 0;
            double[] ci = c[i];
            for (int k = 0; k < dim; k++) {
                row += ci[k] * v[k];
            }
            s[i] = row;
            q += v[i] * row;
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Each unit's moderated probability of its class at one input. */
    private double[] unitProbabilities(double[] x) {
        double[] v = withBias(x);
        double[] p = new double[units];
        for (int u = 0; u < units; u++) {
            double var = spread(u, v);
            p[u] = Special.sigmoid(dot(mean[u], v) / Math.sqrt(1 + Math.PI * var / 8));
        }
        return p;
    }

    @Override
    protected double[] predictOne(double[] x) {
        double[] p = unitProbabilities(x);
        if (units == 1) {
            return p;
        }
        double sum = 0;
        for (double q : p) {
            sum += q;
        }
        for (int u = 0; u < units; u++) {
            p[u] /= sum;
        }
        return p;
    }

    @Override
    public double logPredictive(double[] x, double[] y) {
        double[] p = predictOne(x);
        if (units == 1) {
            double q = Math.min(Math.max(p[0], 1e-300), 1 - 1e-16);
            return y[0] * Math.log(q) + (1 - y[0]) * Math.log1p(-q);
        }
        double sum = 0;
        for (int u = 0; u < units; u++) {
            if (y[u] != 0) {
                sum += y[u] * Math.log(Math.max(p[u], 1e-300));
            }
        }
        return sum;
    }

    @Override
    protected void update(double[] x, double[] y) {
        double[] v = withBias(x);
        for (int u = 0; u < units; u++) {
            double var = spread(u, v);
            double mu = dot(mean[u], v);
            double target = y[u];
            // Newton on f(a) = a − mu − var (target − σ(a)), which is increasing: one root
            double a = mu;
            for (int it = 0; it < NEWTON_STEPS; it++) {
                double p = Special.sigmoid(a);
                double f = a - mu - var * (target - p);
                double step = f / (1 + var * p * (1 - p));
                a -= step;
                if (Math.abs(step) < 1e-12 * (1 + Math.abs(a))) {
                    break;
                }
            }
            double p = Special.sigmoid(a);
            double lambda = p * (1 - p);
            double r = target - p;
            double[] m = mean[u];
            for (int i = 0; i < dim; i++) {
                m[i] += s[i] * r;
            }
            double shrink = lambda / (1 + lambda * var);
            if (diagonal) {
                double[] d = diag[u];
                for (int i = 0; i < dim; i++) {
                    d[i] -= shrink * s[i] * s[i];
                }
            } else {
                double[][] c = cov[u];
                for (int i = 0; i < dim; i++) {
                    double si = shrink * s[i];
                    double[] ci = c[i];
                    for (int k = i; k < dim; k++) {
                        double val = ci[k] - si * s[k];
                        ci[k] = val;
                        c[k][i] = val;
                    }
                }
            }
        }
    }

    @Override
    protected int[] shape() {
        return new int[] {units, dim};
    }

    @Override
    public double[] posteriorMean() {
        double[] out = new double[units * dim];
        for (int u = 0; u < units; u++) {
            System.arraycopy(mean[u], 0, out, u * dim, dim);
        }
        return out;
    }

    @Override
    public double[] posteriorSd() {
        double[] out = new double[units * dim];
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < dim; i++) {
                out[u * dim + i] = Math.sqrt(Math.max(0, diagonal ? diag[u][i] : cov[u][i][i]));
            }
        }
        return out;
    }

    /** A copy of one unit's full posterior covariance (a learner that keeps the full matrix). */
    double[][] covariance(int unit) {
        double[][] out = new double[dim][];
        for (int i = 0; i < dim; i++) {
            out[i] = cov[unit][i].clone();
        }
        return out;
    }

    /** Registered as {@code bayes-logistic}. */
    public static final class Model implements BayesianModel {
        /** Inputs above which {@code covariance: auto} keeps the diagonal only. */
        public static final int FULL_UP_TO = 200;

        @Override
        public String name() {
            return "bayes-logistic";
        }

        @Override
        public String description() {
            return "Bayesian logistic regression, online by the Laplace approximation, one unit per class, with moderated probabilities";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.positive("prior_sd", 1.0, 1e6, "1", "the prior standard deviation of every weight"),
                    ParamSpec.choice("covariance", "auto", List.of("auto", "full", "diagonal"),
                            "the posterior covariance kept: full, diagonal, or auto (full up to " + FULL_UP_TO + " inputs)"),
                    ParamSpec.integer("outputs", 1, 1, 100_000, "target columns: 1 for one unit, K classes one against the rest (set from the task)"));
        }

        static boolean diagonal(Params p, int nInputs) {
            String c = p.string("covariance");
            return c.equals("diagonal") || c.equals("auto") && nInputs > FULL_UP_TO;
        }

        @Override
        public Learner create(String name, Params p, int nInputs, long weightSeed) {
            return new LogisticLaplace(name, nInputs, p.integer("outputs"), p.real("prior_sd"), diagonal(p, nInputs));
        }

        @Override
        public void footprint(Footprint f, Params p, int nInputs, String paramsKey, String learner, int copies) {
            double d = nInputs + 1.0;
            double perUnit = diagonal(p, nInputs) ? 2 * d : d * (d + 1);
            f.need(paramsKey, "the posterior of learner '" + learner + "' (" + p.integer("outputs") + " units on " + (long) d
                    + " inputs" + (copies > 1 ? ", " + copies + " seeds at once" : "") + ")", copies * 8 * perUnit * p.integer("outputs"),
                    Footprint.Pool.HEAP);
        }
    }
}
