package org.neuroai.compare.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.reward.Reinforce;
import org.neuroai.bio.reward.ActorCritic;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.measures.Returns;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.reward.Bandit;
import org.neuroai.core.reward.EnvironmentTask;
import org.neuroai.core.reward.ThompsonSampling;

/**
 * A bandit whose best arm becomes the worst half-way, four ways, on the same trials (the same
 * payout draws): the three-factor rule (the actor-critic of {@link ActorCritic} on a constant input:
 * the chosen arm's synapse is eligible, the neuromodulator is the reward minus the critic's running
 * prediction), REINFORCE with a baseline on a Deeplearning4j softmax policy, and Thompson
 * sampling with Beta posteriors, without and with forgetting. Metrics every {@code every} trials:
 * {@code return} (mean reward per trial) and {@code best_action} (the fraction of choices of the
 * arm that is best at the time).
 */
public final class BanditExperiment implements Experiment {
    /** The three-factor learner. */
    public static final String THREE_FACTOR = "three-factor";
    /** REINFORCE. */
    public static final String REINFORCE = "reinforce";
    /** Thompson sampling. */
    public static final String THOMPSON = "thompson";
    /** Thompson sampling with forgetting. */
    public static final String FORGETTING = "thompson-forgetting";

    private static final Map<String, Object> THREE_FACTOR_DEFAULTS = Map.of("alpha", 0.05, "delta", 0.0, "beta", 0.05, "lambda", 0.0,
            "temperature", 0.2, "boxes", false);
    /**
     * REINFORCE on a bandit whose best arm changes. The gradient a softmax policy gives an arm's
     * preference scales with the arm's probability, so an arm the policy has nearly stopped
     * choosing (the worst arm before the change, the best after it) is raised ever more slowly:
     * with an entropy bonus of 0.1 and SGD at 0.5 it ended on the new best arm on 0.27 of the last
     * trials, and the bonus held the best arm at about 0.78 before the change (the policy that
     * maximises the payout plus β times the entropy is the softmax of the payouts at temperature
     * β). Weight decay in its place (0.01 per update, times the learning rate) makes the policy
     * forget, as the forgetting Thompson sampler does: preferences that are not renewed shrink
     * towards equal ones within about 50 updates (500 trials) at SGD 2.0, which keeps every arm
     * tried now and then; a slow baseline (rate 0.02, about 50 trials) keeps the old arm's new low
     * payout below it long enough to be unlearnt.
     */
    private static final Map<String, Object> REINFORCE_DEFAULTS = Map.of("hidden", 4, "lr", 2.0, "optimiser", "sgd",
            "gamma", 0.0, "entropy", 0.0, "weight_decay", 0.01, "baseline_rate", 0.02, "episodes_per_update", 10);

    @Override
    public String name() {
        return "bandit";
    }

    @Override
    public String description() {
        return "a 5-armed bandit whose best arm turns worst half-way: three-factor rule vs REINFORCE (DL4J) vs Thompson sampling";
    }

    @Override
    public String mainMetric() {
        return Returns.BEST;
    }

    @Override
    public List<ParamSpec> settings() {
        List<ParamSpec> s = new ArrayList<>(List.of(
                ParamSpec.integer("trials", 4000, 2, 10_000_000, "trials in all"),
                ParamSpec.integer("arms", 5, 2, 1000, "number of arms"),
                ParamSpec.real("low", 0.2, 0, 1, "1", "payout probability of arm 0 before the change (the worst)"),
                ParamSpec.real("high", 0.8, 0, 1, "1", "payout probability of the last arm before the change (the best)"),
                ParamSpec.real("change", 0.5, 0, 1, "1", "fraction of the trials after which the arms' order reverses"),
                ParamSpec.integer("every", 50, 1, 1_000_000, "trials between records (each record averages them)"),
                ParamSpec.real("forget", 0.05, 0, 0.999, "1", "fraction of an arm's evidence thompson-forgetting forgets at each pull"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core")));
        s.addAll(RewardLearners.prefixed("tf", ActorCritic.settings(), THREE_FACTOR_DEFAULTS));
        s.addAll(RewardLearners.prefixed("rf", Reinforce.settings(), REINFORCE_DEFAULTS));
        return s;
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("trials", 2000);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("trials", 40, "every", 10);
    }

    @Override
    public Study study(Params s) {
        int trials = s.integer("trials");
        Params bandit = Params.resolve(new Bandit.Factory().parameters(), Map.of("arms", s.integer("arms"), "low", s.real("low"),
                "high", s.real("high"), "trials", trials, "change", s.real("change")), "settings low, high");
        EnvironmentTask task = Bandit.task(bandit);
        Params tf = RewardLearners.of(s, "tf", ActorCritic.settings());
        Params rf = RewardLearners.of(s, "rf", Reinforce.settings());
        double forget = s.real("forget");
        List<LearnerSpec> learners = java.util.stream.Stream.of(
                LearnerSpec.of(new Described(THREE_FACTOR, Family.BIO, "three-factor rule: eligibility \u00d7 (reward \u2212 prediction) (bio)",
                        "#117733", "actor-critic of three-factor synapses, softmax T " + tf.real("temperature")),
                        b -> new ActorCritic(THREE_FACTOR, env(b), tf, b.weightSeed())),
                LearnerSpec.of(new Described(REINFORCE, Family.GRADIENT, "REINFORCE with baseline (gradient, DL4J)", "#D55E00",
                        "softmax policy network, " + rf.integer("hidden") + " tanh units, " + rf.string("optimiser") + ", weight decay "
                        + rf.real("weight_decay") + ", entropy bonus " + rf.real("entropy")),
                        b -> new Reinforce(REINFORCE, env(b), rf, b.weightSeed())),
                LearnerSpec.of(new Described(THOMPSON, Family.BAYESIAN, "Thompson sampling, Beta posteriors (Bayesian)", "#7B3294",
                        "bayes beta-bernoulli per arm"), b -> new ThompsonSampling(THOMPSON, env(b), 1, 1, 0, b.weightSeed())),
                LearnerSpec.of(new Described(FORGETTING, Family.BAYESIAN, "Thompson sampling, forgetting " + forget + "/pull (Bayesian)",
                        "#C2A5CF", "bayes beta-bernoulli per arm, forget " + forget),
                        b -> new ThompsonSampling(FORGETTING, env(b), 1, 1, forget, b.weightSeed())))
                .map(l -> l.onlyMetrics(Returns.RETURN, Returns.BEST)).toList();
        int every = Math.min(s.integer("every"), trials);
        Schedule schedule = Schedule.uniform(trials, every, every).with(Record.WEIGHTS, Schedule.NEVER)
                .with(Record.HISTOGRAMS, Schedule.NEVER).with(Record.PROBES, Schedule.NEVER).startingWithRecord(false);
        Condition c = new Condition(task, learners, schedule, List.of(Returns::new), Condition.Recording.NONE);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("arms", s.integer("arms"));
        facts.put("change_at", Math.round(s.real("change") * trials));
        facts.put("best_before", s.real("high"));
        facts.put("low", s.real("low"));
        return new Study(List.of(c), List.of(Returns.RETURN, Returns.BEST), Plugin.NONE, List.of("bandit-choices"), "trials", false,
                s.integer("threads"), facts);
    }

    private static org.neuroai.core.reward.Environment env(LearnerSpec.Birth b) {
        return ((EnvironmentTask) b.task()).environment();
    }
}
