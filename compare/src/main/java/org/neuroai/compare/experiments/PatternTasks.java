package org.neuroai.compare.experiments;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuroai.bio.network.HopfieldNetwork;
import org.neuroai.compare.files.RecallTable;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.tasks.EpochStream;

/**
 * The tasks of an associative memory. A {@link Patterns} set holds ±1 patterns (random ones drawn
 * afresh for each seed, or fixed images); a task learns its first P patterns in one of two ways:
 * {@link Storage}, every pattern presented once, in order (how a Hopfield network stores them),
 * or {@link Denoising}, the patterns in shuffled epochs, every presentation a freshly corrupted
 * copy with the clean pattern as 0/1 target (how a denoising autoencoder is trained). Neither has
 * held-out samples: recall is scored on corrupted cues of the stored patterns after training.
 */
public final class PatternTasks {
    private PatternTasks() {}

    /**
     * A set of ±1 patterns.
     *
     * @param name its name in recall.csv and metric names ("random", "digits")
     * @param title how figures name it ("Random ±1 patterns")
     * @param units units per pattern, N
     * @param fixed the patterns, the same for every seed; null for random patterns drawn per seed
     */
    public record Patterns(String name, String title, int units, double[][] fixed) {
        /**
         * Random patterns of {@code units} units, each unit +1 or −1 with probability 1/2, drawn
         * afresh for each seed: storing P patterns means storing the seed's first P.
         *
         * @param name the set's name
         * @param title how figures name it
         * @param units units per pattern
         * @return the set
         */
        public static Patterns random(String name, String title, int units) {
            return new Patterns(name, title, units, null);
        }

        /**
         * Fixed patterns, the same for every seed.
         *
         * @param name the set's name
         * @param title how figures name it
         * @param patterns ±1 rows, all as long
         * @return the set
         */
        public static Patterns of(String name, String title, double[][] patterns) {
            return new Patterns(name, title, patterns[0].length, patterns);
        }

        /** Whether the patterns are random, so that the capacity of random patterns applies to them. */
        public boolean random() {
            return fixed == null;
        }

        /**
         * The first patterns of a seed. Random patterns come row by row from a stream of their own,
         * derived from the seed alone, so the first P are the same however many are drawn.
         *
         * @param count how many
         * @param seed the run's seed
         * @return {@code count} rows of {@link #units()} values, ±1; the caller must not change them
         */
        public double[][] first(int count, long seed) {
            if (fixed != null) {
                if (count > fixed.length) {
                    throw new IllegalArgumentException("the set '" + name + "' has " + fixed.length + " patterns, not " + count);
                }
                return Arrays.copyOf(fixed, count);
            }
            SplittableRandom root = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL);
            return HopfieldNetwork.randomPatterns(count, units, root.split());
        }

        /** What the provenance keeps of the set, under {@link RecallTable#PATTERN_SETS}. */
        public Map<String, Object> describe() {
            return new RecallTable.PatternSet(name, title, units, random()).describe();
        }
    }

    /** A task on the first patterns of a set. */
    public abstract static class OnPatterns implements Task {
        private final Patterns set;
        private final int count;

        OnPatterns(Patterns set, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a task needs at least one pattern, not " + count);
            }
            this.set = set;
            this.count = count;
        }

        /** The pattern set. */
        public Patterns set() {
            return set;
        }

        /** How many of its patterns are learnt: the first P. */
        public int count() {
            return count;
        }

        @Override
        public int inputDim() {
            return set.units();
        }

        /** One pass over the P patterns. */
        @Override
        public long epochSize() {
            return count;
        }

        /** None: recall is scored on corrupted cues of the stored patterns. */
        @Override
        public Split heldOut() {
            return new Split("heldout", new double[0][], new double[0][]);
        }
    }

    /** The first P patterns of a set, each presented once, in order, as inputs without targets. */
    public static final class Storage extends OnPatterns {
        /**
         * Storage of the first P patterns of a set.
         *
         * @param set the pattern set
         * @param count P
         */
        public Storage(Patterns set, int count) {
            super(set, count);
        }

        @Override
        public String name() {
            return "storage";
        }

        /** Hands out the seed's first P patterns once; asking for more is an error. */
        @Override
        public SampleStream stream(long orderSeed) {
            double[][] p = set().first(count(), orderSeed);
            return new SampleStream() {
                private int position;

                @Override
                public Batch next(int n) {
                    if (position + n > p.length) {
                        throw new IllegalStateException("the storage task holds " + p.length + " patterns, each handed out once; "
                                + (position + n) + " were asked for");
                    }
                    double[][] x = new double[n][];
                    for (int s = 0; s < n; s++) {
                        x[s] = p[position + s].clone();
                    }
                    Batch b = new Batch(x, null, position);
                    position += n;
                    return b;
                }

                @Override
                public long position() {
                    return position;
                }
            };
        }
    }

    /**
     * The first P patterns of a set in epochs, each epoch in a fresh order; every presentation is a
     * copy with exactly round(c·N) units flipped, chosen afresh, and its target is the clean
     * pattern as 0/1 values ((ξ + 1) / 2).
     */
    public static final class Denoising extends OnPatterns {
        private final double noise;

        /**
         * Denoising of the first P patterns of a set.
         *
         * @param set the pattern set
         * @param count P
         * @param noise c, the fraction of units flipped in every presentation
         */
        public Denoising(Patterns set, int count, double noise) {
            super(set, count);
            this.noise = noise;
        }

        @Override
        public String name() {
            return "denoising";
        }

        /** The order of every epoch and every flip come from one stream seeded by {@code orderSeed}. */
        @Override
        public SampleStream stream(long orderSeed) {
            double[][] p = set().first(count(), orderSeed);
            int flips = (int) Math.round(noise * set().units());
            return new EpochStream(p.length, orderSeed) {
                @Override
                protected double[] input(int i) {
                    return HopfieldNetwork.corrupt(p[i], flips, rng);
                }

                @Override
                protected double[] target(int i) {
                    double[] t = new double[p[i].length];
                    for (int j = 0; j < t.length; j++) {
                        t[j] = (p[i][j] + 1) / 2;
                    }
                    return t;
                }
            };
        }
    }
}
