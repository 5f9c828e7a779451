package org.neuroai.compare.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.networks.Mlp;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.bio.rules.DeltaRule;
import org.neuroai.bio.rules.HebbRule;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.compare.alignment.CompetingReadout;
import org.neuroai.compare.alignment.SquaredError;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.learners.CompetingNetwork;
import org.neuroai.compare.measures.GradientAlignment;
import org.neuroai.core.Batch;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.AllDigitsTask;
import org.neuroai.core.tasks.LinearTeacherTask;
import org.neuroai.core.trace.Monitor;

/**
 * How far from gradient descent a synapse's rule is: at every checkpoint, the cosine between the
 * change a learner would make and the negative gradient of the task's loss at the same weights
 * ({@link GradientAlignment}), recorded as metric {@code alignment} beside the loss ({@code loss}).
 *
 * <p>The change is proposed, never applied, on a fixed evaluation batch drawn from the task with
 * a seed derived from the run seed and the same for every learner; the gradient is that of the
 * loss on the whole evaluation batch. By default the change is proposed on the whole batch too,
 * and a rule's change on a batch is the sum of its single-presentation changes with the weights
 * held where they are (batch mode). This is the comparison in which the delta rule is gradient
 * descent exactly; with {@code proposal_batch} = 1 every learner proposes the change of a single
 * sample, as the rules make it online, and the comparison is with the full-batch gradient.
 *
 * <p>Two conditions:
 * <ul>
 *   <li>Linear regression against a teacher ({@link LinearTeacherTask}: Gaussian inputs with
 *       variances from 1 down to 1/{@code spread}, t = w*·x + noise); loss the mean squared error of
 *       a linear unit without bias, every learner starting at w = 0. Learners: {@code delta} (the
 *       Widrow-Hoff rule), {@code hebb} (Hebb with the output clamped to the target, Δw = η t x),
 *       {@code sgd} and {@code adam} (a Deeplearning4j linear unit trained by plain SGD or Adam,
 *       one step per chunk of {@code batch} samples). Hebb asks for Δw ∝ E[t x] = C w* whatever
 *       w, while −g ∝ C (w* − w): the two coincide at w = 0 and part as w grows along C w*.</li>
 *   <li>The 8x8 digits ({@link AllDigitsTask}: all 1797, grey levels / 16), learner
 *       {@code krotov-hopfield}: a hidden layer of {@code local.hidden} competing units learning
 *       without labels by the Krotov-Hopfield rule while a softmax readout on h = max(0, I)^n / max
 *       learns by plain SGD on the same minibatches ({@link CompetingNetwork}). The cosine is that of
 *       the rule's change of the hidden weights against the gradient of the readout's
 *       cross-entropy with respect to them ({@link CompetingReadout}); the loss that
 *       cross-entropy.</li>
 * </ul>
 */
public final class GradientAlignmentExperiment implements Experiment {
    /** The delta rule. */
    public static final String DELTA = "delta";
    /** Hebb with the output clamped to the target. */
    public static final String HEBB = "hebb";
    /** The linear unit trained by plain SGD. */
    public static final String SGD = "sgd";
    /** The linear unit trained by Adam. */
    public static final String ADAM = "adam";
    /** The hidden layer that learns by the Krotov-Hopfield rule, with its readout, on the digits. */
    public static final String KROTOV_HOPFIELD = "krotov-hopfield";
    /** Pixels per digit. */
    private static final int PIXELS = 64;

    @Override
    public String name() {
        return "gradient-alignment";
    }

