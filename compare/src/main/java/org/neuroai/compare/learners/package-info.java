/**
 * Learners made of parts from both families, which no single rule or network registry offers: a
 * layer that learns by a local rule together with a readout trained by gradient descent on its
 * activity, on the same minibatches ({@link org.neuroai.compare.learners.CompetingNetwork}), or one
 * after the other ({@link org.neuroai.compare.learners.CompetingLayerThenReadout}). Each is an
 * ordinary {@link org.neuroai.core.Learner}, trained by the engine's one loop like any other.
 */
package org.neuroai.compare.learners;
