package org.neuroai.bio.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.rules.HopfieldRule;

/** The Hopfield network against Hopfield 1982 and Amit, Gutfreund &amp; Sompolinsky 1985. */
class HopfieldNetworkTest {
    private static final HopfieldRule RULE = new HopfieldRule();

    private static HopfieldNetwork net(int n, HopfieldNetwork.Update update, long seed) {
        return new HopfieldNetwork("hopfield", RULE, RULE.params(Map.of(), "test"), n, update, 100, seed);
    }

    private static double[][] randomPatterns(int p, int n, SplittableRandom r) {
        return HopfieldNetwork.randomPatterns(p, n, r);
    }

    private static double[] corrupt(double[] pattern, int flips, SplittableRandom r) {
        return HopfieldNetwork.corrupt(pattern, flips, r);
    }

    @Test
    void storageIsTheOuterProductOverNWithAZeroDiagonal() {
        HopfieldNetwork h = net(4, HopfieldNetwork.Update.ASYNCHRONOUS, 0);
        h.store(new double[] {1, -1, 1, 1});
        h.store(new double[] {1, 1, -1, 1});
        double[][] w = h.weights().matrix("w");
        double[][] expected = {
            {0, 0, 0, 0.5},
            {0, 0, -0.5, 0},
            {0, -0.5, 0, 0},
            {0.5, 0, 0, 0}};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], w[i], 1e-15);
        }
        assertEquals(2, h.presentations());
        assertThrows(IllegalArgumentException.class, () -> h.store(new double[] {1, 0, 1, 1}));
        h.reset();
        assertEquals(0, h.presentations());
        assertEquals(0, h.weights().matrix("w")[0][3]);
    }

    @Test
    void theEnergyNeverRisesUnderAsynchronousUpdates() {
        // Hopfield 1982: ΔE = −Δs_i h_i ≤ 0 for symmetric weights with a zero diagonal, at any load
        SplittableRandom r = new SplittableRandom(1);
        for (int p : new int[] {3, 20, 60}) {
            HopfieldNetwork h = net(100, HopfieldNetwork.Update.ASYNCHRONOUS, p);
            for (double[] x : randomPatterns(p, 100, r)) {
                h.store(x);
            }
            for (int trial = 0; trial < 20; trial++) {
                double[] s = randomPatterns(1, 100, r)[0];
                double e = h.energy(s);
                for (int step = 0; step < 2000; step++) {
                    int i = r.nextInt(100);
                    double hi = h.field(s, i);
                    double before = s[i];
                    h.updateUnit(s, i);
                    double after = h.energy(s);
                    assertEquals(e - (s[i] - before) * hi, after, 1e-9, "ΔE = −Δs_i h_i");
                    assertTrue(after <= e + 1e-12, "load " + p + ", step " + step + ": " + e + " -> " + after);
                    e = after;
                }
                assertTrue(h.recall(s).fixedPoint(), "asynchronous recall ends at a fixed point");
            }
        }
    }

    @Test
    void storedPatternsAreFixedPointsAtLowLoad() {
        // With P = 5 patterns in N = 100 units the crosstalk on a unit has standard deviation
        // sqrt((P − 1)/N) = 0.2 against a signal of 1: a unit is unstable with probability
        // Φ(−5) ≈ 3e-7, so every stored pattern is a fixed point.
        SplittableRandom r = new SplittableRandom(2);
        for (HopfieldNetwork.Update u : HopfieldNetwork.Update.values()) {
            for (int trial = 0; trial < 10; trial++) {
                HopfieldNetwork h = net(100, u, trial);
                double[][] x = randomPatterns(5, 100, r);
                for (double[] p : x) {
                    h.store(p);
                }
                for (double[] p : x) {
                    double[] s = p.clone();
                    HopfieldNetwork.Recall rec = h.recall(s);
                    assertArrayEquals(p, s, 0.0);
                    assertEquals(1, rec.sweeps(), "nothing changes in the first sweep");
                    assertTrue(rec.fixedPoint());
                }
            }
        }
    }

    /** Fraction of cues (10 % of the units flipped) recalled with overlap at least 0.98. */
    private static double recallRate(int patterns, HopfieldNetwork.Update u, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int ok = 0;
        int total = 0;
        for (int trial = 0; trial < 20; trial++) {
            HopfieldNetwork h = net(100, u, seed * 100 + trial);
            double[][] x = randomPatterns(patterns, 100, r);
            for (double[] p : x) {
                h.store(p);
            }
            for (double[] p : x) {
                double[] s = corrupt(p, 10, r);
                h.recall(s);
                ok += HopfieldNetwork.overlap(p, s) >= 0.98 ? 1 : 0;
                total++;
            }
        }
        return (double) ok / total;
    }

    @Test
    void capacityIsNearAFewTenthsOfN() {
        // Amit, Gutfreund & Sompolinsky 1985: retrieval states exist up to α_c = P/N ≈ 0.138. At
        // N = 100 from cues with 10 % of the bits flipped, P = 5 (α = 0.05) is recalled almost
        // always and P = 25 (α = 0.25) mostly not (about 7 % in a numpy simulation of the same
        // protocol); 100 and 500 cues keep the binomial error of both rates below 2.5 %.
        double low = recallRate(5, HopfieldNetwork.Update.ASYNCHRONOUS, 3);
        double high = recallRate(25, HopfieldNetwork.Update.ASYNCHRONOUS, 4);
        assertTrue(low > 0.95, "5 patterns: " + low);
        assertTrue(high < 0.5, "25 patterns: " + high);
        assertTrue(recallRate(5, HopfieldNetwork.Update.SYNCHRONOUS, 5) > 0.95);
    }

    @Test
    void synchronousUpdatesCanCycleAndTheStepLimitEndsThem() {
        // Two units coupled by a negative weight: from (+1, +1) both flip together forever.
        HopfieldNetwork h = new HopfieldNetwork("h", RULE, RULE.params(Map.of(), "test"), 2,
                HopfieldNetwork.Update.SYNCHRONOUS, 7, 0);
        h.store(new double[] {1, -1});
        double[] s = {1, 1};
        HopfieldNetwork.Recall rec = h.recall(s);
        assertFalse(rec.fixedPoint());
        assertEquals(7, rec.sweeps());
        assertArrayEquals(new double[] {-1, -1}, s, 0.0, "after an odd number of sweeps");
    }

    @Test
    void theRecallOrderIsSeeded() {
        SplittableRandom r = new SplittableRandom(6);
        double[][] x = randomPatterns(20, 100, r);
        double[][] cues = new double[20][];
        for (int c = 0; c < cues.length; c++) {
            cues[c] = corrupt(x[c], 20, r);
        }
        double[][][] out = new double[3][][];
        long[] seeds = {11, 11, 12};
        for (int k = 0; k < 3; k++) {
            HopfieldNetwork h = net(100, HopfieldNetwork.Update.ASYNCHRONOUS, seeds[k]);
            for (double[] p : x) {
                h.store(p);
            }
            out[k] = h.predict(cues);
        }
        for (int c = 0; c < cues.length; c++) {
            assertArrayEquals(out[0][c], out[1][c], 0.0);
        }
        assertFalse(java.util.Arrays.deepEquals(out[0], out[2]), "another recall seed, another order");
    }
}
