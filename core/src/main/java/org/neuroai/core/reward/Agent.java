package org.neuroai.core.reward;

/**
 * A learner that acts: the capability of learning from reward. In each episode it sees an
 * observation, chooses an action ({@link #act}), and is told what followed ({@link #feedback}):
 * the reward and the next observation. Everything it learns, it learns from that; it never sees
 * the environment's state or its random draws. {@link AgentLearner} runs the episodes a task
 * hands out, so an agent fits the one training loop as any other learner does.
 */
public interface Agent {
    /**
     * An episode starts.
     *
     * @param observation its first observation; not to be kept (the array is reused)
     */
    default void beginEpisode(double[] observation) {}

    /**
     * Chooses an action; may draw on the agent's own random numbers.
     *
     * @param observation the current observation; not to be kept
     * @return an action in [0, actions)
     */
    int act(double[] observation);

    /**
     * What followed the last action.
     *
     * @param reward the reward for it
     * @param next the next observation; not to be kept
     * @param terminal whether the episode ended in a terminal state (nothing follows, its value is 0)
     */
    void feedback(double reward, double[] next, boolean terminal);

    /**
     * The episode is over: after a terminal state, or cut off at the environment's longest episode.
     *
     * @param truncated true when it was cut off rather than ended in a terminal state
     */
    default void endEpisode(boolean truncated) {}

    /** What the agent has done so far: episodes, returns, steps, choices of the best action. */
    EpisodeTally tally();
}
