package org.neuroai.core;

/**
 * Samples handed to every learner at one step. Learners must not modify the arrays.
 *
 * @param inputs one row per sample
 * @param targets one row per sample, or {@code null} for unsupervised tasks
 * @param first the position of the first sample in the task's stream (0-based)
 */
public record Batch(double[][] inputs, double[][] targets, long first) {
    /** Number of samples. */
    public int size() {
        return inputs.length;
    }
}
