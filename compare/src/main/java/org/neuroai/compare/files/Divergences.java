package org.neuroai.compare.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neuroai.core.trace.TraceRow;

/**
 * Where learners diverged, as curves.csv records it. The engine stops a learner that has diverged
 * ({@link org.neuroai.core.engine.Divergence}) at the checkpoint where it finds it, and writes one
 * row there, {@code LEARNER,SEED,STEP,diverged,1} (in a study of several conditions, the metric
 * is prefixed by the condition, {@code blocking.diverged}); it writes none of that learner's other
 * values at that step or after it, in any trace. So a learner's curves end at its last finite
 * checkpoint, and every reader of curves.csv can tell a learner that diverged from one that ran to
 * its end.
 */
public final class Divergences {
    /** The metric of the row that marks a divergence. */
    public static final String METRIC = "diverged";

    private Divergences() {}

    /**
     * A learner stopped for diverging in one seed.
     *
     * @param learner the learner
     * @param seed the seed
     * @param step the checkpoint where it was found
     * @param condition the condition's prefix of metric names ("" for a study of one condition,
     *     else "NAME.")
     */
    public record Stop(String learner, long seed, long step, String condition) {
        /** "diverged at step N (seed S)". */
        public String text() {
            return String.format(Locale.ROOT, "diverged at step %d (seed %d)", step, seed);
        }

        /** Whether this stop ends the values of a metric of its learner (one of its condition's). */
        public boolean ends(String metric) {
            return metric.startsWith(condition);
        }
    }

    /** Whether a metric name is a divergence mark. */
    public static boolean isMark(String metric) {
        return metric.equals(METRIC) || metric.endsWith("." + METRIC);
    }

    /**
     * The divergences among rows of curves.csv.
     *
     * @param rows rows of curves.csv
     * @return every stop, in order of the rows
     */
    public static List<Stop> of(List<TraceRow> rows) {
        List<Stop> out = new ArrayList<>();
        for (TraceRow r : rows) {
            if (isMark(r.metric())) {
                out.add(new Stop(r.learner(), r.seed(), r.step(), r.metric().substring(0, r.metric().length() - METRIC.length())));
            }
        }
        return out;
    }

    /**
     * The divergences by learner, each learner's in order of seed.
     *
     * @param rows rows of curves.csv
     * @return learner to its stops
     */
    public static Map<String, List<Stop>> byLearner(List<TraceRow> rows) {
        Map<String, List<Stop>> out = new LinkedHashMap<>();
        for (Stop s : of(rows)) {
            out.computeIfAbsent(s.learner(), k -> new ArrayList<>()).add(s);
        }
        out.replaceAll((k, v) -> v.stream().sorted(java.util.Comparator.comparingLong(Stop::seed)).toList());
        return out;
    }

    /**
     * The stop of a learner in one seed that ends a metric, if any.
     *
     * @param stops the run's stops
     * @param learner the learner
     * @param seed the seed
     * @param metric the metric
     * @return the stop, or null
     */
    public static Stop of(List<Stop> stops, String learner, long seed, String metric) {
        for (Stop s : stops) {
            if (s.learner().equals(learner) && s.seed() == seed && s.ends(metric)) {
                return s;
            }
        }
        return null;
    }

    /**
     * One line for a learner's stops: "diverged at step 400 (seed 0)", or for several seeds
     * "diverged at step 400 (seed 0), 800 (seed 2)".
     *
     * @param stops one learner's stops
     * @return the text
     */
    public static String text(List<Stop> stops) {
        TreeMap<Long, Stop> bySeed = new TreeMap<>();
        stops.forEach(s -> bySeed.putIfAbsent(s.seed(), s));
        StringBuilder b = new StringBuilder("diverged at ");
        int k = 0;
        for (Stop s : bySeed.values()) {
            b.append(k++ == 0 ? "" : ", ").append(String.format(Locale.ROOT, "step %d (seed %d)", s.step(), s.seed()));
        }
        return b.toString();
    }
}
