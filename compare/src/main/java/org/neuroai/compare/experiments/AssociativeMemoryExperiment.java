package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.HopfieldNetwork;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.Seeds;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.charts.MemoryFigures;
import org.neuroai.compare.charts.RecallPoints;
import org.neuroai.compare.charts.RecallPoints.Point;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.trace.CsvSink;

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
 * <p>A cue is a stored pattern with exactly round(c·N) units flipped, the units drawn at random.
 * Both learners get the same patterns and the very same cues. The Hopfield network stores each
 * pattern with one presentation and recalls by its dynamics ({@link HopfieldNetwork}); the
 * autoencoder (one hidden layer, sigmoid outputs) is trained for {@code dae.presentations}
 * presentations of the stored patterns, each freshly corrupted at {@code dae.noise}, against the
 * clean pattern (0/1 targets), then reads a cue in one pass, each output unit taken as +1 when it
 * is at least 0.5. A cue is recalled when the overlap m = (1/N) Σ ξ_i s_i of the result with the
 * cued pattern is at least {@code recall_overlap} (0.98 by default: at most 1 % of the units
 * wrong, so all but one of 100 units, and every one of 64).
 *
 * <p>Two sweeps per pattern set: recall against the number of patterns stored (cues corrupted at
 * {@code noise}), where the Hopfield network's capacity for random patterns is about 0.138 N
 * (Amit, Gutfreund &amp; Sompolinsky 1985, Phys. Rev. Lett. 55:1530), and recall against the
 * corruption of the cues at a fixed number of patterns.
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
    /** The sweep over the number of patterns stored. */
    public static final String STORED = "stored";
    /** The sweep over the corruption of the cues. */
    public static final String CORRUPTION = "corruption";
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
    public void redraw(java.nio.file.Path runDir, com.fasterxml.jackson.databind.JsonNode prov) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode set = prov.at("/spec/set");
        if (set.path("n").isMissingNode() || set.path("dae.hidden").isMissingNode() || set.path("dae.presentations").isMissingNode()) {
            throw new org.neuroai.core.UserError(runDir.resolve("provenance.json") + ": missing settings n, dae.hidden, dae.presentations; "
                    + "it does not come from a " + name() + " run.");
        }
        org.neuroai.compare.charts.MemoryFigures.draw(runDir, set.path("n").asInt(), set.path("dae.hidden").asInt(), set.path("dae.presentations").asInt());
    }

    @Override
    public Prepared prepare(Params s, long[] seeds) {
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
        double[][] digits = digitPatterns(Datasets.digits(), s.integer("digits.threshold"), most);
        PlasticityRule rule = Registry.get(PlasticityRule.class, HOPFIELD, "rule");
        Params ruleParams = rule.params(Map.of(), "rule hopfield");
        NetworkFactory nf = Registry.get(NetworkFactory.class, "mlp", "network");
        Map<String, Object> dae = Map.of("hidden", String.valueOf(s.integer("dae.hidden")),
                "activation", s.string("dae.activation"), "output", s.string("dae.output"),
                "optimiser", s.string("dae.optimiser"), "lr", s.real("dae.lr"), "batch", s.integer("dae.batch"));
        Params.resolve(nf.parameters(), dae, "settings dae.*");
        return new Run(s, seeds, stored, report, levels, digits, rule, ruleParams, nf, dae);
    }

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

    /** A prepared run. */
    private static final class Run implements Prepared {
        private final Params s;
        private final long[] seeds;
        private final int[] stored;
        private final int[] report;
        private final double[] levels;
        private final double[][] digits;
        private final PlasticityRule rule;
        private final Params ruleParams;
        private final NetworkFactory nf;
        private final Map<String, Object> dae;

        Run(Params s, long[] seeds, int[] stored, int[] report, double[] levels, double[][] digits, PlasticityRule rule,
            Params ruleParams, NetworkFactory nf, Map<String, Object> dae) {
            this.s = s;
            this.seeds = seeds;
            this.stored = stored;
            this.report = report;
            this.levels = levels;
            this.digits = digits;
            this.rule = rule;
            this.ruleParams = ruleParams;
            this.nf = nf;
            this.dae = dae;
        }

        @Override
        public Map<String, Object> run(Path out) throws IOException {
            int threads = Seeds.threads(s.integer("threads"), seeds.length);
            List<List<Point>> perSeed = new ArrayList<>();
            perSeed.addAll(Seeds.inParallel(seeds, threads, (i, seed) -> runSeed(seed)));
            List<Point> points = perSeed.stream().flatMap(List::stream).toList();
            RecallPoints.write(out.resolve("recall.csv"), points);
            writeCurves(out.resolve("curves.csv"), points);
            MemoryFigures.draw(out, s.integer("n"), s.integer("dae.hidden"), s.integer("dae.presentations"));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("learners", Map.of(HOPFIELD, "BIO", DAE, "GRADIENT"));
            facts.put("digit_patterns", digits.length + " distinct binarised images, the first in file order");
            facts.put("threads", threads);
            return facts;
        }

        /**
         * curves.csv: per learner and seed, the recall of random patterns at each number in
         * {@code report_stored} and the capacity on each pattern set, the largest number stored up
         * to which at least {@link #CAPACITY_RECALL} of the cues are recalled at every number swept. The step is the
         * presentations the learner had: one per stored pattern for the Hopfield network, the
         * training presentations for the autoencoder.
         */
        private void writeCurves(Path file, List<Point> points) {
            try (CsvSink sink = new CsvSink(file, false)) {
                int daeSteps = s.integer("dae.presentations");
                for (long seed : seeds) {
                    for (String learner : List.of(HOPFIELD, DAE)) {
                        for (int r : report) {
                            for (Point p : points) {
                                if (p.seed() == seed && p.learner().equals(learner) && p.patterns().equals(RANDOM)
                                        && p.sweep().equals(STORED) && p.stored() == r) {
                                    sink.row(learner, seed, learner.equals(DAE) ? daeSteps : r, "recall_random_" + r, -1, p.recall());
                                }
                            }
                        }
                        for (String set : List.of(RANDOM, DIGITS)) {
                            int capacity = 0;
                            for (Point p : points) {
                                if (p.seed() == seed && p.learner().equals(learner) && p.patterns().equals(set)
                                        && p.sweep().equals(STORED)) {
                                    if (p.recall() < CAPACITY_RECALL) {
                                        break;
                                    }
                                    capacity = p.stored();
                                }
                            }
                            sink.row(learner, seed, learner.equals(DAE) ? daeSteps : capacity, "capacity_" + set, -1, capacity);
                        }
                    }
                }
            }
        }

        /** Both sweeps on both pattern sets for one seed. */
        private List<Point> runSeed(long seed) {
            SplittableRandom root = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL);
            int n = s.integer("n");
            int most = Math.max(stored[stored.length - 1], s.integer("corruption.random_stored"));
            double[][] random = new double[most][n];
            SplittableRandom draw = root.split();
            for (double[] p : random) {
                for (int i = 0; i < n; i++) {
                    p[i] = draw.nextBoolean() ? 1 : -1;
                }
            }
            List<Point> out = new ArrayList<>();
            Seed run = new Seed(seed, root);
            run.sweeps(RANDOM, random, s.integer("corruption.random_stored"), out);
            run.sweeps(DIGITS, digits, s.integer("corruption.digits_stored"), out);
            return out;
        }

        /** The state of one seed: its random streams and scratch space. */
        private final class Seed {
            private final long seed;
            private final SplittableRandom root;
            private int[] units = new int[0];

            Seed(long seed, SplittableRandom root) {
                this.seed = seed;
                this.root = root;
            }

            void sweeps(String set, double[][] patterns, int corruptionStored, List<Point> out) {
                int n = patterns[0].length;
                units = new int[n];
                for (int i = 0; i < n; i++) {
                    units[i] = i;
                }
                SplittableRandom cueRng = root.split();
                HopfieldNetwork hopfield = hopfield(n);
                int have = 0;
                for (int p : stored) {
                    while (have < p) {
                        hopfield.store(patterns[have++]);
                    }
                    Learner dae = trainDae(patterns, p, root.split());
                    double[][] cues = cues(patterns, p, s.real("noise"), cueRng);
                    out.add(score(HOPFIELD, hopfield, 0, set, STORED, p, s.real("noise"), cues, patterns));
                    out.add(score(DAE, (Predictor) dae, 0.5, set, STORED, p, s.real("noise"), cues, patterns));
                }
                HopfieldNetwork fixed = hopfield(n);
                for (int k = 0; k < corruptionStored; k++) {
                    fixed.store(patterns[k]);
                }
                Learner dae = trainDae(patterns, corruptionStored, root.split());
                for (double level : levels) {
                    double[][] cues = cues(patterns, corruptionStored, level, cueRng);
                    out.add(score(HOPFIELD, fixed, 0, set, CORRUPTION, corruptionStored, level, cues, patterns));
                    out.add(score(DAE, (Predictor) dae, 0.5, set, CORRUPTION, corruptionStored, level, cues, patterns));
                }
            }

            private HopfieldNetwork hopfield(int n) {
                HopfieldNetwork.Update update = s.string("hopfield.update").equals("synchronous")
                        ? HopfieldNetwork.Update.SYNCHRONOUS : HopfieldNetwork.Update.ASYNCHRONOUS;
                return new HopfieldNetwork(HOPFIELD, rule, ruleParams, n, update, s.integer("hopfield.max_sweeps"),
                        root.nextLong());
            }

            /** Flips exactly round(level·N) units of {@code x}, chosen at random, in place. */
            private void corrupt(double[] x, double level, SplittableRandom r) {
                int flips = (int) Math.round(level * x.length);
                for (int f = 0; f < flips; f++) {
                    int j = f + r.nextInt(units.length - f);
                    int t = units[f];
                    units[f] = units[j];
                    units[j] = t;
                    x[units[f]] = -x[units[f]];
                }
            }

            /** {@code cues} corrupted copies of each of the first p patterns, pattern by pattern. */
            private double[][] cues(double[][] patterns, int p, double level, SplittableRandom r) {
                int per = s.integer("cues");
                double[][] c = new double[p * per][];
                for (int k = 0; k < p; k++) {
                    for (int q = 0; q < per; q++) {
                        double[] x = patterns[k].clone();
                        corrupt(x, level, r);
                        c[k * per + q] = x;
                    }
                }
                return c;
            }

            /**
             * Trains a fresh autoencoder on the first p patterns: epochs in a random order, each
             * input freshly corrupted, the clean pattern as 0/1 target.
             */
            private Learner trainDae(double[][] patterns, int p, SplittableRandom r) {
                int n = patterns[0].length;
                Learner net = nf.create(DAE, daeParams(n), n, r.nextLong());
                int batch = s.integer("dae.batch");
                long total = s.integer("dae.presentations");
                double[][] x = new double[batch][n];
                double[][] y = new double[batch][n];
                int[] order = new int[p];
                for (int k = 0; k < p; k++) {
                    order[k] = k;
                }
                int cursor = p;
                double noise = s.real("dae.noise");
                for (long done = 0; done < total; done += batch) {
                    int b = (int) Math.min(batch, total - done);
                    for (int q = 0; q < b; q++) {
                        if (cursor == p) {
                            for (int k = p - 1; k > 0; k--) {
                                int j = r.nextInt(k + 1);
                                int t = order[k];
                                order[k] = order[j];
                                order[j] = t;
                            }
                            cursor = 0;
                        }
                        double[] clean = patterns[order[cursor++]];
                        System.arraycopy(clean, 0, x[q], 0, n);
                        corrupt(x[q], noise, r);
                        for (int i = 0; i < n; i++) {
                            y[q][i] = (clean[i] + 1) / 2;
                        }
                    }
                    net.learn(b == batch ? new Batch(x, y, done)
                            : new Batch(Arrays.copyOf(x, b), Arrays.copyOf(y, b), done));
                }
                return net;
            }

            /** Recall of one learner on the cues; outputs at or above {@code mid} read as +1. */
            private Point score(String learner, Predictor net, double mid, String set, String sweep, int p, double level,
                                double[][] cues, double[][] patterns) {
                double[][] y = net.predict(cues);
                int per = cues.length / p;
                int recalled = 0;
                double sumOverlap = 0;
                double threshold = s.real("recall_overlap");
                for (int c = 0; c < cues.length; c++) {
                    double[] xi = patterns[c / per];
                    double m = 0;
                    for (int i = 0; i < xi.length; i++) {
                        m += xi[i] * (y[c][i] >= mid ? 1 : -1);
                    }
                    m /= xi.length;
                    sumOverlap += m;
                    recalled += m >= threshold ? 1 : 0;
                }
                return new Point(learner, set, sweep, seed, p, level, cues.length, threshold, (double) recalled / cues.length,
                        sumOverlap / cues.length);
            }
        }

        /** The autoencoder's parameters, with an output layer as wide as the patterns. */
        private Params daeParams(int n) {
            Map<String, Object> m = new LinkedHashMap<>(dae);
            m.put("outputs", n);
            return Params.resolve(nf.parameters(), m, "settings dae.*");
        }

        @Override
        public Map<String, String> figures() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put(MemoryFigures.STORED,
                    "Recall against the number of patterns stored: Hopfield network vs denoising autoencoder, random and digit patterns, "
                    + SeedStats.caption(seeds.length));
            f.put(MemoryFigures.CORRUPTION, "Recall against the corruption of the cue, at a fixed number of stored patterns, "
                    + SeedStats.caption(seeds.length));
            return f;
        }
    }
}
