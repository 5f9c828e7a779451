package org.neuroai.core.reward;

import java.util.SplittableRandom;

/** Choosing an action with probability softmax(preferences): the choice of every agent with a softmax policy. */
public final class Softmax {
    private Softmax() {}

    /**
     * Draws an action with probability exp(z_a) / Σ_b exp(z_b).
     *
     * @param z the preferences (logits), overwritten with exp(z − max z)
     * @param rng the agent's own random source
     * @return the action
     */
    public static int choose(double[] z, SplittableRandom rng) {
        double sum = exponentiate(z);
        double u = rng.nextDouble() * sum;
        for (int a = 0; a < z.length; a++) {
            u -= z[a];
            if (u < 0) {
                return a;
            }
        }
        return z.length - 1;
    }

    /**
     * The probabilities of the actions, exp(z_a) / Σ_b exp(z_b), without a draw.
     *
     * @param z the preferences (logits), overwritten with the probabilities
     */
    public static void probabilities(double[] z) {
        double sum = exponentiate(z);
        for (int a = 0; a < z.length; a++) {
            z[a] /= sum;
        }
    }

    /** Overwrites z with exp(z − max z) and returns their sum. */
    private static double exponentiate(double[] z) {
        double top = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            top = Math.max(top, v);
        }
        double sum = 0;
        for (int a = 0; a < z.length; a++) {
            z[a] = Math.exp(z[a] - top);
            sum += z[a];
        }
        return sum;
    }
}
