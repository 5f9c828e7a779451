package org.neuroai.core.engine;

import java.util.Arrays;
import java.util.List;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.SampleStream;

/**
 * The one training loop: it draws each chunk of samples once from the task's stream and hands it
 * to every learner that has not reached its own end, cutting chunks as the {@link Schedule} says,
 * and calls back at every chunk boundary, where the caller records what is due. Learners work side
 * by side on {@link Lanes}; the results do not depend on how many.
 *
 * <p>It times each learner's calls to {@link Learner#learn} and nothing else, so a measure can
 * report a learner's own training time apart from the time spent scoring it.
 */
public final class TrainingLoop {
    /** Told where the run stands. */
    public interface Listener {
        /**
         * A chunk boundary (and step 0 when the schedule records at the start): the caller records
         * what the schedule says is due for each learner.
         *
         * @param step steps so far
         * @param loop the loop, for the learners' training times
         */
        void boundary(long step, TrainingLoop loop);
    }

    private final List<? extends Learner> learners;
    private final long[] until;
    private final Schedule schedule;
    private final Lanes lanes;
    private final long[] nanos;

    /**
     * @param learners the learners, each given every chunk until its own end
     * @param until each learner's own end in steps, at most the schedule's length; null: the
     *     schedule's length for all
     * @param schedule the schedule
     * @param lanes where the learners work
     */
    public TrainingLoop(List<? extends Learner> learners, long[] until, Schedule schedule, Lanes lanes) {
        this.learners = List.copyOf(learners);
        this.schedule = schedule;
        this.lanes = lanes;
        this.until = until == null ? new long[learners.size()] : until.clone();
        if (until == null) {
            Arrays.fill(this.until, schedule.length());
        }
        if (this.until.length != learners.size()) {
            throw new IllegalArgumentException(learners.size() + " learners but " + this.until.length + " ends");
        }
        for (long u : this.until) {
            if (u < 1 || u > schedule.length()) {
                throw new IllegalArgumentException("a learner's end " + u + " is outside [1, " + schedule.length() + "]");
            }
        }
        this.nanos = new long[learners.size()];
    }

    /**
     * Trains every learner to its end.
     *
     * @param stream the task's stream, at its start
     * @param listener told of every chunk boundary
     */
    public void run(SampleStream stream, Listener listener) {
        long end = 0;
        for (long u : until) {
            end = Math.max(end, u);
        }
        if (schedule.atStart()) {
            listener.boundary(0, this);
        }
        long pos = stream.position();
        while (pos < end) {
            long from = pos;
            long to = schedule.chunkEnd(from, until);
            Batch b = stream.next((int) (to - from));
            lanes.forEach(learners.size(), i -> {
                if (from < until[i]) {
                    long t0 = System.nanoTime();
                    learners.get(i).learn(b);
                    nanos[i] += System.nanoTime() - t0;
                }
            });
            pos = stream.position();
            if (pos != to) {
                throw new IllegalStateException("the stream handed out " + (pos - from) + " steps for a chunk of " + (to - from));
            }
            listener.boundary(pos, this);
        }
    }

    /** The learners. */
    public List<? extends Learner> learners() {
        return learners;
    }

    /** Each learner's own end, in steps. */
    public long until(int learner) {
        return until[learner];
    }

    /** The schedule. */
    public Schedule schedule() {
        return schedule;
    }

    /** The lanes the learners work on, for measuring them side by side too. */
    public Lanes lanes() {
        return lanes;
    }

    /**
     * A learner's own training time so far.
     *
     * @param learner its index
     * @return seconds spent in its calls to learn
     */
    public double trainingSeconds(int learner) {
        return nanos[learner] / 1e9;
    }
}
