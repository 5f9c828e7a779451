package org.neuroai.compare.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neuroai.compare.Stats;
import org.neuroai.core.trace.TraceRow;

/**
 * Summary over seeds of one metric of one learner as a mean with its 95 % confidence interval by
 * Student's t ({@link Stats.Summary}, the interval of stats.csv): at each step, over the seeds whose
 * value there is a number (NaN values, such as a cosine of 0/0, are left out).
 *
 * @param steps the steps
 * @param mean mean over seeds (NaN where no seed has a number)
 * @param low lower end of the 95 % t-interval (NaN with fewer than two numbers)
 * @param high upper end
 * @param seeds number of seeds
 */
public record SeedIntervals(double[] steps, double[] mean, double[] low, double[] high, int seeds) {

    /**
     * Groups trace rows of one metric by learner and summarises over seeds.
     *
     * @param rows rows of curves.csv
     * @param metric the metric
     * @return learner (in order of first appearance) to its summary
     */
    public static Map<String, SeedIntervals> byLearner(List<TraceRow> rows, String metric) {
        Map<String, java.util.Set<Long>> seedsOf = new LinkedHashMap<>();
        Map<String, SeedIntervals> out = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Double, List<Double>>> e : SeedStats.grouped(rows, metric, seedsOf).entrySet()) {
            int n = e.getValue().size();
            double[] x = new double[n];
            double[] mean = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            int i = 0;
            for (Map.Entry<Double, List<Double>> s : e.getValue().entrySet()) {
                x[i] = s.getKey();
                double[] v = s.getValue().stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).toArray();
                Stats.Summary m = v.length == 0 ? new Stats.Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                        : Stats.Summary.of(v);
                mean[i] = m.mean();
                lo[i] = m.low();
                hi[i] = m.high();
                i++;
            }
            out.put(e.getKey(), new SeedIntervals(x, mean, lo, hi, seedsOf.get(e.getKey()).size()));
        }
        return out;
    }
}
