package org.neuroai.core;

/**
 * Which way a learner learns. Charts colour learners by family so that bio and gradient keep
 * the same colours everywhere.
 */
public enum Family {
    /** Local plasticity: a synapse changes using only what it can see. */
    BIO,
    /** Gradient descent on a global loss. */
    GRADIENT,
    /** Bayesian updating of a posterior over parameters. */
    BAYESIAN
}
