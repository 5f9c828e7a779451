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
}
