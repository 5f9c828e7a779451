package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.compare.learners.CompetingLayerThenReadout;
import org.neuroai.core.Learner;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;

/**
 * {@value #NAME}: during the unsupervised phase of a layer of competing hidden units
 * ({@link CompetingLayerThenReadout}), the share of its units whose p-norm is within 1 % of 1, the
 * sphere Krotov and Hopfield's rule drives a unit to once it wins. Nothing once the layer is frozen,
 * nor for other learners.
 */
public final class UnitsOnSphere implements Measure {
    /** The metric. */
    public static final String NAME = "units_on_sphere";

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> out, Map<String, double[]> vectors) {
        if (l instanceof CompetingLayerThenReadout c && !c.predicts()) {
            out.put(NAME, c.unitsOnSphere());
        }
    }
}
