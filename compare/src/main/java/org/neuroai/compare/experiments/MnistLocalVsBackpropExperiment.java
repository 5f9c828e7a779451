package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neuroai.ann.FloatProduct;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.ann.networks.Mlp;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.Seeds;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.charts.MnistFigures;
import org.neuroai.core.Batch;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;
import org.neuroai.core.WeightView;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.metrics.PredictionMetrics;
import org.neuroai.core.trace.CsvSink;
import org.neuroai.core.trace.Monitor;

/**
 * One architecture, 784-H-10, trained two ways on MNIST with the same images in the same order:
 *
 * <ul>
 *   <li>{@code local}: the hidden layer learns without labels by Krotov and Hopfield's rule for
 *       competing hidden units ({@link KrotovHopfieldRule}, minibatches of {@code batch} images,
 *       learning rate annealed linearly to 0 as in the authors' code); then, with the hidden layer
 *       frozen, a softmax readout is trained by Adam on the hidden activities.</li>
 *   <li>{@code backprop}: a multilayer perceptron with H rectified hidden units, softmax output and
 *       cross-entropy, trained end to end by backpropagation with Adam (Deeplearning4j).</li>
 * </ul>
 *
 * <p>The readout follows D. Krotov and J. J. Hopfield 2019 (PNAS 116:7723) in its input: the
 * hidden activities are h_μ = max(0, I_μ)^n with I_μ = Σ_i |W_μi|^(p−2) W_μi v_i and n = 4.5.
 * It differs in two ways, both for simplicity and said here so the numbers are read rightly: h is
 * divided by its largest value over the hidden units of that image (a divisive normalisation that
 * keeps the readout's inputs in [0, 1] whatever n), and the readout is a softmax layer with
 * cross-entropy trained by Adam, where the paper used tanh output units and a power loss
 * Σ|c − t|^m with m = 6. Only the readout ever sees labels.
 *
 * <p>Epoch e of either learner presents the training images in the e-th order drawn from the
 * run's seed; the local learner spends its first {@code local.epochs} epochs on the hidden layer
 * and the next {@code readout.epochs} on the readout. Both are scored on the test images after
 * every epoch of supervised training (the local learner has nothing to score before its readout
 * exists), and each learner's training wall time is measured on its own thread, excluding scoring.
 * The two learners train in parallel when two cores are available.
 *
 * <p>The currents of the local layer (batch x 784 times 784 x H) are the one large product; they go
 * through ND4J's sgemm by default. On the 2-core AMD EPYC this was written on (OMP_NUM_THREADS=1),
 * 100 MNIST images against 2000 units took 3.9 ms per minibatch through ND4J, copies included,
 * and 10.8 ms with {@link CompetingLayer#JAVA}'s vectorised loops that skip blank pixels (0.4 ms
 * against 0.6 ms for 100 units), so ND4J is the default at every size used here.
 */
