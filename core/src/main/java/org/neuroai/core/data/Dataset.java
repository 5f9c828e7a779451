package org.neuroai.core.data;

import java.util.List;

/**
 * A labelled data set in memory.
 *
 * @param inputs one row per sample
 * @param labels class index of each sample
 * @param classNames names of the classes, indexed by label
 * @param source where it was read from, for messages and provenance
 */
public record Dataset(double[][] inputs, int[] labels, List<String> classNames, String source) {
    /** Number of samples. */
    public int size() {
        return inputs.length;
    }

    /** Number of input features. */
    public int features() {
        return inputs.length == 0 ? 0 : inputs[0].length;
    }
}
