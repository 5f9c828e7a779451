package org.neuroai.core.tasks;

import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;

/**
 * A stream that makes each sample from its position in the stream (a trial of a fixed schedule,
 * or a draw from the stream's own random source, in order).
 */
abstract class PositionStream implements SampleStream {
    private long position;

    /** The input of the sample at a position: a new array, the caller's to keep. */
    protected abstract double[] input(long position);

    /** The target of the sample at a position, or null for an unsupervised task (the default). */
    protected double[] target(long position) {
        return null;
    }

    @Override
    public Batch next(int n) {
        double[][] x = new double[n][];
        double[][] t = new double[n][];
        boolean supervised = false;
        for (int s = 0; s < n; s++) {
            x[s] = input(position + s);
            t[s] = target(position + s);
            supervised |= t[s] != null;
        }
        Batch b = new Batch(x, supervised ? t : null, position);
        position += n;
        return b;
    }

    @Override
    public long position() {
        return position;
    }
}
