package org.neuroai.core.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Traces of seeds run in parallel, written so that the final file does not depend on the number
 * of threads: each seed streams to its own part file, and the parts are joined in seed order at
 * the end. Memory stays bounded, and a run with one thread and a run with two give byte-identical
 * files.
 */
public final class SeedOrderedTraces {
    private final Path target;
    private final boolean withIndex;
    private final List<Path> parts = new ArrayList<>();

    /**
     * @param target the final CSV file
     * @param withIndex whether rows have an index column (weights) or not (metrics)
     */
    public SeedOrderedTraces(Path target, boolean withIndex) {
        this.target = target;
        this.withIndex = withIndex;
    }

    /**
     * A sink for the seed at position {@code i} of the run's seed list (call in seed order, before
     * the seeds start).
     *
     * @param i position of the seed
     * @return the seed's sink
     */
    public CsvSink sinkFor(int i) {
        Path part = target.resolveSibling(target.getFileName() + ".part" + i);
        parts.add(part);
        return new CsvSink(part, withIndex);
    }

    /** Joins the parts, in seed order, into the target, and deletes them. Call after every sink is closed. */
    public void join() {
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(((withIndex ? CsvSink.WEIGHTS_HEADER : CsvSink.METRICS_HEADER) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Path p : parts) {
                byte[] b = Files.readAllBytes(p);
                int start = 0;
                while (start < b.length && b[start] != '\n') {
                    start++;
                }
                out.write(b, Math.min(start + 1, b.length), Math.max(0, b.length - start - 1));
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
