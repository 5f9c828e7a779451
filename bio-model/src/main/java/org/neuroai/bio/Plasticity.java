package org.neuroai.bio;

import java.util.Map;

/**
 * The running state of a {@link PlasticityRule} for one layer: whatever the rule keeps between
 * presentations (traces, sliding thresholds, resources). Stateless rules keep nothing.
 */
public interface Plasticity {
    /**
     * Changes the weights in place after one presentation.
     *
     * @param w weights, one row per postsynaptic unit ({@code w[i][j]} from input j to unit i)
     * @param pre presynaptic activity, length nPre
     * @param post postsynaptic activity, length nPost
     * @param target the desired postsynaptic activity (length nPost) for supervised rules, such as
     *     the perceptron or the delta rule, or {@code null} when the task gives none
     * @param eta the learning rate for this presentation
     */
    void update(double[][] w, double[] pre, double[] post, double[] target, double eta);

    /** Restores the state made by {@link PlasticityRule#create}. */
    void reset();

    /** Recordable state variables by name (copies); empty for stateless rules. */
    default Map<String, double[]> probe() {
        return Map.of();
    }
}
