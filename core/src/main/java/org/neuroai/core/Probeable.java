package org.neuroai.core;

import java.util.Map;

/**
 * A learner whose inner state can be recorded by name, as Nengo's {@code probeable} attributes
 * are: a rule's sliding threshold or traces, a synapse's calcium or resources, a network's layer
 * activations or gradient norms. Each probe is a vector of fixed length (one value per unit, per
 * synapse, ...). A monitor copies the values only when it records them.
 */
public interface Probeable {
    /**
     * The probes this learner offers, each with its length, in a stable order.
     *
     * @return probe name to number of values
     */
    Map<String, Integer> probes();

    /**
     * Copies the current values of one probe.
     *
     * @param name one of {@link #probes()}
     * @param dest an array of at least the probe's length
     */
    void probe(String name, double[] dest);

    /**
     * Says which probes will be read, once, before any learning, so that a learner can compute
     * during training only what is asked for (a network's gradient norms). By default nothing
     * changes.
     *
     * @param names the probes that will be read
     */
    default void select(java.util.Set<String> names) {}
}
