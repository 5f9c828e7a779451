package org.neuroai.bio.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.UserError;
import org.neuroai.core.tasks.CueRewardTask;

/**
 * TD(λ) against theory (the values TD(0) converges to; the forward view's λ-return) and against the
 * three results of Schultz, Dayan &amp; Montague 1997: before learning the error comes at the reward,
 * after learning at the cue, and an omitted reward gives a dip when it was due.
 */
class TdLambdaRuleTest {
    private static final TdLambdaRule RULE = new TdLambdaRule();

    private static RuleNetwork critic(CueRewardTask task, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.putIfAbsent("trial", task.steps());
        // no bias, zero weights: before the cue nothing is predicted, and at first nothing after it either
        return new RuleNetwork("td", RULE, RULE.params(p, "test"), task.inputDim(), 1, Activation.LINEAR, false, 0, 0, 1);
    }

    /** Presents one trial, step by step, and returns the TD error at every step. */
    private static double[] trial(RuleNetwork n, SampleStream s, int steps) {
        Batch b = s.next(steps);
        double[] delta = new double[steps];
        double[] d = new double[1];
        for (int t = 0; t < steps; t++) {
            n.present(b.inputs()[t], b.targets()[t]);
            n.probe(TdLambdaRule.TD_ERROR, d);
            delta[t] = d[0];
        }
        return delta;
    }

    @Test
    void tdZeroOnATappedDelayLineConvergesToTheDiscountedReward() {
        // V(x at cue + k) = γ^(delay − 1 − k) r before the reward (it comes on the step after
        // delay − 1), and 0 from the reward's step on: nothing follows it
        CueRewardTask task = CueRewardTask.csc(400, 20, 4, 8);
        double gamma = 0.9;
        RuleNetwork n = critic(task, Map.of("eta", 0.5, "gamma", gamma, "lambda", 0.0));
        SampleStream s = task.stream(0);
        for (int k = 0; k < 400; k++) {
            trial(n, s, task.steps());
        }
        double[] w = n.weights().copy("w");
        for (int k = 0; k < w.length; k++) {
            double expected = k < task.delay() ? Math.pow(gamma, task.delay() - 1 - k) * task.reward() : 0;
            assertEquals(expected, w[k], 1e-9, "V at step " + k + " after the cue");
        }
    }

