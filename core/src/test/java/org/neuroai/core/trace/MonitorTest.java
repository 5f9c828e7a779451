package org.neuroai.core.trace;

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
    void weightsAreRecordedOnlyAtTheStrideAndOnlyTheSelectedIndices() {
        MemorySink metrics = new MemorySink();
        MemorySink weights = new MemorySink();
        double[] w = {0, 1, 2, 3, 4, 5};
        try (Monitor m = new Monitor(metrics, weights, 10, Map.of("w", new int[] {1, 4}, "absent", new int[] {0}))) {
            for (long step = 0; step <= 30; step += 5) {
                m.weights("x", 7, step, view(w));
                m.metrics("x", 7, step, Map.of("loss", (double) step));
            }
        }
        assertEquals(8, weights.rows().size(), "steps 0, 10, 20, 30 times indices 1 and 4");
        assertTrue(weights.rows().stream().allMatch(r -> r.step() % 10 == 0));
        assertEquals(4.0, weights.rows().get(1).value());
        assertEquals(7, metrics.rows().size());
    }

    @Test
    void csvTracesRoundTrip() {
        Path curves = tmp.resolve("curves.csv");
        Path weights = tmp.resolve("weights.csv");
        try (Monitor m = new Monitor(new CsvSink(curves, false), new CsvSink(weights, true), 1, Map.of("w", new int[] {5}))) {
            m.metrics("oja", 3, 100, Map.of("principal_angle_deg", 1.25));
            m.weights("oja", 3, 100, view(new double[] {0, 0, 0, 0, 0, -0.5}));
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
