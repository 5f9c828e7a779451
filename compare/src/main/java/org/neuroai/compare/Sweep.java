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
import org.neuroai.compare.files.Folders;

/**
 * A grid of runs: the cartesian product of the swept settings, each run with all the seeds, in
 * {@code DIR/runs/KEY=VALUE,...}. A run counts as done once its folder holds a provenance.json,
 * which {@link Runner} writes last and moves into place with the rest; so a sweep killed at any
 * moment and started again skips what is done and redoes the rest, and its {@code sweep.csv}
 * (final values of every run, in grid order) comes out the same as an uninterrupted sweep's.
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
        return run(base, grid, dir, progress, (spec, out, label) -> Runner.run(spec, out));
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
     * @param progress told about every point: "done", "skipped (already done)", ...
     * @param runner runs one point
     * @return the aggregated CSV
     * @throws UserError for a bad grid or spec
     */
    public static Path run(RunSpec base, Map<String, List<String>> grid, Path dir, Consumer<String> progress, PointRunner runner)
            throws IOException {
        if (grid.isEmpty()) {
            throw new UserError("--grid: give at least one KEY=V1,V2,... to sweep.");
        }
        List<Point> points = points(grid);
        // check every point before running any, so a mistake in the last value is found at once
        Experiment exp = Experiments.get(base.experiment());
        for (Point p : points) {
            Runner.resolve(exp, base.with(null, null, new LinkedHashMap<>(p.values())));
        }
        Path runs = dir.resolve("runs");
        Files.createDirectories(runs);
        removeScratch(runs);
        int i = 0;
        for (Point p : points) {
            i++;
            Path out = runs.resolve(p.folder());
            String label = String.format(Locale.ROOT, "[%d/%d] %s", i, points.size(), p.folder());
            if (Files.isRegularFile(out.resolve("provenance.json"))) {
                progress.accept(label + ": already done");
                continue;
            }
            runner.run(base.with(null, null, new LinkedHashMap<>(p.values())), out, label);
            progress.accept(label + ": done");
        }
        Path csv = aggregate(dir, grid, points, exp.mainMetric());
        SweepFigures.draw(dir, null);
        return csv;
    }

    private static void removeScratch(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            for (Path p : s.filter(q -> q.getFileName().toString().contains(".partial-")).toList()) {
                Folders.deleteTree(p);
            }
        }
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
