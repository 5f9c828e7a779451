package org.neuroai.core;

/**
 * Samples handed to every learner at one step. Learners must not modify the arrays.
 *
 * <p>A task of rates hands out rows of inputs (and targets); a task of spikes hands out a window
 * of simulated time with the input spikes in it ({@link #spikes()}), its rows empty.
 *
 * @param inputs one row per sample (none for a window of spikes)
 * @param targets one row per sample, or {@code null} for unsupervised tasks
 * @param first the position of the first sample in the task's stream (0-based; ms for spikes)
 * @param ids each sample's index in the task's fixed training set, or {@code null} when the task
 *     draws fresh samples; lets a learner keep what it computed for a sample (features of a frozen
 *     layer) from one epoch to the next
 * @param spikes the input spikes of a window of simulated time, or {@code null} for a task of rates
 */
public record Batch(double[][] inputs, double[][] targets, long first, int[] ids, Spikes spikes) {
    /** Rows of samples, without ids. */
    public Batch(double[][] inputs, double[][] targets, long first) {
        this(inputs, targets, first, null, null);
    }

    /**
     * A window of simulated time with its input spikes.
     *
     * @param spikes the window and its spikes
     * @param first the window's start, in ms from the start of the stream
     * @return the batch
     */
    public static Batch of(Spikes spikes, long first) {
        return new Batch(new double[0][], null, first, null, spikes);
    }

    /** Number of samples (0 for a window of spikes). */
    public int size() {
        return inputs.length;
    }
}
