package org.neuroai.core.trace;

/** Where a monitor's rows go: a CSV file, or memory in tests. */
public interface TraceSink extends AutoCloseable {
    /** Appends one row. */
    void row(String learner, long seed, long step, String metric, int index, double value);

    @Override
    void close();
}
