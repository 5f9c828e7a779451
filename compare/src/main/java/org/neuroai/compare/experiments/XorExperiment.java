package org.neuroai.compare.experiments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.figures.LandscapeFigures;
import org.neuroai.compare.figures.XorFigures;
import org.neuroai.compare.landscape.Block;
import org.neuroai.compare.landscape.Landscapes;
import org.neuroai.compare.landscape.Losses;
import org.neuroai.compare.landscape.Surface;
import org.neuroai.compare.measures.HeldOut;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.Registry;
import org.neuroai.core.Split;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.XorTask;
import org.neuroai.core.trace.Monitor;


/**
 * Exclusive or: what one layer of units cannot learn, whatever its local rule, and what one hidden
 * layer trained by backpropagation can.
 *
 * <p>Learners, all on the same noisy samples of the four corners in the same order:
 * <ul>
 *   <li>{@code hebb}: one linear unit with a bias whose postsynaptic activity is clamped to the
 *       target (supervised Hebb, Δw = η t x). Its weights grow along E[t x], the mean of the class-1
 *       inputs, which for XOR carries no information about the class: the unit answers 1
 *       everywhere.</li>
 *   <li>{@code perceptron}: one threshold unit with a bias, Rosenblatt's rule. No line separates
 *       XOR, so it keeps correcting itself and cycles.</li>
 *   <li>{@code delta}: one linear unit with a bias, the Widrow-Hoff rule. It settles near the
 *       least-squares plane, which for XOR is flat at 0.5, so its answers hang on noise.</li>
 *   <li>{@code mlp}: one hidden layer of tanh units and a sigmoid output trained by backpropagation
 *       on cross-entropy (Adam), one gradient step per chunk of {@code batch} samples.</li>
 * </ul>
 * A single layer gets at most three of the four corners right; the MLP gets all four.
 *
 * <p>Every learner answers 1 when its output is at least 0.5. At each checkpoint each is scored on
 * the four exact corners: {@code accuracy}, and {@code mse} for the two whose outputs estimate the
 * target (delta and mlp). After training, the outputs of the first seed's learners on a grid over
 * [−0.5, 1.5]² are written to {@code boundary.csv}, and the corners to {@code points.csv}, for the
 * decision-region figure.
 */
public final class XorExperiment implements Experiment {
    /** Supervised Hebb. */
    public static final String HEBB = "hebb";
    /** Rosenblatt's perceptron. */
    public static final String PERCEPTRON = "perceptron";
    /** Widrow-Hoff. */
    public static final String DELTA = "delta";
    /** The MLP trained by backpropagation. */
    public static final String MLP = "mlp";
    /** The decision grid spans [GRID_MIN, GRID_MAX] in both inputs. */
    public static final double GRID_MIN = -0.5;
    /** Upper end of the grid. */
    public static final double GRID_MAX = 1.5;
    /** A learner answers 1 when its output reaches this. */
    public static final double THRESHOLD = 0.5;

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String description() {
        return "exclusive or: Hebb, perceptron and delta rules in one layer vs an MLP trained by backpropagation";
    }

    @Override
    public String mainMetric() {
        return "accuracy";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("steps", 2000, 1, 100_000_000, "presentations (samples) per learner"),
                ParamSpec.integer("eval_every", 20, 1, 100_000_000, "presentations between checkpoints"),
                ParamSpec.real("noise", 0.1, 0, 0.3, "input units", "standard deviation of the noise on each training input"),
                ParamSpec.integer("batch", 1, 1, 10_000, "samples per chunk: one gradient step of the mlp"),
                ParamSpec.positive("hebb.eta", 0.01, 1, "1", "learning rate of supervised Hebb"),
                ParamSpec.positive("perceptron.eta", 0.1, 10, "1", "learning rate of the perceptron"),
                ParamSpec.positive("delta.eta", 0.05, 1, "1", "learning rate of the delta rule"),
                ParamSpec.positive("bio.init_norm", 0.5, 100, "1", "norm of each single-layer unit's initial weights (bias included)"),
                ParamSpec.integer("mlp.hidden", 8, 2, 1024, "hidden tanh units of the mlp"),
                ParamSpec.positive("mlp.lr", 0.02, 10, "1", "learning rate of the mlp (Adam)"),
                ParamSpec.integer("grid", 81, 11, 401, "grid points per side of the decision-region figure"),
                ParamSpec.flag("landscape", false, "compute the loss landscapes at the end of the run (landscape_*.csv) and draw the figures "
                        + String.join(", ", LandscapeFigures.NAMES)),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("steps", 1000, "grid", 61);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("steps", 100, "grid", 21, "landscape", true);
    }

