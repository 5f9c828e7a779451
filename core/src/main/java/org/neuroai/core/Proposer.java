package org.neuroai.core;

/**
 * A learner that can say what change of its weights it would make on some samples without making
 * it: a rule's change at the current weights, a network's next optimiser step. Comparing that
 * change with the negative gradient of a loss tells how far from gradient descent a learner is
 * (the cosine of Lillicrap et al. 2016, Nat Commun 7:13276, between feedback alignment's updates
 * and backpropagation's).
 */
public interface Proposer {
    /**
     * The change of the weights this learner proposes to change (its first or only layer, group
     * "w", one row per unit) that it would make on {@code batch}, without making it: neither its
     * weights nor any other state of it change.
     *
     * @param batch the samples (with targets for a supervised learner)
     * @return ΔW, one row per unit
     */
    double[][] proposedUpdate(Batch batch);
}
