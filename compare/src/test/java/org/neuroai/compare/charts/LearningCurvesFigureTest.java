package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.trace.TraceRow;

class LearningCurvesFigureTest {
    @Test
    void bandsAreTheMeanAndItsStudentTInterval() {
        List<TraceRow> rows = List.of(
                new TraceRow("a", 0, 10, "accuracy", -1, 1),
                new TraceRow("a", 1, 10, "accuracy", -1, 2),
                new TraceRow("a", 2, 10, "accuracy", -1, 3),
                new TraceRow("a", 0, 0, "accuracy", -1, 0.5),
                new TraceRow("b", 0, 0, "accuracy", -1, 0.25),
                new TraceRow("a", 0, 0, "mse", -1, 9));
        Map<String, SeedStats> bands = SeedStats.byLearner(rows, "accuracy");
        SeedStats a = bands.get("a");
        assertArrayEquals(new double[] {0, 10}, a.steps());
        // at step 10: mean 2, sd 1, 3 seeds, t(0.975, 2 df) = 4.303
        double half = 4.303 / Math.sqrt(3);
        assertEquals(2, a.mean()[1], 1e-12);
        assertEquals(2 - half, a.low()[1], 1e-12);
        assertEquals(2 + half, a.high()[1], 1e-12);
        // a step with one seed has no interval: the band collapses onto the mean
        assertEquals(0.5, a.low()[0]);
        assertEquals(0.5, a.high()[0]);
        assertEquals(3, a.seeds());
        assertEquals(List.of("a", "b"), List.copyOf(bands.keySet()));
    }
}