    /**
     * Two landscapes, both on the four exact corners (the noise-free task): the MLP's binary
     * cross-entropy over its whole parameter vector (hidden weights, hidden biases, output weights,
     * output bias), and the delta rule's squared error over its 3 weights (2 inputs and the bias),
     * the loss it descends. Supervised Hebb and the perceptron descend no loss; they are drawn on the
     * delta rule's landscape as rules that move in the same 3-weight space. The MLP's biases are
     * held on its random plane (Li et al. 2018); the single unit's bias is part of its one filter,
     * since on XOR its final input weights are near 0 and a plane of them alone would be flat.
     */
    @Override
    public List<Surface> landscapes(Params s) {
        int hidden = s.integer("mlp.hidden");
        Split corners = new XorTask(s.real("noise")).heldOut();
        Block single = new Block("w", 1, 3, Block.Filters.ROWS);
        return List.of(
                new Surface(MLP, "MLP by backprop: cross-entropy over all " + (4 * hidden + 1) + " parameters",
                        "cross-entropy on the 4 corners (nats)",
                        List.of(new Block("w", hidden, 2, Block.Filters.ROWS), new Block("bias0", hidden, 1, Block.Filters.BIAS),
                                new Block("layer1", 1, hidden, Block.Filters.ROWS), new Block("bias1", 1, 1, Block.Filters.BIAS)),
                        Losses.mlpCrossEntropy(hidden, corners.inputs(), corners.targets()), List.of()),
                new Surface(DELTA, "Delta rule on its squared error (3 weights, bias in the filter)", "squared error on the 4 corners (target units\u00b2)",
                        List.of(single), Losses.linearMse(corners.inputs(), corners.targets()),
                        List.of(new Surface.Walker(HEBB, "no loss of its own", List.of(single)),
                                new Surface.Walker(PERCEPTRON, "no loss of its own", List.of(single)))));
    }

    @Override
    public Study study(Params s) {
        XorTask task = new XorTask(s.real("noise"));
        PlasticityRule hebb = Registry.get(PlasticityRule.class, HEBB, "rule");
        PlasticityRule perceptron = Registry.get(PlasticityRule.class, PERCEPTRON, "rule");
        PlasticityRule delta = Registry.get(PlasticityRule.class, DELTA, "rule");
        NetworkFactory mlp = Registry.get(NetworkFactory.class, MLP, "network");
        int hidden = s.integer("mlp.hidden");
        Map<String, Object> mlpValues = Map.of("hidden", String.valueOf(hidden), "activation", "tanh",
                "output", "sigmoid-ce", "optimiser", "adam", "lr", s.real("mlp.lr"), "batch", s.integer("batch"));
        Params hebbParams = hebb.params(Map.of("eta", s.real("hebb.eta"), "clamp", true), "setting hebb.eta");
        Params perceptronParams = perceptron.params(Map.of("eta", s.real("perceptron.eta")), "setting perceptron.eta");
        Params deltaParams = delta.params(Map.of("eta", s.real("delta.eta")), "setting delta.eta");
        Params mlpParams = Params.resolve(mlp.parameters(), mlpValues, "settings mlp.*");
        double init = s.real("bio.init_norm");
        List<LearnerSpec> learners = List.of(
                LearnerSpec.of(new Described(HEBB, Family.BIO, "supervised Hebb (bio, 1 linear unit)", "#56B4E9", "rule hebb, clamped"),
                        b -> new RuleNetwork(HEBB, hebb, hebbParams, 2, 1, Activation.LINEAR, true, 0, init, b.weightSeed()))
                        .onlyMetrics(HeldOut.ACCURACY),
                LearnerSpec.of(new Described(PERCEPTRON, Family.BIO, "perceptron (bio, 1 threshold unit)", "#332288", "rule perceptron"),
                        b -> new RuleNetwork(PERCEPTRON, perceptron, perceptronParams, 2, 1, Activation.THRESHOLD, true, 0, init,
                                b.weightSeed())).onlyMetrics(HeldOut.ACCURACY),
                LearnerSpec.of(new Described(DELTA, Family.BIO, "delta rule (bio, 1 linear unit)", "#44AA99", "rule delta"),
                        b -> new RuleNetwork(DELTA, delta, deltaParams, 2, 1, Activation.LINEAR, true, 0, init, b.weightSeed())),
                LearnerSpec.of(new Described(MLP, Family.GRADIENT, "MLP by backprop (gradient, " + hidden + " hidden)", "#E69F00",
                        "network mlp, " + hidden + " tanh hidden"), b -> mlp.create(MLP, mlpParams, 2, b.weightSeed())));
        // the single layers' 3 weights and the mlp's whole parameter vector (hidden weights, biases,
        // output weights and bias), so a run's loss landscape can be drawn from its files
        Map<String, int[]> selection = new LinkedHashMap<>();
        selection.put("w", Monitor.all(2 * hidden));
        selection.put("bias0", Monitor.all(hidden));
        selection.put("layer1", Monitor.all(hidden));
        selection.put("bias1", Monitor.all(1));
        Schedule schedule = Schedule.uniform(s.integer("steps"), s.integer("batch"), s.integer("eval_every"))
                .with(Record.HISTOGRAMS, Schedule.NEVER);
        Condition condition = new Condition(task, learners, schedule,
                List.of(() -> HeldOut.plain(List.of(HeldOut.ACCURACY, HeldOut.MSE))), Condition.Recording.TRAINING_LOSS.weights(l -> selection));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("task", Map.of("name", task.name(), "noise", s.real("noise")));
        facts.put("decision_threshold", THRESHOLD);
        List<String> figures = new ArrayList<>(List.of("xor-curves", "xor-regions"));
        if (s.flag("landscape")) {
            figures.addAll(LandscapeFigures.NAMES);
        }
        return new Study(List.of(condition), List.of(HeldOut.ACCURACY, HeldOut.MSE), new Regions(task, s), figures, "presentations", false,
                s.integer("threads"), facts);
    }

