package org.neuroai.core.reward;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/**
 * A k-armed bandit whose best arm changes once (Sutton &amp; Barto 2018, <i>Reinforcement
 * Learning: An Introduction</i>, 2nd ed., ch. 2, with a nonstationary twist). Every trial is an
 * episode of one step: the observation is a constant 1 (there is nothing to see before a choice),
 * the action is an arm, the reward its payout. The arms' mean payouts are spread evenly from
 * {@code low} (arm 0) to {@code high} (arm k−1); from trial {@code change}·trials on, the order is
 * reversed, so the best arm becomes the worst and arm 0 the best.
 *
 * <p>Payouts are Bernoulli (1 with the arm's mean as probability, else 0) or Gaussian (the mean
 * plus {@code sd} times a standard normal draw). The episode's seed draws one uniform (or one
 * normal) number before the choice, and every arm's payout is computed from that same number, so
 * the environment's draws do not depend on which arm is chosen: two learners that choose the same
 * arm on a trial get the same payout.
 */
public final class Bandit implements Environment {
    private final double[] means;
    private final boolean gaussian;
    private final double sd;
    private final long changeAt;
    private long trial;
    private double draw;
    private boolean done;

    /** Registers the task under the name "bandit". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "bandit";
        }

        @Override
        public String description() {
            return "a k-armed bandit (Bernoulli or Gaussian arms) whose order of arms reverses at a fraction of the trials";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.integer("arms", 5, 2, 1000, "number of arms"),
                    ParamSpec.choice("payout", "bernoulli", List.of("bernoulli", "gaussian"), "how an arm pays"),
                    ParamSpec.real("low", 0.2, -1e6, 1e6, "1", "mean payout of arm 0 before the change"),
                    ParamSpec.real("high", 0.8, -1e6, 1e6, "1", "mean payout of the last arm before the change"),
                    ParamSpec.positive("sd", 1.0, 1e6, "1", "standard deviation of a Gaussian arm's payout"),
                    ParamSpec.integer("trials", 1000, 1, Integer.MAX_VALUE, "trials in a run"),
                    ParamSpec.real("change", 0.5, 0, 1, "1", "fraction of the trials after which the arms' order reverses (1: never)"));
        }

        @Override
        public Task create(Params p) {
            return task(p);
        }
    }

    /**
     * The bandit's task.
     *
     * @param p resolved parameters of {@link Factory}
     * @return the task, as long as its trials
     * @throws UserError when Bernoulli means fall outside [0, 1] or low is not below high
     */
    public static EnvironmentTask task(Params p) {
        int arms = p.integer("arms");
        double low = p.real("low");
        double high = p.real("high");
        boolean gaussian = p.string("payout").equals("gaussian");
        if (!(low < high)) {
            throw new UserError("task bandit: 'low' (" + low + ") must be below 'high' (" + high + ") so that one arm is best.");
        }
        if (!gaussian && (low < 0 || high > 1)) {
            throw new UserError("task bandit: Bernoulli arms pay with a probability, so 'low' and 'high' must lie in [0, 1], not "
                    + low + " and " + high + ".");
        }
        long trials = p.integer("trials");
        long changeAt = Math.round(p.real("change") * trials);
        double sd = p.real("sd");
        return new EnvironmentTask("bandit", () -> new Bandit(arms, low, high, gaussian, sd, changeAt), trials);
    }

    /**
     * @param arms number of arms
     * @param low mean payout of arm 0 before the change
     * @param high mean payout of the last arm before the change
     * @param gaussian Gaussian payouts (else Bernoulli)
     * @param sd standard deviation of a Gaussian payout
     * @param changeAt the trial from which the order is reversed
     */
    public Bandit(int arms, double low, double high, boolean gaussian, double sd, long changeAt) {
        this.means = new double[arms];
        for (int i = 0; i < arms; i++) {
            means[i] = low + (high - low) * i / (arms - 1);
        }
        this.gaussian = gaussian;
        this.sd = sd;
        this.changeAt = changeAt;
    }

    /** The mean payout of an arm at a trial. */
    public double mean(int arm, long trial) {
        return trial < changeAt ? means[arm] : means[means.length - 1 - arm];
    }

    /** The trial from which the order of the arms is reversed. */
    public long changeAt() {
        return changeAt;
    }

    @Override
    public String name() {
        return "bandit";
    }

    @Override
    public int observationDim() {
        return 1;
    }

    @Override
    public int actions() {
        return means.length;
    }

    @Override
    public long maxSteps() {
        return 1;
    }

    @Override
    public void reset(long episode, long seed, double[] observation) {
        SplittableRandom r = new SplittableRandom(seed);
        trial = episode;
        draw = gaussian ? Gauss.normal(r) : r.nextDouble();
        done = false;
        observation[0] = 1;
    }

    @Override
    public double step(int action, double[] observation) {
        double m = mean(action, trial);
        done = true;
        observation[0] = 1;
        return gaussian ? m + sd * draw : (draw < m ? 1 : 0);
    }

    @Override
    public boolean terminal() {
        return done;
    }

    @Override
    public int bestAction() {
        return trial < changeAt ? means.length - 1 : 0;
    }

    /**
     * How often learners choose the best arm late in each half of a run, the measure the bandit
     * learners' tests hold them to: over seeds 1 to {@code seeds}, the fraction of the last
     * {@code window} trials before the change, and of the last {@code window} trials of the run,
     * on which the learner chose the arm that was best at the time. Seed k is the seed of the k-th
     * learner and of its task's stream of trials.
     *
     * @param task a bandit's task, as long as the run
     * @param agent the learner of a seed, on its own copy of the environment
     * @param seeds how many seeds
     * @param window trials at the end of each half
     * @return {before the change, at the end}, each the mean over seeds
     */
    public static double[] bestArmChosen(EnvironmentTask task, java.util.function.LongFunction<AgentLearner> agent, int seeds, int window) {
        long trials = task.length();
        long change = ((Bandit) task.environment()).changeAt();
        double[] out = new double[2];
        for (long seed = 1; seed <= seeds; seed++) {
            AgentLearner a = agent.apply(seed);
            org.neuroai.core.SampleStream keys = task.stream(seed);
            for (long t = 0; t < trials; t++) {
                long best = a.tally().best();
                a.learn(keys.next(1));
                double got = (double) (a.tally().best() - best) / window / seeds;
                out[0] += t >= change - window && t < change ? got : 0;
                out[1] += t >= trials - window ? got : 0;
            }
        }
        return out;
    }

    /** Standard normal draws from a seeded source (Box-Muller), so that the draws are the same on every JVM. */
    static final class Gauss {
        private Gauss() {}

        static double normal(SplittableRandom r) {
            double u = 1 - r.nextDouble();
            double v = r.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
