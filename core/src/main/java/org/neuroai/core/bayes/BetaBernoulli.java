package org.neuroai.core.bayes;

import java.util.List;
import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * The Beta-Bernoulli model: each target is a coin toss (0 or 1) with an unknown bias p, and the
 * posterior over p is Beta(a, b). A toss y adds y to a and 1 − y to b; the posterior mean is
 * a/(a + b) and the predictive probability of heads is that mean. Inputs are ignored.
 *
 * <p>With {@code forget} f &gt; 0 the learner forgets: before each toss the counts it has gathered
 * decay towards the prior, a ← a₀ + (1 − f)(a − a₀), so it weighs the last ~1/f tosses and can
 * follow a coin whose bias changes. With f = 0 (the default) the update is exact, and after n
 * tosses with h heads the posterior is Beta(a₀ + h, b₀ + n − h) whatever the order.
 */
public final class BetaBernoulli extends BayesianLearner {
    /** Probe: each output's a. */
    public static final String ALPHA = "alpha";
    /** Probe: each output's b. */
    public static final String BETA = "beta";

    private final double a0;
    private final double b0;
    private final double forget;
    private final double[] a;
    private final double[] b;

    /**
     * @param name the learner's name
     * @param a0 the prior's a (pseudo-heads)
     * @param b0 the prior's b (pseudo-tails)
     * @param forget the fraction of gathered evidence forgotten before each toss, in [0, 1)
     * @param outputs independent coins, one per target
     */
    public BetaBernoulli(String name, double a0, double b0, double forget, int outputs) {
        super(name);
        this.a0 = a0;
        this.b0 = b0;
        this.forget = forget;
        this.a = filled(outputs, a0);
        this.b = filled(outputs, b0);
    }

    static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    @Override
    protected void update(double[] x, double[] y) {
        for (int j = 0; j < a.length; j++) {
            if (forget > 0) {
                a[j] = a0 + (1 - forget) * (a[j] - a0);
                b[j] = b0 + (1 - forget) * (b[j] - b0);
            }
            a[j] += y[j];
            b[j] += 1 - y[j];
        }
    }

    @Override
    public double logPredictive(double[] x, double[] y) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double p = a[j] / (a[j] + b[j]);
            sum += y[j] * Math.log(p) + (1 - y[j]) * Math.log1p(-p);
        }
        return sum;
    }

    @Override
    protected double[] predictOne(double[] x) {
        return posteriorMean();
    }

    @Override
    protected int[] shape() {
        return new int[] {a.length, 1};
    }

    @Override
    public double[] posteriorMean() {
        double[] m = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            m[j] = a[j] / (a[j] + b[j]);
        }
        return m;
    }

    @Override
    public double[] posteriorSd() {
        double[] sd = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            double n = a[j] + b[j];
            sd[j] = Math.sqrt(a[j] * b[j] / (n * n * (n + 1)));
        }
        return sd;
    }

    /**
     * The density of Beta(a, b) at p in (0, 1).
     *
     * @param a the first shape
     * @param b the second shape
     * @param p a probability strictly between 0 and 1
     * @return the density
     */
    public static double density(double a, double b, double p) {
        return Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p) + Special.logGamma(a + b) - Special.logGamma(a)
                - Special.logGamma(b));
    }

    /** The posterior's a of each output. */
    public double[] alpha() {
        return a.clone();
    }

    /** The posterior's b of each output. */
    public double[] beta() {
        return b.clone();
    }

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> p = new java.util.LinkedHashMap<>(super.probes());
        p.put(ALPHA, a.length);
        p.put(BETA, a.length);
        return p;
    }

    @Override
    public void probe(String probe, double[] dest) {
        switch (probe) {
            case ALPHA -> System.arraycopy(a, 0, dest, 0, a.length);
            case BETA -> System.arraycopy(b, 0, dest, 0, b.length);
            default -> super.probe(probe, dest);
        }
    }

    /** Registered as {@code beta-bernoulli}. */
    public static final class Model implements BayesianModel {
        @Override
        public String name() {
            return "beta-bernoulli";
        }

        @Override
        public String description() {
            return "Beta-Bernoulli: the posterior Beta(a, b) over a coin's bias, one toss at a time (optionally forgetting)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.positive("a0", 1.0, 1e6, "1", "the prior's a: pseudo-counts of heads (1 and 1: uniform)"),
                    ParamSpec.positive("b0", 1.0, 1e6, "1", "the prior's b: pseudo-counts of tails"),
                    ParamSpec.real("forget", 0.0, 0, 0.999, "1",
                            "fraction of the gathered counts forgotten before each toss; 0 is exact Bayes, 0.05 weighs the last ~20 tosses"),
                    ParamSpec.integer("outputs", 1, 1, 100_000, "independent coins, one per target (set from the task)"));
        }

        @Override
        public Learner create(String name, Params p, int nInputs, long weightSeed) {
            return new BetaBernoulli(name, p.real("a0"), p.real("b0"), p.real("forget"), p.integer("outputs"));
        }
    }
}
