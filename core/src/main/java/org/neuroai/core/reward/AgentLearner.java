package org.neuroai.core.reward;

import org.neuroai.core.Batch;
import org.neuroai.core.Learner;

/**
 * The episode loop of an {@link Agent}, so that it trains through the one training loop as any
 * other learner: each sample of a batch handed out by an {@link EnvironmentTask} names one
 * episode (its number and seed), and {@link #learn(Batch)} plays those episodes in order on the
 * agent's own copy of the environment, from reset to the end, calling the agent's
 * {@link #beginEpisode}, {@link #act}, {@link #feedback} and {@link #endEpisode} and counting
 * returns in the {@link #tally()}. One step of the run is one episode.
 */
public abstract class AgentLearner implements Learner, Agent {
    private final String name;
    private final Environment env;
    private final EpisodeTally tally = new EpisodeTally();
    private final double[] obs;
    private final double[] next;

    /**
     * @param name the learner's name in traces
     * @param env its own copy of the environment
     */
    protected AgentLearner(String name, Environment env) {
        this.name = name;
        this.env = env;
        this.obs = new double[env.observationDim()];
        this.next = new double[env.observationDim()];
    }

    @Override
    public final String name() {
        return name;
    }

    /** The agent's environment. */
    public final Environment environment() {
        return env;
    }

    @Override
    public final EpisodeTally tally() {
        return tally;
    }

    @Override
    public long presentations() {
        return tally.episodes();
    }

    @Override
    public final void learn(Batch batch) {
        for (double[] key : batch.inputs()) {
            play(EnvironmentTask.episodeOf(key), EnvironmentTask.seedOf(key));
        }
    }

    /**
     * Plays one episode to its end, learning as the agent does.
     *
     * @param episode its number
     * @param seed the seed of the environment's draws
     * @return its return
     */
    public final double play(long episode, long seed) {
        env.reset(episode, seed, obs);
        beginEpisode(obs);
        double ret = 0;
        long steps = 0;
        long max = env.maxSteps();
        while (true) {
            int best = env.bestAction();
            int a = act(obs);
            if (a < 0 || a >= env.actions()) {
                throw new IllegalStateException(name + " chose action " + a + " of " + env.actions());
            }
            if (best >= 0) {
                tally.choice(a == best);
            }
            double r = env.step(a, next);
            ret += r;
            steps++;
            boolean terminal = env.terminal();
            feedback(r, next, terminal);
            System.arraycopy(next, 0, obs, 0, obs.length);
            if (terminal || steps >= max) {
                endEpisode(!terminal);
                break;
            }
        }
        tally.episode(ret, steps);
        return ret;
    }

    /** Forgets the tally: for a learner's own reset. */
    protected final void clearTally() {
        tally.clear();
    }
}
