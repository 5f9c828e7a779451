package org.neuroai.core;

/**
 * The input spikes of a window of simulated time [fromMs, toMs), in time order: spike k came from
 * input {@code source[k]} at {@code timeMs[k]}.
 *
 * @param fromMs start of the window, in ms
 * @param toMs end of the window (excluded), in ms
 * @param inputs number of inputs (spike sources) of the task
 * @param source the input of each spike
 * @param timeMs the time of each spike, non-decreasing, in [fromMs, toMs)
 */
public record Spikes(double fromMs, double toMs, int inputs, int[] source, double[] timeMs) {
    /** Checks that the arrays match. */
    public Spikes {
        if (source.length != timeMs.length) {
            throw new IllegalArgumentException(source.length + " sources but " + timeMs.length + " times");
        }
    }

    /** Number of spikes in the window. */
    public int count() {
        return source.length;
    }
}
