package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuroai.ann.networks.Mlp;
import org.neuroai.bio.network.Activation;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.bio.rules.DeltaRule;
import org.neuroai.bio.rules.HebbRule;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.Seeds;
import org.neuroai.compare.alignment.Alignment;
import org.neuroai.compare.alignment.CompetingReadout;
import org.neuroai.compare.alignment.SquaredError;
import org.neuroai.compare.charts.GradientAlignmentFigure;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.tasks.LinearTeacherTask;
import org.neuroai.core.trace.Monitor;
import org.neuroai.core.trace.SeedOrderedTraces;

/**
 * How far from gradient descent a synapse's rule is: at every checkpoint, the cosine between the
 * change a learner would make and the negative gradient of the task's loss at the same weights
 * ({@link Alignment}), recorded as metric {@code alignment} beside the loss ({@code loss}).
 *
 * <p>The change is proposed, never applied, on a fixed evaluation batch drawn from the task with
 * the run seed and the same for every learner; the gradient is that of the loss on the whole
 * evaluation batch. By default the change is proposed on the whole batch too, and a rule's change
 * on a batch is the sum of its single-presentation changes with the weights held where they are
 * (batch mode). This is the comparison in which the delta rule is gradient descent exactly; with
 * {@code proposal_batch} = 1 every learner proposes the change of a single sample, as the rules
 * make it online, and the comparison is with the full-batch gradient.
 *
 * <p>Two tasks:
 * <ul>
 *   <li>Linear regression against a teacher ({@link LinearTeacherTask}: Gaussian inputs with
 *       variances from 1 down to 1/{@code spread}, t = w*·x + noise); loss the mean squared error of
 *       a linear unit without bias, every learner starting at w = 0. Learners: {@code delta} (the
 *       Widrow-Hoff rule), {@code hebb} (Hebb with the output clamped to the target, Δw = η t x),
 *       {@code sgd} and {@code adam} (a Deeplearning4j linear unit trained by plain SGD or Adam,
 *       one step per chunk of {@code batch} samples). Hebb asks for Δw ∝ E[t x] = C w* whatever
 *       w, while −g ∝ C (w* − w): the two coincide at w = 0 and part as w grows along C w*.</li>
 *   <li>The 8x8 digits (grey levels / 16), a hidden layer of {@code local.hidden} competing units
 *       learning without labels by the Krotov-Hopfield rule ({@link CompetingLayer}, as in
 *       {@code mnist-local-vs-backprop}) while a softmax readout on h = max(0, I)^n / max learns
 *       by plain SGD on the same minibatches. Learner {@code krotov-hopfield}: the cosine of the
 *       rule's change of the hidden weights against the gradient of the readout's cross-entropy
 *       with respect to them ({@link CompetingReadout}); loss that cross-entropy.</li>
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
    /** Pixels per digit. */
    private static final int PIXELS = 64;
    /** Classes of digits. */
    private static final int CLASSES = 10;

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
    public void redraw(Path runDir, com.fasterxml.jackson.databind.JsonNode prov) throws IOException {
        if (prov.at("/spec/set/local.hidden").isMissingNode()) {
            throw new org.neuroai.core.UserError(runDir.resolve("provenance.json") + ": missing setting local.hidden; "
                    + "it does not come from a " + name() + " run.");
        }
        GradientAlignmentFigure.draw(runDir, prov.at("/spec/set/d").asInt(), prov.at("/spec/set/local.hidden").asInt());
    }

    @Override
    public Prepared prepare(Params s, long[] seeds) {
        if (s.integer("proposal_batch") > s.integer("eval_batch")) {
            throw new org.neuroai.core.UserError("setting 'proposal_batch' = " + s.integer("proposal_batch") + " exceeds 'eval_batch' = "
                    + s.integer("eval_batch") + "; valid is an integer in [0, " + s.integer("eval_batch") + "].");
        }
        KrotovHopfieldRule kh = new KrotovHopfieldRule();
        Params khParams = kh.params(Map.of("eta", s.real("local.eta"), "p", s.real("local.p"), "k", s.integer("local.k"),
                "delta", s.real("local.delta")), "settings local.*");
        DeltaRule delta = new DeltaRule();
        HebbRule hebb = new HebbRule();
        Params deltaParams = delta.params(Map.of("eta", s.real("delta.eta")), "setting delta.eta");
        Params hebbParams = hebb.params(Map.of("eta", s.real("hebb.eta"), "clamp", true), "setting hebb.eta");
        LinearTeacherTask task = new LinearTeacherTask(s.integer("d"), s.real("spread"), s.real("noise"), s.integer("teacher_seed"), 10);
        Dataset digits = Datasets.digits();
        return new Run(s, seeds, task, digits, khParams, deltaParams, hebbParams);
    }

    /** A prepared run. */
    private static final class Run implements Prepared {
        private final Params s;
        private final long[] seeds;
        private final LinearTeacherTask task;
        private final double[][] pixels;
        private final int[] labels;
        private final Params khParams;
        private final Params deltaParams;
        private final Params hebbParams;

        Run(Params s, long[] seeds, LinearTeacherTask task, Dataset digits, Params khParams, Params deltaParams, Params hebbParams) {
            this.s = s;
            this.seeds = seeds;
            this.task = task;
            this.khParams = khParams;
            this.deltaParams = deltaParams;
            this.hebbParams = hebbParams;
            this.pixels = new double[digits.size()][PIXELS];
            for (int i = 0; i < digits.size(); i++) {
                for (int j = 0; j < PIXELS; j++) {
                    pixels[i][j] = digits.inputs()[i][j] / 16.0;
                }
            }
            this.labels = digits.labels();
        }

        @Override
        public Map<String, Object> run(Path out) throws IOException {
            int threads = Seeds.threads(s.integer("threads"), seeds.length);
            int[] all = new int[s.integer("d")];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            SeedOrderedTraces curves = new SeedOrderedTraces(out.resolve("curves.csv"), false);
            SeedOrderedTraces weights = new SeedOrderedTraces(out.resolve("weights.csv"), true);
            List<Monitor> monitors = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                monitors.add(new Monitor(curves.sinkFor(i), weights.sinkFor(i), s.integer("eval_every"), Map.of("w", all)));
            }
            Seeds.inParallel(seeds, threads, (i, seed) -> {
                try (Monitor monitor = monitors.get(i)) {
                    runLinear(seed, monitor);
                    runDigits(seed, monitor);
                }
                return null;
            });
            curves.join();
            weights.join();
            GradientAlignmentFigure.draw(out, s.integer("d"), s.integer("local.hidden"));
            Map<String, Object> facts = new LinkedHashMap<>();
            Map<String, String> families = new LinkedHashMap<>();
            for (String name : List.of(DELTA, HEBB, SGD, ADAM)) {
                families.put(name, name.equals(SGD) || name.equals(ADAM) ? "GRADIENT" : "BIO");
            }
            families.put(GradientAlignmentFigure.KROTOV_HOPFIELD, "BIO (hidden layer; readout by SGD)");
            facts.put("learners", families);
            facts.put("teacher", task.teacher());
            facts.put("input_variances", task.variances());
            facts.put("threads", threads);
            facts.put("alignment", "cos(proposed change, -gradient of the loss on the evaluation batch); NaN when either is zero");
            return facts;
        }

        /** The first {@code proposal_batch} samples (all when 0) of an evaluation batch. */
        private double[][] head(double[][] rows) {
            int n = s.integer("proposal_batch");
            return n == 0 || n >= rows.length ? rows : java.util.Arrays.copyOf(rows, n);
        }

        private void runLinear(long seed, Monitor monitor) {
            long ws = Seeds.weightSeed(seed);
            int d = s.integer("d");
            int batch = s.integer("batch");
            List<Learner> learners = List.of(
                    new RuleNetwork(DELTA, new DeltaRule(), deltaParams, d, 1, Activation.LINEAR, false, 0, 0.0, ws),
                    new RuleNetwork(HEBB, new HebbRule(), hebbParams, d, 1, Activation.LINEAR, false, 0, 0.0, ws + 1),
                    linearUnit(SGD, "sgd", s.real("sgd.lr"), d, batch, ws + 2),
                    linearUnit(ADAM, "adam", s.real("adam.lr"), d, batch, ws + 3));
            Batch eval = task.stream(evaluationSeed(seed)).next(s.integer("eval_batch"));
            Batch proposal = new Batch(head(eval.inputs()), head(eval.targets()), 0);
            Checkpoints.train(task.stream(seed), s.integer("steps"), s.integer("eval_every"), batch, learners,
                    step -> recordLinear(learners, eval, proposal, seed, step, monitor));
        }

        private static Mlp linearUnit(String name, String optimiser, double lr, int d, int batch, long seed) {
            return new Mlp(name, new Mlp.Config(d, new int[0], 1, "identity", "linear-mse", optimiser, lr, 0, batch, 0, seed, false,
                    "zero"));
        }

        private void recordLinear(List<Learner> learners, Batch eval, Batch proposal, long seed, long step, Monitor monitor) {
            for (Learner l : learners) {
                double[] w = l.weights().matrix("w")[0];
                double[][] change = l instanceof RuleNetwork r ? r.proposedUpdate(proposal.inputs(), proposal.targets())
                        : ((Mlp) l).proposedUpdate(proposal);
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("alignment", Alignment.withDescent(change, SquaredError.gradient(w, eval.inputs(), eval.targets())));
                m.put("loss", SquaredError.loss(w, eval.inputs(), eval.targets()));
                monitor.metrics(l.name(), seed, step, m);
                monitor.weights(l.name(), seed, step, l.weights());
            }
        }

        private void runDigits(long seed, Monitor monitor) {
            int hidden = s.integer("local.hidden");
            int batch = s.integer("digits.batch");
            int n = pixels.length;
            long ws = Seeds.weightSeed(seed);
            CompetingLayer layer = new CompetingLayer(khParams, PIXELS, hidden, CompetingLayer.Step.NORMALISED, s.real("local.sigma"),
                    ws + 4, CompetingLayer.JAVA);
            CompetingReadout readout = new CompetingReadout(s.real("local.p"), s.real("local.n"), hidden, CLASSES, ws + 5);
            // the evaluation batch: images drawn without replacement with the run seed
            int evalSize = Math.min(s.integer("eval_batch"), n);
            int[] pick = MnistLocalVsBackpropExperiment.epochOrder(evaluationSeed(seed), 0, n);
            double[][] evalX = new double[evalSize][];
            int[] evalY = new int[evalSize];
            for (int i = 0; i < evalSize; i++) {
                evalX[i] = pixels[pick[i]];
                evalY[i] = labels[pick[i]];
            }
            double[][] propX = head(evalX);
            float[] propV = floats(propX);
            int epochs = s.integer("digits.epochs");
            long every = s.integer("digits.eval_every");
            double eta = s.real("local.eta");
            recordDigits(layer, readout, evalX, evalY, propV, propX.length, seed, 0, monitor);
            long presented = 0;
            long next = every;
            float[] v = new float[batch * PIXELS];
            for (int e = 0; e < epochs; e++) {
                int[] order = MnistLocalVsBackpropExperiment.epochOrder(seed, e, n);
                double rate = eta * (1 - (double) e / epochs);
                for (int from = 0; from < n; from += batch) {
                    int size = Math.min(batch, n - from);
                    double[][] x = new double[size][];
                    int[] y = new int[size];
                    for (int r = 0; r < size; r++) {
                        x[r] = pixels[order[from + r]];
                        y[r] = labels[order[from + r]];
                        for (int i = 0; i < PIXELS; i++) {
                            v[r * PIXELS + i] = (float) x[r][i];
                        }
                    }
                    readout.learn(layer.weights().matrix("w"), x, y, s.real("readout.lr"));
                    layer.train(v, size, rate);
                    presented += size;
                    if (presented >= next || (e == epochs - 1 && from + size == n)) {
                        recordDigits(layer, readout, evalX, evalY, propV, propX.length, seed, presented, monitor);
                        next = (presented / every + 1) * every;
                    }
                }
            }
        }

        private static void recordDigits(CompetingLayer layer, CompetingReadout readout, double[][] evalX, int[] evalY, float[] propV,
                                         int propSize, long seed, long step, Monitor monitor) {
            double[][] w = layer.weights().matrix("w");
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("alignment", Alignment.withDescent(layer.proposedChange(propV, propSize), readout.hiddenGradient(w, evalX, evalY)));
            m.put("loss", readout.loss(w, evalX, evalY));
            monitor.metrics(GradientAlignmentFigure.KROTOV_HOPFIELD, seed, step, m);
        }

        private static float[] floats(double[][] rows) {
            float[] out = new float[rows.length * rows[0].length];
            for (int r = 0; r < rows.length; r++) {
                for (int i = 0; i < rows[r].length; i++) {
                    out[r * rows[r].length + i] = (float) rows[r][i];
                }
            }
            return out;
        }

        /** The seed of a run's evaluation batch: derived from the run seed, apart from its training samples. */
        private static long evaluationSeed(long seed) {
            return ~Seeds.weightSeed(seed);
        }

        @Override
        public long workPerSeed() {
            return 4L * s.integer("steps") + (long) pixels.length * s.integer("digits.epochs");
        }

        @Override
        public Map<String, String> figures() {
            return Map.of(GradientAlignmentFigure.NAME, "Cosine between each learner's proposed weight change and the negative "
                    + "gradient of its task loss, over presentations: mean and 95 % t-interval over seeds; below, the loss");
        }
    }
}
