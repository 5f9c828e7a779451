package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.ann.networks.Mlp;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.compare.comparison.TaskBaselines;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Seeds;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.files.Fields;
import org.neuroai.compare.learners.CompetingLayerThenReadout;
import org.neuroai.compare.measures.TestAccuracy;
import org.neuroai.compare.measures.TrainingProgress;
import org.neuroai.compare.measures.UnitsOnSphere;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.MnistTask;
import org.neuroai.core.trace.Monitor;

/**
 * One architecture, 784-H-10, trained two ways on MNIST with the same images in the same order:
 *
 * <ul>
 *   <li>{@code local}: the hidden layer learns without labels by Krotov and Hopfield's rule for
 *       competing hidden units ({@link KrotovHopfieldRule}, minibatches of {@code batch} images,
 *       learning rate annealed linearly to 0 as in the authors' code); then, with the hidden layer
 *       frozen, a softmax readout is trained by Adam on the hidden activities
 *       ({@link CompetingLayerThenReadout}).</li>
 *   <li>{@code backprop}: a multilayer perceptron with H rectified hidden units, softmax output and
 *       cross-entropy, trained end to end by backpropagation with Adam (Deeplearning4j).</li>
 * </ul>
 *
 * <p>The readout follows D. Krotov and J. J. Hopfield 2019 (PNAS 116:7723) in its input: the
 * hidden activities are h_μ = max(0, Σ_i W_μi v_i)^n with n = 4.5, the plain product of the paper's classifier.
 * It differs in two ways, both for simplicity and said here so the numbers are read rightly: h is
 * divided by its largest value over the hidden units of that image (a divisive normalisation that
 * keeps the readout's inputs in [0, 1] whatever n), and the readout is a softmax layer with
 * cross-entropy trained by Adam, where the paper used tanh output units and a power loss
 * Σ|c − t|^m with m = 6. Only the readout ever sees labels.
 *
 * <p>Both learn from the {@code mnist} task's one stream: epoch e presents the training images in
 * the order {@link MnistTask#epochOrder} draws from the seed and e, so the local learner spends
 * epochs 0 to {@code local.epochs} − 1 on its hidden layer and the next {@code readout.epochs} on
 * its readout, while backprop trains for {@code backprop.epochs}; each stops at its own end. Every
 * epoch is a checkpoint: {@code epoch}, {@code wall_seconds} (the learner's own training time,
 * without scoring), {@code units_on_sphere} during the local learner's unsupervised phase, and
 * {@code test_accuracy} on the test images once a learner predicts (the local learner has nothing
 * to score before its readout exists). The final weights of the first {@code units_drawn} hidden
 * units of each are recorded at its end, for the receptive fields. With two cores for one seed the
 * two learners train side by side.
 *
 * <p>The currents of the local layer (batch x 784 times 784 x H) are the one large product; they go
 * through ND4J's sgemm by default. On the 2-core AMD EPYC this was written on (OMP_NUM_THREADS=1),
 * 100 MNIST images against 2000 units took 3.9 ms per minibatch through ND4J, copies included,
 * and 10.8 ms with {@link CompetingLayer#JAVA}'s vectorised loops that skip blank pixels (0.4 ms
 * against 0.6 ms for 100 units), so ND4J is the default at every size used here.
 */
public final class MnistLocalVsBackpropExperiment implements Experiment {
    /** The learner whose hidden layer learns by the local rule. */
    public static final String LOCAL = "local";
    /** The learner trained end to end by backpropagation. */
    public static final String BACKPROP = "backprop";

    @Override
    public String name() {
        return "mnist-local-vs-backprop";
    }

    @Override
    public String description() {
        return "MNIST 784-H-10: hidden layer by the Krotov-Hopfield local rule (then a readout) vs backpropagation end to end";
    }

