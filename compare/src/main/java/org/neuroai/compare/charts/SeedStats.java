package org.neuroai.compare.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neuroai.core.trace.TraceRow;

/**
 * Summary over seeds of one metric of one learner: at each step, the mean, minimum and maximum
 * across the seeds that have a value there.
 *
 * @param steps the steps
 * @param mean mean over seeds
 * @param min minimum over seeds
 * @param max maximum over seeds
 * @param seeds number of seeds
 */
public record SeedStats(double[] steps, double[] mean, double[] min, double[] max, int seeds) {

    /**
     * Groups trace rows of one metric by learner and summarises over seeds.
     *
     * @param rows rows of curves.csv
     * @param metric the metric
     * @return learner (in order of first appearance) to its summary
     */
    public static Map<String, SeedStats> byLearner(List<TraceRow> rows, String metric) {
        Map<String, java.util.Set<Long>> seedsOf = new LinkedHashMap<>();
        Map<String, TreeMap<Long, List<Double>>> grouped = grouped(rows, metric, seedsOf);
        Map<String, SeedStats> out = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Long, List<Double>>> e : grouped.entrySet()) {
            int n = e.getValue().size();
            double[] x = new double[n];
            double[] mean = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            int i = 0;
            for (Map.Entry<Long, List<Double>> s : e.getValue().entrySet()) {
                x[i] = s.getKey();
                double sum = 0;
                double mn = Double.POSITIVE_INFINITY;
                double mx = Double.NEGATIVE_INFINITY;
                for (double v : s.getValue()) {
                    sum += v;
                    mn = Math.min(mn, v);
                    mx = Math.max(mx, v);
                }
                mean[i] = sum / s.getValue().size();
                lo[i] = mn;
                hi[i] = mx;
                i++;
            }
            out.put(e.getKey(), new SeedStats(x, mean, lo, hi, seedsOf.get(e.getKey()).size()));
        }
        return out;
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
    static Map<String, TreeMap<Long, List<Double>>> grouped(List<TraceRow> rows, String metric,
                                                             Map<String, java.util.Set<Long>> seedsOf) {
        Map<String, TreeMap<Long, List<Double>>> grouped = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            if (!r.metric().equals(metric)) {
                continue;
            }
            grouped.computeIfAbsent(r.learner(), k -> new TreeMap<>())
                    .computeIfAbsent(r.step(), k -> new ArrayList<>()).add(r.value());
            seedsOf.computeIfAbsent(r.learner(), k -> new java.util.HashSet<>()).add(r.seed());
        }
        return grouped;
    }
}
