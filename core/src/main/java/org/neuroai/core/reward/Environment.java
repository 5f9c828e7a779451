package org.neuroai.core.reward;

/**
 * A world an agent acts in: it shows an observation, takes one of a few discrete actions, and
 * answers with a reward and the next observation, until the episode ends.
 *
 * <p>The contract that makes comparisons fair: {@link #reset(long, long, double[])} with the same
 * episode number and seed starts the same episode, and every random draw the environment makes of
 * its own (an initial state, a bandit arm's payout, a slip in a grid) comes from that seed alone,
 * never from the agent's random numbers. So every learner meets the same episodes, and under the
 * same actions the same episode unfolds step for step.
 *
 * <p>An environment keeps the state of one episode; an agent owns its own copy (see
 * {@link EnvironmentTask#environment()}).
 */
public interface Environment {
    /** The registered name of the environment, e.g. "cart-pole". */
    String name();

    /** Length of an observation. */
    int observationDim();

    /** Number of discrete actions, numbered from 0. */
    int actions();

    /**
     * The most steps an episode lasts: one that gets there without reaching a terminal state is cut
     * off there (truncated), which is not a terminal state (the value after it is not zero).
     */
    long maxSteps();

    /**
     * Starts an episode.
     *
     * @param episode the episode's number in the run, from 0 (a bandit's arms change with it)
     * @param seed the seed of every random draw the environment makes in this episode
     * @param observation where the first observation is written, of length {@link #observationDim()}
     */
    void reset(long episode, long seed, double[] observation);

    /**
     * Takes one action.
     *
     * @param action in [0, {@link #actions()})
     * @param observation where the next observation is written
     * @return the reward for the action
     */
    double step(int action, double[] observation);

    /** Whether the last step ended the episode in a terminal state (a fall, a goal). */
    boolean terminal();

    /**
     * A typical magnitude of each observation variable, by which a network may divide its input so
     * that every input is of order 1: by default 1 for each.
     *
     * @return one positive number per observation variable
     */
    default double[] scale() {
        double[] one = new double[observationDim()];
        java.util.Arrays.fill(one, 1);
        return one;
    }

    /**
     * The best action in the current state when the environment knows it (a bandit's arm with the
     * highest mean payout now), or −1 when it does not.
     *
     * @return the action, or −1
     */
    default int bestAction() {
        return -1;
    }
}
