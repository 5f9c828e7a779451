package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;

/**
 * The weight a learner of one output gives each of two cues: its weights "w" onto that output,
 * read through its weight view, {@value #W_1} for cue 1 and {@value #W_2} for cue 2.
 */
public final class CueWeights implements Measure {
    /** The weight of cue 1. */
    public static final String W_1 = "w_1";
    /** The weight of cue 2. */
    public static final String W_2 = "w_2";

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        double[] w = l.weights().copy("w");
        metrics.put(W_1, w[0]);
        metrics.put(W_2, w[1]);
    }
}
