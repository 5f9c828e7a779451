package org.neuroai.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.UserError;
import org.neuroai.core.linalg.Linalg;

class PatternsTaskTest {
    @Test
    void patternsArePositiveOfUnitNormAndTheSameForEveryRunSeed() {
        PatternsTask a = new PatternsTask(5, 20, 2024);
        PatternsTask b = new PatternsTask(5, 20, 2024);
        double[][] p = a.heldOut().inputs();
        assertEquals(5, p.length);
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(p[k], b.patterns()[k]);
            assertEquals(1.0, Linalg.norm(p[k]), 1e-12);
            assertEquals(true, Arrays.stream(p[k]).allMatch(v -> v > 0));
        }
    }

    @Test
    void eachPresentationIsAPatternDrawnWithProbabilityOneOverKFromTheRunSeed() {
        PatternsTask t = new PatternsTask(4, 6, 7);
        double[][] p = t.patterns();
        int n = 40_000;
        Batch b = t.stream(3).next(n);
        int[] count = new int[4];
        for (double[] x : b.inputs()) {
            int k = 0;
            while (!Arrays.equals(x, p[k])) {
                k++;
            }
            count[k]++;
        }
        // a count is binomial(n, 1/4): sd = sqrt(n 3/16) ≈ 87; 500 is over five of them
        for (int c : count) {
            assertEquals(n / 4.0, c, 500);
        }
        assertArrayEquals(b.inputs()[17], t.stream(3).next(18).inputs()[17], "the same seed, the same order");
        Batch other = t.stream(4).next(50);
        assertNotEquals(Arrays.deepToString(b.inputs()).substring(0, 2000), Arrays.deepToString(other.inputs()).substring(0, 2000),
                "another seed, another order");
    }

    @Test
    void fewerDimensionsThanPatternsIsRefused() {
        UserError e = assertThrows(UserError.class, () -> new PatternsTask(8, 6, 1));
        assertEquals(true, e.getMessage().contains("'dim'"), e.getMessage());
    }
}
