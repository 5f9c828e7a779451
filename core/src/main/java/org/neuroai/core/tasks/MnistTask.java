package org.neuroai.core.tasks;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.data.Idx;

/**
 * MNIST's handwritten digits (LeCun, Bottou, Bengio &amp; Haffner 1998), the vendored files: the
 * first {@code train_size} of the 60000 training images, and as held-out samples the first
 * {@code test_size} of the 10000 test images. Pixels are scaled to [0, 1]; with {@code centre}
 * the training mean is subtracted from every image, training and test alike, as the digits task
 * does, so that Hebbian rules that find principal components (Oja, Sanger) see zero-mean inputs.
 * Targets are one-hot rows of the ten classes.
 *
 * <p>The stream visits the training images in epochs: epoch e of seed s presents them in the
 * order {@link #epochOrder(long, int, int)}, drawn from s and e alone, so every learner that reaches
 * epoch e sees the same images in the same order, whenever it gets there. Every batch carries the
 * images' indices in the training set ({@link org.neuroai.core.Batch#ids()}).
 *
 * <p>Nothing is read until it is needed: the held-out images when {@link #heldOut()} is first
 * asked for (with {@code centre}, the training images too, for their mean), the training images
 * when a stream or the training set is. The training images are kept as bytes, one per pixel, and
 * each row is made when it is handed out; {@link #trainingSet()} makes them all once, as doubles.
 *
 * <p>The task does not offer its principal subspace ({@link org.neuroai.core.PrincipalSubspace}):
 * the eigenvectors of the 784 x 784 covariance take the toolkit's Jacobi solver about 16 s (measured
 * on 2000 images on a 2-core AMD EPYC), and for 100 units the subspace is barely defined: the 100th
 * and 101st variances differ by about 2 % (all 60000 images), so the largest principal angle to it
 * would stay near 90° long after a learner's reconstruction error has levelled off. The
 * reconstruction error is the measure to use.
 */
public final class MnistTask implements Task {
    /** Images in MNIST's training file. */
    public static final int TRAIN_IMAGES = 60000;
    /** Images in MNIST's test file. */
    public static final int TEST_IMAGES = 10000;
    /** Pixels per image, 28 x 28. */
    public static final int PIXELS = 784;
    /** Classes. */
    public static final int CLASSES = 10;

    private final int trainSize;
    private final int testSize;
    private final boolean centre;
    private Idx.Images train;
    private double[] mean;
    private Split heldOut;
    private Split trainingSet;

    /** Registers the task under the name "mnist". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "mnist";
        }

        @Override
        public String description() {
            return "MNIST handwritten digits (60000 training, 10000 test images, 28x28), pixels in [0,1], optionally centred";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.integer("train_size", TRAIN_IMAGES, 100, TRAIN_IMAGES, "training images: the first of MNIST's 60000"),
                    ParamSpec.integer("test_size", TEST_IMAGES, 100, TEST_IMAGES, "held-out images: the first of MNIST's 10000 test images"),
                    ParamSpec.flag("centre", false, "subtract the training images' mean pixel by pixel, from training and test "
                            + "images alike (for rules that find principal components)"));
        }

        @Override
        public Task create(Params p) {
            return new MnistTask(p.integer("train_size"), p.integer("test_size"), p.flag("centre"));
        }
    }

    /**
     * @param trainSize training images, the first of the 60000
     * @param testSize held-out images, the first of the 10000 test images
     * @param centre whether the training mean is subtracted from every image
     */
    public MnistTask(int trainSize, int testSize, boolean centre) {
        if (trainSize < 1 || trainSize > TRAIN_IMAGES || testSize < 1 || testSize > TEST_IMAGES) {
            throw new IllegalArgumentException("MNIST has " + TRAIN_IMAGES + " training and " + TEST_IMAGES + " test images, not "
                    + trainSize + " and " + testSize);
        }
        this.trainSize = trainSize;
        this.testSize = testSize;
        this.centre = centre;
    }

    /**
     * The order of the training images in one epoch ({@link EpochStream#epochOrder}), drawn from the
     * seed and the epoch alone, so every learner that asks for epoch e of a seed gets the same images
     * in the same order.
     *
     * @param seed the run's seed
     * @param epoch the epoch, from 0
     * @param n training images
     * @return a permutation of 0..n−1
     */
    public static int[] epochOrder(long seed, int epoch, int n) {
        return EpochStream.epochOrder(seed, epoch, n);
    }

    @Override
    public String name() {
        return "mnist";
    }

    @Override
    public int inputDim() {
        return PIXELS;
    }

    /** Whether the training mean is subtracted. */
    public boolean centred() {
        return centre;
    }

    @Override
    public long epochSize() {
        return trainSize;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        Idx.Images images = train();
        double[] mu = mean();
        return new EpochStream(trainSize, orderSeed, e -> epochOrder(orderSeed, e, trainSize), true) {
            @Override
            protected double[] input(int i) {
                return row(images, i, mu);
            }

            @Override
            protected double[] target(int i) {
                return oneHot(images.labels()[i]);
            }
        };
    }

    /** The first {@code test_size} test images, centred on the training mean when the task centres. */
    @Override
    public synchronized Split heldOut() {
        if (heldOut == null) {
            heldOut = split("heldout", Datasets.mnistTestImages(testSize), mean());
        }
        return heldOut;
    }

    /** The training images, as the stream hands them out; made once, on first use. */
    @Override
    public synchronized Split trainingSet() {
        if (trainingSet == null) {
            trainingSet = split("train", train(), mean());
        }
        return trainingSet;
    }

    private synchronized Idx.Images train() {
        if (train == null) {
            train = Datasets.mnistTrainImages(trainSize);
        }
        return train;
    }

    /** The training mean, or zeros when the task does not centre. */
    private synchronized double[] mean() {
        if (mean == null) {
            mean = new double[PIXELS];
            if (centre) {
                // read the training images for their mean only: a task that is checked but never trained
                // (a spec being read) keeps 784 numbers, not the images
                Idx.Images images = train != null ? train : Datasets.mnistTrainImages(trainSize);
                for (int i = 0; i < images.size(); i++) {
                    for (int p = 0; p < PIXELS; p++) {
                        mean[p] += images.value(i, p);
                    }
                }
                for (int p = 0; p < PIXELS; p++) {
                    mean[p] /= images.size();
                }
            }
        }
        return mean;
    }

    private static double[] row(Idx.Images images, int i, double[] mu) {
        double[] x = new double[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            x[p] = images.value(i, p) - mu[p];
        }
        return x;
    }

    private static double[] oneHot(int label) {
        double[] t = new double[CLASSES];
        t[label] = 1;
        return t;
    }

    private static Split split(String name, Idx.Images images, double[] mu) {
        double[][] x = new double[images.size()][];
        double[][] t = new double[images.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = row(images, i, mu);
            t[i] = oneHot(images.labels()[i]);
        }
        return new Split(name, x, t);
    }
}
