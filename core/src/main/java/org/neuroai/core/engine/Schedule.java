package org.neuroai.core.engine;

import java.util.EnumMap;
import java.util.Map;
import org.neuroai.core.UserError;

/**
 * How long a run is, how the stream is cut into chunks, and when each kind of record is taken.
 *
 * <p>A chunk is at most {@code batch} samples (for a task of spikes: ms of simulated time) and
 * never runs past a checkpoint: it ends at every multiple of every stride, at every learner's own
 * end and at the end of the run, and the next chunk starts afresh there. So every learner is
 * recorded after exactly the same samples, and a batch that does not divide a stride cannot make a
 * checkpoint fall between chunks. A learner's records are always taken at its own end.
 *
 * @param length the run's length in steps (presentations, or ms of simulated time)
 * @param batch samples per chunk at most: one gradient step of a network, one presentation each for
 *     a rule
 * @param every steps between records of each kind: {@link #NEVER} for none, {@link #AT_END} for the
 *     end only
 * @param atStart whether records are taken at step 0, before any learning
 */
public record Schedule(long length, int batch, Map<Record, Long> every, boolean atStart) {
    /** No records of a kind at all. */
    public static final long NEVER = 0;
    /** Records of a kind only at each learner's end. */
    public static final long AT_END = Long.MAX_VALUE;

    /** What is recorded. */
    public enum Record {
        /** Scalar measures, to curves.csv. */
        METRICS,
        /** Chosen synapses, to weights.csv. */
        WEIGHTS,
        /** Probed state and vector measures, to probes.csv. */
        PROBES,
        /** Histograms of weights, to histograms.csv. */
        HISTOGRAMS
    }

    /** Checks the numbers and fills kinds left out with {@link #NEVER}. */
    public Schedule {
        if (length < 1) {
            throw new UserError("a run needs at least one step, not " + length + ".");
        }
        if (batch < 1) {
            throw new UserError("a chunk needs at least one sample, not " + batch + ".");
        }
        Map<Record, Long> m = new EnumMap<>(Record.class);
        for (Record r : Record.values()) {
            long e = every.getOrDefault(r, NEVER);
            if (e < 0) {
                throw new IllegalArgumentException("stride of " + r + " is negative: " + e);
            }
            m.put(r, e);
        }
        every = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A schedule that records metrics, weights, probes and histograms at the same stride.
     *
     * @param length the run's length
     * @param batch samples per chunk at most
     * @param stride steps between records
     * @return the schedule, recording at step 0 too
     */
    public static Schedule uniform(long length, int batch, long stride) {
        Map<Record, Long> m = new EnumMap<>(Record.class);
        for (Record r : Record.values()) {
            m.put(r, stride);
        }
        return new Schedule(length, batch, m, true);
    }

    /**
     * A copy with another stride for one kind of record.
     *
     * @param kind the kind
     * @param stride its stride, {@link #NEVER} or {@link #AT_END}
     * @return the copy
     */
    public Schedule with(Record kind, long stride) {
        Map<Record, Long> m = new EnumMap<>(every);
        m.put(kind, stride);
        return new Schedule(length, batch, m, atStart);
    }

    /** A copy that records at step 0 or not. */
    public Schedule startingWithRecord(boolean atStart) {
        return new Schedule(length, batch, every, atStart);
    }

    /**
     * Whether a kind of record is due for a learner at a step.
     *
     * @param kind what would be recorded
     * @param step the step, at a chunk boundary
     * @param until the learner's own end (at most {@link #length()})
     * @return true when it is due
     */
    public boolean due(Record kind, long step, long until) {
        long e = every.get(kind);
        if (e == NEVER || step > until) {
            return false;
        }
        if (step == 0) {
            return atStart;
        }
        return step == until || (e != AT_END && step % e == 0);
    }

    /**
     * Where the chunk that starts at {@code pos} ends.
     *
     * @param pos the chunk's first step
     * @param until every learner's own end
     * @return the end of the chunk, after {@code pos}
     */
    public long chunkEnd(long pos, long[] until) {
        long end = Math.min(length, pos + batch);
        for (long e : every.values()) {
            if (e != NEVER && e != AT_END) {
                end = Math.min(end, (pos / e + 1) * e);
            }
        }
        for (long u : until) {
            if (u > pos) {
                end = Math.min(end, u);
            }
        }
        return end;
    }
}
