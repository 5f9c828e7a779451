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
     * The order of the images in one epoch: a Fisher-Yates shuffle seeded by the run seed and the
     * epoch, so that every epoch of every seed has its own order and any epoch can be drawn alone.
     *
     * @param seed the run seed
     * @param epoch the epoch, from 0
     * @param n images
     * @return a permutation of 0..n−1
     */
    public static int[] epochOrder(long seed, int epoch, int n) {
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
        return new SampleStream() {
            private long position;
            private int epoch = -1;
            private int[] order;

            @Override
            public Batch next(int count) {
                double[][] x = new double[count][];
                double[][] t = new double[count][];
                int[] ids = new int[count];
                for (int s = 0; s < count; s++) {
                    long p = position + s;
                    if (p / n != epoch) {
                        epoch = (int) (p / n);
                        order = epochOrder(orderSeed, epoch, n);
                    }
                    ids[s] = order[(int) (p % n)];
                    x[s] = all.inputs()[ids[s]].clone();
                    t[s] = all.targets()[ids[s]].clone();
                }
                Batch b = new Batch(x, t, position, ids, null);
                position += count;
                return b;
            }

            @Override
            public long position() {
                return position;
            }
        };
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
