package org.neuroai.core.reward;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Probeable;
import org.neuroai.core.UserError;
import org.neuroai.core.WeightView;
import org.neuroai.core.bayes.BetaBernoulli;

/**
 * Thompson sampling on a Bernoulli bandit (W. R. Thompson 1933, "On the likelihood that one unknown
 * probability exceeds another in view of the evidence of two samples", Biometrika 25:285-294):
 * each arm's payout probability has a Beta posterior ({@link BetaBernoulli}, one per arm); before
 * every trial the agent draws one probability from each posterior and pulls the arm whose draw is
 * highest, so an arm is chosen with the posterior probability that it is the best. With
 * {@code forget} > 0 an arm's posterior forgets that fraction of its evidence every time it is
 * pulled, so it can notice that a good arm has turned bad.
 *
 * <p>Probes {@code alpha}, {@code beta}: each arm's posterior counts. Its "weights" (group w) are
 * the arms' posterior means.
 */
public final class ThompsonSampling extends AgentLearner implements Probeable {
    /** Probe: each arm's a. */
    public static final String ALPHA = BetaBernoulli.ALPHA;
    /** Probe: each arm's b. */
    public static final String BETA = BetaBernoulli.BETA;

    private final int arms;
    private final double a0;
    private final double b0;
    private final double forget;
    private final long seed;
    private BetaBernoulli[] posterior;
    private SplittableRandom rng;
    private final double[][] means;
    private int chosen;
    private final double[][] one = {{1}};

    /**
     * @param name the learner's name
     * @param env its bandit, whose payouts must be 0 or 1
     * @param a0 the prior's a
     * @param b0 the prior's b
     * @param forget the fraction of an arm's evidence forgotten at each of its pulls, in [0, 1)
     * @param seed the seed of its draws from the posteriors
     */
    public ThompsonSampling(String name, Environment env, double a0, double b0, double forget, long seed) {
        super(name, env);
        this.arms = env.actions();
        this.a0 = a0;
        this.b0 = b0;
        this.forget = forget;
        this.seed = seed;
        this.means = new double[arms][1];
        reset();
    }

    /** Back to the prior and the first draw. */
    public void reset() {
        posterior = new BetaBernoulli[arms];
        for (int i = 0; i < arms; i++) {
            posterior[i] = new BetaBernoulli("arm" + i, a0, b0, forget, 1);
            means[i][0] = a0 / (a0 + b0);
        }
        rng = new SplittableRandom(seed);
        clearTally();
    }

    @Override
    public Family family() {
        return Family.BAYESIAN;
    }

    @Override
    public int act(double[] observation) {
        int best = 0;
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < arms; i++) {
            double p = beta(rng, posterior[i].alpha()[0], posterior[i].beta()[0]);
            if (p > top) {
                top = p;
                best = i;
            }
        }
        chosen = best;
        return best;
    }

    @Override
    public void feedback(double reward, double[] next, boolean terminal) {
        if (reward != 0 && reward != 1) {
            throw new UserError("learner '" + name() + "': Thompson sampling with Beta posteriors needs payouts of 0 or 1, not "
                    + reward + "; use the bandit's Bernoulli payout.");
        }
        posterior[chosen].learn(new Batch(one, new double[][] {{reward}}, 0));
        means[chosen][0] = posterior[chosen].posteriorMean()[0];
    }

    @Override
    public WeightView weights() {
        return WeightView.of(means);
    }

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(ALPHA, arms);
        m.put(BETA, arms);
        return m;
    }

    @Override
    public void probe(String name, double[] dest) {
        for (int i = 0; i < arms; i++) {
            dest[i] = name.equals(ALPHA) ? posterior[i].alpha()[0] : posterior[i].beta()[0];
        }
    }

    /** A draw from Beta(a, b), as X/(X+Y) of two Gamma draws. */
    static double beta(SplittableRandom r, double a, double b) {
        double x = gamma(r, a);
        double y = gamma(r, b);
        return x / (x + y);
    }

    /** A draw from Gamma(k, 1) (Marsaglia &amp; Tsang 2000, ACM Trans. Math. Softw. 26:363-372). */
    static double gamma(SplittableRandom r, double k) {
        if (k < 1) {
            // Gamma(k) = Gamma(k + 1) · U^(1/k)
            return gamma(r, k + 1) * Math.pow(r.nextDouble(), 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = Bandit.Gauss.normal(r);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
