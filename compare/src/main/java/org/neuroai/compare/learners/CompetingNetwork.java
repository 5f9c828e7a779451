package org.neuroai.compare.learners;

import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.compare.alignment.CompetingReadout;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Proposer;
import org.neuroai.core.WeightView;

/**
 * Krotov and Hopfield's network (2019, PNAS 116:7723-7731) learning all at once: a hidden layer of
 * competing units that learns without labels by the Krotov-Hopfield rule ({@link CompetingLayer})
 * and a softmax readout on its activity that learns by plain SGD on the cross-entropy
 * ({@link CompetingReadout}), both on the same minibatches, the readout first, at the hidden
 * weights before the layer's step.
 *
 * <p>A chunk of samples is one minibatch, except that a minibatch never spans two epochs of the
 * task: a chunk that does is learnt as two. The rule's rate is annealed by epoch, linearly from
 * η in the first to η/E in the last of E epochs, as in {@code mnist-local-vs-backprop}. Its
 * weights, and the change it proposes ({@link Proposer}), are those of the hidden layer.
 */
public final class CompetingNetwork implements Learner, Proposer {
    private final String name;
    private final CompetingLayer layer;
    private final CompetingReadout readout;
    private final double eta;
    private final int epochs;
    private final long epochSize;
    private final double readoutLr;
    private long presentations;

    /**
     * @param name the name in traces
     * @param layer the hidden layer
     * @param readout the readout on it
     * @param eta the rule's rate in the first epoch
     * @param epochs epochs over which the rate is annealed
     * @param epochSize samples per epoch of the task
     * @param readoutLr the readout's learning rate
     */
    public CompetingNetwork(String name, CompetingLayer layer, CompetingReadout readout, double eta, int epochs, long epochSize,
                            double readoutLr) {
        this.name = name;
        this.layer = layer;
        this.readout = readout;
        this.eta = eta;
        this.epochs = epochs;
        this.epochSize = epochSize;
        this.readoutLr = readoutLr;
    }

    /** The hidden layer. */
    public CompetingLayer layer() {
        return layer;
    }

    /** The readout. */
    public CompetingReadout readout() {
        return readout;
    }

    /** The rule's rate in an epoch: η (1 − e/E). */
    public double rate(long epoch) {
        return eta * (1 - (double) epoch / epochs);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.BIO;
    }

    @Override
    public void learn(Batch batch) {
        int from = 0;
        while (from < batch.size()) {
            long epoch = (batch.first() + from) / epochSize;
            int to = (int) Math.min(batch.size(), (epoch + 1) * epochSize - batch.first());
            double[][] x = java.util.Arrays.copyOfRange(batch.inputs(), from, to);
            readout.learn(layer.weights().matrix("w"), x, labels(batch.targets(), from, to), readoutLr);
            layer.train(floats(x), x.length, rate(epoch));
            presentations += x.length;
            from = to;
        }
    }

    /** The change of the hidden weights the rule asks for on the batch, before its rate. */
    @Override
    public double[][] proposedUpdate(Batch batch) {
        return layer.proposedChange(floats(batch.inputs()), batch.size());
    }

    /**
     * The class of each one-hot row.
     *
     * @param onehot one-hot rows
     * @param from first row
     * @param to row after the last
     * @return the classes
     */
    public static int[] labels(double[][] onehot, int from, int to) {
        int[] y = new int[to - from];
        for (int s = from; s < to; s++) {
            int best = 0;
            for (int c = 1; c < onehot[s].length; c++) {
                best = onehot[s][c] > onehot[s][best] ? c : best;
            }
            y[s - from] = best;
        }
        return y;
    }

    /** Rows as one row-major float array. */
    private static float[] floats(double[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < rows[r].length; i++) {
                out[r * rows[r].length + i] = (float) rows[r][i];
            }
        }
        return out;
    }

    @Override
    public WeightView weights() {
        return layer.weights();
    }

    @Override
    public long presentations() {
        return presentations;
    }
}
