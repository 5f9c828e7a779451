package org.neuroai.core;

/**
 * What an experiment sees of any learner: a network of plastic synapses, a network trained by
 * gradient descent, or (later) a Bayesian learner that updates a posterior.
 *
 * <p>What a learner can additionally do is expressed by small capability interfaces
 * ({@link Reconstructor}, {@link SubspaceLearner}, ...), which metrics test for; so a new family
 * joins by implementing this interface and whichever capabilities it has, without changing
 * these types.
 */
public interface Learner {
    /** The name in traces and charts, e.g. "oja" or "autoencoder". */
    String name();

    /** Which way it learns. */
    Family family();

    /**
     * Learns from one batch: one presentation per sample for online rules, one gradient step per
     * batch for a network.
     *
     * @param batch the samples; not to be modified
     */
    void learn(Batch batch);

    /** A read-only view of the current weights. */
    WeightView weights();

    /** Samples presented so far. */
    long presentations();
}
