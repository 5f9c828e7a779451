package org.neuroai.compare.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Runner;
import org.neuroai.compare.comparison.ExampleSpecs;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.Registry;
import org.neuroai.compare.files.Folders;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.Progress;

/**
 * Every registered experiment and bundled comparison, run once per test JVM in quick mode with its
 * smoke settings, two seeds and four threads (the seeds at once, each seed's learners on two
 * lanes), into a temporary folder: the fixture runs that the experiment
 * contracts check and the chart catalogue draws every registered figure from. Smoke settings ask
 * for every optional file an experiment can write (its loss landscapes, say), so that every figure
 * has a run to be drawn from.
 */
public final class SmokeRuns {
    private static final Map<String, Path> RUNS = new ConcurrentHashMap<>();
    private static final Map<String, long[]> WORK = new ConcurrentHashMap<>();
    private static Path root;

    private SmokeRuns() {}

    /** The names of every experiment and bundled spec, in order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        Registry.all(Experiment.class).forEach(e -> out.add(e.name()));
        out.addAll(ExampleSpecs.names());
        return out;
    }

    /**
     * The smoke run of one experiment, run the first time it is asked for.
     *
     * @param name an experiment or bundled spec
     * @return its run folder
     */
    public static synchronized Path of(String name) {
        Path done = RUNS.get(name);
        if (done != null) {
            return done;
        }
        try {
            if (root == null) {
                root = Files.createTempDirectory("neuroai-smoke");
                Path made = root;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Folders.deleteTree(made);
                    } catch (IOException e) {
                        // a temporary folder left behind
                    }
                }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Experiment e = Experiments.get(name);
        Map<String, Object> set = new LinkedHashMap<>(e.smokeSettings());
        // four threads for two seeds: the seeds run at once, and each seed's learners on two lanes
        set.put("threads", 4);
        RunSpec spec = Experiments.target(name).with(2, true, set);
        Path out = root.resolve(name);
        Progress[] tracked = new Progress[1];
        Runner.run(spec, out, () -> tracked[0] = Progress.current());
        WORK.put(name, new long[] {tracked[0].total(), tracked[0].done()});
        RUNS.put(name, out);
        return out;
    }

    /**
     * The work of a smoke run as its progress display measured it.
     *
     * @param name an experiment or bundled spec
     * @return the work the run declared before it started, and the work it reported, in its step unit
     */
    public static long[] work(String name) {
        of(name);
        return WORK.get(name).clone();
    }

    /**
     * A copy of a run folder's files (a smoke run's, say) in a new folder, for a test to draw into
     * without changing the run that other tests read.
     *
     * @param run the run folder
     * @param dest the new folder
     * @return {@code dest}
     * @throws IOException when a file cannot be copied
     */
    public static Path copy(Path run, Path dest) throws IOException {
        Files.createDirectories(dest);
        try (java.util.stream.Stream<Path> files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, dest.resolve(f.getFileName()));
            }
        }
        return dest;
    }

    /** Every smoke run. */
    public static List<Path> all() {
        return names().stream().map(SmokeRuns::of).toList();
    }

    /**
     * The smoke runs a figure can be drawn from: those that name it, or, when none does (a figure
     * no study names yet), the first that has every file it reads; empty when none has them.
     *
     * @param f a registered figure
     * @return the run folders
     */
    public static List<Path> feeding(Figure f) {
        List<Path> naming = all().stream().filter(p -> RunFolder.open(p).figures().contains(f.name())).toList();
        if (!naming.isEmpty()) {
            return naming;
        }
        return all().stream().filter(p -> Figures.missing(f, RunFolder.open(p)).isEmpty()).limit(1).toList();
    }
}
