package org.neuroai.core.reward;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;

/**
 * An environment as a task: its stream hands out episodes, one sample per episode, so that every
 * learner of a run meets the same episodes through the one training loop. A sample is the
 * episode's key {number, seed's upper 32 bits, seed's lower 32 bits} (exact in doubles), and an
 * {@link AgentLearner} plays the episode it names on its own copy of the environment
 * ({@link #environment()}). The seed of the run draws the episodes' seeds, in order.
 */
public final class EnvironmentTask implements Task {
    /** The seed of the held-out episodes' keys: the same for every run, apart from every run's stream. */
    private static final long HELD_OUT_SEED = 0x6865_6c64_6f75_74L;
    private static final int HELD_OUT = 20;

    private final String name;
    private final Supplier<Environment> make;
    private final long length;
    private final Environment probe;

    /**
     * @param name the task's registered name
     * @param make makes a fresh environment
     * @param length the most episodes a run can have (a bandit's trials), or {@link Long#MAX_VALUE}
     */
    public EnvironmentTask(String name, Supplier<Environment> make, long length) {
        this.name = name;
        this.make = make;
        this.length = length;
        this.probe = make.get();
    }

    /** A fresh copy of the environment, for one agent. */
    public Environment environment() {
        return make.get();
    }

    /** Length of an observation. */
    public int observationDim() {
        return probe.observationDim();
    }

    /** Number of actions. */
    public int actions() {
        return probe.actions();
    }

    @Override
    public String name() {
        return name;
    }

    /** The episode key's length: number, and the seed in two halves. */
    @Override
    public int inputDim() {
        return 3;
    }

    @Override
    public long length() {
        return length;
    }

    /**
     * The key of an episode.
     *
     * @param episode its number
     * @param seed its seed
     * @return {number, upper 32 bits of the seed, lower 32 bits}
     */
    public static double[] key(long episode, long seed) {
        return new double[] {episode, (double) (seed >>> 32), (double) (seed & 0xffff_ffffL)};
    }

    /** The episode number of a key. */
    public static long episodeOf(double[] key) {
        return (long) key[0];
    }

    /** The seed of a key. */
    public static long seedOf(double[] key) {
        return ((long) key[1] << 32) | (long) key[2];
    }

    @Override
    public SampleStream stream(long orderSeed) {
        SplittableRandom r = new SplittableRandom(orderSeed);
        return new SampleStream() {
            private long position;

            @Override
            public Batch next(int n) {
                double[][] keys = new double[n][];
                for (int i = 0; i < n; i++) {
                    keys[i] = key(position + i, r.nextLong());
                }
                Batch b = new Batch(keys, null, position);
                position += n;
                return b;
            }

            @Override
            public long position() {
                return position;
            }
        };
    }

    /** Twenty episodes whose seeds no run's stream draws (a fixed seed of their own), for evaluation. */
    @Override
    public Split heldOut() {
        SplittableRandom r = new SplittableRandom(HELD_OUT_SEED);
        double[][] keys = new double[HELD_OUT][];
        for (int i = 0; i < HELD_OUT; i++) {
            keys[i] = key(i, r.nextLong());
        }
        return new Split("held-out episodes", keys, null);
    }
}
