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
     * Runs (or resumes) a sweep, each point through {@code runner}, one after the other.
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
        return run(base, grid, dir, resumeOnly, points -> {
            for (Todo t : points) {
                if (t.done()) {
                    progress.accept(t.label() + ": already done");
                    continue;
                }
                if (t.earlier() != null) {
                    progress.accept(t.label() + ": run again, its earlier run had other settings (" + t.earlier() + ")");
                }
                runner.run(t.spec(), t.out(), t.label());
                progress.accept(t.label() + ": done");
            }
        });
    }

    /**
     * One point of a sweep as the sweep found it.
     *
     * @param index its place in the grid, from 1
     * @param total the number of points
     * @param point the point
     * @param spec the point's spec
     * @param out its run folder
     * @param earlier null when it has no finished run, "" when its finished run is the one asked for now,
     *                else how that run differs ("steps 400 -> 200")
     */
    public record Todo(int index, int total, Point point, RunSpec spec, Path out, String earlier) {
        /** "[i/n] folder", for progress lines. */
        public String label() {
            return String.format(Locale.ROOT, "[%d/%d] %s", index, total, point.folder());
        }

        /** Whether the point's finished run is the one asked for, so that it is not run again. */
        public boolean done() {
            return "".equals(earlier);
        }
    }

    /**
     * How a sweep runs its points: one by one in this process, or all at once on a cluster. It is
     * given every point in grid order, the done ones too (to report them), and must leave each
     * point it runs as a finished run in {@link Todo#out()}.
     */
    @FunctionalInterface
    public interface Points {
        /**
         * Runs the points not done.
         *
         * @param points every point of the grid
         * @throws IOException when a file cannot be written
         */
        void run(List<Todo> points) throws IOException;
    }

    /**
     * Checks a sweep before anything runs: the grid is not empty and every point's settings are
     * valid for the experiment, so a mistake in the last value is found at once.
     *
     * @param base the spec every point starts from
     * @param grid the swept settings
     * @return the points, in grid order
     * @throws UserError for a bad grid or spec, in the words of a single run
     */
    public static List<Point> check(RunSpec base, Map<String, List<String>> grid) {
        if (grid.isEmpty()) {
            throw new UserError("--grid: give at least one KEY=V1,V2,... to sweep.");
        }
        List<Point> points = points(grid);
        Experiment exp = Experiments.get(base.experiment());
        for (Point p : points) {
            Runner.resolve(exp, spec(base, p));
        }
        return points;
    }

    /**
     * The spec of one point: the base spec with the point's values set.
     *
     * @param base the spec every point starts from
     * @param p the point
     * @return its spec
     */
    public static RunSpec spec(RunSpec base, Point p) {
        return base.with(null, null, new LinkedHashMap<>(p.values()));
    }

    /**
     * Reads {@code --grid} options: {@code KEY=V1,V2,...} each.
     *
     * @param items the options as given
     * @return key to its values, in the order given
     * @throws UserError for an item that is not KEY=V1,V2,...
     */
    public static Map<String, List<String>> grid(List<String> items) {
        Map<String, List<String>> g = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new UserError("--grid: '" + item + "' is not KEY=V1,V2,...; for example --grid bio.eta=0.05,0.1,0.2.");
            }
            g.put(item.substring(0, eq), java.util.Arrays.stream(item.substring(eq + 1).split(",")).map(String::trim).toList());
        }
        return g;
    }

    /**
     * Runs (or resumes) a sweep, the points not done through {@code engine}; then builds
     * {@code sweep.csv} and the figures from the finished runs alone.
     *
     * @param base the spec every point starts from
     * @param grid the swept settings
     * @param dir the sweep folder
     * @param resumeOnly refuse, rather than run again, a point whose earlier run had other settings
     * @param engine runs the points not done
     * @return the aggregated CSV
     * @throws UserError for a bad grid or spec, a folder that is not a sweep's, or (with resumeOnly) a point run with other settings
     */
    public static Path run(RunSpec base, Map<String, List<String>> grid, Path dir, boolean resumeOnly, Points engine) throws IOException {
        List<Point> points = check(base, grid);
        Experiment exp = Experiments.get(base.experiment());
        try (OutputFolder folder = OutputFolder.open(dir, "sweep", true, "--out")) {
            folder.record(List.of());
            Path runs = dir.resolve("runs");
            Files.createDirectories(runs);
            List<Todo> todo = new ArrayList<>();
            for (Point p : points) {
                Path out = runs.resolve(p.folder());
                boolean finished = Files.isRegularFile(out.resolve(OutputFolder.DONE));
                String diff = finished ? differences(exp, spec(base, p), out) : null;
                todo.add(new Todo(todo.size() + 1, points.size(), p, spec(base, p), out, diff));
            }
            List<Todo> changed = todo.stream().filter(t -> t.earlier() != null && !t.done()).toList();
            if (resumeOnly && !changed.isEmpty()) {
                Todo first = changed.get(0);
                throw new UserError(dir + ": point " + first.point().folder() + (changed.size() > 1 ? " (and " + (changed.size() - 1) + " more)" : "")
                        + " was run with other settings (" + first.earlier() + "); --resume-only runs only the points not yet run: "
                        + "leave it out to run those points again, or choose another folder.");
            }
            for (Todo t : todo) {
                if (t.done()) {
                    // a writer killed between putting the run in place and letting go of the folder
                    OutputFolder.tidy(t.out());
                }
            }
            engine.run(todo);
            Path csv = aggregate(dir, grid, points, exp.mainMetric());
            SweepFigures.draw(dir, null);
            folder.record(written(grid));
            return csv;
        }
    }

    /**
     * The files a sweep writes into its folder beside the runs: sweep.csv and each swept setting's figure.
     *
     * @param grid the swept settings
     * @return paths relative to the sweep folder
     */
    public static List<Path> written(Map<String, List<String>> grid) {
        List<Path> written = new ArrayList<>(List.of(Path.of("sweep.csv")));
        for (String key : grid.keySet()) {
            for (String ext : List.of("png", "svg", "pdf")) {
                written.add(Path.of(SweepFigures.baseName(key) + "." + ext));
            }
        }
        return written;
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
