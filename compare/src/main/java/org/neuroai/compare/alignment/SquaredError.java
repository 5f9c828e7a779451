package org.neuroai.compare.alignment;

import org.neuroai.core.linalg.Linalg;

/**
 * The mean squared error of a linear unit without bias, L(w) = (1/n) Σ_s (w·x_s − t_s)², and its
 * gradient ∂L/∂w = (2/n) Σ_s (w·x_s − t_s) x_s.
 */
public final class SquaredError {
    private SquaredError() {}

    /**
     * L(w).
     *
     * @param w weights
     * @param x inputs, one row per sample
     * @param t targets, one row of one value per sample
     * @return the mean squared error
     */
    public static double loss(double[] w, double[][] x, double[][] t) {
        double sum = 0;
        for (int s = 0; s < x.length; s++) {
            double e = Linalg.dot(w, x[s]) - t[s][0];
            sum += e * e;
        }
        return sum / x.length;
    }

    /**
     * ∂L/∂w.
     *
     * @param w weights
     * @param x inputs, one row per sample
     * @param t targets, one row of one value per sample
     * @return the gradient, as one row (the shape of a one-unit weight matrix)
     */
    public static double[][] gradient(double[] w, double[][] x, double[][] t) {
        double[] g = new double[w.length];
        for (int s = 0; s < x.length; s++) {
            double e = 2 * (Linalg.dot(w, x[s]) - t[s][0]) / x.length;
            for (int j = 0; j < w.length; j++) {
                g[j] += e * x[s][j];
            }
        }
        return new double[][] {g};
    }
}
