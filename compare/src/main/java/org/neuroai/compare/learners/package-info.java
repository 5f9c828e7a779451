/**
 * Learners made of several parts that learn together on the same minibatches, such as a layer
 * that learns by a local rule with a readout that learns by gradient descent on its activity;
 * each is one {@link org.neuroai.core.Learner} to the engine.
 */
package org.neuroai.compare.learners;
