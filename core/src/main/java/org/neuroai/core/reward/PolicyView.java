package org.neuroai.core.reward;

/**
 * What a trained agent would do at an observation, read without acting: the probability of each
 * action under its policy and, for an agent with a critic, the value it predicts there. Reading
 * changes nothing in the agent (no random draw, no trace, no weight), so it may be asked after
 * training, or between episodes, without altering what the agent does next.
 */
public interface PolicyView {
    /**
     * The probability of each action at an observation.
     *
     * @param observation an observation of the agent's environment; not kept
     * @param probabilities where the probabilities are written, one per action; they sum to 1
     */
    void policy(double[] observation, double[] probabilities);

    /**
     * The value the agent's critic predicts at an observation: NaN for an agent without one.
     *
     * @param observation an observation; not kept
     * @return the predicted value, or NaN
     */
    double value(double[] observation);
}
