package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.Predictor;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.metrics.PredictionMetrics;

/**
 * {@value #NAME}: the fraction of the task's held-out samples that a learner classifies right (the
 * largest output at the one-hot target's class), for every learner that predicts at the checkpoint
 * ({@link Predictor#predicts()}); a learner whose readout does not exist yet gets no row.
 */
public final class TestAccuracy implements Measure {
    /** The metric. */
    public static final String NAME = "test_accuracy";

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> out, Map<String, double[]> vectors) {
        if (l instanceof Predictor p && p.predicts() && at.task().heldOut().targets() != null) {
            out.put(NAME, PredictionMetrics.accuracy(p, at.task().heldOut(), HeldOut.THRESHOLD));
        }
    }
}
