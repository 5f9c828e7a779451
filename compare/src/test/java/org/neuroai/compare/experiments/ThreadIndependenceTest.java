package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.compare.Runner;
import org.neuroai.core.RunSpec;

/** Every experiment that runs seeds in parallel writes the same traces whatever the number of threads. */
class ThreadIndependenceTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> experiments() {
        return Stream.of(
                Arguments.of("xor", Map.of("steps", "200", "eval_every", "50")),
                Arguments.of("bcm-selectivity", Map.of()),
                Arguments.of("stdp-balance", Map.of("duration_s", "2")),
                Arguments.of("pca", Map.of("steps", "400", "eval_every", "100")),
                Arguments.of("gradient-alignment", Map.of("steps", "200", "digits.epochs", "1")),
                Arguments.of("associative-memory", Map.of("stored", "1,5,10", "report_stored", "5", "cues", "3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void tracesAreByteIdenticalWithOneAndTwoThreads(String experiment, Map<String, Object> settings) throws IOException {
        Map<String, Object> one = new HashMap<>(settings);
        one.put("threads", "1");
        Map<String, Object> two = new HashMap<>(settings);
        two.put("threads", "2");
        Path a = tmp.resolve("one");
        Path b = tmp.resolve("two");
        // four seeds: two per thread, so that which thread runs which seed differs between the runs
        Runner.run(new RunSpec(experiment, 4, 0, true, one, "test"), a);
        Runner.run(new RunSpec(experiment, 4, 0, true, two, "test"), b);
        for (String f : new String[] {"curves.csv", "weights.csv", "histograms.csv", "spikes.csv", "recall.csv"}) {
            if (Files.exists(a.resolve(f))) {
                assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), experiment + " " + f + " differs");
            }
        }
    }
}
