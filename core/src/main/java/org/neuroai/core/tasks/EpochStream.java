package org.neuroai.core.tasks;

import java.util.SplittableRandom;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;

/**
 * A stream over a fixed set of samples in epochs, each epoch a fresh seeded permutation; the
 * subclass turns sample i into an input and a target (and may draw noise from {@link #rng}, so
 * that every presentation of a sample is a fresh noisy copy).
 */
public abstract class EpochStream implements SampleStream {
    /** The stream's random source: permutations, and whatever noise the subclass adds. */
    protected final SplittableRandom rng;
    private final int size;
    private int[] order;
    private int cursor;
    private long position;

    /**
     * @param size number of samples in an epoch
     * @param seed seed of the order (and of the subclass's noise)
     */
    protected EpochStream(int size, long seed) {
        this.size = size;
        this.rng = new SplittableRandom(seed);
        this.order = DigitsTask.permutation(size, rng);
    }

    /**
     * A stream over fixed samples with their targets, each handed out as a fresh copy.
     *
     * @param inputs the samples
     * @param targets their targets, row by row
     * @param seed seed of the order
     * @return the stream
     */
    static EpochStream over(double[][] inputs, double[][] targets, long seed) {
        return new EpochStream(inputs.length, seed) {
            @Override
            protected double[] input(int i) {
                return inputs[i].clone();
            }

            @Override
            protected double[] target(int i) {
                return targets[i].clone();
            }
        };
    }

    /** The input of sample i: a new array, the caller's to keep. */
    protected abstract double[] input(int i);

    /** The target of sample i: a new array, the caller's to keep. */
    protected abstract double[] target(int i);

    @Override
    public Batch next(int n) {
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int s = 0; s < n; s++) {
            if (cursor == order.length) {
                order = DigitsTask.permutation(size, rng);
                cursor = 0;
            }
            int i = order[cursor++];
            x[s] = input(i);
            y[s] = target(i);
        }
        Batch b = new Batch(x, y, position);
        position += n;
        return b;
    }

    @Override
    public long position() {
        return position;
    }
}
