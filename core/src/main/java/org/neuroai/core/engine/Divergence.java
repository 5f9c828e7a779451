package org.neuroai.core.engine;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.WeightView;

/**
 * When a learner has diverged: a weight that is not a finite number, a weight group whose norm has
 * passed {@link #WEIGHT_NORM_BOUND}, or a measured value (a metric, a training loss) that is not a
 * finite number. The engine checks every learner at every checkpoint, before it records anything,
 * and stops a learner that has diverged: what it would report from then on (an accuracy computed
 * from NaN outputs, a principal angle of 90° from NaN weights) is not data.
 */
public final class Divergence {
    /**
     * The largest Euclidean norm a weight group (all of a layer's weights taken as one vector) may
     * reach. Every task feeds inputs of order 1 (standardised features, pixels and patterns in
     * [−1, 1], conductances below their bound), and the learners of the bundled experiments stay
     * within three orders of magnitude of that (the largest norms seen are a few hundred, of a
     * network trained at a learning rate of 10). A group at 10⁶ makes outputs of order 10⁶ and
     * squared errors or Hebbian products of order 10¹², and a rule that grows that far grows
     * without bound (plain Hebb multiplies its weights by a factor above 1 at every presentation):
     * it would reach the end of double precision, and infinity, some presentations later.
     */
    public static final double WEIGHT_NORM_BOUND = 1e6;

    private Divergence() {}

    /**
     * Checks a learner's weights.
     *
     * @param weights the learner's weights
     * @return why it has diverged ("weights of layer0 are NaN", ...), or null when it has not
     */
    public static String ofWeights(WeightView weights) {
        for (String group : weights.groups()) {
            double[] w = weights.copy(group);
            double ss = 0;
            for (double v : w) {
                if (!Double.isFinite(v)) {
                    return "a weight of " + group + " is " + v;
                }
                ss += v * v;
            }
            double norm = Math.sqrt(ss);
            if (!(norm <= WEIGHT_NORM_BOUND)) {
                return String.format(java.util.Locale.ROOT, "the norm of %s's weights is %.3g, past the bound of %.0e", group, norm,
                        WEIGHT_NORM_BOUND);
            }
        }
        return null;
    }

    /**
     * Checks a learner: its weights, then the values measured of it.
     *
     * @param learner the learner
     * @param values measured values by name (metrics, a training loss); a value that may
     *     legitimately be undefined (a cosine of 0/0) is left out by the caller
     * @return why it has diverged, or null when it has not
     */
    public static String of(Learner learner, Map<String, Double> values) {
        String weights = ofWeights(learner.weights());
        if (weights != null) {
            return weights;
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return e.getKey() + " is " + e.getValue();
            }
        }
        return null;
    }
}
