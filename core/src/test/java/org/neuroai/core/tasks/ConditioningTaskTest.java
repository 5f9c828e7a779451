package org.neuroai.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

class ConditioningTaskTest {
    @Test
    void blockingPairsAWithTheUsThenAddsB() {
        ConditioningTask t = new ConditioningTask("blocking", 3, 2.0);
        assertEquals(6, t.length());
        Batch b = t.stream(0).next(6);
        double[][] cues = {{1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}};
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(cues[i], b.inputs()[i], "trial " + i);
            assertArrayEquals(new double[] {2.0}, b.targets()[i], "every trial is reinforced");
        }
    }

    @Test
    void extinctionWithdrawsTheUsAndEveryScheduleIsTheSameForEverySeed() {
        ConditioningTask t = new ConditioningTask("extinction", 2, 1.0);
        SampleStream a = t.stream(1);
        SampleStream b = t.stream(99);
        double[] us = {1, 1, 0, 0};
        for (int i = 0; i < 4; i++) {
            Batch x = a.next(1);
            Batch y = b.next(1);
            assertEquals(i, x.first());
            assertArrayEquals(x.inputs()[0], y.inputs()[0]);
            assertArrayEquals(new double[] {1, 0}, x.inputs()[0]);
            assertEquals(us[i], x.targets()[0][0]);
        }
        assertThrows(UserError.class, () -> a.next(1), "a run cannot go past the schedule's last trial");
    }

    @Test
    void theControlIsPhase2AloneAndTheTaskIsRegistered() {
        TaskFactory f = Registry.get(TaskFactory.class, "conditioning", "task");
        Task t = f.create(Params.resolve(f.parameters(), Map.of("schedule", "control", "trials", 4), "test"));
        assertEquals(4, ((ConditioningTask) t).length());
        assertArrayEquals(new double[] {1, 1}, t.stream(0).next(1).inputs()[0]);
        assertThrows(UserError.class, () -> new ConditioningTask("second-order", 4, 1.0));
    }
}
