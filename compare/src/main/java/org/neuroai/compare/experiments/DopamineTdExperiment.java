package org.neuroai.compare.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.Activation;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.measures.CueValue;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.CueRewardTask;

/**
 * The reward prediction error of dopamine neurons as a temporal-difference error (W. Schultz,
 * P. Dayan &amp; P. R. Montague 1997, Science 275:1593-1599): a cue is followed, {@code delay}
 * steps later, by a reward, trial after trial, and then comes one probe trial with the reward
 * omitted. Before learning, the TD error comes at the reward; after learning, at the cue, with
 * none left at the reward; and on the probe trial it dips below zero when the reward was due.
 *
 * <p>Two conditions, one per representation of the cue's history ({@link CueRewardTask}):
 * {@code csc}, a tapped delay line, and {@code microstimulus} (Ludvig, Sutton &amp; Kehoe 2008,
 * Neural Computation 20:3034), each given to two learners on identical trials:
 * {@code td-lambda} (bio), TD(λ) with accumulating eligibility traces, whose δ is broadcast to
 * every synapse as a neuromodulator and gated there by the synapse's own trace, and {@code critic}
 * (gradient, DL4J), a small network trained by semi-gradient TD(0), one gradient step per trial.
 * Every trial is an episode: the learners' traces are cleared between trials.
 *
 * <p>Recorded at the end of every trial: the TD error and the prediction at each of its steps
 * (probes {@code trial_td_error}, {@code trial_value}), and the metrics {@code <representation>.V_cue}
 * and {@code <representation>.V_before_reward} ({@link CueValue}).
 */
public final class DopamineTdExperiment implements Experiment {
    /** The synaptic learner. */
    public static final String TD = "td-lambda";
    /** The DL4J critic. */
    public static final String CRITIC = "td-critic";

    @Override
    public String name() {
        return "dopamine-td";
    }

    @Override
    public String description() {
        return "dopamine as a TD error (Schultz, Dayan & Montague 1997): the error moves from reward to cue and dips at an "
                + "omitted reward, for TD(lambda) on a tapped delay line and on microstimuli beside a DL4J critic";
    }

    @Override
    public String mainMetric() {
        return "csc.V_cue";
    }

    /** The settings that are the task's own parameters, with the task's defaults and ranges. */
    private static final List<String> TASK_SETTINGS = List.of("steps", "cue", "delay", "reward", "microstimuli", "decay", "width");

    @Override
    public List<ParamSpec> settings() {
        List<ParamSpec> p = new ArrayList<>();
        p.add(ParamSpec.integer("trials", 300, 2, 100_000, "rewarded conditioning trials, before the one probe trial"));
        new CueRewardTask.Factory().parameters().stream().filter(t -> TASK_SETTINGS.contains(t.name())).forEach(p::add);
        p.addAll(List.of(
                ParamSpec.real("gamma", 0.98, 0, 1, "1", "the discount per step, for every learner"),
                ParamSpec.real("td.lambda", 0.9, 0, 1, "1", "TD(lambda): the decay of the eligibility traces relative to gamma"),
                ParamSpec.positive("td.eta_csc", 0.1, 1, "1", "TD(lambda): alpha on the tapped delay line"),
                ParamSpec.positive("td.eta_microstimulus", 0.5, 1, "1", "TD(lambda): alpha on the microstimuli (they are small)"),
                ParamSpec.text("critic.hidden", "16", "the critic's hidden layer sizes, comma-separated"),
                ParamSpec.positive("critic.lr", 1.0, 10, "1", "the critic's SGD learning rate on a trial's mean squared TD error"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core")));
        return p;
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("trials", 80);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("trials", 4);
    }

    @Override
    public Study study(Params s) {
        PlasticityRule td = Registry.get(PlasticityRule.class, TD, "rule");
        NetworkFactory criticFactory = Registry.get(NetworkFactory.class, "td-critic", "network");
        int steps = s.integer("steps");
        Params criticParams = Params.resolve(criticFactory.parameters(), Map.of("hidden", s.string("critic.hidden"),
                "lr", s.real("critic.lr"), "gamma", s.real("gamma"), "trial", steps), "settings critic.*");
        List<Condition> conditions = new ArrayList<>();
        for (String rep : CueRewardTask.REPRESENTATIONS) {
            CueRewardTask task = new CueRewardTask(s.integer("trials"), 1, steps, s.integer("cue"), s.integer("delay"), 0,
                    s.real("reward"), rep, s.integer("microstimuli"), s.real("decay"), s.real("width"));
            Params tdParams = td.params(Map.of("eta", s.real(rep.equals("csc") ? "td.eta_csc" : "td.eta_microstimulus"),
                    "gamma", s.real("gamma"), "lambda", s.real("td.lambda"), "trial", steps), "settings td.*");
            List<LearnerSpec> learners = List.of(
                    LearnerSpec.of(new Described(TD, Family.BIO, "TD(\u03bb) (bio): \u0394w = \u03b1 \u03b4 e, e = \u03b3\u03bb e + x",
                            "#117733", "rule td-lambda"),
                            b -> new RuleNetwork(TD, td, tdParams, task.inputDim(), 1, Activation.LINEAR, false, 0, 0, b.weightSeed())),
                    LearnerSpec.of(new Described(CRITIC, Family.GRADIENT, "critic network, semi-gradient TD(0) (gradient, DL4J)",
                            "#CC6677", "network td-critic"), b -> criticFactory.create(CRITIC, criticParams, task.inputDim(), b.weightSeed())));
            Schedule everyTrial = Schedule.uniform(task.length(), steps, steps).with(Record.WEIGHTS, Schedule.NEVER)
                    .with(Record.HISTOGRAMS, Schedule.NEVER).startingWithRecord(false);
            conditions.add(new Condition(rep, task, learners, everyTrial, List.of(CueValue::new),
                    Condition.Recording.NONE.probes(List.of("trial_td_error", "trial_value"), steps), 0));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trials", s.integer("trials"));
        facts.put("probe_trials", 1);
        facts.put("steps", steps);
        facts.put("cue", s.integer("cue"));
        facts.put("delay", s.integer("delay"));
        facts.put("reward", s.real("reward"));
        facts.put("gamma", s.real("gamma"));
        facts.put("representations", CueRewardTask.REPRESENTATIONS);
        List<String> metrics = List.of("csc.V_cue", "csc.V_before_reward", "microstimulus.V_cue", "microstimulus.V_before_reward");
        return new Study(conditions, metrics, Plugin.NONE, List.of("dopamine-td-error"), "time steps", false, s.integer("threads"),
                facts);
    }
}
