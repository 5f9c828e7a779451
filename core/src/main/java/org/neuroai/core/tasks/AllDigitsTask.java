package org.neuroai.core.tasks;

import java.util.SplittableRandom;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.data.Dataset;

/**
 * All 1797 of the 8x8 handwritten digits (UCI, Alpaydin &amp; Kaynak 1998), grey levels divided by
 * 16 so that they lie in [0, 1], neither centred nor split: a task for learners whose loss is the
 * training loss itself (how a rule's change relates to its gradient). Targets are one-hot over the
 * 10 classes, and every batch carries the images' indices.
 *
 * <p>Epoch e of the stream of seed s visits every image once, in the order
 * {@link #epochOrder(long, int, int) epochOrder(s, e, 1797)}. The held-out split is the whole set
 * again: this task holds no image out.
 */
public final class AllDigitsTask implements Task {
    /** Classes of digits. */
    public static final int CLASSES = 10;
    private final Split all;
    private final int[] labels;

    /** @param data the digits data set, grey levels 0-16 */
    public AllDigitsTask(Dataset data) {
        int n = data.size();
        double[][] x = new double[n][];
        double[][] t = new double[n][CLASSES];
        labels = data.labels().clone();
        for (int i = 0; i < n; i++) {
            x[i] = data.inputs()[i].clone();
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] /= 16.0;
            }
            t[i][labels[i]] = 1;
        }
        all = new Split("all digits", x, t);
    }

    /**
     * The order of the images in one epoch ({@link EpochStream#epochOrder}), seeded by the run seed
     * and the epoch, so that every epoch of every seed has its own order and any epoch can be drawn
     * alone.
     *
     * @param seed the run seed
     * @param epoch the epoch, from 0
     * @param n images
     * @return a permutation of 0..n−1
     */
    public static int[] epochOrder(long seed, int epoch, int n) {
        return EpochStream.epochOrder(seed, epoch, n);
    }

    /** The class of every image, in the set's order. */
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public String name() {
        return "all-digits";
    }

    @Override
    public int inputDim() {
        return all.inputs()[0].length;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        int n = all.size();
        return EpochStream.over(all.inputs(), all.targets(), orderSeed, e -> epochOrder(orderSeed, e, n));
    }

    /** The 1797 images. */
    @Override
    public long epochSize() {
        return all.size();
    }

    /** Every image, in the set's order. */
    @Override
    public Split trainingSet() {
        return all;
    }

    /** Every image again: this task holds none out. */
    @Override
    public Split heldOut() {
        return all;
    }
}
