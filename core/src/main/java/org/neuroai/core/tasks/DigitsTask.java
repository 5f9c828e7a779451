package org.neuroai.core.tasks;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.PrincipalSubspace;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.linalg.Linalg;

/**
 * The 8x8 handwritten digits (UCI, Alpaydin &amp; Kaynak 1998), grey levels scaled to [0, 1] and
 * centred on the training mean.
 *
 * <p>A fixed split (seeded by {@code split_seed}) holds out a fraction of the 1797 images. The
 * training stream visits the training images in epochs, each in a fresh order drawn from the
 * run's order seed. The "true" principal subspace is that of the training images' covariance.
 */
public final class DigitsTask implements Task, PrincipalSubspace {
    private final double[][] train;
    private final double[][] trainTargets;
    private final Split heldOut;
    private final Linalg.Eigen eigen;

    /** Registers the task under the name "digits". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "digits";
        }

        @Override
        public String description() {
            return "8x8 handwritten digits (1797 images, UCI), scaled to [0,1] and centred";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.real("heldout_fraction", 0.2, 0.05, 0.5, "1", "fraction of images held out"),
                    ParamSpec.integer("split_seed", 2024, 0, Integer.MAX_VALUE, "seed of the train/held-out split"));
        }

        @Override
        public Task create(Params p) {
            return new DigitsTask(Datasets.digits(), p.real("heldout_fraction"), p.integer("split_seed"));
        }
    }

    /**
     * @param data the digits data set
     * @param heldOutFraction fraction held out
     * @param splitSeed seed of the split
     */
    public DigitsTask(Dataset data, double heldOutFraction, long splitSeed) {
        int n = data.size();
        int[] perm = permutation(n, new SplittableRandom(splitSeed));
        int nHeld = (int) Math.round(n * heldOutFraction);
        int nTrain = n - nHeld;
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = data.inputs()[perm[i]].clone();
            for (int j = 0; j < raw[i].length; j++) {
                raw[i][j] /= 16.0;
            }
        }
        double[][] tr = java.util.Arrays.copyOfRange(raw, 0, nTrain);
        double[] mu = Linalg.mean(tr);
        for (double[] row : raw) {
            for (int j = 0; j < row.length; j++) {
                row[j] -= mu[j];
            }
        }
        this.train = tr;
        this.trainTargets = new double[nTrain][];
        double[][] heldTargets = new double[nHeld][];
        for (int i = 0; i < n; i++) {
            double[] oneHot = new double[data.classNames().size()];
            oneHot[data.labels()[perm[i]]] = 1;
            if (i < nTrain) {
                trainTargets[i] = oneHot;
            } else {
                heldTargets[i - nTrain] = oneHot;
            }
        }
        this.heldOut = new Split("heldout", java.util.Arrays.copyOfRange(raw, nTrain, n), heldTargets);
        this.eigen = Linalg.symmetricEigen(Linalg.covariance(train, new double[train[0].length]));
    }

    static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public String name() {
        return "digits";
    }

    @Override
    public int inputDim() {
        return train[0].length;
    }

    /** Number of training images. */
    public int trainSize() {
        return train.length;
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

    @Override
    public double[][] principalAxes(int m) {
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            out[i] = eigen.rows()[i].clone();
        }
        return out;
    }

    @Override
    public double[] eigenvalues() {
        return eigen.values().clone();
    }
}
