package org.neuroai.core;

/** A learner that maps inputs to outputs, so it can be scored against targets (accuracy, error). */
public interface Predictor {
    /**
     * Outputs for the given inputs.
     *
     * @param inputs one row per sample
     * @return one row of outputs per sample
     */
    double[][] predict(double[][] inputs);

    /**
     * Whether the learner predicts yet: false for one whose outputs come into being during
     * training, such as a readout trained after an unsupervised phase; measures score only a
     * learner that does. True by default.
     *
     * @return true when {@link #predict} may be called
     */
    default boolean predicts() {
        return true;
    }
}
