package org.neuroai.core;

/**
 * A learner that holds a posterior over its parameters: what a Bayesian learner knows after the
 * samples it has seen. Measures read it to score the posterior predictive on held-out samples and
 * to record the evidence.
 */
public interface Posterior {
    /**
     * The log density (or, for discrete targets, the log probability) of a target under the
     * posterior predictive distribution given an input.
     *
     * @param input one input row
     * @param target its target row
     * @return log p(target | input, samples so far)
     */
    double logPredictive(double[] input, double[] target);

    /**
     * The log marginal likelihood of the samples seen so far, accumulated one sample at a time as
     * the sum of each sample's log predictive before it was learned: log p(y_1..y_n | x_1..x_n).
     * Exact for a conjugate model; for one that forgets or approximates, the prequential log
     * likelihood it reports is named so in its description.
     */
    double logEvidence();

    /** The posterior mean of every parameter, in the order of {@link #posteriorSd()}. */
    double[] posteriorMean();

    /** The posterior standard deviation of every parameter. */
    double[] posteriorSd();
}
