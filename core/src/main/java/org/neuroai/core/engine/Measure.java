package org.neuroai.core.engine;

import java.util.Map;
import org.neuroai.core.Learner;

/**
 * Something measured of a learner at a checkpoint: scalar metrics, which go to curves.csv, and
 * vectors (one value per unit, per pattern, ...), which go to probes.csv beside the learners' own
 * probes. A measure is made afresh for every run of the loop, so it may keep what it needs between
 * checkpoints (the spike count at the last one, to give a rate over the window).
 */
public interface Measure {
    /**
     * Measures one learner. A measure that does not apply to the learner (an accuracy for a layer
     * without a readout) adds nothing.
     *
     * @param learner the learner
     * @param at where the run stands
     * @param metrics where scalar values go, by metric name
     * @param vectors where vector values go, by name
     */
    void measure(Learner learner, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors);

    /**
     * Whether a metric of this measure may be NaN for a learner that has not diverged (a cosine of
     * 0/0). Any other value that is not a finite number marks the learner as diverged
     * ({@link Divergence}).
     *
     * @param metric a metric this measure gives
     * @return true when NaN is a legitimate value of it
     */
    default boolean mayBeUndefined(String metric) {
        return false;
    }
}
