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
 * <p>K classes (K target columns) make it multinomial: K units with a softmax, their K·d weights
 * one Gaussian. The likelihood then varies along the K directions of the activations a = Wx only,
 * so the mode is found by Newton's method in those K dimensions, a* = μ + V (y − π(a*)) with
 * μ = Wx and V the activations' posterior covariance, and the covariance shrinks by the Woodbury
 * identity, Σ ← Σ − ΣΦ H (I + V H)⁻¹ ΦᵀΣ, where H = diag(π) − ππᵀ is the softmax's curvature at
 * a* and Φ maps the weights to the activations. Predictions moderate each activation as above
 * before the softmax, a_k / √(1 + π V̄_kk / 8), by the variance V̄_kk of its difference from the
 * mean activation (the softmax does not see what the activations share). A task with one target column is one logistic
 * unit. {@code covariance: diagonal} keeps only Σ's diagonal, for inputs too many for a full
 * matrix (MNIST), at O(Kd) per sample instead of O(K²d²). The log evidence it reports is the
 * prequential log likelihood of the approximate predictive, not an exact marginal likelihood.
 */
public final class LogisticLaplace extends BayesianLearner {
    private static final int NEWTON_STEPS = 50;

    private final int dim;
    private final int units;
    private final int size;
    private final boolean diagonal;
    private final double temper;
    private final double[] mean;
    private final double[][] cov;
    private final double[] diag;
    private final double[] xb;
    /** ΣΦ: column k is the posterior covariance of the weights with activation k. */
    private final double[][] g;

    /**
     * @param name the learner's name
     * @param inputs input dimension (a bias input is added)
     * @param outputs target columns: 1 for a single logistic unit, K for K classes under a softmax
     * @param priorSd the prior standard deviation of every weight
     * @param diagonal whether only Σ's diagonal is kept
     */
    public LogisticLaplace(String name, int inputs, int outputs, double priorSd, boolean diagonal) {
        this(name, inputs, outputs, priorSd, diagonal, 1);
    }

    /**
     * A learner that takes each sample's likelihood to the power {@code temper}: given every
     * sample 1/temper times, it counts the evidence once, in smaller steps whose Laplace
     * approximations err less than one big step each.
     *
     * @param name the learner's name
     * @param inputs input dimension (a bias input is added)
     * @param outputs target columns: 1 for a single logistic unit, K for K classes under a softmax
     * @param priorSd the prior standard deviation of every weight
     * @param diagonal whether only Σ's diagonal is kept
     * @param temper the power of each likelihood, in (0, 1]; 1 is plain Bayes
     */
    public LogisticLaplace(String name, int inputs, int outputs, double priorSd, boolean diagonal, double temper) {
        super(name);
        this.temper = temper;
        this.dim = inputs + 1;
        this.units = outputs;
        this.size = units * dim;
        this.diagonal = diagonal;
        this.mean = new double[size];
        double v0 = priorSd * priorSd;
        if (diagonal) {
            this.cov = null;
            this.diag = new double[size];
            java.util.Arrays.fill(diag, v0);
        } else {
            this.diag = null;
            this.cov = new double[size][size];
            for (int i = 0; i < size; i++) {
                cov[i][i] = v0;
            }
        }
        this.xb = new double[dim];
        this.g = new double[size][units];
    }

    private double[] withBias(double[] x) {
        System.arraycopy(x, 0, xb, 0, x.length);
        xb[dim - 1] = 1;
        return xb;
    }

    /** Fills {@link #g} with ΣΦ for input v and returns V = ΦᵀΣΦ, the activations' covariance. */
    private double[][] spread(double[] v) {
        double[][] cv = new double[units][units];
        if (diagonal) {
            for (int k = 0; k < units; k++) {
                double q = 0;
                for (int i = 0; i < dim; i++) {
                    int p = k * dim + i;
                    java.util.Arrays.fill(g[p], 0);
                    g[p][k] = diag[p] * v[i];
                    q += v[i] * g[p][k];
                }
                cv[k][k] = q;
            }
            return cv;
        }
        for (int p = 0; p < size; p++) {
            double[] row = cov[p];
            for (int k = 0; k < units; k++) {
                double sum = 0;
                int base = k * dim;
                for (int i = 0; i < dim; i++) {
                    sum += row[base + i] * v[i];
                }
                g[p][k] = sum;
            }
        }
        for (int k = 0; k < units; k++) {
            for (int j = 0; j < units; j++) {
                double sum = 0;
                int base = k * dim;
                for (int i = 0; i < dim; i++) {
                    sum += v[i] * g[base + i][j];
                }
                cv[k][j] = sum;
            }
        }
        return cv;
    }

