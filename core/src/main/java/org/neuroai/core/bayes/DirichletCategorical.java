package org.neuroai.core.bayes;

import java.util.List;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * The Dirichlet-categorical model: the target is one of K classes (a one-hot row, or weights that
 * sum to 1), and the posterior over the class probabilities is Dirichlet(α). A sample adds its
 * target row to α; the predictive probability of class k is α_k / Σα. Inputs are ignored: it
 * learns how often each class occurs, the baseline every classifier must beat.
 */
public final class DirichletCategorical extends BayesianLearner {
    private final double[] alpha;

    /**
     * @param name the learner's name
     * @param alpha0 the prior's pseudo-count of every class
     * @param classes K
     */
    public DirichletCategorical(String name, double alpha0, int classes) {
        super(name);
        if (classes < 2) {
            throw new IllegalArgumentException("a categorical model needs at least 2 classes, got " + classes);
        }
        this.alpha = BetaBernoulli.filled(classes, alpha0);
    }

    @Override
    protected void update(double[] x, double[] y) {
        for (int k = 0; k < alpha.length; k++) {
            alpha[k] += y[k];
        }
    }

    private double total() {
        double s = 0;
        for (double a : alpha) {
            s += a;
        }
        return s;
    }

    @Override
    public double logPredictive(double[] x, double[] y) {
        double t = total();
        double sum = 0;
        for (int k = 0; k < alpha.length; k++) {
            if (y[k] != 0) {
                sum += y[k] * Math.log(alpha[k] / t);
            }
        }
        return sum;
    }

    @Override
    protected double[] predictOne(double[] x) {
        return posteriorMean();
    }

    @Override
    protected int[] shape() {
        return new int[] {alpha.length, 1};
    }

    @Override
    public double[] posteriorMean() {
        double t = total();
        double[] m = new double[alpha.length];
        for (int k = 0; k < alpha.length; k++) {
            m[k] = alpha[k] / t;
        }
        return m;
    }

    @Override
    public double[] posteriorSd() {
        double t = total();
        double[] sd = new double[alpha.length];
        for (int k = 0; k < alpha.length; k++) {
            double m = alpha[k] / t;
            sd[k] = Math.sqrt(m * (1 - m) / (t + 1));
        }
        return sd;
    }

    /** The posterior's α. */
    public double[] alpha() {
        return alpha.clone();
    }

    /** Registered as {@code dirichlet-categorical}. */
    public static final class Model implements BayesianModel {
        @Override
        public String name() {
            return "dirichlet-categorical";
        }

        @Override
        public String description() {
            return "Dirichlet-categorical: the posterior over class frequencies, ignoring the inputs (the baseline to beat)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.positive("alpha0", 1.0, 1e6, "1", "the prior's pseudo-count of every class"),
                    ParamSpec.integer("outputs", 2, 2, 100_000, "classes, one per target (set from the task)"));
        }

        @Override
        public Learner create(String name, Params p, int nInputs, long weightSeed) {
            return new DirichletCategorical(name, p.real("alpha0"), p.integer("outputs"));
        }
    }
}
