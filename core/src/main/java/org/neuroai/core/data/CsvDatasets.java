package org.neuroai.core.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neuroai.core.UserError;

/**
 * Loads the CSV data sets of {@code data/}.
 *
 * <p>Two layouts: with a header line {@code n,d,class0,class1,...} (Iris, breast cancer, wine)
 * and rows of d numbers then an integer label; or, for {@code digits.csv.gz}, no header and rows
 * of 64 pixel values then the label 0..9. Either may be gzip'd ({@code .gz}).
 */
public final class CsvDatasets {
    private CsvDatasets() {}

    /**
     * Reads a CSV data set with an {@code n,d,classes...} header.
     *
     * @param file the file
     * @return the data set, n rows of d features
     * @throws UserError for a missing, truncated or malformed file
     */
    public static Dataset withHeader(Path file) {
        String[] lines = lines(file);
        if (lines.length == 0) {
            throw new UserError(file + ": empty file; expected a header line 'n,d,class names...'.");
        }
        String[] head = lines[0].split(",");
        int n;
        int d;
        try {
            n = Integer.parseInt(head[0].trim());
            d = Integer.parseInt(head[1].trim());
        } catch (RuntimeException e) {
            throw new UserError(file + ":1: malformed header '" + lines[0] + "'; expected 'n,d,class names...'.");
        }
        if (n < 1 || d < 1) {
            throw new UserError(file + ":1: malformed header '" + lines[0] + "'; expected 'n,d,class names...' with n and d >= 1.");
        }
        List<String> classes = new ArrayList<>();
        for (int i = 2; i < head.length; i++) {
            classes.add(head[i].trim());
        }
        if (lines.length - 1 < n) {
            throw new UserError(file + ": truncated: the header promises " + n + " rows but the file has "
                    + (lines.length - 1) + ".");
        }
        return parseRows(file, Arrays.copyOfRange(lines, 1, n + 1), 1, d, classes);
    }

    /**
     * Reads a CSV data set without header: d numbers then an integer label on each row.
     *
     * @param file the file
     * @param d features per row
     * @param expectedRows rows the file must have (its documented size)
     * @param classes class names
     * @return the data set
     * @throws UserError for a missing, truncated or malformed file
     */
    public static Dataset headerless(Path file, int d, int expectedRows, List<String> classes) {
        String[] lines = lines(file);
        if (lines.length < expectedRows) {
            throw new UserError(file + ": truncated: expected " + expectedRows + " rows but the file has "
                    + lines.length + ".");
        }
        return parseRows(file, lines, 0, d, classes);
    }

    private static String[] lines(Path file) {
        String text = new String(DataFiles.read(file), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toArray(String[]::new);
    }

    private static Dataset parseRows(Path file, String[] rows, int lineOffset, int d, List<String> classes) {
        double[][] x = new double[rows.length][];
        int[] y = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            int lineNo = r + 1 + lineOffset;
            String[] f = rows[r].split(",");
            if (f.length != d + 1) {
                throw new UserError(file + ":" + lineNo + ": expected " + (d + 1) + " comma-separated values ("
                        + d + " features and a label) but found " + f.length + ".");
            }
            x[r] = new double[d];
            for (int j = 0; j < d; j++) {
                String cell = f[j].trim();
                try {
                    x[r][j] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new UserError(file + ":" + lineNo + ": column " + (j + 1) + ": '" + cell
                            + "' is not a number; every feature must be a finite number and the label an integer.");
                }
                if (!Double.isFinite(x[r][j])) {
                    // one NaN would otherwise turn a whole standardised feature into NaN or 0 without a word
                    throw new UserError(file + ":" + lineNo + ": column " + (j + 1) + ": '" + cell
                            + "' is not a finite number; every feature must be a finite number (no NaN or Infinity).");
                }
            }
            try {
                y[r] = Integer.parseInt(f[d].trim());
            } catch (NumberFormatException e) {
                throw new UserError(file + ":" + lineNo + ": column " + (d + 1) + ": label '" + f[d].trim()
                        + "' is not an integer; the last value of a row is its class, 0.." + (classes.size() - 1) + ".");
            }
            if (y[r] < 0 || y[r] >= classes.size()) {
                throw new UserError(file + ":" + lineNo + ": label " + y[r] + " out of range; valid labels are 0.."
                        + (classes.size() - 1) + ".");
            }
        }
        return new Dataset(x, y, List.copyOf(classes), file.toString());
    }
}
