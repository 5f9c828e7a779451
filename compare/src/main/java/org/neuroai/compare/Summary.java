package org.neuroai.compare;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;
import org.neuroai.compare.engine.Stats;
import org.neuroai.compare.files.Divergences;

/** Prints what a run ended with: the final value of every metric per learner, over seeds. */
public final class Summary {
    private Summary() {}

    /**
     * Final value of one metric of one learner over the seeds in which it did not diverge.
     *
     * @param learner the learner
     * @param metric the metric
     * @param mean mean over those seeds (NaN when it diverged in every seed)
     * @param min smallest value
     * @param max largest value
     * @param seeds number of seeds it did not diverge in, whose values these are
     * @param step the latest step among those seeds' last rows
     * @param over mean, sample standard deviation and 95 % t-interval of the mean over those seeds
     * @param diverged the seeds in which it diverged, where (no final value there: see {@link Divergences})
     */
    public record Final(String learner, String metric, double mean, double min, double max, int seeds, long step, Stats.Summary over,
                        List<Divergences.Stop> diverged) {
        /** Whether the learner diverged in every seed, so that there is no final value at all. */
        public boolean allDiverged() {
            return seeds == 0;
        }

        /** "diverged at step N (seed S)" for the seeds where it diverged, or "" when it never did. */
        public String divergedText() {
            return diverged.isEmpty() ? "" : Divergences.text(diverged);
        }

        /** The three values as text, each with {@code format}, or the divergence where there is no value. */
        public String[] values(String format) {
            if (allDiverged()) {
                return new String[] {divergedText(), "", ""};
            }
            return new String[] {String.format(Locale.ROOT, format, mean), String.format(Locale.ROOT, format, min),
                String.format(Locale.ROOT, format, max)};
        }

        /** A note on the seeds left out: "over 2 seeds; diverged at step N (seed S)", or "". */
        public String note() {
            if (diverged.isEmpty() || allDiverged()) {
                return "";
            }
            return "over " + seeds + " seed" + (seeds == 1 ? "" : "s") + "; " + divergedText();
        }
    }

