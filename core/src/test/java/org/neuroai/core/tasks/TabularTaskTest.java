package org.neuroai.core.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;

class TabularTaskTest {
    @Test
    void irisIsSplitStandardisedAndOneHot() {
        TaskFactory f = Registry.get(TaskFactory.class, "iris", "task");
        Task t = f.create(Params.resolve(f.parameters(), Map.of("heldout_fraction", "0.3"), "test"));
        assertEquals(4, t.inputDim());
        assertEquals(105, t.epochSize(), "150 flowers less 45 held out");
        Split held = t.heldOut();
        assertEquals(45, held.size());
        // one epoch visits every training row once: standardised, each feature has mean 0 and variance 1
        Batch b = t.stream(3).next(105);
        for (int j = 0; j < 4; j++) {
            double mean = 0;
            double var = 0;
            for (double[] x : b.inputs()) {
                mean += x[j] / 105;
            }
            for (double[] x : b.inputs()) {
                var += (x[j] - mean) * (x[j] - mean) / 105;
            }
            assertEquals(0, mean, 1e-12);
            assertEquals(1, var, 1e-12);
        }
        int[] perClass = new int[3];
        for (double[] y : b.targets()) {
            assertEquals(1.0, y[0] + y[1] + y[2], "one-hot");
            perClass[y[0] == 1 ? 0 : y[1] == 1 ? 1 : 2]++;
        }
        assertEquals(150 - 45, perClass[0] + perClass[1] + perClass[2]);
        assertTrue(perClass[0] > 20 && perClass[1] > 20 && perClass[2] > 20, "every species in training");
    }

    @Test
    void wineAndBreastCancerAreRegistered() {
        for (String name : new String[] {"wine", "breast-cancer"}) {
            TaskFactory f = Registry.get(TaskFactory.class, name, "task");
            Task t = f.create(Params.defaults(f.parameters()));
            assertEquals(name, t.name());
            assertEquals(name.equals("wine") ? 13 : 30, t.inputDim());
            assertEquals(name.equals("wine") ? 3 : 2, t.heldOut().targets()[0].length);
        }
    }
}
