package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.charts.Render;
import org.neuroai.compare.charts.Theme;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.core.Registry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Runner;
import org.neuroai.compare.engine.SmokeRuns;
import org.neuroai.compare.files.Traces;

/**
 * Every registered experiment, and a bundled spec, in its smoke settings, writes the same files
 * whatever the number of threads: the traces, and every CSV file a plug-in writes, wall-clock
 * times aside.
 */
class ThreadIndependenceTest {
    @TempDir
    Path tmp;

    /**
     * Every experiment, and of the bundled specs the one with every kind of learner a spec can name
     * (rate rules, a ridge readout on a rule's features, a network trained by backpropagation): the
     * other specs train through the same engine with learners these runs already cover.
     */
    static Stream<String> experiments() {
        return Stream.concat(Registry.all(Experiment.class).stream().map(Experiment::name), Stream.of("digits-features"));
    }

    /**
     * A file's lines without the rows of wall-clock times (a metric named wall_...), which measure
     * the machine, not the run: a trace's rows are {@code learner,seed,step,metric,...}.
     */
    static List<String> untimed(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f);
        if (lines.isEmpty()) {
            return lines;
        }
        // the column that names a metric: 4th in the traces, 2nd in stats.csv
        List<String> header = List.of(lines.get(0).split(","));
        int metric = header.indexOf("metric");
        return lines.stream().filter(l -> metric < 0 || !l.split(",", metric + 2)[metric].contains("wall_")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void filesAreByteIdenticalWithOneAndTwoThreads(String name) throws Exception {
        // the smoke run has two seeds on four threads: the seeds at once, each seed's learners on two
        // lanes of their own; run again on one thread, seed after seed, learner after learner
        Path a = tmp.resolve("one");
        Path b = SmokeRuns.of(name);
        Map<String, Object> set = new LinkedHashMap<>(Experiments.get(name).smokeSettings());
        set.put("threads", 1);
        // its figures only as PNG: the files compared here are the CSV files
        new Render(Theme.PRINT, EnumSet.of(Render.Format.PNG)).using(() -> Runner.run(Experiments.target(name).with(2, true, set), a));
        assertTrue(Files.exists(a.resolve(Traces.CURVES)));
        try (Stream<Path> files = Files.list(a)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                assertEquals(untimed(f), untimed(b.resolve(f.getFileName())), name + " " + f.getFileName() + " differs");
            }
        }
    }
}
