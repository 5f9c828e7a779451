package org.neuroai.core.engine;

import org.neuroai.core.Task;

/**
 * Where a run stands when its learners are measured.
 *
 * @param step steps so far (presentations, or ms of simulated time)
 * @param previous the step of this learner's previous checkpoint (−1 at the first)
 * @param seed the run's seed
 * @param task the task the learners train on
 * @param trainingSeconds the learner's own training time so far (its calls to learn, nothing else)
 */
public record Checkpoint(long step, long previous, long seed, Task task, double trainingSeconds) {}
