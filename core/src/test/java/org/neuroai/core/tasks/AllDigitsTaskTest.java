package org.neuroai.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;

class AllDigitsTaskTest {
    @Test
    void everyEpochVisitsAllImagesInItsOwnSeededOrder() {
        Dataset data = Datasets.digits();
        AllDigitsTask t = new AllDigitsTask(data);
        int n = data.size();
        assertEquals(1797, t.epochSize());
        SampleStream s = t.stream(5);
        Batch first = s.next(n - 3);
        Batch across = s.next(10);
        int[] e0 = AllDigitsTask.epochOrder(5, 0, n);
        int[] e1 = AllDigitsTask.epochOrder(5, 1, n);
        assertEquals(e0[17], first.ids()[17]);
        assertEquals(e0[n - 1], across.ids()[2], "the last image of epoch 0");
        assertEquals(e1[0], across.ids()[3], "then epoch 1 in its own order");
        int id = across.ids()[5];
        for (int j = 0; j < 64; j++) {
            assertEquals(data.inputs()[id][j] / 16.0, across.inputs()[5][j], 0.0, "grey levels divided by 16");
        }
        assertEquals(1.0, across.targets()[5][data.labels()[id]], "one-hot target");
        boolean[] seen = new boolean[n];
        for (int i : e0) {
            seen[i] = true;
        }
        for (boolean b : seen) {
            assertTrue(b, "a permutation");
        }
        assertArrayEquals(e0, AllDigitsTask.epochOrder(5, 0, n));
    }
}
