package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.metrics.SubspaceMetrics;

/** {@value #NAME}: the mean norm of a unit's weight vector in group "w" (1 for Oja's and Sanger's units at convergence). */
public final class UnitNorm implements Measure {
    /** The metric. */
    public static final String NAME = "weight_norm";

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> out, Map<String, double[]> vectors) {
        out.put(NAME, SubspaceMetrics.meanUnitNorm(l.weights()));
    }
}
