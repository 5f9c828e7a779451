package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
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
import org.neuroai.compare.files.Phases;
import org.neuroai.compare.measures.CueStrengths;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.bayes.BayesianModel;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.ConditioningTask;

/**
 * Classical conditioning as associative learning: two cues, A and B, predict an unconditioned
 * stimulus (US), and each learner's weight from a cue is that cue's associative strength V.
 *
 * <p>Five conditions, one per schedule of the {@link ConditioningTask}, each given to naive
 * learners (every V starts at 0), {@code trials} trials per phase:
 * <ul>
 *   <li>{@code extinction}: acquisition (A → US), then extinction (A alone).</li>
 *   <li>{@code blocking}: phase 1 (A → US), then phase 2 (A and B together → US): Kamin's
 *       blocking (Kamin 1969), where B, though paired with the US as often as A was, learns
 *       little because A already predicts the US.</li>
 *   <li>{@code control}: phase 2 alone (AB → US), its steps offset by {@code trials} so that they
 *       stand beside the blocking schedule's phase 2, the reference against which B counts as
 *       blocked.</li>
 *   <li>{@code backward-blocking}: phase 1 (AB → US), then phase 2 (A alone → US): B's strength
 *       falls in phase 2 for a learner that keeps the covariance of its weights, and cannot
 *       change for one whose update of a cue needs the cue present.</li>
 *   <li>{@code overshadowing}: one compound phase (AB → US), beside the acquisition of A alone.</li>
 * </ul>
 *
 * <p>Learners, on identical trials: {@code rescorla-wagner} (ΔV_j = α_j β x_j (λ − Σ V x);
 * Rescorla &amp; Wagner 1972), {@code hebb} (plain Hebb on cue × US: the postsynaptic activity is
 * clamped to the US, so ΔV_j = η x_j US), and {@code gradient}, a linear unit without bias trained
 * by SGD on the squared error (y − λ)² with Deeplearning4j, one step per trial. Its gradient step
 * is Δw = 2 lr (λ − y) x, the delta rule, so with lr = αβ / 2 it takes Rescorla-Wagner's steps when
 * the saliences are equal (Sutton &amp; Barto 1981). Hebb has no error term: it neither
 * extinguishes nor blocks. {@code kalman} (Bayesian) is the Kalman filter over the associative
 * weights (Dayan, Kakade &amp; Montague 2000; Dayan &amp; Kakade 2001; Kruschke 2008): it keeps a
 * Gaussian posterior over V_A and V_B whose weights drift a little every trial; compound trials
 * make A and B anti-correlated in that posterior (their sum is known, their split is not), so
 * evidence that A alone predicts the US moves B the other way: backward blocking, which
 * Rescorla-Wagner cannot produce.
 *
 * <p>Metrics, after every trial: {@code <schedule>.V_A} and {@code <schedule>.V_B} (B only where
 * it appears). {@link Phases phases.csv} lists each phase's trials for the figures.
 */
public final class ConditioningExperiment implements Experiment {
    /** The Rescorla-Wagner learner. */
    public static final String RW = "rescorla-wagner";
    /** Plain Hebb on cue × US. */
    public static final String HEBB = "hebb";
    /** The linear unit trained by gradient descent. */
    public static final String GRADIENT = "gradient";
    /** The Kalman filter over the associative weights. */
    public static final String KALMAN = "kalman";

    @Override
    public String name() {
        return "conditioning";
    }

    @Override
    public String description() {
        return "classical conditioning: acquisition, extinction, blocking, backward blocking and overshadowing under "
                + "Rescorla-Wagner, Hebb, gradient descent and a Kalman filter";
    }

