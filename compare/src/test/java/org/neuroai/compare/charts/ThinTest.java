package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A long line is thinned to what a figure can show without losing its extremes, its order or its gaps. */
class ThinTest {
    @Test
    void aShortLineIsKeptAsItIs() {
        double[] x = {0, 1, 2};
        double[] y = {3, 1, 2};
        double[][] t = Charts.thin(x, y);
        assertSame(x, t[0]);
        assertSame(y, t[1]);
    }

    @Test
    void aLongLineKeepsItsExtremesInStepOrderAndItsGaps() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100.0 * i;
            y[i] = Math.sin(i / 500.0);
        }
        y[12_345] = 7;      // a spike
        y[54_321] = -7;     // a dip
        y[77_777] = Double.NaN;   // a gap
        double[][] t = Charts.thin(x, y);
        assertTrue(t[0].length <= Charts.MAX_POINTS, "at most " + Charts.MAX_POINTS + ": " + t[0].length);
        for (int i = 1; i < t[0].length; i++) {
            assertTrue(t[0][i] > t[0][i - 1], "steps in order");
        }
        assertEquals(7, Arrays.stream(t[1]).filter(v -> !Double.isNaN(v)).max().orElseThrow());
        assertEquals(-7, Arrays.stream(t[1]).filter(v -> !Double.isNaN(v)).min().orElseThrow());
        assertTrue(Arrays.stream(t[0]).anyMatch(v -> v == 100.0 * 12_345) && Arrays.stream(t[0]).anyMatch(v -> v == 100.0 * 54_321));
        int gap = Arrays.asList(Arrays.stream(t[0]).boxed().toArray(Double[]::new)).indexOf(100.0 * 77_777);
        assertTrue(gap >= 0 && Double.isNaN(t[1][gap]), "the gap is kept");
        assertArrayEquals(new double[] {0, 100.0 * (n - 1)}, new double[] {t[0][0], t[0][t[0].length - 1]}, 100.0 * (n / (Charts.MAX_POINTS / 3)),
                "it spans the whole run");
    }
}
