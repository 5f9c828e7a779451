package org.neuroai.bio;

/**
 * What a unit does with its summed input s = w·x (plus a bias weight on a constant input when the
 * layer has one).
 */
public enum Activation {
    /** Linear rate unit: y = s. */
    LINEAR,
    /** Rectified rate unit: y = max(0, s). */
    RECTIFIED,
    /** Sigmoid rate unit: y = 1/(1 + e^(−s)). */
    SIGMOID,
    /** Hyperbolic-tangent rate unit: y = tanh(s). */
    TANH,
    /**
     * McCulloch-Pitts threshold unit (McCulloch &amp; Pitts 1943, Bull Math Biophys 5:115):
     * y = 1 when s ≥ 0, else 0; the threshold is minus the bias weight.
     */
    THRESHOLD;

    /**
     * Applies the activation.
     *
     * @param s summed input
     * @return the unit's output
     */
    public double apply(double s) {
        return switch (this) {
            case LINEAR -> s;
            case RECTIFIED -> Math.max(0, s);
            case SIGMOID -> 1 / (1 + Math.exp(-s));
            case TANH -> Math.tanh(s);
            case THRESHOLD -> s >= 0 ? 1 : 0;
        };
    }

    /** The name used in settings: lower case. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Looks an activation up by its settings name.
     *
     * @param key linear, rectified, sigmoid, tanh or threshold
     * @return the activation
     * @throws org.neuroai.core.UserError for any other name
     */
    public static Activation of(String key) {
        for (Activation a : values()) {
            if (a.key().equals(key)) {
                return a;
            }
        }
        throw new org.neuroai.core.UserError("unknown unit type '" + key + "'; valid are: linear, rectified, sigmoid, tanh, threshold.");
    }
}
