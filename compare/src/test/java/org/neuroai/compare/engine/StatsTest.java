package org.neuroai.compare.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroai.core.trace.TraceRow;

class StatsTest {
    @Test
    void theTIntervalMatchesATextbookCase() {
        // values 1..5: mean 3, sd sqrt(2.5) = 1.5811, t(4) = 2.776, half width 2.776 * 1.5811 / sqrt(5) = 1.9630
        Stats.Summary s = Stats.Summary.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), s.sd(), 1e-12);
        assertEquals(3 - 2.776 * Math.sqrt(2.5) / Math.sqrt(5), s.low(), 1e-12);
        assertTrue(Double.isNaN(Stats.Summary.of(new double[] {4}).sd()), "one seed has no spread");
        assertEquals(1.96, Stats.t975(100));
    }

    @Test
    void differencesArePairedBySeed() {
        // a - b is 1 on every seed although both vary a lot across seeds: the paired interval is [1, 1]
        List<TraceRow> rows = List.of(
                new TraceRow("a", 0, 10, "m", -1, 11), new TraceRow("b", 0, 10, "m", -1, 10),
                new TraceRow("a", 1, 10, "m", -1, 51), new TraceRow("b", 1, 10, "m", -1, 50),
                new TraceRow("a", 2, 10, "m", -1, 91), new TraceRow("b", 2, 10, "m", -1, 90),
                new TraceRow("a", 2, 5, "m", -1, 0));
        List<Stats.Difference> d = Stats.pairedFinal(rows);
        assertEquals(1, d.size());
        assertEquals(1.0, d.get(0).diff().mean(), 1e-12);
        assertEquals(1.0, d.get(0).diff().low(), 1e-12);
        assertEquals(1.0, d.get(0).diff().high(), 1e-12);
        assertEquals(3, d.get(0).diff().n());
    }
}
