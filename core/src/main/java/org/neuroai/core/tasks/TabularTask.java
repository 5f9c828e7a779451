package org.neuroai.core.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;

/**
 * A classification task on a small table of numeric features (Iris, wine, breast cancer): a fixed
 * seeded split holds out a fraction of the rows; every feature is standardised by the training
 * rows' mean and standard deviation (z-scores), and the targets are one-hot class vectors. The
 * training stream visits the training rows in epochs, each in a fresh order drawn from the run's
 * order seed.
 */
public final class TabularTask implements Task {
    private final String name;
    private final double[][] train;
    private final double[][] trainTargets;
    private final Split heldOut;

    /**
     * @param name the task's registered name
     * @param data the data set
     * @param heldOutFraction fraction of rows held out
     * @param splitSeed seed of the split
     */
    public TabularTask(String name, Dataset data, double heldOutFraction, long splitSeed) {
        this.name = name;
        int n = data.size();
        int[] perm = DigitsTask.permutation(n, new SplittableRandom(splitSeed));
        int nTrain = n - (int) Math.round(n * heldOutFraction);
        int d = data.features();
        double[] mu = new double[d];
        double[] sd = new double[d];
        for (int i = 0; i < nTrain; i++) {
            for (int j = 0; j < d; j++) {
                mu[j] += data.inputs()[perm[i]][j] / nTrain;
            }
        }
        for (int i = 0; i < nTrain; i++) {
            for (int j = 0; j < d; j++) {
                double e = data.inputs()[perm[i]][j] - mu[j];
                sd[j] += e * e / nTrain;
            }
        }
        double[][] x = new double[n][d];
        double[][] t = new double[n][data.classNames().size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double s = Math.sqrt(sd[j]);
                x[i][j] = s > 0 ? (data.inputs()[perm[i]][j] - mu[j]) / s : 0;
            }
            t[i][data.labels()[perm[i]]] = 1;
        }
        this.train = Arrays.copyOfRange(x, 0, nTrain);
        this.trainTargets = Arrays.copyOfRange(t, 0, nTrain);
        this.heldOut = new Split("heldout", Arrays.copyOfRange(x, nTrain, n), Arrays.copyOfRange(t, nTrain, n));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputDim() {
        return train[0].length;
    }

    @Override
    public long epochSize() {
        return train.length;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        return EpochStream.over(train, trainTargets, orderSeed);
    }

    @Override
    public Split heldOut() {
        return heldOut;
    }

    @Override
    public Split trainingSet() {
        return new Split("train", train, trainTargets);
    }

    /** The parameters every tabular task accepts. */
    static List<ParamSpec> parameters(double heldOut) {
        return List.of(
                ParamSpec.real("heldout_fraction", heldOut, 0.05, 0.5, "1", "fraction of rows held out"),
                ParamSpec.integer("split_seed", 2024, 0, Integer.MAX_VALUE, "seed of the train/held-out split"));
    }

    /** A factory for one data set. */
    private abstract static class Base implements TaskFactory {
        private final String name;
        private final String description;
        private final Supplier<Dataset> data;

        Base(String name, String description, Supplier<Dataset> data) {
            this.name = name;
            this.description = description;
            this.data = data;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<ParamSpec> parameters() {
            return TabularTask.parameters(0.3);
        }

        @Override
        public Task create(Params p) {
            return new TabularTask(name, data.get(), p.real("heldout_fraction"), p.integer("split_seed"));
        }
    }

    /** Registers Fisher's Iris as "iris". */
    public static final class Iris extends Base {
        /** The factory. */
        public Iris() {
            super("iris", "Fisher's Iris (150 flowers, 4 measurements, 3 species), standardised", Datasets::iris);
        }
    }

    /** Registers the wine cultivars as "wine". */
    public static final class Wine extends Base {
        /** The factory. */
        public Wine() {
            super("wine", "wine cultivars (178 wines, 13 chemical measurements, 3 cultivars), standardised", Datasets::wine);
        }
    }

    /** Registers the Wisconsin diagnostic breast cancer data as "breast-cancer". */
    public static final class BreastCancer extends Base {
        /** The factory. */
        public BreastCancer() {
            super("breast-cancer", "Wisconsin diagnostic breast cancer (569 tumours, 30 features, 2 classes), standardised",
                    Datasets::breastCancer);
        }
    }
}
