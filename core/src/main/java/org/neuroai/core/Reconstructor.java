package org.neuroai.core;

/** A learner that can map an input back to input space through what it has learned. */
public interface Reconstructor {
    /**
     * Reconstructions of the given inputs.
     *
     * @param inputs one row per sample
     * @return one row per sample, same dimension
     */
    double[][] reconstruct(double[][] inputs);
}
