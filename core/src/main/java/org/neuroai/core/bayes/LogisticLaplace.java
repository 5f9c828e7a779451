package org.neuroai.core.bayes;

import java.util.List;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/**
 * Bayesian logistic regression, online, by the Laplace approximation one sample at a time: the
 * posterior over the weights of a logistic unit stays Gaussian, N(m, Σ); a sample (x, y), y in
 * {0, 1}, multiplies it by the likelihood σ(a)^y (1 − σ(a))^(1−y) of a = wᵀx, and the product is
 * replaced by the Gaussian at its mode with its curvature there. Because the likelihood varies
 * along x only, the mode is m + Σx c for one scalar c, found by Newton's method with a line search
 * on the activation a* = mᵀx + xᵀΣx (y − σ(a*)); then, with λ = σ(a*)(1 − σ(a*)) and v = xᵀΣx,
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
 *
 * <p>Given the same samples again, pass after pass, the learner either multiplies each likelihood
 * in again (online; tempered to the power 1/passes, it counts the evidence once in all) or, by
 * Laplace propagation, takes out the factor the sample put in before and puts in a new one made
 * from the rest of the posterior: its passes converge to the batch Laplace approximation, the
 * Gaussian at the mode of the posterior given all the samples, with the curvature there (see
 * {@link #LogisticLaplace(String, int, int, double, boolean, double, boolean)}).
 */
public final class LogisticLaplace extends BayesianLearner {
    private static final int NEWTON_STEPS = 50;

