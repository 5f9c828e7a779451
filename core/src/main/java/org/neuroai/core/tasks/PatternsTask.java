package org.neuroai.core.tasks;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;
import org.neuroai.core.linalg.Linalg;

/**
 * K fixed patterns, one shown per presentation, each with probability 1/K: the environment of
 * Bienenstock, Cooper &amp; Munro (1982, J Neurosci 2:32-48), in which a unit with a sliding
 * threshold comes to respond to one pattern only.
 *
 * <p>The patterns are random positive vectors of unit norm in {@code dim} dimensions, drawn from
 * {@code pattern_seed} and so the same for every run seed, and linearly independent (checked). The
 * run seed draws the order of presentation. The held-out samples are the K patterns themselves, in
 * order, without targets: what a learner answers to each is what it has come to prefer.
 */
public final class PatternsTask implements Task {
    private final double[][] patterns;
    private final long patternSeed;

    /** Registers the task under the name "patterns". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "patterns";
        }

        @Override
        public String description() {
            return "K random positive patterns of unit norm, one per presentation, each with probability 1/K";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.integer("patterns", 5, 2, 100, "number K of patterns, presented with probability 1/K each"),
                    ParamSpec.integer("dim", 20, 2, 10_000, "inputs per pattern (at least K, for independent patterns)"),
                    ParamSpec.integer("pattern_seed", 2024, 0, Integer.MAX_VALUE, "seed of the patterns, the same for every run seed"));
        }

        @Override
        public Task create(Params p) {
            return new PatternsTask(p.integer("patterns"), p.integer("dim"), p.integer("pattern_seed"));
        }
    }

    /**
     * @param k number of patterns
     * @param dim inputs per pattern, at least k
     * @param patternSeed seed of the patterns
     * @throws UserError when dim is smaller than k or the seed gives dependent patterns
     */
    public PatternsTask(int k, int dim, long patternSeed) {
        if (dim < k) {
            throw new UserError("setting 'dim' = " + dim + " is smaller than 'patterns' = " + k
                    + ", so the patterns cannot be linearly independent; valid is an integer in [" + k + ", 10000].");
        }
        this.patterns = patterns(k, dim, patternSeed);
        this.patternSeed = patternSeed;
    }

    /** K random positive patterns of unit norm; fails if they are (numerically) dependent. */
    private static double[][] patterns(int k, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[k][dim];
        for (double[] p : x) {
            for (int j = 0; j < dim; j++) {
                p[j] = 1.0 - r.nextDouble();
            }
            double norm = Linalg.norm(p);
            for (int j = 0; j < dim; j++) {
                p[j] /= norm;
            }
        }
        double[][] gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                gram[a][b] = Linalg.dot(x[a], x[b]);
            }
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (double v : Linalg.symmetricEigen(gram).values()) {
            smallest = Math.min(smallest, v);
        }
        if (smallest < 1e-9) {
            throw new UserError("setting 'pattern_seed' = " + seed + " gives linearly dependent patterns; choose another seed.");
        }
        return x;
    }

    /** The patterns, one row each (a copy). */
    public double[][] patterns() {
        double[][] out = new double[patterns.length][];
        for (int p = 0; p < patterns.length; p++) {
            out[p] = patterns[p].clone();
        }
        return out;
    }

    /** The seed the patterns were drawn from. */
    public long patternSeed() {
        return patternSeed;
    }

    @Override
    public String name() {
        return "patterns";
    }

    @Override
    public int inputDim() {
        return patterns[0].length;
    }

    /** Each presentation a pattern drawn with probability 1/K from the order seed. */
    @Override
    public SampleStream stream(long orderSeed) {
        SplittableRandom order = new SplittableRandom(orderSeed);
        return new PositionStream() {
            @Override
            protected double[] input(long position) {
                return patterns[order.nextInt(patterns.length)].clone();
            }
        };
    }

    /** The K patterns in order. */
    /** The units are scored on the patterns themselves: there is nothing to hold out. */
    @Override
    public boolean scoresOnTrainingSamples() {
        return true;
    }

    @Override
    public Split heldOut() {
        return new Split("patterns", patterns(), null);
    }
}
