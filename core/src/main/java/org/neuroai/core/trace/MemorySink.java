package org.neuroai.core.trace;

import java.util.ArrayList;
import java.util.List;

/** Keeps rows in memory; for tests and short runs. */
public final class MemorySink implements TraceSink {
    private final List<TraceRow> rows = new ArrayList<>();

    @Override
    public synchronized void row(String learner, long seed, long step, String metric, int index, double value) {
        rows.add(new TraceRow(learner, seed, step, metric, index, value));
    }

    /** The rows so far, in order. */
    public synchronized List<TraceRow> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void close() {}

    /** Drops every row: for what a run does not record. */
    public static final class Discard implements TraceSink {
        @Override
        public void row(String learner, long seed, long step, String metric, int index, double value) {}

        @Override
        public void close() {}
    }
}
