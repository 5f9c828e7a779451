package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Summary;
import org.neuroai.compare.measures.Selectivity;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

class BcmExperimentTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runOnce() {
        // the full default length (100000 presentations), recorded every 5000
        run = tmp.resolve("bcm");
        Runner.run(new RunSpec("bcm-selectivity", 3, 0, false, Map.of("eval_every", "5000"), "test"), run);
    }

    @Test
    void everyUnitEndsSelectiveAndSeedsPickDifferentPatterns() throws IOException {
        for (String f : List.of("curves.csv", "probes.csv", "bcm_responses.png", "bcm_responses.svg", "bcm_threshold.png",
                "bcm_threshold.svg", "provenance.json")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        List<TraceRow> rows = TraceReader.read(run.resolve("curves.csv"), r -> true);
        for (Summary.Final f : Summary.finals(rows)) {
            assertEquals(100_000, f.step());
            switch (f.metric()) {
                // every unit of every seed responds to one pattern only: selectivity 1 - 1/K = 0.8
                case "selective_fraction" -> assertEquals(1.0, f.min(), f.toString());
                case "selectivity_mean" -> assertEquals(0.8, f.min(), 0.01, f.toString());
                // the threshold sits at the selective fixed point theta = K = 5, fluctuating by about 1
                case "theta_mean" -> assertEquals(5, f.mean(), 1.0, f.toString());
                case "patterns_chosen" -> assertTrue(f.min() >= 2, "units of one seed pick different patterns: " + f);
                default -> throw new AssertionError("unexpected metric " + f.metric());
            }
        }
        // the seeds' units pick different patterns: the preferred pattern of unit 1 differs across seeds,
        // or else the sets of patterns chosen do
        List<TraceRow> last = TraceReader.read(run.resolve("probes.csv"), r -> r.step() == 100_000 && r.metric().equals("response"));
        Set<String> assignments = last.stream().collect(Collectors.groupingBy(TraceRow::seed)).values().stream()
                .map(BcmExperimentTest::preferredPatterns).collect(Collectors.toSet());
        assertTrue(assignments.size() > 1, "seeds give different assignments: " + assignments);
    }

    /** The preferred pattern of each unit, as text, from one seed's final responses (K = 5). */
    private static String preferredPatterns(List<TraceRow> responses) {
        int units = responses.size() / 5;
        int[] best = new int[units];
        double[] max = new double[units];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (TraceRow r : responses) {
            int unit = r.index() / 5;
            if (r.value() > max[unit]) {
                max[unit] = r.value();
                best[unit] = r.index() % 5;
            }
        }
        return java.util.Arrays.toString(best);
    }

    @Test
    void recordsResponsesThresholdsAndSelectivityOfEveryUnit() {
        List<TraceRow> first = TraceReader.read(run.resolve("probes.csv"), r -> r.seed() == 0 && r.step() == 0);
        assertEquals(50, first.stream().filter(r -> r.metric().equals("response")).count(), "10 units x 5 patterns");
        assertEquals(10, first.stream().filter(r -> r.metric().equals("theta")).count());
        assertEquals(10, first.stream().filter(r -> r.metric().equals("selectivity")).count());
        assertTrue(first.stream().filter(r -> r.metric().equals("theta")).allMatch(r -> r.value() == 0), "theta0 = 0");
        // random positive weights and positive patterns: every unit starts answering every pattern
        assertTrue(first.stream().filter(r -> r.metric().equals("response")).allMatch(r -> r.value() > 0));
        long steps = TraceReader.read(run.resolve("curves.csv"), r -> r.seed() == 0 && r.metric().equals("theta_mean")).size();
        assertEquals(21, steps, "0, 5000, ..., 100000");
        // theta is the layer's own probe, the same values the measure averages
        List<TraceRow> theta = TraceReader.read(run.resolve("probes.csv"), r -> r.seed() == 0 && r.step() == 100_000 && r.metric().equals("theta"));
        double mean = theta.stream().mapToDouble(TraceRow::value).average().orElseThrow();
        double recorded = TraceReader.read(run.resolve("curves.csv"), r -> r.seed() == 0 && r.step() == 100_000
                && r.metric().equals("theta_mean")).get(0).value();
        assertEquals(recorded, mean, 1e-12);
    }

    @Test
    void patternsMustBeIndependent() {
        UserError e = assertThrows(UserError.class, () -> Runner.run(new RunSpec("bcm-selectivity", 1, 0, true,
                Map.of("patterns", "8", "dim", "6"), "test"), tmp.resolve("x")));
        assertTrue(e.getMessage().contains("'dim'"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void selectivityIsOneMinusMeanOverMax() {
        assertEquals(0.8, Selectivity.selectivity(new double[] {5, 0, 0, 0, 0}), 1e-12);
        assertEquals(0, Selectivity.selectivity(new double[] {2, 2, 2}), 1e-12);
        assertEquals(0, Selectivity.selectivity(new double[] {0, 0}), "a silent unit");
        assertEquals(0.5, Selectivity.selectivity(new double[] {4, -3}), 1e-12, "negative responses count as 0");
        assertTrue(Selectivity.selective(new double[] {5, 0.4, -0.4}));
        assertFalse(Selectivity.selective(new double[] {5, 0.6, 0}));
        assertFalse(Selectivity.selective(new double[] {5, -0.6, 0}));
    }
}
