package org.neuroai.compare.charts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neuroai.compare.engine.Stats;
import org.neuroai.core.trace.TraceRow;

/**
 * Summary over seeds of one metric of one learner: at each step, the mean, the 95 % t-interval of
 * the mean (Student's t with n − 1 degrees of freedom, computed by {@link Stats.Summary}, the
 * same numbers as {@code stats.csv}), and the minimum and maximum across the seeds that have a
 * value there. Where only one seed has a value, the interval collapses onto the mean. The
 * {@code skipNaN} variants leave out values that are not numbers (a cosine of 0/0), summarising
 * the seeds that have a number at each step; where none has, every field there is NaN.
 *
 * @param steps the steps (or any x values)
 * @param mean mean over seeds
 * @param low lower end of the 95 % t-interval (the mean where n = 1)
 * @param high upper end of the 95 % t-interval (the mean where n = 1)
 * @param min minimum over seeds
 * @param max maximum over seeds
 * @param seeds number of seeds
 */
public record SeedStats(double[] steps, double[] mean, double[] low, double[] high, double[] min, double[] max, int seeds) {

    /**
     * Summarises values grouped by x.
     *
     * @param byX x (ascending) to the values of the seeds there
     * @param seeds number of distinct seeds
     * @return the summary
     */
    public static SeedStats of(TreeMap<Double, List<Double>> byX, int seeds) {
        return of(byX, seeds, false);
    }

    /**
     * Summarises values grouped by x, leaving out NaN values when asked.
     *
     * @param byX x (ascending) to the values of the seeds there
     * @param seeds number of distinct seeds
     * @param skipNaN whether NaN values are left out (a step with none left is NaN throughout)
     * @return the summary
     */
    public static SeedStats of(TreeMap<Double, List<Double>> byX, int seeds, boolean skipNaN) {
        int n = byX.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : byX.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).filter(d -> !skipNaN || !Double.isNaN(d)).toArray();
            Stats.Summary s = v.length == 0 ? new Stats.Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN) : Stats.Summary.of(v);
            x[i] = e.getKey();
            mean[i] = s.mean();
            low[i] = v.length > 1 ? s.low() : s.mean();
            high[i] = v.length > 1 ? s.high() : s.mean();
            min[i] = java.util.Arrays.stream(v).min().orElse(Double.NaN);
            max[i] = java.util.Arrays.stream(v).max().orElse(Double.NaN);
            i++;
        }
        return new SeedStats(x, mean, low, high, min, max, seeds);
    }

    /**
     * Groups trace rows of one metric by learner and summarises over seeds.
     *
     * @param rows rows of curves.csv
     * @param metric the metric
     * @return learner (in order of first appearance) to its summary
     */
    public static Map<String, SeedStats> byLearner(List<TraceRow> rows, String metric) {
        return byLearner(rows, metric, false);
    }

    /**
     * Groups trace rows of one metric by learner and summarises over seeds, leaving out NaN
     * values when asked.
     *
     * @param rows rows of curves.csv
     * @param metric the metric
     * @param skipNaN whether NaN values are left out
     * @return learner (in order of first appearance) to its summary
     */
    public static Map<String, SeedStats> byLearner(List<TraceRow> rows, String metric, boolean skipNaN) {
        Map<String, Set<Long>> seedsOf = new LinkedHashMap<>();
        Map<String, SeedStats> out = new LinkedHashMap<>();
        grouped(rows, metric, seedsOf).forEach((learner, byStep) -> out.put(learner, of(byStep, seedsOf.get(learner).size(), skipNaN)));
        return out;
    }

    /** The same summary with x in other units: each step passed through {@code x}. */
    public SeedStats mapSteps(java.util.function.DoubleUnaryOperator x) {
        return new SeedStats(java.util.Arrays.stream(steps).map(x).toArray(), mean, low, high, min, max, seeds);
    }

    /**
     * The values of one metric by learner (in order of first appearance) and step, with the seeds
     * seen for each learner.
     *
     * @param rows rows of curves.csv
     * @param metric the metric
     * @param seedsOf filled with each learner's seeds
     * @return learner to step to the values at that step
     */
    static Map<String, TreeMap<Double, List<Double>>> grouped(List<TraceRow> rows, String metric, Map<String, Set<Long>> seedsOf) {
        Map<String, TreeMap<Double, List<Double>>> grouped = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            if (!r.metric().equals(metric)) {
                continue;
            }
            grouped.computeIfAbsent(r.learner(), k -> new TreeMap<>())
                    .computeIfAbsent((double) r.step(), k -> new ArrayList<>()).add(r.value());
            seedsOf.computeIfAbsent(r.learner(), k -> new HashSet<>()).add(r.seed());
        }
        return grouped;
    }

    /** The same summary with every y value (mean, interval, range) multiplied by {@code factor} and x by {@code xFactor}. */
    public SeedStats scaled(double xFactor, double factor) {
        return new SeedStats(times(steps, xFactor), times(mean, factor), times(low, factor), times(high, factor),
                times(min, factor), times(max, factor), seeds);
    }

    /**
     * The bottom of a logarithmic axis for these summaries: the power of ten at or below the
     * smallest positive mean, and never below {@code least}. Drawn {@link #floored} at it, an
     * interval that reaches lower (or below zero) is cut at the axis instead of diving off it.
     *
     * @param stats the summaries of one panel
     * @param least the smallest bottom allowed
     * @return the bottom of the axis
     */
    public static double logFloor(java.util.Collection<SeedStats> stats, double least) {
        double lowest = stats.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.mean())).filter(v -> v > 0).min().orElse(1);
        return Math.max(least, Math.pow(10, Math.floor(Math.log10(lowest))));
    }

    /** The same summary with every y value raised to at least {@code floor} (for log axes). */
    public SeedStats floored(double floor) {
        return clamped(floor, Double.POSITIVE_INFINITY);
    }

    /**
     * The same summary with every y value clamped into [lo, hi], for quantities whose interval
     * would reach past their possible range (a fraction above 1, a positive value on a log axis).
     */
    public SeedStats clamped(double lo, double hi) {
        return new SeedStats(steps, clamp(mean, lo, hi), clamp(low, lo, hi), clamp(high, lo, hi), clamp(min, lo, hi),
                clamp(max, lo, hi), seeds);
    }

    private static double[] times(double[] v, double f) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i] * f;
        }
        return o;
    }

    private static double[] clamp(double[] v, double lo, double hi) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.min(hi, Math.max(v[i], lo));
        }
        return o;
    }

    /**
     * How to read a mean line and its band, for subtitles, legends and captions: "mean ± 95 %
     * t-interval over N seeds", or, for one seed, that there is no interval (n = 1).
     *
     * @param seeds number of seeds
     * @return the phrase
     */
    public static String caption(int seeds) {
        return seeds > 1 ? "mean \u00b1 95 % t-interval over " + seeds + " seeds"
                : "one seed (n = 1), so no interval";
    }
}
