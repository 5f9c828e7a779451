package org.neuroai.core.bayes;

import org.neuroai.core.LearnerFactory;

/**
 * A registered Bayesian model: a learner that keeps a posterior over its parameters and updates it
 * one sample at a time. Found by name like plasticity rules and networks: one class plus one line
 * in {@code META-INF/services/org.neuroai.core.bayes.BayesianModel}; a spec names it with
 * {@code bayes: NAME}. Every model learns the task's targets; one that takes a parameter
 * {@code outputs} is given the task's number of targets.
 */
public interface BayesianModel extends LearnerFactory {}
