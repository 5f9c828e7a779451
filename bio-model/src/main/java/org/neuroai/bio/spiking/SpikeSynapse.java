package org.neuroai.bio.spiking;

import java.util.Map;

/**
 * The running state of one synapse under a {@link SpikeRule}, advanced event by event.
 *
 * <p>Events must come in non-decreasing time order. State variables decay exactly between
 * events (closed-form exponentials) wherever the model's equations allow it. When a presynaptic
 * and a postsynaptic spike share a time, the caller decides the order; protocols deliver the
 * presynaptic spike first, and each rule's Javadoc says what that means for it.
 */
public interface SpikeSynapse {
    /**
     * A presynaptic spike.
     *
     * @param tMs its time in ms
     * @return what this spike transmits, its efficacy as it arrives, before any change it causes:
     *     the weight for STDP and calcium rules, the released fraction u·x for short-term
     *     plasticity, the EPSP amplitude relative to a rested, naive synapse for Aplysia
     */
    double pre(double tMs);

    /**
     * A postsynaptic spike.
     *
     * @param tMs its time in ms
     */
    void post(double tMs);

    /**
     * A modulatory signal, such as serotonin released by a tail shock. Ignored by rules that have
     * no modulatory input.
     *
     * @param tMs its time in ms
     * @param amount its strength (1 = one standard shock)
     */
    default void modulate(double tMs, double amount) {}

    /**
     * Lets the state evolve, with no spike, up to time {@code tMs} (for example so that a calcium
     * transient has decayed before the weight is read). Rules whose weight changes only at spikes
     * need not override it.
     *
     * @param tMs the time to advance to, in ms, not earlier than the last event
     */
    default void advance(double tMs) {}

    /**
     * Moves the weight by {@code dw} at time {@code tMs}, within the rule's bounds: a constraint
     * imposed from outside the rule, such as a normalisation of the weights an input shares
     * among its targets. Rules without a plastic weight of this kind refuse it.
     *
     * @param tMs the time, not earlier than the last event
     * @param dw the change of the weight
     * @throws UnsupportedOperationException if the rule's synapse cannot be shifted
     */
    default void shift(double tMs, double dw) {
        throw new UnsupportedOperationException(getClass().getName() + " has no weight that can be shifted");
    }

    /** The long-term weight (efficacy) now; for short-term plasticity, the response a spike now would give. */
    double weight();

    /** Back to the state made by {@link SpikeRule#create}. */
    void reset();

    /** The state variables by name, as of the last event, for monitors and tests. */
    Map<String, Double> probe();

    /**
     * The state variables as they are at {@code tMs}, when nothing happens between the last event
     * and then: rules whose state decays in closed form between events (traces, resources) give it
     * decayed to that time; others, by default, their state as of the last event
     * ({@link #probe()}). Reading changes nothing, so a synapse behaves the same whether it is
     * probed or not.
     *
     * @param tMs the time, in ms, not earlier than the last event
     * @return the state variables by name, the same names as {@link #probe()}
     */
    default Map<String, Double> probe(double tMs) {
        return probe();
    }
}
