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

    /** Bins of {@link #expectedCalibrationError}. */
    public static final int CALIBRATION_BINS = 10;

    /**
     * The expected calibration error of a classifier's confidence (Naeini, Cooper &amp; Hauskrecht
     * 2015; Guo et al. 2017): held-out samples are put in {@value #CALIBRATION_BINS} equal bins of
     * confidence over [0, 1], and ECE = Σ_b (n_b / N) |accuracy_b − mean confidence_b|. The
     * confidence is the largest output for several outputs and max(p, 1 − p) for a single one;
     * outputs that are not probabilities (a delta rule's) are read as the learner offers them,
     * clipped to [0, 1].
     *
     * @param learner the classifier
     * @param split samples with one-hot targets (or one 0/1 column)
     * @param threshold the threshold of a single output
     * @return ECE in [0, 1]; 0 is perfectly calibrated
     */
    public static double expectedCalibrationError(Predictor learner, Split split, double threshold) {
        double[][] y = predict(learner, split.inputs());
        double[][] t = split.targets();
        double[] confidence = new double[CALIBRATION_BINS];
        double[] correct = new double[CALIBRATION_BINS];
        int[] count = new int[CALIBRATION_BINS];
        for (int s = 0; s < y.length; s++) {
            double conf;
            boolean right;
            if (y[s].length == 1) {
                double p = Math.min(1, Math.max(0, y[s][0]));
                conf = Math.max(p, 1 - p);
                right = (y[s][0] >= threshold) == (t[s][0] >= threshold);
            } else {
                int k = argmax(y[s]);
                conf = Math.min(1, Math.max(0, y[s][k]));
                right = k == argmax(t[s]);
            }
            int b = Math.min(CALIBRATION_BINS - 1, (int) (conf * CALIBRATION_BINS));
            confidence[b] += conf;
            correct[b] += right ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correct[b] - confidence[b]) / y.length;
            }
        }
        return ece;
    }

    /**
     * The mean negative log posterior predictive of held-out targets, in nats per sample.
     *
     * @param posterior a learner with a posterior
     * @param split held-out samples with targets
     * @return −(1/N) Σ log p(y | x, samples learned)
     */
    public static double predictiveNll(org.neuroai.core.Posterior posterior, Split split) {
        double sum = 0;
        for (int s = 0; s < split.inputs().length; s++) {
            sum -= posterior.logPredictive(split.inputs()[s], split.targets()[s]);
        }
        return sum / split.inputs().length;
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
