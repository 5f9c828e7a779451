package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitMixOrderTest {
    @Test
    void theGeneratorGivesSplitMix64sPublishedOutputs() {
        // the reference sequence for seed 1234567 (Rosetta Code, "Pseudo-random numbers/Splitmix64")
        SplitMixOrder r = new SplitMixOrder(1234567);
        assertEquals("6457827717110365317", Long.toUnsignedString(r.next()));
        assertEquals("3203168211198807973", Long.toUnsignedString(r.next()));
        assertEquals("9817491932198370423", Long.toUnsignedString(r.next()));
        assertEquals("4593380528125082431", Long.toUnsignedString(r.next()));
        assertEquals("16408922859458223821", Long.toUnsignedString(r.next()));
    }

    @Test
    void aTwoElementShuffleSwapsExactlyWhenTheFirstOutputIsEven() {
        // n = 2: one step, j = next() mod 2; seed 1234567 starts with 6457827717110365317 (odd), so j = 1: no swap
        assertArrayEquals(new int[] {0, 1}, SplitMixOrder.permutation(2, 1234567));
        // a seed whose first output is even swaps the two
        long even = 0;
        while ((new SplitMixOrder(even).next() & 1) == 1) {
            even++;
        }
        assertArrayEquals(new int[] {1, 0}, SplitMixOrder.permutation(2, even));
    }

    @Test
    void anOrderHoldsEverySampleOnceAndDependsOnTheSeed() {
        int[] a = SplitMixOrder.permutation(60000, 1);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(a, SplitMixOrder.permutation(60000, 1));
        assertNotEquals(Arrays.toString(a), Arrays.toString(SplitMixOrder.permutation(60000, 2)));
        int fixed = 0;
        for (int i = 0; i < a.length; i++) {
            fixed += a[i] == i ? 1 : 0;
        }
        // a random permutation leaves about one sample in place (Poisson with mean 1); file order would leave all
        assertEquals(0, fixed, 5);
    }
}
