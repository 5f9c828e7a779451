package org.neuroai.core.engine;

import java.util.Arrays;
import java.util.List;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.SampleStream;

/**
 * The one training loop: it draws each chunk of samples from the task's stream and hands it to
 * every learner that has not reached its own end, cutting chunks as the {@link Schedule} says, and
 * calls back at every chunk boundary, where the caller records what is due.
 *
 * <p>On one lane every chunk is drawn once and handed to every learner in turn. On several
 * {@link Lanes}, each lane runs the loop for its own learners (learner i on lane i mod n) on its own
 * copy of the stream: a stream gives the same samples for the same seed, and the chunks are cut at
 * the same places on every lane (at the strides and at every learner's end, whichever lane it is
 * on), so every learner sees exactly the chunks it would see on one lane, and a fast learner does
 * not wait at every chunk for a slow one. The results do not depend on the number of lanes.
 *
 * <p>It times each learner's calls to {@link Learner#learn} and nothing else, so a measure can
 * report a learner's own training time apart from the time spent scoring it.
 *
 * <p>A learner that has diverged ({@link Divergence}) is {@link #stop stopped} at a boundary: it gets
 * no more chunks and is in no later boundary, while the others go on. The chunks are still cut at
 * its own end, as they would have been, so what the others see does not depend on it.
 */
public final class TrainingLoop {
    /** Told where the run stands. */
    public interface Listener {
        /**
         * A chunk boundary (and step 0 when the schedule records at the start) of some learners:
         * the caller records what the schedule says is due for each of them. On several lanes each
         * lane calls for its own learners, from its own thread, at its own pace.
         *
         * @param step steps so far
         * @param learners the indices of the learners that have reached this boundary
         * @param loop the loop, for the learners' training times and ends
         */
        void boundary(long step, int[] learners, TrainingLoop loop);
    }

    private final List<? extends Learner> learners;
    private final long[] until;
    private final Schedule schedule;
    private final Lanes lanes;
    private final long[] nanos;
    private final long[] stopped;

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
        this.stopped = new long[learners.size()];
        Arrays.fill(this.stopped, -1);
    }

    /**
     * Trains every learner to its end.
     *
     * @param streams makes a stream of the task at its start: called once for each lane, before any
     *     learning, and every call must give the same samples
     * @param listener told of every chunk boundary
     */
    public void run(java.util.function.Supplier<SampleStream> streams, Listener listener) {
        int n = learners.size();
        int used = Math.min(lanes.size(), n);
        if (used <= 1) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            runLane(streams.get(), all, listener);
            return;
        }
        List<SampleStream> copies = new java.util.ArrayList<>();
        List<int[]> mine = new java.util.ArrayList<>();
        for (int lane = 0; lane < used; lane++) {
            copies.add(streams.get());
            int count = (n - lane + used - 1) / used;
            int[] idx = new int[count];
            for (int k = 0; k < count; k++) {
                idx[k] = lane + k * used;
            }
            mine.add(idx);
        }
        lanes.forEach(used, lane -> runLane(copies.get(lane), mine.get(lane), listener));
    }

    /**
     * Trains every learner to its end from one stream, on one lane (the caller's thread).
     *
     * @param stream the task's stream, at its start
     * @param listener told of every chunk boundary
     * @throws IllegalStateException when the loop has several lanes (each needs a stream of its own)
     */
    public void run(SampleStream stream, Listener listener) {
        if (lanes.size() > 1 && learners.size() > 1) {
            throw new IllegalStateException("a loop on " + lanes.size() + " lanes needs a stream for each: give a supplier");
        }
        boolean[] given = {false};
        run(() -> {
            if (given[0]) {
                throw new IllegalStateException("one stream asked for twice");
            }
            given[0] = true;
            return stream;
        }, listener);
    }

    /** The loop of one lane, over some of the learners, each chunk cut as it is for all of them. */
    private void runLane(SampleStream stream, int[] mine, Listener listener) {
        long end = 0;
        for (int i : mine) {
            end = Math.max(end, until[i]);
        }
        if (schedule.atStart()) {
            listener.boundary(0, mine, this);
        }
        long pos = stream.position();
        while (pos < end) {
            int[] going = going(mine);
            if (going.length == 0) {
                return;
            }
            long from = pos;
            long to = schedule.chunkEnd(from, until);
            Batch b = stream.next((int) (to - from));
            for (int i : going) {
                if (from < until[i]) {
                    long t0 = System.nanoTime();
                    learners.get(i).learn(b);
                    nanos[i] += System.nanoTime() - t0;
                }
            }
            pos = stream.position();
            if (pos != to) {
                throw new IllegalStateException("the stream handed out " + (pos - from) + " steps for a chunk of " + (to - from));
            }
            listener.boundary(pos, going(going), this);
        }
    }

    /** Those of the learners that have not been stopped. */
    private int[] going(int[] learners) {
        return Arrays.stream(learners).filter(i -> stopped[i] < 0).toArray();
    }

    /**
     * Stops a learner that has diverged: from now on it gets no chunk and is in no boundary. Called
     * by the listener, from the thread of the learner's lane, at a boundary the learner is in.
     *
     * @param learner its index
     * @param step the boundary's step
     */
    public void stop(int learner, long step) {
        if (stopped[learner] < 0) {
            stopped[learner] = step;
        }
    }

    /**
     * Where a learner was stopped.
     *
     * @param learner its index
     * @return the step, or −1 when it was not stopped
     */
    public long stoppedAt(int learner) {
        return stopped[learner];
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