    @Override
    public String mainMetric() {
        return "blocking.V_B";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("trials", 50, 1, 100_000, "trials per phase"),
                ParamSpec.positive("us", 1.0, 100, "1", "lambda, the magnitude of the US on reinforced trials"),
                ParamSpec.positive("rw.beta", 0.2, 1, "1", "Rescorla-Wagner beta, the learning-rate parameter of the US"),
                ParamSpec.positive("rw.alpha_a", 0.5, 1, "1", "Rescorla-Wagner salience of cue A"),
                ParamSpec.positive("rw.alpha_b", 0.5, 1, "1", "Rescorla-Wagner salience of cue B"),
                ParamSpec.positive("hebb.eta", 0.02, 1, "1", "Hebbian learning rate: dV = eta x US"),
                ParamSpec.positive("gradient.lr", 0.05, 1, "1",
                        "SGD learning rate of the linear unit; its step is 2 lr (lambda - y) x, so alpha beta / 2 matches Rescorla-Wagner"),
                ParamSpec.positive("kalman.prior_sd", 1.0, 100, "1", "Kalman filter: prior standard deviation of each associative weight"),
                ParamSpec.positive("kalman.noise_sd", 0.5, 100, "1", "Kalman filter: standard deviation of the outcome's noise"),
                ParamSpec.real("kalman.process_noise", 0.01, 0, 100, "1", "Kalman filter: variance by which each weight drifts per trial"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("trials", 5);
    }

    @Override
    public Study study(Params s) {
        PlasticityRule rw = Registry.get(PlasticityRule.class, RW, "rule");
        PlasticityRule hebb = Registry.get(PlasticityRule.class, HEBB, "rule");
        NetworkFactory mlp = Registry.get(NetworkFactory.class, "mlp", "network");
        BayesianModel kalman = Registry.get(BayesianModel.class, KALMAN, "Bayesian model");
        Params kalmanParams = Params.resolve(kalman.parameters(), Map.of("prior_sd", s.real("kalman.prior_sd"),
                "noise_sd", s.real("kalman.noise_sd"), "process_noise", s.real("kalman.process_noise"), "bias", false), "settings kalman.*");
        Params rwParams = rw.params(Map.of("eta", s.real("rw.beta"),
                "alphas", s.real("rw.alpha_a") + "," + s.real("rw.alpha_b")), "settings rw.*");
        Params hebbParams = hebb.params(Map.of("eta", s.real("hebb.eta"), "clamp", true), "setting hebb.eta");
        Params gradientParams = Params.resolve(mlp.parameters(), Map.of("hidden", "", "output", "linear-mse", "optimiser", "sgd",
                "lr", s.real("gradient.lr"), "bias", false, "init", "zero"), "setting gradient.lr");
        // naive learners: every associative strength 0, no bias (the seed matters to none of them)
        List<LearnerSpec> learners = List.of(
                LearnerSpec.of(new Described(RW, Family.BIO, "Rescorla-Wagner (bio): \u0394V = \u03b1\u03b2 x (\u03bb \u2212 \u03a3 V x)",
                        "#117733", "rule rescorla-wagner"),
                        b -> new RuleNetwork(RW, rw, rwParams, 2, 1, Activation.LINEAR, false, 0, 0, b.weightSeed())),
                LearnerSpec.of(new Described(HEBB, Family.BIO, "plain Hebb on cue \u00d7 US (bio): \u0394V = \u03b7 x US", "#56B4E9",
                        "rule hebb, clamped to the US"),
                        b -> new RuleNetwork(HEBB, hebb, hebbParams, 2, 1, Activation.LINEAR, false, 0, 0, b.weightSeed())),
                LearnerSpec.of(new Described(GRADIENT, Family.GRADIENT,
                        "linear unit, SGD on (y \u2212 \u03bb)\u00b2 (gradient, DL4J): \u0394w = 2 lr (\u03bb \u2212 y) x", "#CC6677",
                        "network mlp, no hidden layer, SGD"), b -> mlp.create(GRADIENT, gradientParams, 2, b.weightSeed())),
                LearnerSpec.of(new Described(KALMAN, Family.BAYESIAN, "Kalman filter (Bayesian): posterior over V, weights drift",
                        "#7B3294", "bayes kalman"), b -> kalman.create(KALMAN, kalmanParams, 2, b.weightSeed())));
        int trials = s.integer("trials");
        List<Condition> conditions = new ArrayList<>();
        for (String schedule : ConditioningTask.SCHEDULES) {
            ConditioningTask task = new ConditioningTask(schedule, trials, s.real("us"));
            Schedule everyTrial = Schedule.uniform(task.length(), 1, 1).with(Record.WEIGHTS, Schedule.NEVER)
                    .with(Record.HISTOGRAMS, Schedule.NEVER);
            // the control stands beside the blocking schedule's phase 2
            long offset = schedule.equals("control") ? trials : 0;
            conditions.add(new Condition(schedule, task, learners, everyTrial, List.of(CueStrengths::new),
                    Condition.Recording.TRAINING_LOSS, offset));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("us", s.real("us"));
        facts.put("rescorla_wagner_alpha_beta", List.of(s.real("rw.alpha_a") * s.real("rw.beta"), s.real("rw.alpha_b") * s.real("rw.beta")));
        facts.put("gradient_effective_rate", 2 * s.real("gradient.lr"));
        List<String> metrics = List.of("extinction.V_A", "blocking.V_A", "blocking.V_B", "control.V_A", "control.V_B",
                "backward-blocking.V_A", "backward-blocking.V_B", "overshadowing.V_A", "overshadowing.V_B");
        return new Study(conditions, metrics, new PhaseList(conditions), List.of("conditioning-extinction", "conditioning-blocking",
                "conditioning-backward-blocking", "conditioning-overshadowing"), "trials",
                false, s.integer("threads"), facts);
    }

    /** Writes {@link Phases phases.csv}: every condition's phases on the run's timeline. */
    private static final class PhaseList implements Plugin {
        private final List<Condition> conditions;

        PhaseList(List<Condition> conditions) {
            this.conditions = List.copyOf(conditions);
        }

        @Override
        public Map<String, Object> finish(Path out) throws IOException {
            List<Phases.Phase> rows = new ArrayList<>();
            for (Condition c : conditions) {
                ConditioningTask task = (ConditioningTask) c.task();
                long start = c.stepOffset();
                for (ConditioningTask.Phase p : task.phases()) {
                    rows.add(new Phases.Phase(c.name(), p.name(), start, start + task.trials(), p.cues(), p.us()));
                    start += task.trials();
                }
            }
            Phases.write(out, rows);
            return Map.of();
        }
    }
}
