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

    /**
     * A live view of one weight matrix as group "w", one row per unit; nothing is copied until a
     * monitor asks for the values.
     *
     * @param w the matrix, rows of equal length
     * @return the view
     */
    static WeightView of(double[][] w) {
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.of("w");
            }

            @Override
            public int[] shape(String group) {
                return new int[] {w.length, w[0].length};
            }

            @Override
            public void copy(String group, double[] dest) {
                for (int i = 0; i < w.length; i++) {
                    System.arraycopy(w[i], 0, dest, i * w[i].length, w[i].length);
                }
            }
        };
    }
}
