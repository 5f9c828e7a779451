package org.neuroai.core.tasks;

import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;

/**
 * A stream over a fixed set of samples in epochs, each epoch a permutation of the set; the
 * subclass turns sample i into an input and a target (and may draw noise from {@link #rng}, so
 * that every presentation of a sample is a fresh noisy copy).
 *
 * <p>By default each epoch's permutation is drawn from {@link #rng} when the epoch begins, after
 * whatever noise the previous epoch drew; a task may give its own order of each epoch instead.
 * A stream over samples that are the same at every presentation says which they are: every batch
 * it hands out carries {@link Batch#ids()}, each sample's index in the set.
 */
public abstract class EpochStream implements SampleStream {
    /** The stream's random source: permutations, and whatever noise the subclass adds. */
    protected final SplittableRandom rng;
    private final IntFunction<int[]> orders;
    private final boolean ids;
    private int[] order;
    private int epoch;
    private int cursor;
    private long position;

    /**
     * A stream whose permutations are drawn from its random source, without ids (for a subclass
     * that adds fresh noise to every presentation).
     *
     * @param size number of samples in an epoch
     * @param seed seed of the order (and of the subclass's noise)
     */
    protected EpochStream(int size, long seed) {
        this(size, seed, null, false);
    }

    /**
     * @param size number of samples in an epoch
     * @param seed seed of the random source (and of the order, when {@code orders} is null)
     * @param orders the permutation of each epoch (from 0), or null to draw them from the random source
     * @param ids whether batches say which samples they hold: true when sample i is the same at every
     *     presentation
     */
    EpochStream(int size, long seed, IntFunction<int[]> orders, boolean ids) {
        this.rng = new SplittableRandom(seed);
        this.orders = orders != null ? orders : e -> DigitsTask.permutation(size, rng);
        this.ids = ids;
        this.order = this.orders.apply(0);
    }

    /**
     * A stream over fixed samples with their targets, each handed out as a fresh copy, every epoch in
     * a permutation drawn from the seed, with ids.
     *
     * @param inputs the samples
     * @param targets their targets, row by row
     * @param seed seed of the order
     * @return the stream
     */
    static EpochStream over(double[][] inputs, double[][] targets, long seed) {
        return over(inputs, targets, seed, null);
    }

    /**
     * A stream over fixed samples with their targets, in the given order of each epoch.
     *
     * @param inputs the samples
     * @param targets their targets, row by row
     * @param seed seed of the random source (and of the order, when {@code orders} is null)
     * @param orders the permutation of each epoch, or null to draw them from the random source
     * @return the stream
     */
    static EpochStream over(double[][] inputs, double[][] targets, long seed, IntFunction<int[]> orders) {
        return new EpochStream(inputs.length, seed, orders, true) {
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

    /**
     * The order of a fixed set in one epoch, drawn from the seed and the epoch alone: a
     * Fisher-Yates shuffle driven by a {@link SplittableRandom} seeded with
     * seed · 0x9E3779B97F4A7C15 + epoch. Every learner that asks for epoch e of a seed gets the same
     * samples in the same order, and any epoch can be drawn without the ones before it.
     *
     * @param seed the run's seed
     * @param epoch the epoch, from 0
     * @param n samples in the set
     * @return a permutation of 0..n−1
     */
    public static int[] epochOrder(long seed, int epoch, int n) {
        return DigitsTask.permutation(n, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch));
    }

    /** The input of sample i: a new array, the caller's to keep. */
    protected abstract double[] input(int i);

    /** The target of sample i: a new array, the caller's to keep. */
    protected abstract double[] target(int i);

    @Override
    public Batch next(int n) {
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        int[] which = ids ? new int[n] : null;
        for (int s = 0; s < n; s++) {
            if (cursor == order.length) {
                order = orders.apply(++epoch);
                cursor = 0;
            }
            int i = order[cursor++];
            x[s] = input(i);
            y[s] = target(i);
            if (which != null) {
                which[s] = i;
            }
        }
        Batch b = new Batch(x, y, position, which, null);
        position += n;
        return b;
    }

    @Override
    public long position() {
        return position;
    }
}
