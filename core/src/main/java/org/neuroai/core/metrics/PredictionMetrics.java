package org.neuroai.core.metrics;

import org.neuroai.core.Predictor;
import org.neuroai.core.Split;

/** Metrics of learners that predict targets, computed the same way for every family. */
public final class PredictionMetrics {
    private PredictionMetrics() {}

    /**
     * Fraction of samples classified correctly. With one output per sample the class is whether
     * the output reaches {@code threshold} (targets 0/1); with several, the arg-max of the outputs
     * against the arg-max of the targets (one-hot).
     *
     * @param learner the learner
     * @param split samples with targets
     * @param threshold decision threshold for a single output
     * @return accuracy in [0, 1]
     */
    public static double accuracy(Predictor learner, Split split, double threshold) {
        double[][] y = predict(learner, split.inputs());
        double[][] t = split.targets();
        int correct = 0;
        for (int s = 0; s < y.length; s++) {
            if (y[s].length == 1) {
                boolean predicted = y[s][0] >= threshold;
                boolean actual = t[s][0] >= threshold;
                correct += predicted == actual ? 1 : 0;
            } else {
                correct += argmax(y[s]) == argmax(t[s]) ? 1 : 0;
            }
        }
        return (double) correct / y.length;
    }

    /** Mean squared error per output between predictions and targets. */
    public static double mse(Predictor learner, Split split) {
        double[][] y = predict(learner, split.inputs());
        double[][] t = split.targets();
        double sum = 0;
        for (int s = 0; s < y.length; s++) {
            for (int j = 0; j < y[s].length; j++) {
                double e = y[s][j] - t[s][j];
                sum += e * e;
            }
        }
        return sum / ((double) y.length * y[0].length);
    }

    /** Rows predicted at once, so that a network scoring a large test set holds one chunk's activations at a time. */
    public static final int CHUNK = 500;

    /**
     * A learner's outputs for many inputs, {@link #CHUNK} rows at a time.
     *
     * @param learner the learner
     * @param inputs one row per sample
     * @return one row of outputs per sample
     */
    public static double[][] predict(Predictor learner, double[][] inputs) {
        if (inputs.length <= CHUNK) {
            return learner.predict(inputs);
        }
        double[][] out = new double[inputs.length][];
        for (int from = 0; from < inputs.length; from += CHUNK) {
            int to = Math.min(inputs.length, from + CHUNK);
            double[][] y = learner.predict(java.util.Arrays.copyOfRange(inputs, from, to));
            System.arraycopy(y, 0, out, from, y.length);
        }
        return out;
    }

    /** Index of the largest value (the first, on ties). */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
