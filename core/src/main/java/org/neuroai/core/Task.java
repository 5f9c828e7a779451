package org.neuroai.core;

/**
 * What every learner in an experiment faces: a stream of training samples and held-out samples.
 *
 * <p>The contract that makes comparisons fair: {@link #stream(long)} with the same seed yields the
 * same samples in the same order, so a bio learner and a gradient learner see identical data.
 * Experiments usually draw each batch once and hand that one batch to every learner.
 */
public interface Task {
    /** The task's registered name, e.g. "gaussian" or "digits". */
    String name();

    /** Dimension of one input sample. */
    int inputDim();

    /**
     * A fresh stream of training samples.
     *
     * @param orderSeed the seed for the order (and, for generative tasks, the values) of samples
     * @return a new stream positioned at its first sample
     */
    SampleStream stream(long orderSeed);

    /** Samples never shown during training, used to evaluate every learner. */
    Split heldOut();

    /**
     * How many training samples make one epoch (one pass over a fixed training set), or 0 for a
     * task that draws fresh samples for ever, such as a Gaussian.
     */
    default long epochSize() {
        return 0;
    }

    /**
     * The most steps a stream of this task can hand out: unlimited for a task that draws samples
     * or visits a training set for ever; a fixed schedule of trials (acquisition, then extinction)
     * says how long it is.
     */
    default long length() {
        return Long.MAX_VALUE;
    }

    /**
     * Whether the seed orders (or draws) the samples: true for every task but a fixed schedule of
     * trials, which presents the same trials to every seed because the schedule is the experiment.
     */
    default boolean seedOrdersSamples() {
        return true;
    }

    /**
     * Whether the task scores learners on the very samples they learn from rather than on samples
     * held out: a task whose point is to learn a small fixed set (patterns to become selective to, or
     * to store) has nothing to hold out, and its {@link #heldOut()} is that set, said openly here.
     */
    default boolean scoresOnTrainingSamples() {
        return false;
    }

    /**
     * The fixed training samples that every epoch of {@link #stream(long)} visits, exactly as the
     * stream hands them out (in the task's own order, not a seed's), or {@code null} for a task that
     * draws fresh samples or adds fresh noise to every presentation.
     *
     * @return the training split, or null
     */
    default Split trainingSet() {
        return null;
    }

    /**
     * Whether the stream hands out windows of input spikes ({@link Batch#spikes()}) rather than
     * rows of samples. For such a task a step is 1 ms of simulated time, {@link #inputDim()} is the
     * number of inputs (spike sources), and only learners that take spikes can learn from it.
     *
     * @return true for a task of spikes; false (the default) for a task of rates
     */
    default boolean spiking() {
        return false;
    }
}
