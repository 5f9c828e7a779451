package org.neuroai.compare.engine;

import java.util.List;
import org.neuroai.core.Described;
import org.neuroai.core.Learner;
import org.neuroai.core.Task;

/**
 * One learner of a condition: how it is shown, how it is made for a seed, how long it learns and
 * which metrics apply to it.
 *
 * @param described its name, family, label and colour key, written with the run
 * @param factory makes a fresh learner for a seed
 * @param until its own end in steps, or 0 for the condition's length
 * @param metrics the only metrics recorded for it, or null for every metric that applies
 */
public record LearnerSpec(Described described, Factory factory, long until, List<String> metrics) {
    /** Makes a learner. */
    @FunctionalInterface
    public interface Factory {
        /**
         * A fresh learner.
         *
         * @param birth the seed and task it is made for
         * @return the learner, named as its {@link LearnerSpec}
         */
        Learner build(Birth birth);
    }

    /**
     * What a learner is made for.
     *
     * @param seed the run's seed (it orders the samples)
     * @param weightSeed the seed of this learner's initial weights: the run's weight seed plus the
     *     learner's position in its condition, so that no two learners share initial weights
     * @param task the task it will learn
     */
    public record Birth(long seed, long weightSeed, Task task) {}

    /** A learner for the whole condition, every metric that applies. */
    public static LearnerSpec of(Described described, Factory factory) {
        return new LearnerSpec(described, factory, 0, null);
    }

    /** Its name. */
    public String name() {
        return described.name();
    }

    /** A copy that learns for {@code steps} steps only. */
    public LearnerSpec until(long steps) {
        return new LearnerSpec(described, factory, steps, metrics);
    }

    /** A copy with only these metrics recorded. */
    public LearnerSpec onlyMetrics(String... names) {
        return new LearnerSpec(described, factory, until, List.of(names));
    }
}
