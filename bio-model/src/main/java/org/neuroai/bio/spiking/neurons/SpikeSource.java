package org.neuroai.bio.spiking.neurons;

/**
 * A presynaptic spike train, read one spike at a time in increasing time order.
 *
 * <p>Sources generate lazily, so a long simulation of many inputs holds one pending spike per
 * input and nothing else.
 */
public interface SpikeSource {
    /**
     * The next spike.
     *
     * @return its time in ms, later than the previous one; {@link Double#POSITIVE_INFINITY} when the
     *     train has ended
     */
    double next();
}
