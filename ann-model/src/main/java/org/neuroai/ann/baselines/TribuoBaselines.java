package org.neuroai.ann.baselines;

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Reference classifiers from Tribuo: multinomial logistic regression and a linear SVM (hinge
 * loss), both linear models trained by stochastic gradient descent with AdaGrad, evaluated with
 * Tribuo's evaluator, with Tribuo's provenance kept as JSON. They give the accuracy a linear
 * model reaches on a task, a line for the learners to be measured against.
 *
 * <p>Features are standardised with the training split's mean and standard deviation, except
 * where they already share one scale (MNIST's pixels in [0, 1], where standardising would blow up
 * the near-constant border pixels); the split is a seeded shuffle.
 */
public final class TribuoBaselines {
    /** Tribuo reports training progress at INFO through java.util.logging; kept to warnings here. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Names of the baselines. */
    public static final List<String> MODELS = List.of("logistic-regression", "linear-svm");

    private TribuoBaselines() {}

    /**
     * One trained baseline.
     *
     * @param dataset data set name
     * @param model baseline name
     * @param accuracy test accuracy (Tribuo's LabelEvaluation)
     * @param macroF1 macro-averaged F1 on the test split
     * @param train training examples
     * @param test test examples
     * @param provenanceJson Tribuo's provenance of the model, as JSON
     */
    public record Result(String dataset, String model, double accuracy, double macroF1, int train, int test,
                         String provenanceJson) {}

    /**
     * Trains and evaluates both baselines on a held-out split.
     *
     * @param name data set name (for provenance)
     * @param data the data
     * @param testFraction fraction held out, in (0, 1)
     * @param epochs passes over the training split
     * @param seed seed of the split and of the trainers
     * @return one result per baseline
     */
    public static List<Result> run(String name, Dataset data, double testFraction, int epochs, long seed) {
        int n = data.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int nTest = (int) Math.round(n * testFraction);
        return run(name, data, subset(perm, nTest, n), subset(perm, 0, nTest), epochs, seed);
    }

    /**
     * Trains on one data set and evaluates on another (for example MNIST's own test set).
     *
     * @param name data set name
     * @param train training data
     * @param test test data
     * @param epochs passes over the training data
     * @param seed seed of the trainers
     * @param standardise whether to standardise the features (false when they share one scale already)
     * @return one result per baseline
     */
    public static List<Result> run(String name, Dataset train, Dataset test, int epochs, long seed, boolean standardise) {
        return run(name, train, test, MODELS, epochs, seed, standardise);
    }

    /**
     * Trains some of the baselines on one data set and evaluates them on another.
     *
     * @param name data set name
     * @param train training data
     * @param test test data
     * @param models which baselines, a non-empty subset of {@link #MODELS}, in the order of the results
     * @param epochs passes over the training data
     * @param seed seed of the trainers
     * @param standardise whether to standardise the features (false when they share one scale already)
     * @return one result per model
     * @throws IllegalArgumentException for a model not in {@link #MODELS}
     */
    public static List<Result> run(String name, Dataset train, Dataset test, List<String> models, int epochs, long seed,
                                   boolean standardise) {
        return run(name, train, all(train.size()), test, all(test.size()), models, epochs, seed, standardise);
    }

    /**
     * Trains some of the baselines on one data set, evaluates them on another, and writes
     * {@value #FILE} into {@code dir} and each model's provenance into its {@value #PROVENANCE_DIR}
     * folder (see {@link #write}). What an experiment does to put reference lines beside its learners.
     *
     * @param name data set name
     * @param train training data
     * @param test test data
     * @param models which baselines, a subset of {@link #MODELS}
     * @param epochs passes over the training data
     * @param seed seed of the trainers
     * @param standardise whether to standardise the features
     * @param dir the run folder
     * @return for a run's provenance: each model's test accuracy ({@code MODEL_test_accuracy}), the
     *     numbers of training and test examples, the passes, the seed and the wall time in seconds
     * @throws java.io.IOException when a file cannot be written
     */
    public static java.util.Map<String, Object> runAndWrite(String name, Dataset train, Dataset test, List<String> models,
                                                             int epochs, long seed, boolean standardise,
                                                             java.nio.file.Path dir) throws java.io.IOException {
        long t0 = System.nanoTime();
        List<Result> results = run(name, train, test, models, epochs, seed, standardise);
        double wall = (System.nanoTime() - t0) / 1e9;
        write(results, dir, dir.resolve(PROVENANCE_DIR));
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        for (Result r : results) {
            facts.put(r.model() + "_test_accuracy", r.accuracy());
        }
        facts.put("train", train.size());
        facts.put("test", test.size());
        facts.put("epochs", epochs);
        facts.put("seed", seed);
        facts.put("seconds", Math.round(wall * 100) / 100.0);
        return facts;
    }

    private static List<Result> run(String name, Dataset data, int[] trainIdx, int[] testIdx, int epochs, long seed) {
        return run(name, data, trainIdx, data, testIdx, MODELS, epochs, seed, true);
    }

