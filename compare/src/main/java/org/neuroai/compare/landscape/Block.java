package org.neuroai.compare.landscape;

/**
 * One weight group of a learner as recorded in {@code weights.csv} ({@code rows} x {@code cols},
 * row-major), and how filter normalisation treats it.
 *
 * @param group the group name in weights.csv
 * @param rows rows of the group
 * @param cols columns of the group
 * @param filters what a filter (one unit's incoming weights) is in this group
 */
public record Block(String group, int rows, int cols, Filters filters) {
    /** What one filter of a block is, for {@link Directions#filterNormalised}. */
    public enum Filters {
        /** Each row is one unit's incoming weights (with its bias, when the bias is a column of the row). */
        ROWS,
        /** Each column is one unit's incoming weights (a decoder stored one row per hidden unit). */
        COLUMNS,
        /** Biases only. */
        BIAS
    }

    /** The number of parameters in the block. */
    public int size() {
        return rows * cols;
    }
}