    @Override
    public String mainMetric() {
        return TestAccuracy.NAME;
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("train_size", 60000, 100, 60000, "training images: the first of MNIST's 60000"),
                ParamSpec.integer("test_size", 10000, 100, 10000, "test images: the first of MNIST's 10000"),
                ParamSpec.integer("hidden", 2000, 10, 10000, "hidden units H of both networks"),
                ParamSpec.integer("batch", 100, 1, 10000, "images per minibatch, for every learner"),
                ParamSpec.integer("local.epochs", 30, 1, 10000, "epochs of unsupervised learning of the local hidden layer"),
                ParamSpec.positive("local.eta", 0.05, 1.0, "1",
                        "initial learning rate of the rule, annealed linearly to 0; with local.step=normalised, the largest "
                                + "change of any synapse per minibatch"),
                ParamSpec.choice("local.step", "normalised", List.of("normalised", "plain"),
                        "normalised: each minibatch's change scaled so its largest element is the rate (authors' code); "
                                + "plain: the rate times the summed change"),
                ParamSpec.positive("local.sigma", 1.0, 100, "1", "standard deviation of the initial hidden weights"),
                ParamSpec.real("local.p", 3.0, 2.0, 10.0, "1", "Lebesgue exponent p of the rule"),
                ParamSpec.integer("local.k", 7, 2, 100_000, "rank that learns anti-Hebbian"),
                ParamSpec.real("local.delta", 0.4, 0.0, 1.0, "1", "strength of the anti-Hebbian learning"),
                ParamSpec.real("local.n", 4.5, 1.0, 10.0, "1", "power of the readout's input: max(0, W·v)^n"),
                ParamSpec.choice("local.kernel", "nd4j", List.of("nd4j", "java"), "how the hidden currents are multiplied"),
                ParamSpec.integer("readout.epochs", 20, 1, 10000, "epochs of training the local learner's readout"),
                ParamSpec.positive("readout.lr", 0.01, 10, "1", "initial Adam learning rate of the readout"),
                ParamSpec.real("readout.tau", 300000, 0, 1e12, "presentations", "annealing: lr/(1+t/tau); 0 keeps lr constant"),
                ParamSpec.integer("backprop.epochs", 20, 1, 10000, "epochs of backpropagation"),
                ParamSpec.positive("backprop.lr", 0.001, 10, "1", "initial Adam learning rate of the backprop network"),
                ParamSpec.real("backprop.tau", 300000, 0, 1e12, "presentations", "annealing: lr/(1+t/tau); 0 keeps lr constant"),
                ParamSpec.integer("units_drawn", 100, 1, 400, "hidden units whose receptive fields are saved and drawn"),
                ParamSpec.flag("baselines", true, "train Tribuo's logistic regression and linear SVM on the same training images, "
                        + "score them on the same test images and draw them as reference lines"),
                ParamSpec.integer("baselines.epochs", 10, 1, 1000, "passes of Tribuo's linear SGD over the training images"),
                ParamSpec.integer("threads", 0, 0, 256, "threads: seeds run at once, and a seed's two learners side by side on "
                        + "what the seeds leave; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        // Small enough for neuroai demo (three seeds in well under a minute) and still far above
        // chance: 3000 images, 100 hidden units started closer to the unit sphere (σ = 0.5) so that
        // most of them settle within 15 short epochs. Tribuo's baselines take 3 passes, about a second
        // on 3000 images (and score as well as after 10 there).
        return Map.ofEntries(Map.entry("train_size", 3000), Map.entry("test_size", 1000), Map.entry("hidden", 100),
                Map.entry("local.epochs", 15), Map.entry("local.eta", 0.1), Map.entry("local.sigma", 0.5),
                Map.entry("readout.epochs", 10), Map.entry("readout.tau", 0.0), Map.entry("backprop.epochs", 10),
                Map.entry("backprop.tau", 0.0), Map.entry("baselines.epochs", 3));
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.ofEntries(Map.entry("train_size", 300), Map.entry("test_size", 100), Map.entry("hidden", 20),
                Map.entry("units_drawn", 16), Map.entry("local.epochs", 2), Map.entry("readout.epochs", 1),
                Map.entry("backprop.epochs", 2), Map.entry("baselines.epochs", 1));
    }

    @Override
    public Study study(Params s) {
        int hidden = s.integer("hidden");
        if (s.integer("units_drawn") > hidden) {
            throw new UserError("setting 'units_drawn' = " + s.integer("units_drawn") + " exceeds 'hidden' = "
                    + hidden + "; valid is an integer in [1, " + hidden + "].");
        }
        KrotovHopfieldRule rule = new KrotovHopfieldRule();
        Params ruleParams = rule.params(Map.of("eta", s.real("local.eta"), "p", s.real("local.p"), "k", s.integer("local.k"),
                "delta", s.real("local.delta")), "settings local.*");
        TaskFactory tf = Registry.get(TaskFactory.class, "mnist", "task");
        Task task = tf.create(Params.resolve(tf.parameters(), Map.of("train_size", s.integer("train_size"),
                "test_size", s.integer("test_size")), "settings train_size, test_size"));
        long n = task.epochSize();
        int batch = s.integer("batch");
        int localEpochs = s.integer("local.epochs");
        CompetingLayerThenReadout.Config local = new CompetingLayerThenReadout.Config(ruleParams, hidden,
                s.string("local.step").equals("plain") ? CompetingLayer.Step.PLAIN : CompetingLayer.Step.NORMALISED,
                s.real("local.sigma"), s.string("local.kernel").equals("nd4j"), s.real("local.n"), localEpochs,
                s.real("readout.lr"), s.real("readout.tau"), batch, MnistTask.CLASSES);
        String shape = "784-" + hidden + "-10";
        List<LearnerSpec> learners = List.of(
                new LearnerSpec(new Described(LOCAL, Family.BIO, "local: Krotov-Hopfield rule, then readout", "#0072B2",
                        "rule krotov-hopfield, " + hidden + " hidden units (" + localEpochs + " epochs, no labels), then a softmax readout "
                                + "by Adam (" + s.integer("readout.epochs") + " epochs)"),
                        b -> new CompetingLayerThenReadout(LOCAL, local, b.task(), b.weightSeed()),
                        (localEpochs + s.integer("readout.epochs")) * n, null),
                new LearnerSpec(new Described(BACKPROP, Family.GRADIENT, "backpropagation, end to end", "#D55E00",
                        "network mlp " + shape + ", relu, softmax, Adam"),
                        // the weight seed after the local learner's readout's, so that no two networks share one
                        b -> new Mlp(BACKPROP, new Mlp.Config(MnistTask.PIXELS, new int[] {hidden}, MnistTask.CLASSES, "relu",
                                "softmax-ce", "adam", s.real("backprop.lr"), s.real("backprop.tau"), batch, 0,
                                Seeds.weightSeed(b.seed()) + 2)),
                        s.integer("backprop.epochs") * n, null));
        long length = Math.max(learners.get(0).until(), learners.get(1).until());
        Map<Record, Long> every = new java.util.EnumMap<>(Record.class);
        every.put(Record.METRICS, n);
        every.put(Record.PROBES, n);
        every.put(Record.WEIGHTS, Schedule.AT_END);
        Schedule schedule = new Schedule(length, batch, every, false);
        int[] drawn = Monitor.all(s.integer("units_drawn") * MnistTask.PIXELS);
        Condition condition = new Condition(task, learners, schedule,
                List.of(TrainingProgress::new, UnitsOnSphere::new, TestAccuracy::new),
                Condition.Recording.TRAINING_LOSS.weights(l -> Map.of("w", drawn)));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("architecture", shape);
        facts.put("train_images", n);
        facts.put("test_images", s.integer("test_size"));
        facts.put(Fields.ENTRY, Map.of("image_side", 28, "units", hidden));
        return new Study(List.of(condition), List.of(TestAccuracy.NAME, TrainingProgress.WALL_SECONDS, UnitsOnSphere.NAME),
                new Baselines(task, s), List.of("mnist-curves", "final-receptive-fields"), "presentations", true, s.integer("threads"), facts,
                // each learner has minutes of work of its own on the full data: they train side by side
                true);
    }

    /**
     * Tribuo's linear classifiers trained on the run's training images (pixels as they are, in
     * [0, 1]) and scored on its test images by Tribuo's evaluator, seeded with the run's first
     * seed; written to baselines.csv, with each model's Tribuo provenance in baselines/.
     */
    private static final class Baselines implements Plugin {
        private final Task task;
        private final Params s;
        private long firstSeed;

        Baselines(Task task, Params s) {
            this.task = task;
            this.s = s;
        }

        @Override
        public void start(Path out, long[] seeds) {
            firstSeed = seeds[0];
        }

        @Override
        public Map<String, Object> finish(Path out) throws IOException {
            if (!s.flag("baselines")) {
                return Map.of();
            }
            return Map.of("baselines", TribuoBaselines.runAndWrite(task.name(),
                    TaskBaselines.labelled(task.trainingSet(), "mnist training images"),
                    TaskBaselines.labelled(task.heldOut(), "mnist test images"), TribuoBaselines.MODELS, s.integer("baselines.epochs"),
                    firstSeed, false, out));
        }
    }
}
