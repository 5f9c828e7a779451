package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.tasks.ConditioningTask;

/**
 * The associative strength of each cue of a {@link ConditioningTask}: the learner's weight from
 * the cue onto its one output unit, {@value #V_A} for cue A and {@value #V_B} for cue B (only on a
 * schedule where B appears).
 */
public final class CueStrengths implements Measure {
    /** The associative strength of cue A. */
    public static final String V_A = "V_A";
    /** The associative strength of cue B. */
    public static final String V_B = "V_B";

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        double[] v = l.weights().copy("w");
        metrics.put(V_A, v[0]);
        if (!(at.task() instanceof ConditioningTask c) || c.presentsB()) {
            metrics.put(V_B, v[1]);
        }
    }
}
