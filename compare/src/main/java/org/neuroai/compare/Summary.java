package org.neuroai.compare;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;
import org.neuroai.compare.engine.Stats;

/** Prints what a run ended with: the final value of every metric per learner, over seeds. */
public final class Summary {
    private Summary() {}

    /**
     * Final value of one metric of one learner over seeds.
     *
     * @param learner the learner
     * @param metric the metric
     * @param mean mean over seeds
     * @param min smallest value
     * @param max largest value
     * @param seeds number of seeds
     * @param step the latest step among the seeds' last rows
     * @param over mean, sample standard deviation and 95 % t-interval of the mean over seeds
     */
    public record Final(String learner, String metric, double mean, double min, double max, int seeds, long step, Stats.Summary over) {}

    /**
     * The final value (at each seed's last step) of every metric of every learner.
     *
     * @param rows rows of curves.csv
     * @return one entry per learner and metric, in order of first appearance
     */
    public static List<Final> finals(List<TraceRow> rows) {
        Map<String, Map<Long, TraceRow>> last = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            String key = r.learner() + "\u0000" + r.metric();
            Map<Long, TraceRow> bySeed = last.computeIfAbsent(key, k -> new TreeMap<>());
            TraceRow prev = bySeed.get(r.seed());
            if (prev == null || r.step() >= prev.step()) {
                bySeed.put(r.seed(), r);
            }
        }
        return last.values().stream().map(bySeed -> {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            long step = 0;
            TraceRow any = null;
            for (TraceRow r : bySeed.values()) {
                mn = Math.min(mn, r.value());
                mx = Math.max(mx, r.value());
                step = Math.max(step, r.step());
                any = r;
            }
            Stats.Summary over = Stats.Summary.of(bySeed.values().stream().mapToDouble(TraceRow::value).toArray());
            return new Final(any.learner(), any.metric(), over.mean(), mn, mx, bySeed.size(), step, over);
        }).toList();
    }

    /**
     * The result as one line of JSON, for scripts: output folder, experiment, seeds, wall time,
     * the final values ({@link #finals}), the figures with their captions, and the files written.
     *
     * @param r a finished run
     * @return the JSON text
     */
    public static String json(Runner.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", r.out().toString());
        com.fasterxml.jackson.databind.JsonNode prov = Report.provenance(r.out());
        m.put("experiment", prov.at("/spec/experiment").asText());
        m.put("seeds", prov.at("/spec/seeds").asInt());
        m.put("quick", prov.at("/spec/quick").asBoolean());
        m.put("wall_seconds", prov.path("wall_seconds").asDouble(Double.NaN));
        m.put("step_unit", r.stepUnit());
        m.put("finals", finals(TraceReader.read(r.out().resolve("curves.csv"), x -> true)));
        m.put("figures", r.figures());
        try (var s = Files.list(r.out())) {
            m.put("files", s.map(p -> p.getFileName().toString()).sorted().toList());
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Prints the table of final values and the files written. */
    public static void print(PrintWriter out, Runner.Result r) {
        List<TraceRow> rows = TraceReader.read(r.out().resolve("curves.csv"), x -> true);
        List<Final> fs = finals(rows);
        // Learners that learn from different numbers of steps (one-shot storage against training)
        // get a column with their own count.
        boolean oneStep = fs.stream().map(Final::step).distinct().count() <= 1;
        out.printf(Locale.ROOT, "  %-16s %-22s %12s %12s %12s%s%n", "learner", "metric", "mean", "min", "max",
                oneStep ? "" : String.format(Locale.ROOT, " %14s", "steps"));
        for (Final f : fs) {
            out.printf(Locale.ROOT, "  %-16s %-22s %12.5g %12.5g %12.5g%s%n", f.learner(), f.metric(), f.mean(), f.min(), f.max(),
                    oneStep ? "" : String.format(Locale.ROOT, " %14d", f.step()));
        }
        if (!fs.isEmpty()) {
            String seeds = fs.get(0).seeds() + " seed" + (fs.get(0).seeds() == 1 ? "" : "s");
            if (oneStep) {
                out.printf(Locale.ROOT, "  (final values after %d %s, over %s)%n", fs.get(0).step(), r.stepUnit(), seeds);
            } else {
                out.printf(Locale.ROOT, "  (final values, each after the %s shown, over %s)%n", r.stepUnit(), seeds);
            }
        }
        StringBuilder files = new StringBuilder();
        try (var s = Files.list(r.out())) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(n -> files.append(files.length() == 0 ? "" : ", ").append(n));
        } catch (java.io.IOException e) {
            files.append("(cannot list)");
        }
        out.println("  wrote " + r.out() + ": " + files);
        out.flush();
    }
}
