package org.neuroai.compare.alignment;

/**
 * The alignment of a weight change ΔW with gradient descent on a loss L at the same weights:
 * cos(ΔW, −g) = ⟨ΔW, −g⟩ / (‖ΔW‖ ‖g‖) with g = ∂L/∂W, all matrices taken as flat vectors. It is
 * 1 for a step straight down the gradient, 0 for a change that leaves L unchanged to first order,
 * −1 for a step straight up. When either norm is zero (no change, or a stationary point) the
 * cosine is 0/0 and is reported as NaN.
 */
public final class Alignment {
    private Alignment() {}

    /**
     * cos(ΔW, −g).
     *
     * @param change ΔW
     * @param gradient g, of the same shape
     * @return the cosine in [−1, 1], or NaN when either is zero
     */
    public static double withDescent(double[][] change, double[][] gradient) {
        double dot = 0;
        double a2 = 0;
        double b2 = 0;
        for (int i = 0; i < change.length; i++) {
            if (change[i].length != gradient[i].length) {
                throw new IllegalArgumentException("change and gradient differ in shape at row " + i);
            }
            for (int j = 0; j < change[i].length; j++) {
                dot -= change[i][j] * gradient[i][j];
                a2 += change[i][j] * change[i][j];
                b2 += gradient[i][j] * gradient[i][j];
            }
        }
        if (a2 == 0 || b2 == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, dot / Math.sqrt(a2 * b2)));
    }
}
