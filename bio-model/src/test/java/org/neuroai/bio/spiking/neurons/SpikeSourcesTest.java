package org.neuroai.bio.spiking.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.neuroai.core.UserError;

class SpikeSourcesTest {
    private static double[] take(SpikeSource s, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = s.next();
        }
        return t;
    }

    @Test
    void aPoissonSourceHasItsRateAndUnitCoefficientOfVariation() {
        // Count in [0, T] is Poisson with mean λT: it must lie within 3 standard errors sqrt(λT).
        double rate = 50;
        double durationMs = 2_000_000; // 2000 s, 100000 spikes expected
        PoissonSource s = new PoissonSource(rate, 11);
        int count = 0;
        double last = 0;
        double sum = 0;
        double sumSq = 0;
        for (double t = s.next(); t <= durationMs; t = s.next()) {
            double isi = t - last;
            assertTrue(isi > 0);
            sum += isi;
            sumSq += isi * isi;
            last = t;
            count++;
        }
        double expected = rate * durationMs / 1000;
        assertEquals(expected, count, 3 * Math.sqrt(expected));
        double mean = sum / count;
        double cv = Math.sqrt(sumSq / count - mean * mean) / mean;
        // The sample CV of n exponential intervals has a standard error of about 1/sqrt(n) ≈ 0.003.
        assertEquals(1.0, cv, 0.015);
    }

    @Test
    void theSameSeedGivesTheSameTrainAndAnotherSeedAnother() {
        assertArrayEquals(take(new PoissonSource(15, 3), 1000), take(new PoissonSource(15, 3), 1000));
        assertFalse(Arrays.equals(take(new PoissonSource(15, 3), 1000), take(new PoissonSource(15, 4), 1000)));
    }

    @Test
    void aSilentPoissonSourceNeverFires() {
        assertEquals(Double.POSITIVE_INFINITY, new PoissonSource(0, 1).next());
        assertThrows(UserError.class, () -> new PoissonSource(-1, 1));
        assertThrows(UserError.class, () -> new PoissonSource(Double.NaN, 1));
    }

    @Test
    void aRegularSourceFiresAtPhasePlusWholePeriodsWithoutDrift() {
        RegularSource s = new RegularSource(40, 3);
        assertArrayEquals(new double[] {3, 28, 53, 78}, take(s, 4), 1e-12);
        RegularSource longRun = new RegularSource(1000.0 / 3, 0.5);
        double t = 0;
        for (int k = 0; k < 1_000_001; k++) {
            t = longRun.next();
        }
        assertEquals(0.5 + 3.0 * 1_000_000, t, 1e-6);
        assertThrows(UserError.class, () -> new RegularSource(0, 0));
        assertThrows(UserError.class, () -> new RegularSource(10, -1));
    }

    @Test
    void givenSpikeTimesAreReplayedThenTheTrainEnds() {
        SpikeTimesSource s = new SpikeTimesSource(new double[] {0, 1.5, 20}, "test");
        assertArrayEquals(new double[] {0, 1.5, 20, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, take(s, 5));
    }

    @Test
    void badSpikeTimesAreOneSentenceNamingWhereAndWhich() {
        String[] messages = {
            assertThrows(UserError.class, () -> new SpikeTimesSource(new double[] {1, 5, 3}, "pairs.csv")).getMessage(),
            assertThrows(UserError.class, () -> new SpikeTimesSource(new double[] {1, 1}, "pairs.csv")).getMessage(),
            assertThrows(UserError.class, () -> new SpikeTimesSource(new double[] {-2}, "pairs.csv")).getMessage(),
            assertThrows(UserError.class, () -> new SpikeTimesSource(new double[] {0, Double.NaN}, "pairs.csv")).getMessage(),
            assertThrows(UserError.class, () -> new SpikeTimesSource(new double[] {Double.POSITIVE_INFINITY}, "pairs.csv")).getMessage(),
        };
        for (String m : messages) {
            assertTrue(m.startsWith("pairs.csv: spike time at index "), m);
            assertTrue(m.endsWith(".") && m.lines().count() == 1, m);
        }
        assertTrue(messages[0].contains("index 2 (3.0 ms)") && messages[0].contains("increasing order"), messages[0]);
        assertTrue(messages[2].contains("negative"), messages[2]);
        assertTrue(messages[3].contains("finite"), messages[3]);
    }

    @Test
    void aQueueMergesSourcesInTimeOrder() {
        SpikeSource[] sources = {
            new SpikeTimesSource(new double[] {5, 9}, "a"),
            new SpikeTimesSource(new double[] {}, "b"),
            new SpikeTimesSource(new double[] {1, 6, 7, 30}, "c"),
            new RegularSource(100, 2),
        };
        SpikeQueue q = new SpikeQueue(sources);
        StringBuilder order = new StringBuilder();
        while (q.peekTime() < 25) {
            order.append(q.peekSource()).append('@').append(q.peekTime()).append(' ');
            q.pop();
        }
        assertEquals("2@1.0 3@2.0 0@5.0 2@6.0 2@7.0 0@9.0 3@12.0 3@22.0 ", order.toString());
        assertEquals(30.0, q.peekTime());
        assertEquals(Double.POSITIVE_INFINITY, new SpikeQueue(new SpikeSource[0]).peekTime());
    }

    @Test
    void aQueueOfManyPoissonSourcesIsSorted() {
        SpikeSource[] sources = new SpikeSource[1000];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = new PoissonSource(15, i);
        }
        SpikeQueue q = new SpikeQueue(sources);
        double last = 0;
        int[] counts = new int[sources.length];
        for (int k = 0; k < 150_000; k++) {
            assertTrue(q.peekTime() >= last);
            last = q.peekTime();
            counts[q.peekSource()]++;
            q.pop();
        }
        // 150000 spikes of 1000 inputs at 15 Hz take about 10 s.
        assertEquals(10_000, last, 300);
        assertTrue(Arrays.stream(counts).allMatch(c -> c > 80 && c < 230));
    }
}
