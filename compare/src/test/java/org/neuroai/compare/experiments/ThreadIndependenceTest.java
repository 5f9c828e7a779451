package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Runner;
import org.neuroai.compare.engine.SmokeRuns;
import org.neuroai.compare.files.Traces;

/**
 * Every registered experiment and bundled spec, in its smoke settings, writes the same files
 * whatever the number of threads: the traces, and every CSV file a plug-in writes, wall-clock
 * times aside.
 */
class ThreadIndependenceTest {
    @TempDir
    Path tmp;

    static Stream<String> experiments() {
        return SmokeRuns.names().stream();
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
    void filesAreByteIdenticalWithOneAndTwoThreads(String name) throws IOException {
        // the smoke run has two seeds on four threads: the seeds at once, each seed's learners on two
        // lanes of their own; run again on one thread, seed after seed, learner after learner
        Path a = tmp.resolve("one");
        Path b = SmokeRuns.of(name);
        Map<String, Object> set = new LinkedHashMap<>(Experiments.get(name).smokeSettings());
        set.put("threads", 1);
        Runner.run(Experiments.target(name).with(2, true, set), a);
        assertTrue(Files.exists(a.resolve(Traces.CURVES)));
        try (Stream<Path> files = Files.list(a)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                assertEquals(untimed(f), untimed(b.resolve(f.getFileName())), name + " " + f.getFileName() + " differs");
            }
        }
    }
}