public final class MnistLocalVsBackpropExperiment implements Experiment {
    /** Pixels per image. */
    private static final int PIXELS = 784;
    /** Classes. */
    private static final int CLASSES = 10;
    /** Images scored or turned into features at once. */
    private static final int CHUNK = 500;

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
        return "test_accuracy";
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
                ParamSpec.real("local.n", 4.5, 1.0, 10.0, "1", "power of the readout's input: max(0, I)^n"),
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
                ParamSpec.integer("threads", 0, 0, 2, "learners trained at once; 0 = one per core, at most 2"));
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
    public void redraw(java.nio.file.Path runDir, com.fasterxml.jackson.databind.JsonNode prov) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode set = prov.at("/spec/set");
        if (set.path("hidden").isMissingNode()) {
            throw new org.neuroai.core.UserError(runDir.resolve("provenance.json") + ": missing settings hidden; "
                    + "it does not come from a " + name() + " run.");
        }
        org.neuroai.compare.charts.MnistFigures.draw(runDir, prov.path("train_images").asInt(set.path("train_size").asInt()), set.path("hidden").asInt(), prov.at("/spec/first_seed").asLong());
    }

    @Override
    public Prepared prepare(Params s, long[] seeds) {
        KrotovHopfieldRule rule = new KrotovHopfieldRule();
        Params ruleParams = rule.params(Map.of("eta", s.real("local.eta"), "p", s.real("local.p"), "k", s.integer("local.k"),
                "delta", s.real("local.delta")), "settings local.*");
        if (s.integer("units_drawn") > s.integer("hidden")) {
            throw new UserError("setting 'units_drawn' = " + s.integer("units_drawn") + " exceeds 'hidden' = "
                    + s.integer("hidden") + "; valid is an integer in [1, " + s.integer("hidden") + "].");
        }
        Dataset trainSet = Datasets.mnistTrain(s.integer("train_size"));
        Dataset testSet = Datasets.mnistTest(s.integer("test_size"));
        return new Run(s, seeds, ruleParams, trainSet, testSet);
    }

    /**
     * The order of the training images in one epoch: a permutation drawn from the seed and the
     * epoch alone, so every learner that asks for epoch e of a seed presents the same images in the
     * same order.
     *
     * @param seed the run's seed
     * @param epoch the epoch, from 0
     * @param n training images
     * @return a permutation of 0..n−1
     */
    static int[] epochOrder(long seed, int epoch, int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    /**
     * Images as one row-major float array, with their labels.
     *
     * @param pixels row-major n x 784, in [0, 1]
     * @param labels class of each image
     */
    private record Images(float[] pixels, int[] labels) {
        static Images of(Dataset d) {
            float[] x = new float[d.size() * PIXELS];
            for (int s = 0; s < d.size(); s++) {
                double[] row = d.inputs()[s];
                for (int i = 0; i < PIXELS; i++) {
                    x[s * PIXELS + i] = (float) row[i];
                }
            }
            return new Images(x, d.labels());
        }

        int size() {
            return labels.length;
        }
    }

    /**
     * Reusable minibatch buffers, so nothing is allocated per image: float rows for the rule, double
     * rows and one-hot targets for Deeplearning4j (a last, shorter minibatch gets buffers of its own).
     */
    private static final class Minibatch {
        private final int width;
        private final float[] floats;
        private final double[][] rows;
        private final double[][] targets;
        private double[][] tailRows;
        private double[][] tailTargets;
        private int size;

        Minibatch(int batch, int width) {
            this.width = width;
            this.floats = new float[batch * width];
            this.rows = new double[batch][width];
            this.targets = new double[batch][CLASSES];
        }

        /** Copies rows order[from, from + size) of {@code data} (rows of {@code width}) into the float buffer. */
        void fillFloats(float[] data, int[] order, int from, int size) {
            this.size = size;
            for (int s = 0; s < size; s++) {
                System.arraycopy(data, order[from + s] * width, floats, s * width, width);
            }
        }

        /** Copies the same rows into the double buffer and their labels, one-hot, into the targets. */
        void fillRows(float[] data, int[] labels, int[] order, int from, int size) {
            this.size = size;
            double[][] r = rows(size);
            double[][] t = targets(size);
            for (int s = 0; s < size; s++) {
                int src = order[from + s] * width;
                for (int i = 0; i < width; i++) {
                    r[s][i] = data[src + i];
                }
                Arrays.fill(t[s], 0);
                t[s][labels[order[from + s]]] = 1;
            }
        }

        private double[][] rows(int n) {
            if (n == rows.length) {
                return rows;
            }
            if (tailRows == null || tailRows.length != n) {
                tailRows = new double[n][width];
            }
            return tailRows;
        }

        private double[][] targets(int n) {
            if (n == targets.length) {
                return targets;
            }
            if (tailTargets == null || tailTargets.length != n) {
                tailTargets = new double[n][CLASSES];
            }
            return tailTargets;
        }

        Batch batch(long first) {
            return new Batch(rows(size), targets(size), first);
        }
    }

    /** A prepared run of this experiment. */
    private static final class Run implements Prepared {
        private final Params s;
        private final long[] seeds;
        private final Params ruleParams;
        private final Dataset trainSet;
        private final Dataset testSet;
        private final Images train;
        private final Images test;
        private final Map<String, Map<Long, Double>> seconds = new LinkedHashMap<>();
        private final Map<String, Map<Long, Double>> accuracy = new LinkedHashMap<>();

        Run(Params s, long[] seeds, Params ruleParams, Dataset trainSet, Dataset testSet) {
            this.s = s;
            this.seeds = seeds;
            this.ruleParams = ruleParams;
            this.trainSet = trainSet;
            this.testSet = testSet;
            this.train = Images.of(trainSet);
            this.test = Images.of(testSet);
        }

        @Override
        public Map<String, Object> run(Path out) throws IOException {
            int drawn = s.integer("units_drawn");
            int[] selection = new int[drawn * PIXELS];
            for (int i = 0; i < selection.length; i++) {
                selection[i] = i;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            int threads = s.integer("threads") == 0 ? Math.min(2, cores) : s.integer("threads");
            try (Monitor monitor = new Monitor(new CsvSink(out.resolve("curves.csv"), false),
                    new CsvSink(out.resolve("weights.csv"), true), 1, Map.of("w", selection))) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    for (long seed : seeds) {
                        Future<Trained> local = pool.submit(() -> trainLocal(seed, monitor));
                        Future<Trained> backprop = pool.submit(() -> trainBackprop(seed, monitor));
                        for (Trained t : List.of(local.get(), backprop.get())) {
                            monitor.weights(t.learner(), seed, t.step(), t.weights());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            if (s.flag("baselines")) {
                facts.put("baselines", baselines(out));
            }
            MnistFigures.draw(out, train.size(), s.integer("hidden"), seeds[0]);
            facts.put("learners", Map.of(MnistFigures.LOCAL, "BIO then GRADIENT (readout)", MnistFigures.BACKPROP, "GRADIENT"));
            facts.put("architecture", "784-" + s.integer("hidden") + "-10");
            facts.put("train_images", train.size());
            facts.put("test_images", test.size());
            facts.put("threads", threads);
            facts.put("final_test_accuracy_by_seed", accuracy);
            facts.put("training_seconds_by_seed", seconds);
            return facts;
        }

        /**
         * Tribuo's linear classifiers trained on the run's training images (pixels as they are, in
         * [0, 1]) and scored on its test images by Tribuo's evaluator, seeded with the run's first
         * seed; written to baselines.csv, with each model's Tribuo provenance in baselines/.
         *
         * @return each model's test accuracy and training time, for the provenance
         */
        private Map<String, Object> baselines(Path out) throws IOException {
            return TribuoBaselines.runAndWrite("mnist", trainSet, testSet, TribuoBaselines.MODELS, s.integer("baselines.epochs"),
                    seeds[0], false, out);
        }

        /** What a learner ends with: its name, last step and weights (for the receptive fields). */
        private record Trained(String learner, long step, WeightView weights) {}

        private synchronized void finished(String learner, long seed, double wallSeconds, double testAccuracy) {
            seconds.computeIfAbsent(learner, k -> new LinkedHashMap<>()).put(seed, Math.round(wallSeconds * 10) / 10.0);
            accuracy.computeIfAbsent(learner, k -> new LinkedHashMap<>()).put(seed, testAccuracy);
        }

        private Trained trainLocal(long seed, Monitor monitor) {
            int hidden = s.integer("hidden");
            int batch = s.integer("batch");
            int n = train.size();
            CompetingLayer.Currents kernel = CompetingLayer.JAVA;
            if (s.string("local.kernel").equals("nd4j")) {
                FloatProduct product = new FloatProduct();
                kernel = product::multiply;
            }
            CompetingLayer.Step step = s.string("local.step").equals("plain") ? CompetingLayer.Step.PLAIN : CompetingLayer.Step.NORMALISED;
            CompetingLayer layer = new CompetingLayer(ruleParams, PIXELS, hidden, step, s.real("local.sigma"), Seeds.weightSeed(seed), kernel);
            Minibatch mb = new Minibatch(batch, PIXELS);
            int hiddenEpochs = s.integer("local.epochs");
            double eta = s.real("local.eta");
            long nanos = 0;
            long presented = 0;
            for (int e = 0; e < hiddenEpochs; e++) {
                long t0 = System.nanoTime();
                int[] order = epochOrder(seed, e, n);
                double rate = eta * (1 - (double) e / hiddenEpochs);
                for (int from = 0; from < n; from += batch) {
                    int size = Math.min(batch, n - from);
                    mb.fillFloats(train.pixels(), order, from, size);
                    layer.train(mb.floats, size, rate);
                }
                nanos += System.nanoTime() - t0;
                presented += n;
                monitor.metrics(MnistFigures.LOCAL, seed, presented, Map.of("epoch", (double) (e + 1),
                        "wall_seconds", nanos / 1e9, "units_on_sphere", onSphere(layer)));
            }
            long t0 = System.nanoTime();
            float[] trainFeatures = features(layer, train);
            nanos += System.nanoTime() - t0;
            float[] testFeatures = features(layer, test);
            Mlp readout = new Mlp("readout", new Mlp.Config(hidden, new int[0], CLASSES, "relu", "softmax-ce", "adam",
                    s.real("readout.lr"), s.real("readout.tau"), batch, 0, Seeds.weightSeed(seed) + 1));
            Minibatch rb = new Minibatch(batch, hidden);
            double acc = Double.NaN;
            for (int e = 0; e < s.integer("readout.epochs"); e++) {
                t0 = System.nanoTime();
                int[] order = epochOrder(seed, hiddenEpochs + e, n);
                for (int from = 0; from < n; from += batch) {
                    int size = Math.min(batch, n - from);
                    rb.fillRows(trainFeatures, train.labels(), order, from, size);
                    readout.learn(rb.batch(presented + from));
                }
                nanos += System.nanoTime() - t0;
                presented += n;
                acc = accuracy(readout, testFeatures, hidden, test.labels());
                monitor.metrics(MnistFigures.LOCAL, seed, presented, Map.of("epoch", (double) (hiddenEpochs + e + 1),
                        "wall_seconds", nanos / 1e9, "test_accuracy", acc));
            }
            finished(MnistFigures.LOCAL, seed, nanos / 1e9, acc);
            return new Trained(MnistFigures.LOCAL, presented, layer.weights());
        }

        private Trained trainBackprop(long seed, Monitor monitor) {
            int batch = s.integer("batch");
            int n = train.size();
            Mlp mlp = new Mlp(MnistFigures.BACKPROP, new Mlp.Config(PIXELS, new int[] {s.integer("hidden")}, CLASSES, "relu",
                    "softmax-ce", "adam", s.real("backprop.lr"), s.real("backprop.tau"), batch, 0, Seeds.weightSeed(seed) + 2));
            Minibatch mb = new Minibatch(batch, PIXELS);
            long nanos = 0;
            long presented = 0;
            double acc = Double.NaN;
            for (int e = 0; e < s.integer("backprop.epochs"); e++) {
                long t0 = System.nanoTime();
                int[] order = epochOrder(seed, e, n);
                for (int from = 0; from < n; from += batch) {
                    int size = Math.min(batch, n - from);
                    mb.fillRows(train.pixels(), train.labels(), order, from, size);
                    mlp.learn(mb.batch(presented + from));
                }
                nanos += System.nanoTime() - t0;
                presented += n;
                acc = accuracy(mlp, test.pixels(), PIXELS, test.labels());
                monitor.metrics(MnistFigures.BACKPROP, seed, presented, Map.of("epoch", (double) (e + 1),
                        "wall_seconds", nanos / 1e9, "test_accuracy", acc));
            }
            finished(MnistFigures.BACKPROP, seed, nanos / 1e9, acc);
            return new Trained(MnistFigures.BACKPROP, presented, mlp.weights());
        }


        /** The share of hidden units whose p-norm is within 1 % of 1. */
        private static double onSphere(CompetingLayer layer) {
            int on = 0;
            double[] norms = layer.pNorms();
            for (double v : norms) {
                if (Math.abs(v - 1) < 0.01) {
                    on++;
                }
            }
            return (double) on / norms.length;
        }

        /**
         * The readout's input for every image: h_μ = max(0, I_μ)^n divided by the image's largest
         * h (left at 0 when every current is negative), row-major images x units.
         */
        private float[] features(CompetingLayer layer, Images images) {
            int units = layer.units();
            double power = s.real("local.n");
            float[] out = new float[images.size() * units];
            float[] chunk = new float[CHUNK * PIXELS];
            float[] currents = new float[CHUNK * units];
            for (int from = 0; from < images.size(); from += CHUNK) {
                int size = Math.min(CHUNK, images.size() - from);
                System.arraycopy(images.pixels(), from * PIXELS, chunk, 0, size * PIXELS);
                layer.currents(chunk, size, currents);
                for (int r = 0; r < size; r++) {
                    int o = (from + r) * units;
                    double largest = 0;
                    for (int m = 0; m < units; m++) {
                        float c = currents[r * units + m];
                        double h = c > 0 ? Math.pow(c, power) : 0;
                        out[o + m] = (float) h;
                        largest = Math.max(largest, h);
                    }
                    if (largest > 0) {
                        float inv = (float) (1 / largest);
                        for (int m = 0; m < units; m++) {
                            out[o + m] *= inv;
                        }
                    }
                }
            }
            return out;
        }

        /** Fraction of images whose largest output is at their label, scored {@link #CHUNK} images at a time. */
        private static double accuracy(Mlp net, float[] inputs, int width, int[] labels) {
            int correct = 0;
            double[][] rows = new double[CHUNK][width];
            for (int from = 0; from < labels.length; from += CHUNK) {
                int size = Math.min(CHUNK, labels.length - from);
                double[][] x = size == CHUNK ? rows : new double[size][width];
                for (int r = 0; r < size; r++) {
                    for (int i = 0; i < width; i++) {
                        x[r][i] = inputs[(from + r) * width + i];
                    }
                }
                double[][] y = net.predict(x);
                for (int r = 0; r < size; r++) {
                    if (PredictionMetrics.argmax(y[r]) == labels[from + r]) {
                        correct++;
                    }
                }
            }
            return (double) correct / labels.length;
        }

        @Override
        public long workPerSeed() {
            return (long) train.size() * (s.integer("local.epochs") + s.integer("readout.epochs") + s.integer("backprop.epochs"));
        }

        @Override
        public Map<String, String> figures() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put(MnistFigures.CURVES, "Test accuracy against epochs and training time: local rule + readout vs backpropagation, "
                    + SeedStats.caption(seeds.length));
            f.put(MnistFigures.FIELDS, "Receptive fields of the first hidden units: local rule vs backpropagation");
            return f;
        }
    }
}
