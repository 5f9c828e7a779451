package org.neuroai.ann;

import org.neuroai.core.LearnerFactory;

/**
 * A registered kind of gradient-trained network. Like plasticity rules, networks are found by
 * name: one class plus one line in {@code META-INF/services/org.neuroai.ann.NetworkFactory}.
 * {@link #parameters()} declares the architecture, optimiser and learning rate with defaults;
 * {@link #create} builds a fresh network as a learner.
 */
public interface NetworkFactory extends LearnerFactory {}
