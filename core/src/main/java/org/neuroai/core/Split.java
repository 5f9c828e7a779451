package org.neuroai.core;

/**
 * A fixed set of samples for evaluation, for example the held-out samples of a task.
 *
 * @param name "test", "heldout", ...
 * @param inputs one row per sample
 * @param targets one row per sample, or {@code null} for unsupervised tasks
 */
public record Split(String name, double[][] inputs, double[][] targets) {
    /** Number of samples. */
    public int size() {
        return inputs.length;
    }
}
