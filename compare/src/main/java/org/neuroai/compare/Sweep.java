package org.neuroai.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.neuroai.compare.charts.SweepFigures;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.files.OutputFolder;

/**
 * A grid of runs: the cartesian product of the swept settings, each run with all the seeds, in
 * {@code DIR/runs/KEY=VALUE,...}. A point counts as done when its folder holds a provenance.json
 * (which {@link Runner} puts in place last) whose recorded spec is the one the sweep asks for now:
 * the same experiment, seeds, quick flag and resolved settings (the number of threads aside, which
 * changes no result). A point run with other settings is run again, or, with {@code resumeOnly},
 * the sweep is refused before anything runs; the progress line says which. So a sweep killed at
 * any moment and started again skips what is done and redoes the rest, and its {@code sweep.csv}
 * (final values of every run, in grid order) comes out the same as an uninterrupted sweep's. The
 * sweep folder is an {@link OutputFolder}: locked while a sweep writes it, and refused when it
 * holds anything but a sweep.
 * Each row of {@code sweep.csv} holds one point's final value of one metric of one learner over the
 * seeds: mean, min, max, number of seeds, sample standard deviation and the 95 % t-interval of the
 * mean; within a point the experiment's {@link Experiment#mainMetric() main metric} comes first.
 * The summary figures ({@link SweepFigures}) are drawn from that file alone.
 */
public final class Sweep {
    private Sweep() {}

    /** One point of the grid. */
    public record Point(Map<String, String> values) {
        /** The run folder's name, e.g. "bio.eta=0.1,k=3". */
        public String folder() {
            StringBuilder b = new StringBuilder();
            values.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
            return b.toString().replace('/', '_');
        }
    }

