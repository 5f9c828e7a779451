package org.neuroai.ann.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.tasks.CueRewardTask;

/**
 * The DL4J critic against theory (a linear critic is TD(0) on its inputs) and against the three
 * results of Schultz, Dayan &amp; Montague 1997 on a tapped delay line: the TD error moves from the
 * reward to the cue, and an omitted reward gives a dip when it was due.
 */
class TdCriticTest {
    private static TdCritic critic(CueRewardTask task, Map<String, Object> given, long seed) {
        TdCriticFactory f = new TdCriticFactory();
        Map<String, Object> p = new HashMap<>(given);
        p.putIfAbsent("trial", task.steps());
        return (TdCritic) f.create("critic", Params.resolve(f.parameters(), p, "test"), task.inputDim(), seed);
    }

    /** Presents one trial as one batch (one gradient step) and returns the TD error at every step. */
    private static double[] trial(TdCritic c, SampleStream s, int steps) {
        c.learn(s.next(steps));
        double[] delta = new double[steps];
        c.probe(TdCritic.TRIAL_TD_ERROR, delta);
        return delta;
    }

    @Test
    void aLinearCriticOnATappedDelayLineConvergesToTheDiscountedReward() {
        // no hidden layer: V(x at cue + k) = w_k, and TD(0) drives it to γ^(delay − 1 − k) r
        CueRewardTask task = CueRewardTask.csc(200, 16, 3, 6);
        double gamma = 0.9;
        TdCritic c = critic(task, Map.of("hidden", "", "lr", 2.0, "gamma", gamma), 1);
        SampleStream s = task.stream(0);
        for (int k = 0; k < 200; k++) {
            trial(c, s, task.steps());
        }
        double[] w = c.weights().copy("w");
        for (int k = 0; k < w.length; k++) {
            double expected = k < task.delay() ? Math.pow(gamma, task.delay() - 1 - k) : 0;
            assertEquals(expected, w[k], 1e-4, "V at step " + k + " after the cue");
        }
    }

    @Test
    void theErrorMovesFromRewardToCueAndAnOmittedRewardDips() {
        CueRewardTask task = CueRewardTask.csc(200, 25, 5, 10);
        int cue = task.cue();
        int reward = cue + task.delay();
        for (long seed = 1; seed <= 2; seed++) {
            TdCritic c = critic(task, Map.of(), seed);
            SampleStream s = task.stream(0);
            double[] first = trial(c, s, task.steps());
            double[] last = first;
            for (int k = 1; k < task.trials(); k++) {
                last = trial(c, s, task.steps());
            }
            double[] probe = trial(c, s, task.steps());
            String at = "seed " + seed + ": ";
            assertEquals(1.0, first[reward], 1e-6, at + "first trial: the whole error at the reward");
            assertEquals(0.0, first[cue], 1e-6, at + "first trial: none at the cue");
            assertTrue(last[cue] > 0.5, at + "last trial: error at the cue " + last[cue]);
            assertTrue(Math.abs(last[reward]) < 0.1, at + "last trial: error at the reward " + last[reward]);
            assertTrue(probe[cue] > 0.5, at + "probe: error at the cue " + probe[cue]);
            assertTrue(probe[reward] < -0.5, at + "probe: a dip at the reward's time " + probe[reward]);
        }
    }
}
