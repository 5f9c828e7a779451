package org.neuroai.core.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams rows to a CSV file as they come, so memory stays bounded however long the run.
 *
 * <p>Columns {@code learner,seed,step,metric,value}, or with {@code index} before {@code value}
 * for traces of weights.
 */
public final class CsvSink implements TraceSink {
    /** Header of a metrics trace. */
    public static final String METRICS_HEADER = "learner,seed,step,metric,value";
    /** Header of a weights trace. */
    public static final String WEIGHTS_HEADER = "learner,seed,step,metric,index,value";

    private final BufferedWriter out;
    private final boolean withIndex;
    private final StringBuilder line = new StringBuilder(64);

    /**
     * Opens (truncating) a CSV file.
     *
     * @param file the file
     * @param withIndex whether to write the {@code index} column
     */
    public CsvSink(Path file, boolean withIndex) {
        this.withIndex = withIndex;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(withIndex ? WEIGHTS_HEADER : METRICS_HEADER);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void row(String learner, long seed, long step, String metric, int index, double value) {
        line.setLength(0);
        line.append(learner).append(',').append(seed).append(',').append(step).append(',').append(metric).append(',');
        if (withIndex) {
            line.append(index).append(',');
        }
        line.append(value).append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