    private double[] activations(double[] v) {
        double[] a = new double[units];
        for (int k = 0; k < units; k++) {
            double sum = 0;
            int base = k * dim;
            for (int i = 0; i < dim; i++) {
                sum += mean[base + i] * v[i];
            }
            a[k] = sum;
        }
        return a;
    }

    /** The likelihood's probabilities at activations a: σ(a) for one unit, softmax(a) for several. */
    private double[] probabilities(double[] a) {
        if (units == 1) {
            return new double[] {Special.sigmoid(a[0])};
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            max = Math.max(max, x);
        }
        double sum = 0;
        double[] p = new double[units];
        for (int k = 0; k < units; k++) {
            p[k] = Math.exp(a[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < units; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** The likelihood's curvature −∇²log p(y | a): π(1 − π) for one unit, diag(π) − ππᵀ for a softmax. */
    private double[][] curvature(double[] pi) {
        double[][] h = new double[units][units];
        if (units == 1) {
            h[0][0] = pi[0] * (1 - pi[0]);
            return h;
        }
        for (int k = 0; k < units; k++) {
            for (int j = 0; j < units; j++) {
                h[k][j] = (k == j ? pi[k] : 0) - pi[k] * pi[j];
            }
        }
        return h;
    }

    @Override
    protected double[] predictOne(double[] x) {
        double[] v = withBias(x);
        double[][] cv = spread(v);
        double[] a = activations(v);
        if (units == 1) {
            a[0] /= Math.sqrt(1 + Math.PI * cv[0][0] / 8);
            return probabilities(a);
        }
        // a softmax ignores what its activations share, so each is moderated by the variance of its
        // difference from their mean: the diagonal of C V C with C = I − 11ᵀ/K
        double total = 0;
        double[] rows = new double[units];
        for (int k = 0; k < units; k++) {
            for (int j = 0; j < units; j++) {
                rows[k] += cv[k][j];
            }
            total += rows[k];
        }
        for (int k = 0; k < units; k++) {
            double centred = cv[k][k] - 2 * rows[k] / units + total / ((double) units * units);
            a[k] /= Math.sqrt(1 + Math.PI * Math.max(0, centred) / 8);
        }
        return probabilities(a);
    }

    @Override
    public double logPredictive(double[] x, double[] y) {
        double[] p = predictOne(x);
        if (units == 1) {
            double q = Math.min(Math.max(p[0], 1e-300), 1 - 1e-16);
            return y[0] * Math.log(q) + (1 - y[0]) * Math.log1p(-q);
        }
        double sum = 0;
        for (int k = 0; k < units; k++) {
            if (y[k] != 0) {
                sum += y[k] * Math.log(Math.max(p[k], 1e-300));
            }
        }
        return sum;
    }

    @Override
    protected void update(double[] x, double[] y) {
        double[] v = withBias(x);
        double[][] cv = spread(v);
        double[] mu = activations(v);
        // Newton on F(a) = a − μ − V (y − π(a)), whose Jacobian I + V H is invertible (V ⪰ 0, H ⪰ 0)
        double[] a = mu.clone();
        for (int it = 0; it < NEWTON_STEPS; it++) {
            double[] pi = probabilities(a);
            double[][] h = curvature(pi);
            double[] f = new double[units];
            double[][] jac = new double[units][units];
            for (int k = 0; k < units; k++) {
                double sum = 0;
                for (int j = 0; j < units; j++) {
                    sum += temper * cv[k][j] * (y[j] - pi[j]);
                    double vh = 0;
                    for (int l = 0; l < units; l++) {
                        vh += cv[k][l] * h[l][j];
                    }
                    jac[k][j] = (k == j ? 1 : 0) + temper * vh;
                }
                f[k] = a[k] - mu[k] - sum;
            }
            double[] step = solve(jac, f);
            double size2 = 0;
            for (int k = 0; k < units; k++) {
                a[k] -= step[k];
                size2 += step[k] * step[k];
            }
            if (Math.sqrt(size2) < 1e-13 * (1 + norm(a))) {
                break;
            }
        }
        double[] pi = probabilities(a);
        double[][] h = curvature(pi);
        for (int k = 0; k < units; k++) {
            for (int j = 0; j < units; j++) {
                h[k][j] *= temper;
            }
        }
        for (int p = 0; p < size; p++) {
            double sum = 0;
            for (int k = 0; k < units; k++) {
                sum += g[p][k] * (y[k] - pi[k]);
            }
            mean[p] += temper * sum;
        }
        // M = H (I + V H)⁻¹, then Σ ← Σ − G M Gᵀ
        double[][] ivh = new double[units][units];
        for (int k = 0; k < units; k++) {
            for (int j = 0; j < units; j++) {
                double vh = 0;
                for (int l = 0; l < units; l++) {
                    vh += cv[k][l] * h[l][j];
                }
                ivh[k][j] = (k == j ? 1 : 0) + vh;
            }
        }
        double[][] inv = inverse(ivh);
        double[][] m = new double[units][units];
        for (int k = 0; k < units; k++) {
            for (int j = 0; j < units; j++) {
                double sum = 0;
                for (int l = 0; l < units; l++) {
                    sum += h[k][l] * inv[l][j];
                }
                m[k][j] = sum;
            }
        }
        if (diagonal) {
            for (int k = 0; k < units; k++) {
                for (int i = 0; i < dim; i++) {
                    int p = k * dim + i;
                    diag[p] -= g[p][k] * m[k][k] * g[p][k];
                }
            }
            return;
        }
        double[] gm = new double[units];
        for (int p = 0; p < size; p++) {
            for (int k = 0; k < units; k++) {
                double sum = 0;
                for (int j = 0; j < units; j++) {
                    sum += g[p][j] * m[j][k];
                }
                gm[k] = sum;
            }
            double[] row = cov[p];
            for (int q = p; q < size; q++) {
                double sum = 0;
                for (int k = 0; k < units; k++) {
                    sum += gm[k] * g[q][k];
                }
                double c = row[q] - sum;
                row[q] = c;
                cov[q][p] = c;
            }
        }
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Solves a small dense system by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = m[i][n];
            for (int k = i + 1; k < n; k++) {
                sum -= m[i][k] * x[k];
            }
            x[i] = sum / m[i][i];
        }
        return x;
    }

    private static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] inv = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            double[] col = solve(a, e);
            for (int r = 0; r < n; r++) {
                inv[r][c] = col[r];
            }
        }
        return inv;
    }

