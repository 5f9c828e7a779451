/**
 * Learners made of parts from both families, which no single rule or network registry offers: a
 * hidden layer that learns by a local rule, then a readout trained by gradient descent on it
 * ({@link org.neuroai.compare.learners.CompetingLayerThenReadout}). Each is an ordinary
 * {@link org.neuroai.core.Learner}, trained by the engine's one loop like any other.
 */
package org.neuroai.compare.learners;
