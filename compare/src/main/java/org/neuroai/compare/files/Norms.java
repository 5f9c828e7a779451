package org.neuroai.compare.files;

/** Weight norms in curves.csv: metric {@code norm.LAYER}, the mean over a layer's units of the L2 norm of a unit's incoming weights. */
public final class Norms {
    /** The prefix of the metric. */
    public static final String PREFIX = "norm.";

    private Norms() {}
}
