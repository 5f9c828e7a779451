package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.reward.Agent;
import org.neuroai.core.reward.EpisodeTally;

/**
 * What an agent did in the episodes since the last checkpoint: {@code return}, their mean return;
 * {@code steps}, their mean length in steps; and {@code best_action}, the fraction of its choices
 * that were the best action, where the environment knows it (a bandit's best arm). Nothing at a
 * checkpoint without new episodes (step 0). Learners that do not act are not measured.
 */
public final class Returns implements Measure {
    /** Mean return of the episodes since the last checkpoint. */
    public static final String RETURN = "return";
    /** Mean length in steps of the episodes since the last checkpoint. */
    public static final String STEPS = "steps";
    /** Fraction of the choices since the last checkpoint that were of the best action. */
    public static final String BEST = "best_action";

    private long episodes;
    private double returns;
    private long steps;
    private long judged;
    private long best;

    @Override
    public void measure(Learner learner, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        if (!(learner instanceof Agent a)) {
            return;
        }
        EpisodeTally t = a.tally();
        long n = t.episodes() - episodes;
        if (n > 0) {
            metrics.put(RETURN, (t.returns() - returns) / n);
            metrics.put(STEPS, (double) (t.steps() - steps) / n);
        }
        long j = t.judged() - judged;
        if (j > 0) {
            metrics.put(BEST, (double) (t.best() - best) / j);
        }
        episodes = t.episodes();
        returns = t.returns();
        steps = t.steps();
        judged = t.judged();
        best = t.best();
    }
}
