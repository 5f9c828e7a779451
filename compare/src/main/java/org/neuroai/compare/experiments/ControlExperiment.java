package org.neuroai.compare.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.reward.DeepActorCritic;
import org.neuroai.ann.reward.Reinforce;
import org.neuroai.bio.reward.ActorCritic;
import org.neuroai.bio.reward.SpikingActorCritic;
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
import org.neuroai.core.UserError;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.reward.CartPole;
import org.neuroai.core.reward.EnvironmentTask;

/**
 * Balancing a pole on a cart (Barto, Sutton &amp; Anderson 1983), learnt from the failure signal
 * alone, on the same episodes (the same initial states): the paper's own actor-critic built from
 * three-factor synapses on its 162 boxes ({@link ActorCritic}), an actor of spiking neurons whose
 * synapses learn by reward-modulated STDP with that critic's TD error as dopamine
 * ({@link SpikingActorCritic}, Izhikevich 2007; Frémaux, Sprekeler &amp; Gerstner 2013), an actor-critic of two
 * Deeplearning4j networks on the raw state ({@link DeepActorCritic}), and REINFORCE with a
 * baseline ({@link Reinforce}). Metrics every {@code every} episodes: {@code steps} (mean episode
 * length; an episode that does not fail is cut off at {@code max_steps}) and {@code return}.
 * Probes: the three-factor learner's neuromodulator and the networks' TD error, at the end of each
 * recorded episode.
 */
public final class ControlExperiment implements Experiment {
    /** The three-factor actor-critic. */
    public static final String THREE_FACTOR = "three-factor";
    /** The spiking actor whose synapses learn by reward-modulated STDP. */
    public static final String R_STDP = "r-stdp";
    /** The DL4J actor-critic. */
    public static final String ACTOR_CRITIC = "actor-critic";
    /** REINFORCE. */
    public static final String REINFORCE = "reinforce";

    private static final Map<String, Object> AC_DEFAULTS = Map.of("lr", 0.003, "critic_lr", 0.01, "n_steps", 64);

    @Override
    public String name() {
        return "control";
    }

    @Override
    public String description() {
        return "cart-pole from the failure signal: three-factor actor-critic (Barto, Sutton & Anderson 1983) vs spiking R-STDP actor "
                + "vs DL4J actor-critic vs REINFORCE";
    }

    @Override
    public String mainMetric() {
        return Returns.STEPS;
    }

    @Override
    public List<ParamSpec> settings() {
        List<ParamSpec> s = new ArrayList<>(List.of(
                ParamSpec.integer("episodes", 400, 1, 10_000_000, "episodes in all"),
                ParamSpec.integer("max_steps", 1000, 1, 100_000_000, "steps (of 0.02 s) after which an episode is cut off"),
                ParamSpec.integer("every", 5, 1, 1_000_000, "episodes between records (each record averages them)"),
                ParamSpec.flag("gradient", true, "run the two DL4J learners (false: the biological learners alone)"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core")));
        s.addAll(RewardLearners.prefixed("tf", ActorCritic.settings(), Map.of()));
        s.addAll(RewardLearners.prefixed("rs", SpikingActorCritic.settings(), Map.of()));
        s.addAll(RewardLearners.prefixed("ac", DeepActorCritic.settings(), AC_DEFAULTS));
        s.addAll(RewardLearners.prefixed("rf", Reinforce.settings(), Map.of()));
        return s;
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("episodes", 150, "max_steps", 500);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("episodes", 6, "max_steps", 50, "every", 2);
    }

    @Override
    public Study study(Params s) {
        int episodes = s.integer("episodes");
        Params cp = Params.resolve(new CartPole.Factory().parameters(), Map.of("max_steps", s.integer("max_steps")), "setting max_steps");
        EnvironmentTask task = CartPole.task(cp);
        Params tf = RewardLearners.of(s, "tf", ActorCritic.settings());
        Params rs = RewardLearners.of(s, "rs", SpikingActorCritic.settings());
        if (rs.real("w0") > rs.real("w_max")) {
            throw new UserError("setting 'rs.w0' = " + rs.real("w0") + " exceeds 'rs.w_max' = " + rs.real("w_max")
                    + "; valid is 0 <= rs.w0 <= rs.w_max.");
        }
        Params ac = RewardLearners.of(s, "ac", DeepActorCritic.settings());
        Params rf = RewardLearners.of(s, "rf", Reinforce.settings());
        List<LearnerSpec> learners = new ArrayList<>();
        learners.add(LearnerSpec.of(new Described(THREE_FACTOR, Family.BIO, "actor-critic of three-factor synapses, 162 boxes (bio)",
                "#117733", "Barto, Sutton & Anderson 1983 ASE/ACE"), b -> new ActorCritic(THREE_FACTOR, env(b), tf, b.weightSeed())));
        if (s.flag("gradient")) {
            learners.add(LearnerSpec.of(new Described(ACTOR_CRITIC, Family.GRADIENT, "actor-critic, two networks (gradient, DL4J)",
                    "#D55E00", "actor and critic networks, " + ac.integer("hidden") + " tanh units, Adam, " + ac.integer("n_steps")
                    + "-step returns"), b -> new DeepActorCritic(ACTOR_CRITIC, env(b), ac, b.weightSeed())));
            learners.add(LearnerSpec.of(new Described(REINFORCE, Family.GRADIENT, "REINFORCE with baseline (gradient, DL4J)", "#E69F00",
                    "policy network, " + rf.integer("hidden") + " tanh units, Adam"), b -> new Reinforce(REINFORCE, env(b), rf,
                    b.weightSeed())));
        }
        // last, so that the learners before it keep the weight seeds (run seed + position) they had without it
        learners.add(LearnerSpec.of(new Described(R_STDP, Family.BIO, "spiking actor, R-STDP with the critic's TD error as dopamine (bio)",
                "#332288", "2 LIF neurons, r-stdp synapses from the 162 boxes (Izhikevich 2007), each box's weights normalised to a fixed sum, "
                        + "the ACE's TD error as dopamine"),
                b -> new SpikingActorCritic(R_STDP, env(b), rs, b.weightSeed())));
        int every = Math.min(s.integer("every"), episodes);
        Schedule schedule = Schedule.uniform(episodes, every, every).with(Record.WEIGHTS, Schedule.NEVER)
                .with(Record.HISTOGRAMS, Schedule.NEVER).startingWithRecord(false);
        Condition c = new Condition(task, learners, schedule, List.of(Returns::new),
                Condition.Recording.NONE.probes(List.of(ActorCritic.MODULATOR, DeepActorCritic.TD_ERROR), 1));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("max_steps", s.integer("max_steps"));
        facts.put("tau", cp.real("tau"));
        return new Study(List.of(c), List.of(Returns.STEPS, Returns.RETURN), Plugin.NONE, List.of("control-balance"), "episodes", false,
                s.integer("threads"), facts);
    }

    private static org.neuroai.core.reward.Environment env(LearnerSpec.Birth b) {
        return ((EnvironmentTask) b.task()).environment();
    }
}