    /** The first seed's decision regions on a grid, the corners, and the loss landscapes when asked. */
    private final class Regions implements Plugin {
        private final XorTask task;
        private final Params s;
        private Path out;
        private long firstSeed;

        Regions(XorTask task, Params s) {
            this.task = task;
            this.s = s;
        }

        @Override
        public void start(Path dir, long[] seeds) {
            out = dir;
            firstSeed = seeds[0];
        }

        @Override
        public void trained(At at, List<Learner> learners, Monitor monitor) {
            if (at.seedIndex() == 0) {
                try {
                    writeBoundary(out.resolve(XorFigures.BOUNDARY), learners, at.seed());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        @Override
        public Map<String, Object> finish(Path dir) throws IOException {
            writePoints(dir.resolve(XorFigures.POINTS), task.heldOut());
            if (s.flag("landscape")) {
                Landscapes.write(dir, landscapes(s), Landscapes.Options.defaults(firstSeed));
            }
            return Map.of();
        }

        /** Each learner's output and answer on a square grid over [GRID_MIN, GRID_MAX]². */
        private void writeBoundary(Path file, List<Learner> learners, long seed) throws IOException {
            int n = s.integer("grid");
            double[][] grid = new double[n * n][2];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    grid[i * n + j][0] = GRID_MIN + (GRID_MAX - GRID_MIN) * j / (n - 1);
                    grid[i * n + j][1] = GRID_MIN + (GRID_MAX - GRID_MIN) * i / (n - 1);
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write("learner,seed,x1,x2,output,class\n");
                for (Learner l : learners) {
                    double[][] y = ((Predictor) l).predict(grid);
                    for (int k = 0; k < grid.length; k++) {
                        w.write(l.name() + "," + seed + "," + grid[k][0] + "," + grid[k][1] + "," + y[k][0] + ","
                                + (y[k][0] >= THRESHOLD ? 1 : 0) + "\n");
                    }
                }
            }
        }

        private static void writePoints(Path file, Split corners) throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write("x1,x2,target\n");
                for (int k = 0; k < corners.size(); k++) {
                    w.write(corners.inputs()[k][0] + "," + corners.inputs()[k][1] + "," + corners.targets()[k][0] + "\n");
                }
            }
        }
    }
}
