package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;

/**
 * How far a learner has got: {@value #EPOCH}, the passes over the task's training set so far (on a
 * task with epochs), and {@value #WALL_SECONDS}, the learner's own training time so far: its calls
 * to learn, timed by the loop, not the time spent scoring it or training others.
 */
public final class TrainingProgress implements Measure {
    /** Passes over the training set so far. */
    public static final String EPOCH = "epoch";
    /** The learner's own training time so far, in seconds. */
    public static final String WALL_SECONDS = "wall_seconds";

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> out, Map<String, double[]> vectors) {
        long epoch = at.task().epochSize();
        if (epoch > 0) {
            out.put(EPOCH, at.step() / (double) epoch);
        }
        out.put(WALL_SECONDS, at.trainingSeconds());
    }
}
