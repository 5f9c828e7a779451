/**
 * How far a learner's change of its weights is from gradient descent: analytic gradients of task
 * losses in plain Java, and the cosine between a change and the negative gradient.
 */
package org.neuroai.compare.alignment;