    /**
     * The grid: every combination of the given values, the first key varying slowest.
     *
     * @param grid key to its values, in order
     * @return the points
     */
    public static List<Point> points(Map<String, List<String>> grid) {
        List<Map<String, String>> acc = new ArrayList<>();
        acc.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> m : acc) {
                for (String v : e.getValue()) {
                    Map<String, String> n = new LinkedHashMap<>(m);
                    n.put(e.getKey(), v);
                    next.add(n);
                }
            }
            acc = next;
        }
        return acc.stream().map(Point::new).toList();
    }

    /**
     * Runs (or resumes) a sweep.
     *
     * @param base the spec every point starts from
     * @param grid the swept settings
     * @param dir the sweep folder
     * @param progress told about every point: "done", "skipped (already done)", ...
     * @return the aggregated CSV
     * @throws UserError for a bad grid or spec
     */
    public static Path run(RunSpec base, Map<String, List<String>> grid, Path dir, Consumer<String> progress) throws IOException {
        return run(base, grid, dir, progress, false, (spec, out, label) -> Runner.run(spec, out, true, st -> { }));
    }

    /** How a sweep runs one point (a command line shows its progress while it runs). */
    @FunctionalInterface
    public interface PointRunner {
        /**
         * Runs one point.
         *
         * @param spec the point's spec
         * @param out its folder
         * @param label "[i/n] folder", for a display
         * @return the result
         */
        Runner.Result run(RunSpec spec, Path out, String label);
    }

    /**
     * Runs (or resumes) a sweep, each point through {@code runner}.
     *
     * @param base the spec every point starts from
     * @param grid the swept settings
     * @param dir the sweep folder
     * @param progress told about every point: "done", "already done", "run again (...)"
     * @param resumeOnly refuse, rather than run again, a point whose earlier run had other settings
     * @param runner runs one point
     * @return the aggregated CSV
     * @throws UserError for a bad grid or spec, a folder that is not a sweep's, or (with resumeOnly) a point run with other settings
     */
    public static Path run(RunSpec base, Map<String, List<String>> grid, Path dir, Consumer<String> progress, boolean resumeOnly,
                           PointRunner runner) throws IOException {
        if (grid.isEmpty()) {
            throw new UserError("--grid: give at least one KEY=V1,V2,... to sweep.");
        }
        List<Point> points = points(grid);
        // check every point before running any, so a mistake in the last value is found at once
        Experiment exp = Experiments.get(base.experiment());
        for (Point p : points) {
            Runner.resolve(exp, base.with(null, null, new LinkedHashMap<>(p.values())));
        }
        try (OutputFolder folder = OutputFolder.open(dir, "sweep", true, "--out")) {
            folder.record(List.of());
            Path runs = dir.resolve("runs");
            Files.createDirectories(runs);
            Map<Point, String> changed = new LinkedHashMap<>();
            Map<Point, Boolean> done = new LinkedHashMap<>();
            for (Point p : points) {
                Path out = runs.resolve(p.folder());
                boolean finished = Files.isRegularFile(out.resolve(OutputFolder.DONE));
                String diff = finished ? differences(exp, base.with(null, null, new LinkedHashMap<>(p.values())), out) : "";
                done.put(p, finished && diff.isEmpty());
                if (finished && !diff.isEmpty()) {
                    changed.put(p, diff);
                }
            }
            if (resumeOnly && !changed.isEmpty()) {
                Map.Entry<Point, String> first = changed.entrySet().iterator().next();
                throw new UserError(dir + ": point " + first.getKey().folder() + (changed.size() > 1 ? " (and " + (changed.size() - 1) + " more)" : "")
                        + " was run with other settings (" + first.getValue() + "); --resume-only runs only the points not yet run: "
                        + "leave it out to run those points again, or choose another folder.");
            }
            int i = 0;
            for (Point p : points) {
                i++;
                Path out = runs.resolve(p.folder());
                String label = String.format(Locale.ROOT, "[%d/%d] %s", i, points.size(), p.folder());
                if (done.get(p)) {
                    // a writer killed between putting the run in place and letting go of the folder
                    OutputFolder.tidy(out);
                    progress.accept(label + ": already done");
                    continue;
                }
                if (changed.containsKey(p)) {
                    progress.accept(label + ": run again, its earlier run had other settings (" + changed.get(p) + ")");
                }
                runner.run(base.with(null, null, new LinkedHashMap<>(p.values())), out, label);
                progress.accept(label + ": done");
            }
            Path csv = aggregate(dir, grid, points, exp.mainMetric());
            SweepFigures.draw(dir, null);
            List<Path> written = new ArrayList<>(List.of(Path.of("sweep.csv")));
            for (String key : grid.keySet()) {
                for (String ext : List.of("png", "svg", "pdf")) {
                    written.add(Path.of(SweepFigures.baseName(key) + "." + ext));
                }
            }
            folder.record(written);
            return csv;
        }
    }

    /** Settings that change no result, left out when an earlier run is compared with what is asked now. */
    private static final List<String> UNCOUNTED = List.of("threads");

    /**
     * How the run in a point's folder differs from what the sweep asks for now: "" when it is the
     * same run, else "steps 400 -> 200, seeds 2 -> 3"; a provenance that cannot be read differs.
     */
    static String differences(Experiment exp, RunSpec now, Path out) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode was;
        com.fasterxml.jackson.databind.JsonNode is;
        try {
            was = json.readTree(out.resolve(OutputFolder.DONE).toFile()).path("spec");
            Map<String, Object> m = now.asMap();
            m.put("set", new java.util.TreeMap<>(Runner.resolve(exp, now).asMap()));
            // through text, so that numbers compare as the file holds them
            is = json.readTree(json.writeValueAsString(m));
        } catch (IOException e) {
            return "its provenance.json cannot be read";
        }
        List<String> diffs = new ArrayList<>();
        for (String k : List.of("experiment", "seeds", "first_seed", "quick")) {
            if (!was.path(k).equals(is.path(k))) {
                diffs.add(k + " " + text(was.path(k)) + " -> " + text(is.path(k)));
            }
        }
        java.util.Set<String> keys = new java.util.TreeSet<>();
        was.path("set").fieldNames().forEachRemaining(keys::add);
        is.path("set").fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            if (!UNCOUNTED.contains(k) && !was.path("set").path(k).equals(is.path("set").path(k))) {
                diffs.add(k + " " + text(was.path("set").path(k)) + " -> " + text(is.path("set").path(k)));
            }
        }
        return String.join(", ", diffs);
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isMissingNode() ? "(none)" : n.isTextual() ? n.asText() : n.toString();
    }

    private static Path aggregate(Path dir, Map<String, List<String>> grid, List<Point> points, String mainMetric) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", grid.keySet())).append(",").append(SweepFigures.COLUMNS).append('\n');
        for (Point p : points) {
            Path curves = dir.resolve("runs").resolve(p.folder()).resolve("curves.csv");
            List<Summary.Final> finals = new ArrayList<>(Summary.finals(TraceReader.read(curves, r -> true)));
            // stable: the main metric's rows first, the rest in the order the run recorded them
            finals.sort(java.util.Comparator.comparing(f -> !f.metric().equals(mainMetric)));
            for (Summary.Final f : finals) {
                csv.append(String.join(",", p.values().values())).append(',').append(f.learner()).append(',').append(f.metric())
                        .append(',').append(f.mean()).append(',').append(f.min()).append(',').append(f.max()).append(',')
                        .append(f.seeds()).append(',').append(f.over().sd()).append(',').append(f.over().low()).append(',')
                        .append(f.over().high()).append('\n');
            }
        }
        Path file = dir.resolve("sweep.csv");
        Path tmp = dir.resolve("sweep.csv.tmp");
        Files.writeString(tmp, csv);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
