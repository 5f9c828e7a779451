package org.neuroai.core.reward;

/**
 * Running totals of an agent's episodes, from which a measure takes the differences between two
 * checkpoints: the mean return of the episodes in between, their mean length, and how often the
 * agent chose the best action where the environment knows it.
 */
public final class EpisodeTally {
    private long episodes;
    private double returns;
    private long steps;
    private long judged;
    private long best;
    private double lastReturn;
    private long lastSteps;

    /** Counts one finished episode. */
    void episode(double ret, long length) {
        episodes++;
        returns += ret;
        steps += length;
        lastReturn = ret;
        lastSteps = length;
    }

    /** Counts one choice whose best action was known. */
    void choice(boolean wasBest) {
        judged++;
        best += wasBest ? 1 : 0;
    }

    /** Episodes finished. */
    public long episodes() {
        return episodes;
    }

    /** Sum of the returns (undiscounted sums of rewards) of the finished episodes. */
    public double returns() {
        return returns;
    }

    /** Steps taken in the finished episodes. */
    public long steps() {
        return steps;
    }

    /** Choices made where the environment knew the best action. */
    public long judged() {
        return judged;
    }

    /** Of those, the choices of the best action. */
    public long best() {
        return best;
    }

    /** The return of the last finished episode (0 before any). */
    public double lastReturn() {
        return lastReturn;
    }

    /** The length in steps of the last finished episode (0 before any). */
    public long lastSteps() {
        return lastSteps;
    }

    /** Forgets everything. */
    void clear() {
        episodes = 0;
        returns = 0;
        steps = 0;
        judged = 0;
        best = 0;
        lastReturn = 0;
        lastSteps = 0;
    }
}
