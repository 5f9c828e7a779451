package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.HopfieldNetwork;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.experiments.PatternTasks.Denoising;
import org.neuroai.compare.experiments.PatternTasks.Patterns;
import org.neuroai.compare.experiments.PatternTasks.Storage;
import org.neuroai.compare.files.RecallTable;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.trace.Monitor;

/**
 * Associative memory: patterns stored by Hopfield's one-shot outer-product rule against a
 * denoising autoencoder trained by backpropagation to map corrupted patterns to clean ones.
 *
 * <p>Two pattern sets: random ±1 patterns of {@code n} units (drawn afresh for each seed; storing
 * P patterns means storing the seed's first P), and binarised 8x8 digits (64 units; a pixel is +1
 * when its grey level is at least {@code digits.threshold} of 16): the first P distinct binarised
 * images of {@code data/digits.csv.gz} in file order, whose rows 0-29 are three rounds of the
 * digits 0-9, so the sets are the same for every seed.
 *
 * <p>Every learner is trained afresh for every number of patterns it is scored at, each in a
 * condition of its own: the Hopfield network on the task {@link Storage} (each of the first P
 * patterns presented once), recalling by its dynamics ({@link HopfieldNetwork}); the autoencoder
 * (one hidden layer, sigmoid outputs) on the task {@link Denoising} for {@code dae.presentations}
 * presentations of the first P patterns in shuffled epochs, each freshly corrupted at
 * {@code dae.noise}, against the clean pattern (0/1 targets), reading a cue in one pass with each
 * output unit taken as +1 when it is at least 0.5.
 *
 * <p>After training, both learners are scored on the very same cues: a cue is a stored pattern
 * with exactly round(c·N) units flipped, the units drawn from a stream that depends only on the
 * seed, the pattern set, P and c. A cue is recalled when the overlap m = (1/N) Σ ξ_i s_i of the
 * result with the cued pattern is at least {@code recall_overlap} (0.98 by default: at most 1 % of
 * the units wrong, so all but one of 100 units, and every one of 64).
 *
 * <p>Two sweeps per pattern set: recall against the number of patterns stored (cues corrupted at
 * {@code noise}), where the Hopfield network's capacity for random patterns is about 0.138 N
 * (Amit, Gutfreund &amp; Sompolinsky 1985, Phys. Rev. Lett. 55:1530), and recall against the
 * corruption of the cues at a fixed number of patterns. Every score goes to {@code recall.csv}
 * ({@link RecallTable}); {@code curves.csv} holds a summary: the recall of random patterns at each
 * number in {@code report_stored}, and the capacity on each pattern set.
 */
public final class AssociativeMemoryExperiment implements Experiment {
    /** The Hopfield network's name in traces. */
    public static final String HOPFIELD = "hopfield";
    /** The denoising autoencoder's name in traces. */
    public static final String DAE = "dae";
    /** Random ±1 patterns. */
    public static final String RANDOM = "random";
    /** Binarised 8x8 digits. */
    public static final String DIGITS = "digits";
    /** The recall (fraction of cues) up to which a number of stored patterns counts as within capacity. */
    public static final double CAPACITY_RECALL = 0.9;

    @Override
    public String name() {
        return "associative-memory";
    }

    @Override
    public String description() {
        return "associative memory: Hopfield outer-product storage vs a denoising autoencoder trained by backpropagation";
    }