    @Override
    protected int[] shape() {
        return new int[] {units, dim};
    }

    @Override
    public double[] posteriorMean() {
        return mean.clone();
    }

    @Override
    public double[] posteriorSd() {
        double[] out = new double[size];
        for (int p = 0; p < size; p++) {
            out[p] = Math.sqrt(Math.max(0, diagonal ? diag[p] : cov[p][p]));
        }
        return out;
    }

    /** A copy of the full posterior covariance (a learner that keeps the full matrix), weights ordered unit by unit. */
    double[][] covariance() {
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) {
            out[i] = cov[i].clone();
        }
        return out;
    }

    /** Registered as {@code bayes-logistic}. */
    public static final class Model implements BayesianModel {
        /** Weights (classes times inputs) above which {@code covariance: auto} keeps the diagonal only. */
        public static final int FULL_UP_TO = 1000;

        @Override
        public String name() {
            return "bayes-logistic";
        }

        @Override
        public String description() {
            return "Bayesian logistic (softmax) regression, online by the Laplace approximation, with moderated probabilities";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.positive("prior_sd", 1.0, 1e6, "1", "the prior standard deviation of every weight"),
                    ParamSpec.real("temper", 1.0, 1e-6, 1, "1",
                            "power of each sample's likelihood: 1/passes when the learner is given every sample that many times"),
                    ParamSpec.choice("covariance", "auto", List.of("auto", "full", "diagonal"),
                            "the posterior covariance kept: full, diagonal, or auto (full up to " + FULL_UP_TO + " weights)"),
                    ParamSpec.integer("outputs", 1, 1, 100_000, "target columns: 1 for one logistic unit, K classes under a softmax (set from the task)"));
        }

        static boolean diagonal(Params p, int nInputs) {
            String c = p.string("covariance");
            return c.equals("diagonal") || c.equals("auto") && (long) p.integer("outputs") * (nInputs + 1) > FULL_UP_TO;
        }

        @Override
        public Learner create(String name, Params p, int nInputs, long weightSeed) {
            return new LogisticLaplace(name, nInputs, p.integer("outputs"), p.real("prior_sd"), diagonal(p, nInputs), p.real("temper"));
        }

        @Override
        public void footprint(Footprint f, Params p, int nInputs, String paramsKey, String learner, int copies) {
            double n = (double) p.integer("outputs") * (nInputs + 1);
            double bytes = 8 * (diagonal(p, nInputs) ? 3 * n : n * n + 2 * n * p.integer("outputs"));
            f.need(paramsKey, "the posterior of learner '" + learner + "' (" + (long) n + " weights"
                    + (diagonal(p, nInputs) ? ", diagonal" : ", full covariance") + (copies > 1 ? ", " + copies + " seeds at once" : "") + ")",
                    copies * bytes, Footprint.Pool.HEAP);
        }
    }
}