    private static List<Result> run(String name, Dataset trainData, int[] trainIdx, Dataset testData, int[] testIdx,
                                    List<String> models, int epochs, long seed, boolean standardise) {
        if (models.isEmpty() || !MODELS.containsAll(models)) {
            throw new IllegalArgumentException("baselines " + models + ": valid are " + MODELS);
        }
        if (trainIdx.length == 0 || testIdx.length == 0) {
            throw new UserError(name + ": the split leaves no training or no test examples; choose a test fraction in (0, 1).");
        }
        int d = trainData.features();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int i : trainIdx) {
            for (int j = 0; j < d; j++) {
                mean[j] += trainData.inputs()[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= trainIdx.length;
        }
        for (int i : trainIdx) {
            for (int j = 0; j < d; j++) {
                double e = trainData.inputs()[i][j] - mean[j];
                sd[j] += e * e;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / trainIdx.length);
            if (sd[j] == 0 || !standardise) {
                sd[j] = 1;
            }
            if (!standardise) {
                mean[j] = 0;
            }
        }
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = String.format("f%04d", j);
        }
        LabelFactory lf = new LabelFactory();
        MutableDataset<Label> train = dataset(name + "-train", trainData, trainIdx, names, mean, sd, lf);
        MutableDataset<Label> test = dataset(name + "-test", testData, testIdx, names, mean, sd, lf);
        // the models are independent and seeded, so they train at once (each on its own core when there are two)
        return models.parallelStream().map(model -> {
            LabelObjective objective = model.equals("logistic-regression") ? new LogMulticlass() : new Hinge();
            Trainer<Label> trainer = new LinearSGDTrainer(objective, new AdaGrad(1.0, 0.1), epochs, 1000, 1, seed);
            Model<Label> m = trainer.train(train);
            LabelEvaluation eval = new LabelEvaluator().evaluate(m, test);
            String prov = new JsonProvenanceSerialization(true).serializeToString(ProvenanceUtil.marshalProvenance(m.getProvenance()));
            return new Result(name, model, eval.accuracy(), eval.macroAveragedF1(), trainIdx.length, testIdx.length, prov);
        }).toList();
    }

    /** The file of the results in a run folder. */
    public static final String FILE = "baselines.csv";
    /** The folder, beside {@value #FILE}, of each model's Tribuo provenance. */
    public static final String PROVENANCE_DIR = "baselines";

    /** The header of {@code baselines.csv}. */
    public static final String CSV_HEADER = "dataset,model,accuracy,macro_f1,train,test";

    /**
     * Writes {@code baselines.csv} (one row per result, {@link #CSV_HEADER}, numbers as Java writes
     * doubles, so they read back exactly) into {@code dir}, and each model's Tribuo provenance as
     * {@code <dataset>_<model>_provenance.json} into {@code provenanceDir}. The CSV file is written
     * under a temporary name and then renamed, so it is never seen half-written.
     *
     * @param results the results
     * @param dir the folder of baselines.csv
     * @param provenanceDir the folder of the provenance files (created when missing)
     * @return the path of baselines.csv
     * @throws java.io.IOException when a file cannot be written
     */
    public static java.nio.file.Path write(List<Result> results, java.nio.file.Path dir, java.nio.file.Path provenanceDir)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.createDirectories(provenanceDir);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Result r : results) {
            csv.append(r.dataset()).append(',').append(r.model()).append(',').append(r.accuracy()).append(',')
                    .append(r.macroF1()).append(',').append(r.train()).append(',').append(r.test()).append('\n');
            java.nio.file.Files.writeString(provenanceDir.resolve(r.dataset() + "_" + r.model() + "_provenance.json"),
                    r.provenanceJson());
        }
        java.nio.file.Path file = dir.resolve(FILE);
        java.nio.file.Path tmp = dir.resolve(FILE + ".tmp");
        java.nio.file.Files.writeString(tmp, csv);
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static MutableDataset<Label> dataset(String source, Dataset data, int[] idx, String[] names, double[] mean,
                                                 double[] sd, LabelFactory lf) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(source, lf), lf);
        String[] present = new String[names.length];
        double[] v = new double[names.length];
        for (int i : idx) {
            double[] x = data.inputs()[i];
            // Tribuo's examples are sparse: a feature left out is 0, so only the others are stored
            // (MNIST's blank pixels are most of every image, and the linear SGD then skips them)
            int n = 0;
            for (int j = 0; j < names.length; j++) {
                double value = (x[j] - mean[j]) / sd[j];
                if (value != 0) {
                    present[n] = names[j];
                    v[n++] = value;
                }
            }
            if (n == 0) {
                // Tribuo refuses an example without features (such as XOR's corner (0, 0)); an explicit
                // zero changes nothing for a linear model
                present[0] = names[0];
                v[0] = 0;
                n = 1;
            }
            ds.add(new ArrayExample<>(new Label(data.classNames().get(data.labels()[i])), java.util.Arrays.copyOf(present, n),
                    java.util.Arrays.copyOf(v, n)));
        }
        return ds;
    }

    private static int[] subset(int[] perm, int from, int to) {
        return java.util.Arrays.copyOfRange(perm, from, to);
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