    /**
     * The final value (at each seed's last step) of every metric of every learner. A seed in which
     * the learner diverged gives no final value: its last rows are from before the divergence and
     * are not an end of training. The stats are over the other seeds, and the entry lists the
     * seeds that diverged; a learner that diverged in every seed has an entry for each metric with
     * no value (NaN) and its divergences. The divergence marks themselves are not metrics.
     *
     * @param rows rows of curves.csv
     * @return one entry per learner and metric, in order of first appearance
     */
    public static List<Final> finals(List<TraceRow> rows) {
        final Stats.Summary none = new Stats.Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        List<Divergences.Stop> stops = Divergences.of(rows);
        Map<String, Map<Long, TraceRow>> last = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            if (Divergences.isMark(r.metric())) {
                continue;
            }
            String key = r.learner() + "\u0000" + r.metric();
            Map<Long, TraceRow> bySeed = last.computeIfAbsent(key, k -> new TreeMap<>());
            TraceRow prev = bySeed.get(r.seed());
            if (prev == null || r.step() >= prev.step()) {
                bySeed.put(r.seed(), r);
            }
        }
        List<Final> out = new ArrayList<>(last.values().stream().map(bySeed -> {
            TraceRow any = bySeed.values().iterator().next();
            List<Divergences.Stop> gone = stops.stream().filter(s -> s.learner().equals(any.learner()) && s.ends(any.metric()))
                    .sorted(java.util.Comparator.comparingLong(Divergences.Stop::seed)).toList();
            List<TraceRow> kept = new ArrayList<>();
            for (TraceRow r : bySeed.values()) {
                if (Divergences.of(gone, r.learner(), r.seed(), r.metric()) == null) {
                    kept.add(r);
                }
            }
            if (kept.isEmpty()) {
                return new Final(any.learner(), any.metric(), Double.NaN, Double.NaN, Double.NaN, 0,
                        gone.stream().mapToLong(Divergences.Stop::step).max().orElse(0), none, List.copyOf(gone));
            }
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            long step = 0;
            for (TraceRow r : kept) {
                mn = Math.min(mn, r.value());
                mx = Math.max(mx, r.value());
                step = Math.max(step, r.step());
            }
            Stats.Summary over = Stats.Summary.of(kept.stream().mapToDouble(TraceRow::value).toArray());
            return new Final(any.learner(), any.metric(), over.mean(), mn, mx, kept.size(), step, over, List.copyOf(gone));
        }).toList());
        // a learner that diverged before its first metric row still gets a line
        for (Map.Entry<String, List<Divergences.Stop>> e : Divergences.byLearner(rows).entrySet()) {
            if (out.stream().noneMatch(f -> f.learner().equals(e.getKey()))) {
                out.add(new Final(e.getKey(), Divergences.METRIC, Double.NaN, Double.NaN, Double.NaN, 0,
                        e.getValue().stream().mapToLong(Divergences.Stop::step).max().orElse(0), none, e.getValue()));
            }
        }
        return out;
    }

    /**
     * One final value as JSON: learner, metric, and either its values over the seeds that did not
     * diverge (mean, min, max, seeds, step, over) or none; and, when it diverged in some seed,
     * {@code diverged}: "diverged at step N (seed S)" and the stops ({@code seed}, {@code step}).
     */
    static Map<String, Object> json(Final f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learner", f.learner());
        m.put("metric", f.metric());
        m.put("seeds", f.seeds());
        if (!f.allDiverged()) {
            m.put("mean", f.mean());
            m.put("min", f.min());
            m.put("max", f.max());
            m.put("step", f.step());
            m.put("over", f.over());
        }
        if (!f.diverged().isEmpty()) {
            m.put("diverged", f.divergedText());
            m.put("stops", f.diverged().stream().map(s -> Map.of("seed", s.seed(), "step", s.step())).toList());
        }
        return m;
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
        m.put("finals", finals(TraceReader.read(r.out().resolve("curves.csv"), x -> true)).stream().map(Summary::json).toList());
        m.put("figures_failed", r.failed());
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
        boolean oneStep = fs.stream().filter(f -> !f.allDiverged()).map(Final::step).distinct().count() <= 1;
        out.printf(Locale.ROOT, "  %-16s %-22s %12s %12s %12s%s%n", "learner", "metric", "mean", "min", "max",
                oneStep ? "" : String.format(Locale.ROOT, " %14s", "steps"));
        for (Final f : fs) {
            if (f.allDiverged()) {
                out.printf(Locale.ROOT, "  %-16s %-22s %s%n", f.learner(), f.metric(), f.divergedText());
                continue;
            }
            out.printf(Locale.ROOT, "  %-16s %-22s %12.5g %12.5g %12.5g%s%s%n", f.learner(), f.metric(), f.mean(), f.min(), f.max(),
                    oneStep ? "" : String.format(Locale.ROOT, " %14d", f.step()), f.note().isEmpty() ? "" : "  (" + f.note() + ")");
        }
        Final first = fs.stream().filter(f -> !f.allDiverged()).findFirst().orElse(null);
        if (first != null) {
            String seeds = first.seeds() + first.diverged().size() + " seed" + (first.seeds() + first.diverged().size() == 1 ? "" : "s");
            if (oneStep) {
                out.printf(Locale.ROOT, "  (final values after %d %s, over %s)%n", first.step(), r.stepUnit(), seeds);
            } else {
                out.printf(Locale.ROOT, "  (final values, each after the %s shown, over %s)%n", r.stepUnit(), seeds);
            }
        }
        if (fs.stream().anyMatch(f -> !f.diverged().isEmpty())) {
            out.printf(Locale.ROOT, "  (a learner that diverged was stopped there; its values before are in curves.csv, "
                    + "and the values above are over the seeds it did not diverge in)%n");
        }
        for (String failure : r.failed()) {
            out.println("  figure not drawn: " + failure);
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
