package org.neuroai.core.trace;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the current run has got, for a progress display. Work is counted in the run's own step
 * unit (presentations, ms of simulated time), summed over learners and seeds: each (learner,
 * seed) pair contributes the largest step it has reported. {@link Monitor} reports every metric
 * row it records; loops that write traces by other means call {@link #report} themselves.
 *
 * <p>One run is tracked at a time (the command line runs one run at a time); reporting while no
 * run is tracked costs one volatile read and does nothing.
 */
public final class Progress {
    private static volatile Progress current;

    private final long total;
    private final long startNanos = System.nanoTime();
    private final ConcurrentHashMap<String, Long> reached = new ConcurrentHashMap<>();
    private final AtomicLong done = new AtomicLong();

    private Progress(long total) {
        this.total = total;
    }

    /**
     * Starts tracking a run, replacing any run tracked before.
     *
     * @param total the whole run's work in step units, summed over learners and seeds; 0 when unknown
     * @return the tracker, to read from a display and to {@link #end()}
     */
    public static Progress begin(long total) {
        Progress p = new Progress(Math.max(0, total));
        current = p;
        return p;
    }

    /** The run being tracked, or null. */
    public static Progress current() {
        return current;
    }

    /**
     * Records that a learner of a seed has reached a step.
     *
     * @param learner the learner
     * @param seed the seed
     * @param step the step reached (in the run's step unit, counted from 0 for this learner)
     */
    public static void report(String learner, long seed, long step) {
        Progress p = current;
        if (p != null) {
            p.update(learner + '\u0000' + seed, step);
        }
    }

    private void update(String key, long step) {
        long[] delta = new long[1];
        reached.compute(key, (k, old) -> {
            long before = old == null ? 0 : old;
            delta[0] = Math.max(0, step - before);
            return Math.max(before, step);
        });
        done.addAndGet(delta[0]);
    }

    /** Stops tracking this run (a later run may already have replaced it). */
    public void end() {
        if (current == this) {
            current = null;
        }
    }

    /** Work done so far, in step units. */
    public long done() {
        return done.get();
    }

    /** The whole run's work, or 0 when unknown. */
    public long total() {
        return total;
    }

    /** Seconds since tracking began. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
