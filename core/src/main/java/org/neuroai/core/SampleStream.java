package org.neuroai.core;

/**
 * A deterministic stream of training samples. Two streams made by the same task with the same
 * seed give identical samples in identical order.
 */
public interface SampleStream {
    /**
     * The next {@code n} samples.
     *
     * @param n how many (at least 1)
     * @return a new batch; its arrays belong to the caller
     */
    Batch next(int n);

    /** How many samples have been handed out so far. */
    long position();
}
