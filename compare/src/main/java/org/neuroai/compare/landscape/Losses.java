package org.neuroai.compare.landscape;

import java.util.function.ToDoubleFunction;
import org.neuroai.core.linalg.Linalg;

/**
 * The losses the landscapes are drawn on, as functions of a flat parameter vector laid out as the
 * learner's {@link Block}s. All are exact: no sampling noise enters a landscape.
 */
public final class Losses {
    /** DL4J's binary cross-entropy clips the output to [ε, 1 − ε] before taking logs. */
    static final double XENT_CLIP = 1e-5;

    private Losses() {}

    /**
     * The expected reconstruction error of a linear autoencoder x̂ = Dᵀ E x on inputs of covariance
     * C, in closed form: E‖x − DᵀEx‖² = tr C − 2 tr(Dᵀ E C) + tr(D Dᵀ · E C Eᵀ) (summed over the d
     * inputs, not averaged).
     *
     * @param c the d x d input covariance
     * @param e the encoder, k x d (one row per hidden unit)
     * @param dec the decoder, k x d (row i is what hidden unit i writes into input space)
     * @return the error
     */
    public static double reconstructionError(double[][] c, double[][] e, double[][] dec) {
        int k = e.length;
        int d = c.length;
        double[][] ec = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int l = 0; l < d; l++) {
                    s += e[i][l] * c[l][j];
                }
                ec[i][j] = s;
            }
        }
        double trC = 0;
        for (int j = 0; j < d; j++) {
            trC += c[j][j];
        }
        double cross = 0;
        double quad = 0;
        for (int i = 0; i < k; i++) {
            cross += Linalg.dot(dec[i], ec[i]);
            for (int m = 0; m < k; m++) {
                // (D Dᵀ)_im (E C Eᵀ)_mi
                quad += Linalg.dot(dec[i], dec[m]) * Linalg.dot(ec[m], e[i]);
            }
        }
        return trC - 2 * cross + quad;
    }

    /**
     * The tied-weight loss J(W) = E‖x − WᵀW x‖² = tr C − 2 tr(W C Wᵀ) + tr(W C Wᵀ W Wᵀ), whose
     * stochastic descent with k rows is the subspace rule Oja's and Sanger's rules approximate; its
     * minimum, tr C minus the sum of the k largest eigenvalues, is reached on the principal subspace.
     *
     * @param c the d x d input covariance
     * @param k rows of W
     * @return J as a function of W flattened row-major (layout: group "w", k x d)
     */
    public static ToDoubleFunction<double[]> tied(double[][] c, int k) {
        int d = c.length;
        return theta -> {
            double[][] w = rows(theta, 0, k, d);
            return reconstructionError(c, w, w);
        };
    }

    /**
     * A linear autoencoder's own loss over its whole parameter vector: encoder rows (group "w",
     * k x d) then decoder (group "decoder", k x d).
     *
     * @param c the d x d input covariance
     * @param k hidden units
     * @return the expected reconstruction error as a function of the 2kd parameters
     */
    public static ToDoubleFunction<double[]> autoencoder(double[][] c, int k) {
        int d = c.length;
        return theta -> reconstructionError(c, rows(theta, 0, k, d), rows(theta, k * d, k, d));
    }

    /**
     * The binary cross-entropy of a one-hidden-layer network h = tanh(W x + b), y = σ(v·h + c),
     * averaged over the samples, with the output clipped to [1e-5, 1 − 1e-5] as Deeplearning4j
     * does. Layout: "w" (hidden x n, W), "bias0" (hidden, b), "layer1" (1 x hidden, v), "bias1" (c).
     *
     * @param hidden hidden units
     * @param inputs the samples' inputs
     * @param targets their targets in {0, 1} (one output)
     * @return the loss as a function of the parameters
     */
    public static ToDoubleFunction<double[]> mlpCrossEntropy(int hidden, double[][] inputs, double[][] targets) {
        int n = inputs[0].length;
        return theta -> {
            double sum = 0;
            for (int s = 0; s < inputs.length; s++) {
                double z = theta[hidden * n + hidden + hidden];
                for (int h = 0; h < hidden; h++) {
                    double a = theta[hidden * n + h];
                    for (int j = 0; j < n; j++) {
                        a += theta[h * n + j] * inputs[s][j];
                    }
                    z += theta[hidden * n + hidden + h] * Math.tanh(a);
                }
                double y = Math.min(1 - XENT_CLIP, Math.max(XENT_CLIP, 1 / (1 + Math.exp(-z))));
                double t = targets[s][0];
                sum -= t * Math.log(y) + (1 - t) * Math.log(1 - y);
            }
            return sum / inputs.length;
        };
    }

    /**
     * The mean squared error of one linear unit with a bias, y = w·x + b, over the samples.
     * Layout: "w", 1 x (n + 1), the bias last.
     *
     * @param inputs the samples' inputs
     * @param targets their targets (one output)
     * @return the loss as a function of the n + 1 weights
     */
    public static ToDoubleFunction<double[]> linearMse(double[][] inputs, double[][] targets) {
        int n = inputs[0].length;
        return theta -> {
            double sum = 0;
            for (int s = 0; s < inputs.length; s++) {
                double y = theta[n];
                for (int j = 0; j < n; j++) {
                    y += theta[j] * inputs[s][j];
                }
                double e = y - targets[s][0];
                sum += e * e;
            }
            return sum / inputs.length;
        };
    }

    private static double[][] rows(double[] theta, int off, int k, int d) {
        double[][] m = new double[k][d];
        for (int i = 0; i < k; i++) {
            System.arraycopy(theta, off + i * d, m[i], 0, d);
        }
        return m;
    }

}