    @Test
    void offlineAccumulatingTracesGiveTheForwardViewsLambdaReturnUpdate() {
        // on one episode with weights held fixed, α Σ_t δ_t e_t = α Σ_t (G^λ_t − V(x_t)) x_t
        int steps = 7;
        int nIn = 3;
        double alpha = 0.3;
        double gamma = 0.8;
        double lambda = 0.6;
        java.util.Random r = new java.util.Random(4);
        double[][] x = new double[steps][nIn];
        double[] reward = new double[steps];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < nIn; j++) {
                x[t][j] = r.nextGaussian();
            }
            reward[t] = r.nextGaussian();
        }
        RuleNetwork n = new RuleNetwork("td", RULE, RULE.params(Map.of("eta", alpha, "gamma", gamma, "lambda", lambda,
                "trial", steps, "offline", true), "test"), nIn, 1, Activation.LINEAR, false, 0, 1.0, 9);
        double[] w0 = n.weights().copy("w");
        for (int t = 0; t < steps; t++) {
            n.present(x[t], new double[] {reward[t]});
        }
        double[] w1 = n.weights().copy("w");
        // the forward view: state x_t is followed by reward[t + 1] and x_{t+1}; the last by a terminal state
        double[] v = new double[steps + 1];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < nIn; j++) {
                v[t] += w0[j] * x[t][j];
            }
        }
        double[] g = new double[steps];
        double next = 0;
        for (int t = steps - 1; t >= 0; t--) {
            double rNext = t + 1 < steps ? reward[t + 1] : 0;
            g[t] = rNext + gamma * ((1 - lambda) * v[t + 1] + lambda * next);
            next = g[t];
        }
        for (int j = 0; j < nIn; j++) {
            double dw = 0;
            for (int t = 0; t < steps; t++) {
                dw += alpha * (g[t] - v[t]) * x[t][j];
            }
            assertEquals(w0[j] + dw, w1[j], 1e-12, "weight " + j);
        }
        assertTrue(Math.abs(w1[0] - w0[0]) > 1e-3, "the episode changes the weights");
    }

    /** Trains on the task's conditioning trials and returns the TD error of the first, the last and the probe trial. */
    private static double[][] schultz(CueRewardTask task, Map<String, Object> params) {
        RuleNetwork n = critic(task, params);
        SampleStream s = task.stream(0);
        double[] first = trial(n, s, task.steps());
        double[] last = first;
        for (int k = 1; k < task.trials(); k++) {
            last = trial(n, s, task.steps());
        }
        double[] probe = trial(n, s, task.steps());
        return new double[][] {first, last, probe};
    }

    /**
     * The three results: before learning the whole error comes at the reward and none at the cue;
     * after learning an error at the cue and at most {@code residual} left at the reward; with the
     * reward omitted, an error below {@code -dip} at its time, and a total after it that takes back
     * at least half the reward.
     */
    private static void assertSchultz(CueRewardTask task, double[][] d, double residual, double dip) {
        int cue = task.cue();
        int reward = task.cue() + task.delay();
        assertEquals(task.reward(), d[0][reward], 1e-12, "first trial: error at the reward");
        assertEquals(0, d[0][cue], 1e-12, "first trial: no error at the cue");
        assertTrue(d[1][cue] > 0.5 * task.reward(), "last trial: error at the cue " + d[1][cue]);
        assertTrue(Math.abs(d[1][reward]) < residual * task.reward(), "last trial: error at the reward " + d[1][reward]);
        assertTrue(d[2][cue] > 0.5 * task.reward(), "probe: error at the cue " + d[2][cue]);
        assertTrue(d[2][reward] < -dip * task.reward(), "probe: a dip at the reward's time " + d[2][reward]);
        double after = 0;
        for (int t = reward; t < task.steps(); t++) {
            after += d[2][t];
        }
        assertTrue(after < -0.5 * task.reward(), "probe: the errors from the reward's time on sum to " + after);
    }

    @Test
    void onATappedDelayLineTheErrorMovesFromRewardToCueAndAnOmittedRewardDips() {
        CueRewardTask task = CueRewardTask.csc(300, 25, 5, 10);
        double[][] d = schultz(task, Map.of("eta", 0.1, "gamma", 0.98, "lambda", 0.9));
        assertSchultz(task, d, 0.05, 0.5);
        // the error at the cue is the discounted value the cue announces
        assertEquals(Math.pow(0.98, task.delay()), d[1][task.cue()], 0.05);
    }

    @Test
    void onMicrostimuliTheErrorMovesFromRewardToCueAndAnOmittedRewardDips() {
        // microstimuli blur time, so some error stays at the reward and the dip is smaller and spread
        // out (Ludvig, Sutton & Kehoe 2008): most of the error still moves to the cue
        CueRewardTask task = new CueRewardTask(300, 1, 25, 5, 10, 0, 1.0, "microstimulus", 10, 0.92, 0.08);
        double[][] d = schultz(task, Map.of("eta", 0.5, "gamma", 0.98, "lambda", 0.9));
        assertSchultz(task, d, 0.25, 0.1);
    }

    @Test
    void outOfRangeParametersNameTheKeyAndTheRange() {
        for (String key : new String[] {"gamma", "lambda"}) {
            UserError e = assertThrows(UserError.class, () -> RULE.params(Map.of(key, 1.5), "rule td-lambda"));
            assertTrue(e.getMessage().contains("'" + key + "'") && e.getMessage().contains("1"), e.getMessage());
        }
        UserError e = assertThrows(UserError.class, () -> RULE.params(Map.of("eta", 0), "rule td-lambda"));
        assertTrue(e.getMessage().contains("'eta'"), e.getMessage());
        assertThrows(UserError.class, () -> RULE.create(RULE.params(Map.of("offline", true), "test"), 2, 1));
    }
}
