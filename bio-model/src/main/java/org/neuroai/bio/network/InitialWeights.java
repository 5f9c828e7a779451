package org.neuroai.bio.network;

import java.util.SplittableRandom;

/** How a layer draws its initial weights: each row is drawn, then scaled to a given norm. */
public enum InitialWeights {
    /** Each row a uniformly random direction (independent standard normal entries, normalised). */
    RANDOM_DIRECTION,
    /**
     * Each entry uniform in (0, 1], then the row normalised: excitatory synapses only, as in the
     * selectivity simulations of Bienenstock, Cooper &amp; Munro 1982.
     */
    POSITIVE;

    /**
     * Fills every row of {@code w} and scales it to {@code norm}.
     *
     * @param w the weights, one row per unit
     * @param norm the norm of each row
     * @param r the source of randomness
     */
    void fill(double[][] w, double norm, SplittableRandom r) {
        for (double[] row : w) {
            double n2 = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = switch (this) {
                    case RANDOM_DIRECTION -> {
                        double u1 = 1.0 - r.nextDouble();
                        double u2 = r.nextDouble();
                        yield Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
                    }
                    case POSITIVE -> 1.0 - r.nextDouble();
                };
                n2 += row[j] * row[j];
            }
            double s = norm / Math.sqrt(n2);
            for (int j = 0; j < row.length; j++) {
                row[j] *= s;
            }
        }
    }
}
