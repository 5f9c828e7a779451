package org.neuroai.core;

/**
 * A learner made of spiking neurons, driven by input spikes ({@link Batch#spikes()}): how many
 * inputs and output neurons it has and how many spikes it has received and fired, so that rates
 * can be measured over any window.
 */
public interface Spiking {
    /** Number of inputs (spike sources). */
    int inputs();

    /** Number of output neurons. */
    int outputs();

    /** Input spikes received so far, over all inputs. */
    long inputSpikes();

    /** Output spikes fired so far, over all output neurons. */
    long outputSpikes();
}
