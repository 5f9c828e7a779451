package org.neuroai.core.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.neuroai.core.UserError;

/** Reads a trace CSV written by {@link CsvSink}, so charts can be redrawn from a finished run. */
public final class TraceReader {
    private TraceReader() {}

    /**
     * One row of a trace, as {@link CsvSink} writes it.
     *
     * @param line the line, without its line break
     * @param withIndex whether the row has an index column
     * @return the row
     * @throws RuntimeException when the line is malformed
     */
    public static TraceRow parse(String line, boolean withIndex) {
        String[] f = line.split(",");
        return withIndex
                ? new TraceRow(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], Integer.parseInt(f[4]), Double.parseDouble(f[5]))
                : new TraceRow(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], -1, Double.parseDouble(f[4]));
    }

    /**
     * Reads the rows that pass a filter.
     *
     * @param file curves.csv or weights.csv
     * @param keep which rows to keep
     * @return the rows in file order
     * @throws UserError for a missing or malformed file
     */
    public static List<TraceRow> read(Path file, Predicate<TraceRow> keep) {
        List<TraceRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            boolean withIndex;
            if (CsvSink.METRICS_HEADER.equals(header)) {
                withIndex = false;
            } else if (CsvSink.WEIGHTS_HEADER.equals(header)) {
                withIndex = true;
            } else {
                throw new UserError(file + ":1: not a trace file; the header must be '" + CsvSink.METRICS_HEADER
                        + "' or '" + CsvSink.WEIGHTS_HEADER + "'.");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    TraceRow r = parse(line, withIndex);
                    if (keep.test(r)) {
                        rows.add(r);
                    }
                } catch (RuntimeException e) {
                    throw new UserError(file + ":" + lineNo + ": malformed trace row '" + line + "'.");
                }
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read trace (" + e.getMessage() + ").", e);
        }
        return rows;
    }
}