    private final int dim;
    private final int units;
    private final int size;
    private final boolean diagonal;
    private final double temper;
    private final boolean propagate;
    /** Each training sample's factor (propagation): its K×K precision S, row by row, then its K-vector r. */
    private final java.util.Map<Integer, double[]> sites = new java.util.HashMap<>();
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
        this(name, inputs, outputs, priorSd, diagonal, temper, false);
    }

    /**
     * A learner that, with {@code propagate}, keeps the Gaussian factor each training sample put
     * into the posterior, and on seeing the sample again takes that factor out before putting the
     * sample's likelihood back in (Laplace propagation: Smola, Vishwanathan &amp; Eskin 2003; the
     * Laplace counterpart of Minka's 2001 expectation propagation). A first pass is the online
     * Laplace approximation; later passes revise each sample's factor in the light of all the
     * others instead of counting its evidence again, and at their fixed point the posterior mean is
     * the batch posterior's mode and the covariance the inverse of its curvature there: the batch
     * Laplace approximation, reached one sample at a time. Samples without an id (a task that draws
     * fresh ones) are each new evidence, as without propagation.
     *
     * @param name the learner's name
     * @param inputs input dimension (a bias input is added)
     * @param outputs target columns: 1 for a single logistic unit, K for K classes under a softmax
     * @param priorSd the prior standard deviation of every weight
     * @param diagonal whether only Σ's diagonal is kept
     * @param temper the power of each likelihood, in (0, 1]; 1 is plain Bayes
     * @param propagate whether each sample's factor is kept and replaced when the sample comes again
     * @throws IllegalArgumentException for propagation with a diagonal covariance (removing a factor
     *     from a diagonal posterior has no exact form) or with a tempered likelihood
     */
    public LogisticLaplace(String name, int inputs, int outputs, double priorSd, boolean diagonal, double temper, boolean propagate) {
        super(name);
        if (propagate && diagonal) {
            throw new IllegalArgumentException("propagation needs the full covariance, not the diagonal");
        }
        if (propagate && temper != 1) {
            throw new IllegalArgumentException("propagation counts each sample once by itself; its likelihood's power must be 1, not " + temper);
        }
        this.propagate = propagate;
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
    protected double evidenceWeight(int id) {
        if (propagate) {
            return id >= 0 && sites.containsKey(id) ? 0 : 1;
        }
        return temper;
    }

    @Override
    protected void update(double[] x, double[] y) {
        step(x, y, -1);
    }

    @Override
    protected void update(double[] x, double[] y, int id) {
        step(x, y, propagate ? id : -1);
    }

    /**
     * One Laplace step for one sample; for a sample whose factor the posterior holds (id ≥ 0 with a
     * site), from the cavity, the posterior without that factor. With S the site's precision and r
     * its linear term in the K activations, the cavity's activations have, by Woodbury, covariance
     * V_c = V (I − S V)⁻¹ and mean μ_c = μ + V_c (S μ − r); the mode of the cavity times the
     * likelihood gives the sample's new factor, which then takes the old one's place.
     */
    private void step(double[] x, double[] y, int id) {
        double[] v = withBias(x);
        double[][] cv = spread(v);
        double[] mu = activations(v);
        double[][] cv0 = cv;
        double[] mu0 = mu;
        double[] site = id >= 0 ? sites.get(id) : null;
        if (site != null) {
            double[][] s = new double[units][units];
            double[] r = new double[units];
            for (int k = 0; k < units; k++) {
                System.arraycopy(site, k * units, s[k], 0, units);
                r[k] = site[units * units + k];
            }
            double[][] vc = symmetric(times(cv, inverse(identityPlus(times(s, cv), -1))));
            // d = S μ − r; the cavity's activations μ_c = μ + V_c d
            double[] shift = times(s, mu);
            for (int k = 0; k < units; k++) {
                shift[k] -= r[k];
            }
            double[] muc = times(vc, shift);
            for (int k = 0; k < units; k++) {
                muc[k] += mu[k];
            }
            cv = vc;
            mu = muc;
        }
        double[] a = mode(mu, cv, y);
        double[] pi = probabilities(a);
        double[][] h = curvature(pi);
        for (int k = 0; k < units; k++) {
            for (int j = 0; j < units; j++) {
                h[k][j] *= temper;
            }
        }
        if (site != null) {
            replace(site, h, a, pi, y, id, mu0, cv0);
            return;
        }
        for (int p = 0; p < size; p++) {
            double sum = 0;
            for (int k = 0; k < units; k++) {
                sum += g[p][k] * (y[k] - pi[k]);
            }
            mean[p] += temper * sum;
        }
        // M = H (I + V H)⁻¹, then Σ ← Σ − G M Gᵀ
        double[][] m = times(h, inverse(identityPlus(times(cv, h), 1)));
        if (id >= 0) {
            sites.put(id, factor(h, a, pi, y));
        }
        shrink(m);
    }

    /**
     * The activations at the mode of N(a; μ, V) p(y | a)^τ. The mode is a* = μ + V z* where z*
     * minimises the convex Ψ(z) = ½ zᵀVz − τ log p(y | μ + Vz), found by Newton's method, whose
     * step solves (I + τ H V) Δz = z − τ (y − π(a)), with a backtracking line search on Ψ: plain
     * Newton cycles when V is large and the sample far on the wrong side (the likelihood is then
     * nearly a step, and each full step jumps across it).
     */
    private double[] mode(double[] mu, double[][] cv, double[] y) {
        double[] z = new double[units];
        double[] a = mu.clone();
        double psi = -temper * logLikelihood(a, y);
        for (int it = 0; it < NEWTON_STEPS; it++) {
            double[] pi = probabilities(a);
            double[][] h = curvature(pi);
            double[] r = new double[units];
            for (int k = 0; k < units; k++) {
                r[k] = z[k] - temper * (y[k] - pi[k]);
            }
            double[] dz = solve(identityPlus(times(h, cv), temper), r);
            // Ψ's gradient is V r, so its slope along −Δz is −Δzᵀ V r
            double slope = 0;
            for (int k = 0; k < units; k++) {
                for (int j = 0; j < units; j++) {
                    slope -= dz[k] * cv[k][j] * r[j];
                }
            }
            if (!(slope < 0)) {
                break;
            }
            double t = 1;
            double[] zn = new double[units];
            double[] an = new double[units];
            double psin;
            while (true) {
                for (int k = 0; k < units; k++) {
                    zn[k] = z[k] - t * dz[k];
                }
                double quad = 0;
                for (int k = 0; k < units; k++) {
                    double sum = mu[k];
                    double vz = 0;
                    for (int j = 0; j < units; j++) {
                        vz += cv[k][j] * zn[j];
                    }
                    an[k] = sum + vz;
                    quad += zn[k] * vz;
                }
                psin = 0.5 * quad - temper * logLikelihood(an, y);
                if (psin <= psi + 1e-4 * t * slope || t < 1e-12) {
                    break;
                }
                t *= 0.5;
            }
            double moved = 0;
            for (int k = 0; k < units; k++) {
                moved += (an[k] - a[k]) * (an[k] - a[k]);
            }
            System.arraycopy(zn, 0, z, 0, units);
            System.arraycopy(an, 0, a, 0, units);
            psi = psin;
            if (Math.sqrt(moved) < 1e-13 * (1 + norm(a))) {
                break;
            }
        }
        return a;
    }

    /** log p(y | a): Σ_k y_k log softmax(a)_k, or y log σ(a) + (1 − y) log σ(−a) for one unit. */
    private double logLikelihood(double[] a, double[] y) {
        if (units == 1) {
            return -y[0] * softplus(-a[0]) - (1 - y[0]) * softplus(a[0]);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            max = Math.max(max, x);
        }
        double z = 0;
        for (double x : a) {
            z += Math.exp(x - max);
        }
        double lse = max + Math.log(z);
        double sum = 0;
        for (int k = 0; k < units; k++) {
            if (y[k] != 0) {
                sum += y[k] * (a[k] - lse);
            }
        }
        return sum;
    }

    /** log(1 + eˣ), without overflow. */
    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** A sample's factor from a Laplace step: precision H at a*, linear term (y − π(a*)) + H a*. */
    private double[] factor(double[][] h, double[] a, double[] pi, double[] y) {
        double[] next = new double[units * units + units];
        for (int k = 0; k < units; k++) {
            double ha = 0;
            for (int j = 0; j < units; j++) {
                next[k * units + j] = h[k][j];
                ha += h[k][j] * a[j];
            }
            next[units * units + k] = temper * (y[k] - pi[k]) + ha;
        }
        return next;
    }

    /**
     * Replaces a sample's factor (S, r) by (H, r*), the factor of a Laplace step from the cavity.
     * With ΔS and Δr the changes and B = (I + ΔS V)⁻¹, Woodbury gives m ← m + G B (Δr − ΔS μ) and
     * Σ ← Σ − G B ΔS Gᵀ, where G, V and μ are the current posterior's, before the change.
     */
    private void replace(double[] site, double[][] h, double[] a, double[] pi, double[] y, int id, double[] mu, double[][] cv) {
        double[] next = factor(h, a, pi, y);
        sites.put(id, next);
        double[][] ds = new double[units][units];
        double[] dr = new double[units];
        for (int k = 0; k < units; k++) {
            for (int j = 0; j < units; j++) {
                ds[k][j] = next[k * units + j] - site[k * units + j];
            }
            dr[k] = next[units * units + k] - site[units * units + k];
        }
        double[][] b = inverse(identityPlus(times(ds, cv), 1));
        double[] e = times(ds, mu);
        for (int k = 0; k < units; k++) {
            e[k] = dr[k] - e[k];
        }
        double[] coef = times(b, e);
        for (int p = 0; p < size; p++) {
            double sum = 0;
            for (int k = 0; k < units; k++) {
                sum += g[p][k] * coef[k];
            }
            mean[p] += sum;
        }
        double[][] n = symmetric(times(b, ds));
        shrink(n);
    }

    /** Σ ← Σ − G N Gᵀ for a symmetric K×K matrix N. */
    private void shrink(double[][] m) {
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

    /** The product of two small matrices. */
    private static double[][] times(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int l = 0; l < b.length; l++) {
                    sum += a[k][l] * b[l][j];
                }
                out[k][j] = sum;
            }
        }
        return out;
    }

    /** A small matrix times a vector. */
    private static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += a[k][j] * v[j];
            }
            out[k] = sum;
        }
        return out;
    }

    /** I + c a, for a square a. */
    private static double[][] identityPlus(double[][] a, double c) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                out[k][j] = (k == j ? 1 : 0) + c * a[k][j];
            }
        }
        return out;
    }

    /** (a + aᵀ) / 2, in place: a matrix symmetric but for rounding made exactly so. */
    private static double[][] symmetric(double[][] a) {
        for (int k = 0; k < a.length; k++) {
            for (int j = k + 1; j < a.length; j++) {
                double c = 0.5 * (a[k][j] + a[j][k]);
                a[k][j] = c;
                a[j][k] = c;
            }
        }
        return a;
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
            return "Bayesian logistic (softmax) regression by the Laplace approximation, one sample at a time (passes converge to the batch "
                    + "posterior by Laplace propagation), with moderated probabilities";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.positive("prior_sd", 1.0, 1e6, "1", "the prior standard deviation of every weight"),
                    ParamSpec.real("temper", 1.0, 1e-6, 1, "1",
                            "power of each sample's likelihood: with method online, 1/passes when the learner is given every sample that many times"),
                    ParamSpec.choice("covariance", "auto", List.of("auto", "full", "diagonal"),
                            "the posterior covariance kept: full, diagonal, or auto (full up to " + FULL_UP_TO + " weights)"),
                    ParamSpec.choice("method", "auto", List.of("auto", "propagation", "online"),
                            "a sample seen again: 'propagation' replaces the factor it put into the posterior (passes converge to the batch "
                                    + "Laplace approximation); 'online' multiplies its likelihood in again; auto: propagation with the full "
                                    + "covariance and an untempered likelihood, else online"),
                    ParamSpec.integer("outputs", 1, 1, 100_000, "target columns: 1 for one logistic unit, K classes under a softmax (set from the task)"));
        }

        static boolean diagonal(Params p, int nInputs) {
            String c = p.string("covariance");
            return c.equals("diagonal") || c.equals("auto") && (long) p.integer("outputs") * (nInputs + 1) > FULL_UP_TO;
        }

        /**
         * Whether the learner replaces a revisited sample's factor.
         *
         * @throws UserError for method propagation with a diagonal covariance or a tempered likelihood
         */
        static boolean propagate(Params p, int nInputs) {
            String m = p.string("method");
            boolean diagonal = diagonal(p, nInputs);
            boolean tempered = p.real("temper") != 1;
            if (m.equals("propagation")) {
                if (diagonal) {
                    throw new UserError("bayes-logistic: method 'propagation' needs the full covariance, and this one keeps the diagonal ("
                            + (long) p.integer("outputs") * (nInputs + 1) + " weights); set covariance: full, or method: online");
                }
                if (tempered) {
                    throw new UserError("bayes-logistic: method 'propagation' counts each sample once by itself, so temper must be 1, not "
                            + p.real("temper") + "; set temper: 1, or method: online");
                }
                return true;
            }
            return m.equals("auto") && !diagonal && !tempered;
        }

        @Override
        public Learner create(String name, Params p, int nInputs, long weightSeed) {
            return new LogisticLaplace(name, nInputs, p.integer("outputs"), p.real("prior_sd"), diagonal(p, nInputs), p.real("temper"),
                    propagate(p, nInputs));
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
