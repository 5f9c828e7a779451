package org.neuroai.compare.landscape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * A learner's recorded parameter vectors, one per checkpoint, read from a run's weights.csv.
 *
 * @param learner the learner
 * @param steps the checkpoints, increasing
 * @param theta the parameter vector at each checkpoint, laid out as the blocks it was read with
 */
public record Trajectory(String learner, long[] steps, double[][] theta) {
    /** The first recorded parameters, θ_0. */
    public double[] start() {
        return theta[0];
    }

    /** The last recorded parameters, θ_T. */
    public double[] end() {
        return theta[theta.length - 1];
    }

    /**
     * Reads the trajectories of several learners of one seed, each with its own blocks; a learner
     * may be read more than once with different blocks.
     *
     * @param file the run's weights.csv
     * @param seed the seed
     * @param walkers the learners with the blocks to read
     * @return one trajectory per walker, in order, at the checkpoints where all its blocks were recorded
     * @throws UserError when the seed, a learner or a block is missing from the file
     */
    public static List<Trajectory> read(Path file, long seed, List<Surface.Walker> walkers) {
        Set<String> learners = new HashSet<>();
        for (Surface.Walker w : walkers) {
            learners.add(w.learner());
        }
        Set<Long> seeds = new TreeSet<>();
        // learner -> step -> group -> index -> value
        Map<String, TreeMap<Long, Map<String, Map<Integer, Double>>>> all = new HashMap<>();
        for (TraceRow r : TraceReader.read(file, r -> learners.contains(r.learner()))) {
            seeds.add(r.seed());
            if (r.seed() == seed) {
                all.computeIfAbsent(r.learner(), k -> new TreeMap<>()).computeIfAbsent(r.step(), k -> new HashMap<>())
                        .computeIfAbsent(r.metric(), k -> new HashMap<>()).put(r.index(), r.value());
            }
        }
        if (!seeds.contains(seed)) {
            throw new UserError(file + ": no weights of seed " + seed + "; valid seeds are: " + seeds + ".");
        }
        List<Trajectory> out = new ArrayList<>();
        for (Surface.Walker w : walkers) {
            String learner = w.learner();
            TreeMap<Long, Map<String, Map<Integer, Double>>> byStep = all.get(learner);
            if (byStep == null) {
                throw new UserError(file + ": no weights of learner '" + learner + "' (seed " + seed + "); the landscape needs "
                        + "them, so run the experiment again.");
            }
            List<Long> steps = new ArrayList<>();
            List<double[]> theta = new ArrayList<>();
            for (Map.Entry<Long, Map<String, Map<Integer, Double>>> s : byStep.entrySet()) {
                double[] v = vector(s.getValue(), w.layout());
                if (v != null) {
                    steps.add(s.getKey());
                    theta.add(v);
                }
            }
            if (theta.size() < 2) {
                Block b = w.layout().get(w.layout().size() - 1);
                throw new UserError(file + ": learner '" + learner + "' has fewer than two checkpoints with all of its weights ("
                        + groups(w.layout()) + "; e.g. '" + b.group() + "' " + b.rows() + " x " + b.cols()
                        + "); this run was recorded without them, so run the experiment again.");
            }
            out.add(new Trajectory(learner, steps.stream().mapToLong(Long::longValue).toArray(), theta.toArray(new double[0][])));
        }
        return out;
    }

    private static String groups(List<Block> layout) {
        return String.join(", ", layout.stream().map(Block::group).toList());
    }

    /** The vector of one checkpoint, or null when a value is missing. */
    private static double[] vector(Map<String, Map<Integer, Double>> groups, List<Block> layout) {
        int size = 0;
        for (Block b : layout) {
            size += b.size();
        }
        double[] v = new double[size];
        int off = 0;
        for (Block b : layout) {
            Map<Integer, Double> g = groups.get(b.group());
            if (g == null) {
                return null;
            }
            for (int i = 0; i < b.size(); i++) {
                Double x = g.get(i);
                if (x == null) {
                    return null;
                }
                v[off + i] = x;
            }
            off += b.size();
        }
        return v;
    }
}