    @Override
    public String description() {
        return "cosine between a rule's weight change and the negative gradient of the task loss: delta, Hebb, SGD, Adam, Krotov-Hopfield";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("steps", 3000, 1, 100_000_000, "presentations per learner on the regression task"),
                ParamSpec.integer("eval_every", 50, 1, 100_000_000, "presentations between checkpoints on the regression task"),
                ParamSpec.integer("batch", 10, 1, 10_000, "samples per chunk: one gradient step of sgd and adam"),
                ParamSpec.integer("eval_batch", 500, 2, 100_000, "samples of the fixed evaluation batch, drawn with the run seed"),
                ParamSpec.integer("proposal_batch", 0, 0, 100_000,
                        "samples of the evaluation batch on which each change is proposed; 0 = all of them"),
                ParamSpec.integer("d", 10, 2, 1000, "inputs of the regression task"),
                ParamSpec.real("spread", 10, 1, 1e6, "1", "ratio of the largest to the smallest input variance"),
                ParamSpec.real("noise", 0.1, 0, 100, "target units", "standard deviation of the noise on the target"),
                ParamSpec.integer("teacher_seed", 7, 0, Integer.MAX_VALUE, "seed of the teacher's weights w*"),
                ParamSpec.positive("delta.eta", 0.01, 1, "1", "learning rate of the delta rule"),
                ParamSpec.positive("hebb.eta", 0.001, 1, "1", "learning rate of clamped Hebb"),
                ParamSpec.positive("sgd.lr", 0.05, 10, "1", "learning rate of the linear unit trained by SGD"),
                ParamSpec.positive("adam.lr", 0.01, 10, "1", "learning rate of the linear unit trained by Adam"),
                ParamSpec.integer("digits.epochs", 10, 1, 10_000, "passes through the 1797 digits"),
                ParamSpec.integer("digits.batch", 10, 1, 1797, "digits per minibatch of the rule and the readout"),
                ParamSpec.integer("digits.eval_every", 180, 1, 100_000_000, "presentations between checkpoints on the digits"),
                ParamSpec.integer("local.hidden", 50, 2, 10_000, "hidden units that learn by the Krotov-Hopfield rule"),
                ParamSpec.positive("local.eta", 0.02, 1, "1",
                        "largest change of any hidden weight per minibatch, annealed linearly to 0 over the epochs"),
                ParamSpec.real("local.p", 3.0, 2.0, 10.0, "1", "Lebesgue exponent p of the rule"),
                ParamSpec.integer("local.k", 5, 2, 100_000, "rank that learns anti-Hebbian"),
                ParamSpec.real("local.delta", 0.4, 0.0, 1.0, "1", "strength of the anti-Hebbian learning"),
                ParamSpec.positive("local.sigma", 0.5, 100, "1", "standard deviation of the initial hidden weights"),
                ParamSpec.real("local.n", 4.5, 1.0, 10.0, "1", "power of the readout's input: max(0, I)^n"),
                ParamSpec.positive("readout.lr", 0.5, 100, "1", "learning rate of the readout (plain SGD on the cross-entropy)"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("steps", 1000, "eval_every", 25, "eval_batch", 200, "digits.epochs", 3, "digits.eval_every", 180,
                "local.hidden", 30);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("steps", 100, "eval_batch", 50, "digits.epochs", 1, "digits.eval_every", 600, "local.hidden", 8);
    }

    /** The mean squared error of a linear unit's weights "w" ({@link SquaredError}). */
    private static final GradientAlignment.Objective SQUARED_ERROR = new GradientAlignment.Objective() {
        @Override
        public double loss(Learner l, Batch b) {
            return SquaredError.loss(l.weights().matrix("w")[0], b.inputs(), b.targets());
        }

        @Override
        public double[][] gradient(Learner l, Batch b) {
            return SquaredError.gradient(l.weights().matrix("w")[0], b.inputs(), b.targets());
        }
    };

    /** The cross-entropy of a {@link CompetingNetwork}'s readout, its gradient taken with respect to the hidden weights. */
    private static final GradientAlignment.Objective READOUT_CROSS_ENTROPY = new GradientAlignment.Objective() {
        @Override
        public double loss(Learner l, Batch b) {
            CompetingNetwork net = (CompetingNetwork) l;
            return net.readout().loss(net.weights().matrix("w"), b.inputs(), CompetingNetwork.labels(b.targets(), 0, b.size()));
        }

        @Override
        public double[][] gradient(Learner l, Batch b) {
            CompetingNetwork net = (CompetingNetwork) l;
            return net.readout().hiddenGradient(net.weights().matrix("w"), b.inputs(), CompetingNetwork.labels(b.targets(), 0, b.size()));
        }
    };

    @Override
    public Study study(Params s) {
        int evalBatch = s.integer("eval_batch");
        int proposalBatch = s.integer("proposal_batch");
        if (proposalBatch > evalBatch) {
            throw new UserError("setting 'proposal_batch' = " + proposalBatch + " exceeds 'eval_batch' = " + evalBatch
                    + "; valid is an integer in [0, " + evalBatch + "].");
        }
        KrotovHopfieldRule kh = new KrotovHopfieldRule();
        Params khParams = kh.params(Map.of("eta", s.real("local.eta"), "p", s.real("local.p"), "k", s.integer("local.k"),
                "delta", s.real("local.delta")), "settings local.*");
        DeltaRule delta = new DeltaRule();
        HebbRule hebb = new HebbRule();
        Params deltaParams = delta.params(Map.of("eta", s.real("delta.eta")), "setting delta.eta");
        Params hebbParams = hebb.params(Map.of("eta", s.real("hebb.eta"), "clamp", true), "setting hebb.eta");
        int d = s.integer("d");
        int batch = s.integer("batch");
        LinearTeacherTask teacher = new LinearTeacherTask(d, s.real("spread"), s.real("noise"), s.integer("teacher_seed"), 10);
        List<LearnerSpec> linear = List.of(
                LearnerSpec.of(new Described(DELTA, Family.BIO, "delta rule", "#44AA99", "rule delta, 1 linear unit"),
                        b -> new RuleNetwork(DELTA, delta, deltaParams, d, 1, Activation.LINEAR, false, 0, 0.0, b.weightSeed())),
                LearnerSpec.of(new Described(HEBB, Family.BIO, "Hebb, output clamped", "#56B4E9", "rule hebb, clamped, 1 linear unit"),
                        b -> new RuleNetwork(HEBB, hebb, hebbParams, d, 1, Activation.LINEAR, false, 0, 0.0, b.weightSeed())),
                LearnerSpec.of(new Described(SGD, Family.GRADIENT, "plain SGD", "#CC6677", "network mlp, no hidden layer, SGD"),
                        b -> linearUnit(SGD, "sgd", s.real("sgd.lr"), d, batch, b.weightSeed())),
                LearnerSpec.of(new Described(ADAM, Family.GRADIENT, "Adam", "#D55E00", "network mlp, no hidden layer, Adam"),
                        b -> linearUnit(ADAM, "adam", s.real("adam.lr"), d, batch, b.weightSeed())));
        Map<String, int[]> allWeights = Map.of("w", Monitor.all(d));
        Schedule linearSchedule = Schedule.uniform(s.integer("steps"), batch, s.integer("eval_every"))
                .with(Record.HISTOGRAMS, Schedule.NEVER);
        Condition regression = new Condition(teacher, linear, linearSchedule,
                List.of(() -> new GradientAlignment(SQUARED_ERROR, evalBatch, proposalBatch)),
                Condition.Recording.TRAINING_LOSS.weights(l -> allWeights));

        AllDigitsTask digits = new AllDigitsTask(Datasets.digits());
        int hidden = s.integer("local.hidden");
        int epochs = s.integer("digits.epochs");
        // the layer and the readout draw their initial weights apart from the regression's four learners
        long apart = linear.size();
        LearnerSpec kho = LearnerSpec.of(new Described(KROTOV_HOPFIELD, Family.BIO, "Krotov-Hopfield rule, hidden layer", "#0072B2",
                "rule krotov-hopfield, " + hidden + " hidden units, softmax readout by SGD"),
                b -> new CompetingNetwork(KROTOV_HOPFIELD,
                        new CompetingLayer(khParams, PIXELS, hidden, CompetingLayer.Step.NORMALISED, s.real("local.sigma"),
                                b.weightSeed() + apart, CompetingLayer.JAVA),
                        new CompetingReadout(s.real("local.p"), s.real("local.n"), hidden, AllDigitsTask.CLASSES, b.weightSeed() + apart + 1),
                        s.real("local.eta"), epochs, digits.epochSize(), s.real("readout.lr")));
        Schedule digitsSchedule = Schedule.uniform(epochs * digits.epochSize(), s.integer("digits.batch"), s.integer("digits.eval_every"))
                .with(Record.WEIGHTS, Schedule.NEVER).with(Record.PROBES, Schedule.NEVER).with(Record.HISTOGRAMS, Schedule.NEVER);
        Condition onDigits = new Condition(digits, List.of(kho), digitsSchedule,
                List.of(() -> new GradientAlignment(READOUT_CROSS_ENTROPY, evalBatch, proposalBatch)), Condition.Recording.NONE);

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("teacher", teacher.teacher());
        facts.put("input_variances", teacher.variances());
        facts.put("alignment", "cos(proposed change, -gradient of the loss on the evaluation batch); NaN when either is zero");
        facts.put("panels", List.of(
                Map.of("title", "Regression, linear unit with " + d + " inputs", "x", "presentations (samples)",
                        "loss", "Squared error on the evaluation batch", "loss_name", "mean squared error",
                        "loss_unit", "squared output units"),
                Map.of("title", "8x8 digits, " + hidden + " hidden units", "x", "presentations (images, 1,797 per epoch)",
                        "loss", "Readout's cross-entropy on the evaluation batch", "loss_name", "cross-entropy",
                        "loss_unit", "nats")));
        return new Study(List.of(regression, onDigits), List.of(GradientAlignment.ALIGNMENT, GradientAlignment.LOSS), Plugin.NONE,
                List.of("gradient-alignment"), "presentations", false, s.integer("threads"), facts);
    }

    /** A linear unit without bias, zero initial weights, trained on the squared error. */
    static Mlp linearUnit(String name, String optimiser, double lr, int d, int batch, long seed) {
        return new Mlp(name, new Mlp.Config(d, new int[0], 1, "identity", "linear-mse", optimiser, lr, 0, batch, 0, seed, false, "zero"));
    }
}
