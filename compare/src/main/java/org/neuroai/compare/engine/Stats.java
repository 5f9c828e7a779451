package org.neuroai.compare.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neuroai.compare.files.Divergences;
import org.neuroai.core.trace.TraceRow;

/**
 * Statistics over seeds: at every step of every learner's metric the mean, the sample standard
 * deviation and a 95 % confidence interval of the mean by Student's t (t-interval, n − 1 degrees
 * of freedom); and, at the end of a run, paired differences between learners, seed by seed (every
 * learner sees the same samples for a given seed, so the pairs are matched).
 */
public final class Stats {
    private Stats() {}

    /** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201,
        2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052,
        2.048, 2.045, 2.042};

    /** The t quantile for a two-sided 95 % interval with {@code df} degrees of freedom (normal beyond 30). */
    public static double t975(int df) {
        return df < 1 ? Double.NaN : df <= 30 ? T975[df - 1] : 1.960;
    }

    /**
     * Summary of values over seeds.
     *
     * @param n number of seeds
     * @param mean mean
     * @param sd sample standard deviation (NaN for one seed)
     * @param low lower end of the 95 % t-interval of the mean
     * @param high upper end
     */
    public record Summary(int n, double mean, double sd, double low, double high) {
        /** Summarises values. */
        public static Summary of(double[] v) {
            int n = v.length;
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= n;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
            double half = n > 1 ? t975(n - 1) * sd / Math.sqrt(n) : Double.NaN;
            return new Summary(n, mean, sd, mean - half, mean + half);
        }
    }

    /**
     * Writes stats.csv: learner, metric, step, n, mean, sd, ci95_low, ci95_high. A seed in which a
     * learner diverged has no rows from that step on ({@link Divergences}), so n counts the seeds
     * with a value there; the divergence marks are not summarised.
     *
     * @param rows rows of curves.csv
     * @param file the file to write
     * @throws IOException when it cannot be written
     */
    public static void write(List<TraceRow> rows, Path file) throws IOException {
        Map<String, TreeMap<Long, List<Double>>> grouped = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            if (Divergences.isMark(r.metric())) {
                continue;
            }
            grouped.computeIfAbsent(r.learner() + "," + r.metric(), k -> new TreeMap<>())
                    .computeIfAbsent(r.step(), k -> new ArrayList<>()).add(r.value());
        }
        StringBuilder sb = new StringBuilder("learner,metric,step,n,mean,sd,ci95_low,ci95_high\n");
        for (Map.Entry<String, TreeMap<Long, List<Double>>> e : grouped.entrySet()) {
            for (Map.Entry<Long, List<Double>> s : e.getValue().entrySet()) {
                Summary m = Summary.of(s.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                sb.append(e.getKey()).append(',').append(s.getKey()).append(',').append(m.n()).append(',').append(m.mean())
                        .append(',').append(m.sd()).append(',').append(m.low()).append(',').append(m.high()).append('\n');
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A paired difference between two learners' final values of one metric. */
    public record Difference(String metric, String a, String b, Summary diff) {}

    /**
     * Differences a − b of every metric between every pair of learners that both have it, using each
     * seed's last value, paired by seed; a seed in which either learner diverged is left out.
     *
     * @param rows rows of curves.csv
     * @return the differences (empty with fewer than two seeds in common)
     */
    public static List<Difference> pairedFinal(List<TraceRow> rows) {
        // learner -> metric -> seed -> (step, value) of the last row
        Map<String, Map<String, Map<Long, double[]>>> last = new LinkedHashMap<>();
        List<Divergences.Stop> stops = Divergences.of(rows);
        for (TraceRow r : rows) {
            if (Divergences.isMark(r.metric()) || Divergences.of(stops, r.learner(), r.seed(), r.metric()) != null) {
                continue;
            }
            Map<Long, double[]> bySeed = last.computeIfAbsent(r.learner(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.metric(), k -> new TreeMap<>());
            double[] prev = bySeed.get(r.seed());
            if (prev == null || r.step() >= prev[0]) {
                bySeed.put(r.seed(), new double[] {r.step(), r.value()});
            }
        }
        List<String> learners = new ArrayList<>(last.keySet());
        List<Difference> out = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            for (int j = i + 1; j < learners.size(); j++) {
                Map<String, Map<Long, double[]>> a = last.get(learners.get(i));
                Map<String, Map<Long, double[]>> b = last.get(learners.get(j));
                for (String metric : a.keySet()) {
                    if (!b.containsKey(metric)) {
                        continue;
                    }
                    List<Double> d = new ArrayList<>();
                    for (Map.Entry<Long, double[]> e : a.get(metric).entrySet()) {
                        double[] other = b.get(metric).get(e.getKey());
                        if (other != null) {
                            d.add(e.getValue()[1] - other[1]);
                        }
                    }
                    if (d.size() >= 2) {
                        out.add(new Difference(metric, learners.get(i), learners.get(j),
                                Summary.of(d.stream().mapToDouble(Double::doubleValue).toArray())));
                    }
                }
            }
        }
        return out;
    }

    /** One line of a Markdown table for a difference. */
    public static String markdown(Difference d) {
        return String.format(Locale.ROOT, "| %s | %s − %s | %.4g | [%.4g, %.4g] | %d |", d.metric(), d.a(), d.b(), d.diff().mean(),
                d.diff().low(), d.diff().high(), d.diff().n());
    }
}
