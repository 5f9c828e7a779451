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
}
