package org.neuroai.core.bayes;

import java.util.List;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * A Normal whose mean μ and variance σ² are both unknown, under the conjugate Normal-inverse-gamma
 * prior: σ² ~ InvGamma(α, β) and μ | σ² ~ N(m, σ²/κ). One target y updates
 * m ← (κm + y)/(κ + 1), κ ← κ + 1, α ← α + ½, β ← β + κ(y − m)²/(2(κ + 1)) (with the old κ and m);
 * the predictive is Student's t with 2α degrees of freedom, location m and scale²
 * β(κ + 1)/(ακ) (Murphy 2007, "Conjugate Bayesian analysis of the Gaussian distribution", §3).
 * Each target dimension is its own quantity; inputs are ignored.
 *
 * <p>Its parameters, per target, are μ and σ²: {@link #posteriorMean()} gives m and β/(α − 1),
 * {@link #posteriorSd()} the marginal standard deviations √(β/((α − 1)κ)) and
 * β/((α − 1)√(α − 2)) (infinite while α ≤ 1 or α ≤ 2).
 */
public final class NormalInverseGamma extends BayesianLearner {
    private final double[] m;
    private final double[] kappa;
    private final double[] alpha;
    private final double[] beta;

    /**
     * @param name the learner's name
     * @param m0 the prior mean of μ
     * @param kappa0 the prior's pseudo-observations of μ
     * @param alpha0 the prior's shape of σ²
     * @param beta0 the prior's scale of σ²
     * @param outputs target dimensions
     */
    public NormalInverseGamma(String name, double m0, double kappa0, double alpha0, double beta0, int outputs) {
        super(name);
        this.m = BetaBernoulli.filled(outputs, m0);
        this.kappa = BetaBernoulli.filled(outputs, kappa0);
        this.alpha = BetaBernoulli.filled(outputs, alpha0);
        this.beta = BetaBernoulli.filled(outputs, beta0);
    }

    @Override
    protected void update(double[] x, double[] y) {
        for (int j = 0; j < m.length; j++) {
            double e = y[j] - m[j];
            beta[j] += kappa[j] * e * e / (2 * (kappa[j] + 1));
            m[j] = (kappa[j] * m[j] + y[j]) / (kappa[j] + 1);
            kappa[j] += 1;
            alpha[j] += 0.5;
        }
    }

    @Override
    public double logPredictive(double[] x, double[] y) {
        double sum = 0;
        for (int j = 0; j < m.length; j++) {
            double nu = 2 * alpha[j];
            double scale2 = beta[j] * (kappa[j] + 1) / (alpha[j] * kappa[j]);
            double z = (y[j] - m[j]) * (y[j] - m[j]) / scale2;
            sum += Special.logGamma((nu + 1) / 2) - Special.logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI * scale2)
                    - (nu + 1) / 2 * Math.log1p(z / nu);
        }
        return sum;
    }

    @Override
    protected double[] predictOne(double[] x) {
        return m.clone();
    }

    @Override
    protected int[] shape() {
        return new int[] {m.length, 2};
    }

    @Override
    public double[] posteriorMean() {
        double[] out = new double[2 * m.length];
        for (int j = 0; j < m.length; j++) {
            out[2 * j] = m[j];
            out[2 * j + 1] = alpha[j] > 1 ? beta[j] / (alpha[j] - 1) : Double.POSITIVE_INFINITY;
        }
        return out;
    }

    @Override
    public double[] posteriorSd() {
        double[] out = new double[2 * m.length];
        for (int j = 0; j < m.length; j++) {
            out[2 * j] = alpha[j] > 1 ? Math.sqrt(beta[j] / ((alpha[j] - 1) * kappa[j])) : Double.POSITIVE_INFINITY;
            out[2 * j + 1] = alpha[j] > 2 ? beta[j] / ((alpha[j] - 1) * Math.sqrt(alpha[j] - 2)) : Double.POSITIVE_INFINITY;
        }
        return out;
    }

    /** The posterior's (m, κ, α, β) of one target dimension. */
    public double[] hyperparameters(int j) {
        return new double[] {m[j], kappa[j], alpha[j], beta[j]};
    }

    /** Registered as {@code normal-inverse-gamma}. */
    public static final class Model implements BayesianModel {
        @Override
        public String name() {
            return "normal-inverse-gamma";
        }

        @Override
        public String description() {
            return "Normal-inverse-gamma: a Normal's unknown mean and variance together, with a Student-t predictive";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.real("m0", 0.0, -1e9, 1e9, "1", "the prior mean of mu"),
                    ParamSpec.positive("kappa0", 1.0, 1e9, "1", "pseudo-observations behind the prior mean"),
                    ParamSpec.positive("alpha0", 2.0, 1e9, "1", "shape of the inverse-gamma prior on the variance"),
                    ParamSpec.positive("beta0", 1.0, 1e9, "1", "scale of the inverse-gamma prior on the variance (prior mean beta0/(alpha0-1))"),
                    ParamSpec.integer("outputs", 1, 1, 100_000, "target dimensions (set from the task)"));
        }

        @Override
        public Learner create(String name, Params p, int nInputs, long weightSeed) {
            return new NormalInverseGamma(name, p.real("m0"), p.real("kappa0"), p.real("alpha0"), p.real("beta0"), p.integer("outputs"));
        }
    }
}
