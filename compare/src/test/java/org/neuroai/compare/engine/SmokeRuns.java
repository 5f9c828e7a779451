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
import org.neuroai.core.RunSpec;

/**
 * Every registered experiment and bundled comparison, run once per test JVM in quick mode with its
 * smoke settings and two seeds, into a temporary folder: the fixture runs that the experiment
 * contracts check and the chart catalogue draws every registered figure from. Smoke settings ask
 * for every optional file an experiment can write (its loss landscapes, say), so that every figure
 * has a run to be drawn from.
 */
public final class SmokeRuns {
    private static final Map<String, Path> RUNS = new ConcurrentHashMap<>();
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
                root.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Experiment e = Experiments.get(name);
        Map<String, Object> set = new LinkedHashMap<>(e.smokeSettings());
        RunSpec spec = Experiments.target(name).with(2, true, set);
        Path out = root.resolve(name);
        Runner.run(spec, out);
        RUNS.put(name, out);
        return out;
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