    @Override
    public String mainMetric() {
        return "capacity_random";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("n", 100, 8, 2000, "units of the random patterns"),
                ParamSpec.text("stored", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,18,20,22,25,30,35,40",
                        "numbers of patterns stored, comma-separated"),
                ParamSpec.real("noise", 0.1, 0, 0.5, "1", "fraction of units flipped in each cue, sweep over patterns stored"),
                ParamSpec.text("corruption", "0,0.05,0.1,0.15,0.2,0.25,0.3,0.35,0.4",
                        "fractions of units flipped in the cues, comma-separated, sweep over corruption"),
                ParamSpec.integer("corruption.random_stored", 10, 1, 10_000, "random patterns stored in the corruption sweep"),
                ParamSpec.integer("corruption.digits_stored", 3, 1, 1000, "digit images stored in the corruption sweep"),
                ParamSpec.text("report_stored", "5,25",
                        "numbers stored (among 'stored') whose recall of random patterns goes to curves.csv"),
                ParamSpec.integer("cues", 10, 1, 10_000, "cues per stored pattern and condition"),
                ParamSpec.real("recall_overlap", 0.98, 0, 1, "1", "a cue is recalled when the final overlap reaches this"),
                ParamSpec.choice("hopfield.update", "asynchronous", List.of("asynchronous", "synchronous"),
                        "recall dynamics: one unit at a time in random order, or all at once"),
                ParamSpec.integer("hopfield.max_sweeps", 100, 1, 100_000, "step limit of a recall, in sweeps over the units"),
                ParamSpec.integer("digits.threshold", 8, 1, 16, "grey level (of 16) at or above which a digit pixel is +1"),
                ParamSpec.integer("dae.hidden", 100, 1, 10_000, "hidden units of the denoising autoencoder"),
                ParamSpec.choice("dae.activation", "tanh", List.of("relu", "tanh", "sigmoid"), "hidden activation"),
                ParamSpec.choice("dae.output", "sigmoid-ce", List.of("sigmoid-ce", "sigmoid-mse"),
                        "output units and loss: sigmoid with cross-entropy or with squared error"),
                ParamSpec.choice("dae.optimiser", "adam", List.of("sgd", "adam"), "optimiser"),
                ParamSpec.positive("dae.lr", 0.03, 10, "1", "learning rate"),
                ParamSpec.integer("dae.presentations", 10_000, 1, 100_000_000, "training presentations for each set of patterns"),
                ParamSpec.integer("dae.batch", 100, 1, 10_000, "samples per gradient step"),
                ParamSpec.real("dae.noise", 0.2, 0, 0.5, "1", "fraction of units flipped in each training input"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("stored", "1,5,10,15,25,40", "corruption", "0,0.1,0.2,0.3,0.4", "cues", 5,
                "dae.presentations", 2000);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("stored", "1,5", "report_stored", "5", "corruption", "0,0.2", "corruption.random_stored", 5, "cues", 2,
                "dae.presentations", 200);
    }

    @Override
    public Study study(Params s) {
        int[] stored = positiveInts(s.string("stored"), "stored");
        int[] report = positiveInts(s.string("report_stored"), "report_stored");
        for (int r : report) {
            if (Arrays.stream(stored).noneMatch(v -> v == r)) {
                throw new UserError("setting 'report_stored': " + r + " is not among the numbers in 'stored' ("
                        + s.string("stored") + "); list only those.");
            }
        }
        double[] levels = fractions(s.string("corruption"));
        int most = Math.max(stored[stored.length - 1], s.integer("corruption.digits_stored"));
        Patterns random = Patterns.random(RANDOM, "Random \u00b11 patterns", s.integer("n"));
        Patterns digits = Patterns.of(DIGITS, "Binarised 8x8 digits", digitPatterns(Datasets.digits(), s.integer("digits.threshold"), most));
        PlasticityRule rule = Registry.get(PlasticityRule.class, HOPFIELD, "rule");
        Params ruleParams = rule.params(Map.of(), "rule hopfield");
        HopfieldNetwork.Update update = HopfieldNetwork.Update.valueOf(s.string("hopfield.update").toUpperCase(Locale.ROOT));
        int maxSweeps = s.integer("hopfield.max_sweeps");
        NetworkFactory nf = Registry.get(NetworkFactory.class, "mlp", "network");
        Map<String, Object> dae = new LinkedHashMap<>(Map.of("hidden", String.valueOf(s.integer("dae.hidden")),
                "activation", s.string("dae.activation"), "output", s.string("dae.output"),
                "optimiser", s.string("dae.optimiser"), "lr", s.real("dae.lr"), "batch", s.integer("dae.batch")));
        Params.resolve(nf.parameters(), dae, "settings dae.*");
        int presentations = s.integer("dae.presentations");
        LearnerSpec hopfield = LearnerSpec.of(new Described(HOPFIELD, Family.BIO, "Hopfield network (bio, one-shot storage)",
                "#009E73", "rule hopfield, " + s.string("hopfield.update") + " recall"),
                b -> new HopfieldNetwork(HOPFIELD, rule, ruleParams, b.task().inputDim(), update, maxSweeps, b.weightSeed()));
        LearnerSpec autoencoder = LearnerSpec.of(new Described(DAE, Family.GRADIENT, String.format(Locale.ROOT,
                "denoising autoencoder (gradient, %,d presentations)", presentations),
                "#D55E00", "network mlp, " + s.integer("dae.hidden") + " " + s.string("dae.activation") + " hidden, "
                        + s.string("dae.output") + ", " + s.string("dae.optimiser")),
                b -> {
                    int n = b.task().inputDim();
                    Map<String, Object> m = new LinkedHashMap<>(dae);
                    m.put("outputs", n);
                    return nf.create(DAE, Params.resolve(nf.parameters(), m, "settings dae.*"), n, b.weightSeed());
                });
        Schedule training = new Schedule(presentations, s.integer("dae.batch"), Map.of(), false);
        List<Condition> conditions = new ArrayList<>();
        Map<String, Point> points = new LinkedHashMap<>();
        for (Patterns set : List.of(random, digits)) {
            List<Point> sweep = new ArrayList<>();
            for (int p : stored) {
                sweep.add(new Point(set, RecallTable.STORED, p, new double[] {s.real("noise")}));
            }
            int fixed = s.integer(set == random ? "corruption.random_stored" : "corruption.digits_stored");
            sweep.add(new Point(set, RecallTable.CORRUPTION, fixed, levels));
            for (Point pt : sweep) {
                String name = set.name() + "." + pt.sweep() + "." + pt.stored();
                points.put(name, pt);
                conditions.add(new Condition(name, new Storage(set, pt.stored()), List.of(hopfield),
                        new Schedule(pt.stored(), pt.stored(), Map.of(), false), List.of(), Condition.Recording.NONE, 0));
                conditions.add(new Condition(name, new Denoising(set, pt.stored(), s.real("dae.noise")), List.of(autoencoder),
                        training, List.of(), Condition.Recording.NONE, 0));
            }
        }
        List<String> metrics = new ArrayList<>();
        for (int r : report) {
            metrics.add(recallMetric(r));
        }
        metrics.add(capacityMetric(RANDOM));
        metrics.add(capacityMetric(DIGITS));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(RecallTable.PATTERN_SETS.substring(1), List.of(random.describe(), digits.describe()));
        facts.put("digit_patterns", most + " distinct binarised images, the first in file order");
        Scoring scoring = new Scoring(points, report, s.integer("cues"), s.real("recall_overlap"));
        return new Study(conditions, metrics, scoring, List.of("memory-recall-vs-stored", "memory-recall-vs-corruption"),
                "presentations", false, s.integer("threads"), facts);
    }

    private static String recallMetric(int stored) {
        return "recall_" + RANDOM + "_" + stored;
    }

    private static String capacityMetric(String set) {
        return "capacity_" + set;
    }

    /**
     * A point of a sweep: both learners trained on the first {@code stored} patterns of a set,
     * then scored on cues at each corruption level.
     *
     * @param set the pattern set
     * @param sweep {@link RecallTable#STORED} or {@link RecallTable#CORRUPTION}
     * @param stored P
     * @param levels fractions of units flipped in the cues
     */
    private record Point(Patterns set, String sweep, int stored, double[] levels) {}

    /** Parses a comma-separated list of positive integers, sorted and without repeats. */
    static int[] positiveInts(String text, String key) {
        TreeSet<Integer> out = new TreeSet<>();
        try {
            for (String f : text.split(",")) {
                int v = Integer.parseInt(f.trim());
                if (v < 1 || v > 10_000) {
                    throw new NumberFormatException();
                }
                out.add(v);
            }
        } catch (NumberFormatException e) {
            throw new UserError("invalid value '" + text + "' for '" + key
                    + "'; valid is a comma-separated list of integers in [1, 10000], such as 1,5,10.");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Parses the corruption levels: fractions in [0, 0.5], sorted and without repeats. */
    static double[] fractions(String text) {
        TreeSet<Double> out = new TreeSet<>();
        try {
            for (String f : text.split(",")) {
                double v = Double.parseDouble(f.trim());
                if (!(v >= 0 && v <= 0.5)) {
                    throw new NumberFormatException();
                }
                out.add(v);
            }
        } catch (NumberFormatException e) {
            throw new UserError("invalid value '" + text + "' for 'corruption'; valid is a comma-separated list of "
                    + "fractions in [0, 0.5], such as 0,0.1,0.2.");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The first {@code count} distinct binarised images in file order: +1 where the grey level is
     * at least {@code threshold}, −1 elsewhere.
     */
    static double[][] digitPatterns(Dataset digits, int threshold, int count) {
        Set<String> seen = new LinkedHashSet<>();
        List<double[]> out = new ArrayList<>();
        for (double[] image : digits.inputs()) {
            if (out.size() == count) {
                break;
            }
            double[] p = new double[image.length];
            for (int j = 0; j < p.length; j++) {
                p[j] = image[j] >= threshold ? 1 : -1;
            }
            if (seen.add(Arrays.toString(p))) {
                out.add(p);
            }
        }
        if (out.size() < count) {
            throw new UserError("settings 'stored' and 'corruption.digits_stored' ask for " + count
                    + " digit images, but the digits give only " + out.size() + " distinct binarised images at "
                    + "'digits.threshold' = " + threshold + "; ask for fewer.");
        }
        return out.toArray(new double[0][]);
    }

    /**
     * The cues of one point of a sweep at one corruption level: {@code per} copies of each of the
     * first P patterns, pattern by pattern, each with exactly round(level·N) units flipped. The
     * flips come from a stream that depends only on the seed, the pattern set, P and the level, so
     * every learner scored there gets the very same cues.
     *
     * @param set the pattern set
     * @param stored P
     * @param level fraction of units flipped
     * @param per cues per pattern
     * @param seed the run's seed
     * @return P·per cues; cue c is a copy of pattern c / per
     */
    static double[][] cues(Patterns set, int stored, double level, int per, long seed) {
        double[][] patterns = set.first(stored, seed);
        long key = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (long part : new long[] {set.name().hashCode(), stored, Double.doubleToLongBits(level)}) {
            key = new SplittableRandom(key ^ part).nextLong();
        }
        SplittableRandom r = new SplittableRandom(key);
        int flips = (int) Math.round(level * set.units());
        double[][] c = new double[stored * per][];
        for (int k = 0; k < stored; k++) {
            for (int q = 0; q < per; q++) {
                c[k * per + q] = HopfieldNetwork.corrupt(patterns[k], flips, r);
            }
        }
        return c;
    }

    /**
     * Scores every trained learner on its point's cues, adds the summary rows of each seed to
     * curves.csv and writes recall.csv. Seeds run at once; each keeps its own rows.
     */
    private static final class Scoring implements Plugin {
        /** Each learner's output at and above which a unit reads as +1: ±1 states, and sigmoids trained on 0/1 targets. */
        private static final Map<String, Double> MIDPOINTS = Map.of(HOPFIELD, 0.0, DAE, 0.5);
        private final Map<String, Point> points;
        private final int[] report;
        private final int per;
        private final double threshold;
        private List<List<Scored>> perSeed;

        /**
         * A scored condition of one learner.
         *
         * @param row its row of recall.csv
         * @param presentations the presentations the learner had
         */
        private record Scored(RecallTable.Row row, long presentations) {}

        /**
         * @param points each condition's point, by the condition's name
         * @param report the numbers stored whose recall of random patterns goes to curves.csv
         * @param per cues per pattern
         * @param threshold the final overlap at which a cue counts as recalled
         */
        Scoring(Map<String, Point> points, int[] report, int per, double threshold) {
            this.points = points;
            this.report = report;
            this.per = per;
            this.threshold = threshold;
        }

        @Override
        public void start(Path out, long[] seeds) {
            perSeed = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                perSeed.add(new ArrayList<>());
            }
        }

        @Override
        public void trained(At at, List<Learner> learners, Monitor monitor) {
            Point pt = points.get(at.condition().name());
            double[][] patterns = pt.set().first(pt.stored(), at.seed());
            for (Learner l : learners) {
                for (double level : pt.levels()) {
                    double[][] cues = cues(pt.set(), pt.stored(), level, per, at.seed());
                    double[][] y = ((Predictor) l).predict(cues);
                    double mid = MIDPOINTS.get(l.name());
                    int recalled = 0;
                    double sum = 0;
                    for (int c = 0; c < cues.length; c++) {
                        double[] s = new double[y[c].length];
                        for (int i = 0; i < s.length; i++) {
                            s[i] = y[c][i] >= mid ? 1 : -1;
                        }
                        double m = HopfieldNetwork.overlap(patterns[c / per], s);
                        sum += m;
                        recalled += m >= threshold ? 1 : 0;
                    }
                    RecallTable.Row row = new RecallTable.Row(l.name(), pt.set().name(), pt.sweep(), at.seed(), pt.stored(), level,
                            cues.length, threshold, (double) recalled / cues.length, sum / cues.length);
                    perSeed.get(at.seedIndex()).add(new Scored(row, l.presentations()));
                }
            }
        }

        /**
         * The summary rows of a seed, for each learner: the recall of random patterns at each
         * number in {@code report_stored}, and on each pattern set the capacity, the largest
         * number stored up to which at least {@link #CAPACITY_RECALL} of the cues are recalled at
         * every number swept (0, at step 0, when not even the first is). The step is the presentations the
         * learner had there: one per stored pattern for the Hopfield network, the training
         * presentations for the autoencoder.
         */
        @Override
        public void seedDone(long seed, int seedIndex, Monitor monitor) {
            List<Scored> rows = perSeed.get(seedIndex);
            for (String learner : List.of(HOPFIELD, DAE)) {
                List<Scored> mine = rows.stream().filter(r -> r.row().learner().equals(learner)
                        && r.row().sweep().equals(RecallTable.STORED)).toList();
                for (int r : report) {
                    for (Scored x : mine) {
                        if (x.row().patterns().equals(RANDOM) && x.row().stored() == r) {
                            monitor.metrics(learner, seed, x.presentations(), Map.of(recallMetric(r), x.row().recall()));
                        }
                    }
                }
                for (String set : List.of(RANDOM, DIGITS)) {
                    int capacity = 0;
                    long step = 0;
                    for (Scored x : mine) {
                        if (x.row().patterns().equals(set)) {
                            if (x.row().recall() < CAPACITY_RECALL) {
                                break;
                            }
                            capacity = x.row().stored();
                            step = x.presentations();
                        }
                    }
                    monitor.metrics(learner, seed, step, Map.of(capacityMetric(set), (double) capacity));
                }
            }
        }

        @Override
        public Map<String, Object> finish(Path out) throws IOException {
            List<RecallTable.Row> all = new ArrayList<>();
            perSeed.forEach(rows -> rows.forEach(r -> all.add(r.row())));
            RecallTable.write(out.resolve(RecallTable.NAME), all);
            return Map.of();
        }
    }
}
