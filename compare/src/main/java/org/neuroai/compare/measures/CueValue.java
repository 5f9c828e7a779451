package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.Predictor;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.tasks.CueRewardTask;

/**
 * What a learner of a {@link CueRewardTask} predicts at two moments of a rewarded trial:
 * {@value #V_CUE} at cue onset and {@value #V_BEFORE_REWARD} on the step before the reward. A
 * learner of the discounted sum of rewards that has learned the trial predicts γ^(delay − 1) r
 * and r (the reward comes on the next step).
 */
public final class CueValue implements Measure {
    /** The prediction at cue onset. */
    public static final String V_CUE = "V_cue";
    /** The prediction on the step before the reward. */
    public static final String V_BEFORE_REWARD = "V_before_reward";

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        if (!(l instanceof Predictor p) || !(at.task() instanceof CueRewardTask task)) {
            return;
        }
        double[][] v = p.predict(new double[][] {task.input(task.cue(), -1), task.input(task.cue() + task.delay() - 1, -1)});
        metrics.put(V_CUE, v[0][0]);
        metrics.put(V_BEFORE_REWARD, v[1][0]);
    }
}
