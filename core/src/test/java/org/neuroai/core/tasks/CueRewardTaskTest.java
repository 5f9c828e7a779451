package org.neuroai.core.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/** The trials of the cue-reward task: where cue and reward fall, the probe trials, the two representations. */
class CueRewardTaskTest {
    @Test
    void theRewardComesADelayAfterTheCueAndNotOnProbeTrials() {
        CueRewardTask task = CueRewardTask.csc(3, 12, 2, 5);
        assertEquals(4 * 12, task.length());
        assertEquals(10, task.inputDim(), "one input per step from the cue to the trial's end");
        Batch b = task.stream(0).next((int) task.length());
        for (int k = 0; k < 4; k++) {
            for (int t = 0; t < 12; t++) {
                int s = k * 12 + t;
                double expected = k < 3 && t == 7 ? 1 : 0;
                assertEquals(expected, b.targets()[s][0], "trial " + k + " step " + t);
                double sum = 0;
                for (double v : b.inputs()[s]) {
                    sum += v;
                }
                assertEquals(t < 2 ? 0 : 1, sum, "one tap of the delay line on from the cue on");
                if (t >= 2) {
                    assertEquals(1, b.inputs()[s][t - 2], "the tap of step " + (t - 2) + " after the cue");
                }
            }
        }
    }

    @Test
    void microstimuliAreBumpsOnADecayingTraceAndTheRewardStartsItsOwn() {
        CueRewardTask task = new CueRewardTask(1, 1, 20, 3, 6, 0, 1.0, "microstimulus", 5, 0.9, 0.08);
        assertEquals(10, task.inputDim());
        double[] atCue = task.input(3, 9);
        // the trace is 1 at onset: the last microstimulus (centred on 1) is the strongest, at 1/√(2π)
        assertEquals(1 / Math.sqrt(2 * Math.PI), atCue[4], 1e-12);
        double y = Math.pow(0.9, 4);
        double d = y - 0.6;
        assertEquals(y * Math.exp(-d * d / (2 * 0.08 * 0.08)) / Math.sqrt(2 * Math.PI), task.input(7, 9)[2], 1e-12);
        for (int i = 5; i < 10; i++) {
            assertEquals(0, task.input(8, 9)[i], "no reward trace before the reward");
            assertEquals(0, task.input(12, -1)[i], "none on a trial without reward");
        }
        assertTrue(task.input(9, 9)[9] > 0.39, "the reward's trace starts at its step");
        for (double v : task.input(2, 9)) {
            assertEquals(0, v, "nothing before the cue");
        }
    }

    @Test
    void aJitteredDelayIsDrawnByTheSeedWithinItsRange() {
        CueRewardTask task = new CueRewardTask(50, 0, 20, 2, 8, 3, 1.0, "csc", 10, 0.92, 0.08);
        assertTrue(task.seedOrdersSamples());
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        boolean differ = false;
        for (int k = 0; k < 50; k++) {
            int at = task.rewardStep(k, 1);
            assertTrue(at >= 2 + 5 && at <= 2 + 11, "reward step " + at);
            assertEquals(at, task.rewardStep(k, 1), "the same seed, the same delay");
            seen.add(at);
            differ |= at != task.rewardStep(k, 2);
        }
        assertEquals(7, seen.size(), "every delay in delay +- jitter occurs: " + seen);
        assertTrue(differ, "another seed draws other delays");
        Batch b = task.stream(1).next(20 * 50);
        for (int k = 0; k < 50; k++) {
            assertEquals(1, b.targets()[k * 20 + task.rewardStep(k, 1)][0], "trial " + k);
        }
    }

    @Test
    void aRewardThatCouldFallOutsideItsTrialIsRefusedNamingTheKeys() {
        TaskFactory f = Registry.get(TaskFactory.class, "cue-reward", "task");
        UserError e = assertThrows(UserError.class,
                () -> f.create(Params.resolve(f.parameters(), Map.of("steps", 12, "cue", 5, "delay", 7), "task cue-reward")));
        assertTrue(e.getMessage().contains("'steps'") && e.getMessage().contains("delay <= 6"), e.getMessage());
        assertThrows(UserError.class, () -> f.create(Params.resolve(f.parameters(), Map.of("jitter", 10), "task cue-reward")));
        assertThrows(UserError.class, () -> f.create(Params.resolve(f.parameters(), Map.of("representation", "pixels"), "t")));
        assertNotEquals(0, f.create(Params.defaults(f.parameters())).inputDim());
    }
}
