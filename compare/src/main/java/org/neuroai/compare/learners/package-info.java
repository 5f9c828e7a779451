/**
 * Learners that no single rule or network registry offers: a layer that learns by a local rule
 * together with a readout trained by gradient descent on its activity, on the same minibatches
 * ({@link org.neuroai.compare.learners.CompetingNetwork}), or one after the other
 * ({@link org.neuroai.compare.learners.CompetingLayerThenReadout}); and the Bayesian observers of
 * the perception experiments, which update a posterior trial by trial
 * ({@link org.neuroai.compare.learners.ReliabilityObserver}, and of speed,
 * {@link org.neuroai.compare.learners.SpeedObserver}). Each is an ordinary
 * {@link org.neuroai.core.Learner}, trained by the engine's one loop like any other.
 */
package org.neuroai.compare.learners;
