package org.neuroai.core;

import java.util.List;

/**
 * A read-only look at a learner's weights, organised in named groups of units x inputs.
 *
 * <p>Group "w" is by convention the units' incoming weight vectors (one row per unit), so the
 * same chart can show a Hebbian unit and a hidden unit of a network. Values are copied only when
 * a monitor samples them.
 */
public interface WeightView {
    /** The group names, e.g. ["w"] or ["w", "decoder"]. */
    List<String> groups();

    /** Rows (units) and columns (inputs) of a group. */
    int[] shape(String group);

    /**
     * Copies one group into {@code dest}, row-major.
     *
     * @param group the group name
     * @param dest an array of rows*cols elements
     */
    void copy(String group, double[] dest);

    /** A fresh row-major copy of one group. */
    default double[] copy(String group) {
        int[] s = shape(group);
        double[] out = new double[s[0] * s[1]];
        copy(group, out);
        return out;
    }

    /** A fresh copy of one group as rows. */
    default double[][] matrix(String group) {
        int[] s = shape(group);
        double[] flat = copy(group);
        double[][] m = new double[s[0]][s[1]];
        for (int i = 0; i < s[0]; i++) {
            System.arraycopy(flat, i * s[1], m[i], 0, s[1]);
        }
        return m;
    }
}
