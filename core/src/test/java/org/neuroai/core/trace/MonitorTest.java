package org.neuroai.core.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.core.UserError;
import org.neuroai.core.WeightView;

class MonitorTest {
    @TempDir
    Path tmp;

    private static WeightView view(double[] w) {
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.of("w");
            }

            @Override
            public int[] shape(String g) {
                return new int[] {2, 3};
            }

            @Override
            public void copy(String g, double[] dest) {
                System.arraycopy(w, 0, dest, 0, 6);
            }
        };
    }

    @Test
    void onlyTheChosenIndicesOfTheGroupsALearnerHasAreRecorded() {
        MemorySink metrics = new MemorySink();
        MemorySink weights = new MemorySink();
        double[] w = {0, 1, 2, 3, 4, 5};
        try (Monitor m = new Monitor(metrics, weights)) {
            m.weights("x", 7, 10, view(w), Map.of("w", new int[] {1, 4, 9}, "absent", new int[] {0}));
            m.metrics("x", 7, 10, Map.of("loss", 1.0));
        }
        assertEquals(List.of(new TraceRow("x", 7, 10, "w", 1, 1.0), new TraceRow("x", 7, 10, "w", 4, 4.0)), weights.rows(),
                "index 9 lies outside the 2 x 3 group, and the learner has no group 'absent'");
        assertEquals(1, metrics.rows().size());
    }

    @Test
    void histogramsCountValuesOutsideTheRangeInTheEndBins() {
        MemorySink hist = new MemorySink();
        try (Monitor m = new Monitor(new MemorySink(), new MemorySink(), new MemorySink(), hist)) {
            m.histograms("x", 0, 5, view(new double[] {-9, 0.1, 0.4, 0.6, 0.99, 7}), List.of("w"), 2, 0, 1);
        }
        assertEquals(List.of(new TraceRow("x", 0, 5, "w", 0, 3.0), new TraceRow("x", 0, 5, "w", 1, 3.0)), hist.rows());
    }

    @Test
    void spreadKeepsEvenlySpacedIndices() {
        assertArrayEquals(new int[] {0, 2, 5, 7}, Monitor.spread(10, 4));
        assertArrayEquals(new int[] {0, 1, 2}, Monitor.spread(3, 100));
    }

    @Test
    void csvTracesRoundTrip() {
        Path curves = tmp.resolve("curves.csv");
        Path weights = tmp.resolve("weights.csv");
        try (Monitor m = new Monitor(new CsvSink(curves, false), new CsvSink(weights, true))) {
            m.metrics("oja", 3, 100, Map.of("principal_angle_deg", 1.25));
            m.weights("oja", 3, 100, view(new double[] {0, 0, 0, 0, 0, -0.5}), Map.of("w", new int[] {5}));
        }
        List<TraceRow> c = TraceReader.read(curves, r -> true);
        assertEquals(List.of(new TraceRow("oja", 3, 100, "principal_angle_deg", -1, 1.25)), c);
        List<TraceRow> w = TraceReader.read(weights, r -> true);
        assertEquals(List.of(new TraceRow("oja", 3, 100, "w", 5, -0.5)), w);
    }

    @Test
    void aFileThatIsNotATraceIsRefused() throws IOException {
        Path f = tmp.resolve("other.csv");
        Files.writeString(f, "a,b\n1,2\n");
        UserError e = assertThrows(UserError.class, () -> TraceReader.read(f, r -> true));
        assertTrue(e.getMessage().startsWith(f + ":1: not a trace file"), e.getMessage());
    }
}
