package org.neuroai.compare.validate;

/**
 * One comparison of a model with a published number, a theorem or an independent reference.
 *
 * @param check what is compared, e.g. "Sjöström 2001, 20 Hz, Δt = +10 ms"
 * @param model the model and preset
 * @param expected the published value or the accepted range, as text
 * @param got what the model gives
 * @param error the deviation in the unit the check states (s.e.m., relative error, ...)
 * @param pass whether the model is within what the check accepts
 * @param figure the figure (base name) that shows it
 * @param role what kind of evidence the row is
 */
public record Check(String check, String model, String expected, double got, String error, boolean pass, String figure,
                    Role role) {
    /** What a row is evidence of. */
    public enum Role {
        /** A published number the model's parameters were fitted to: it shows the fit, it does not validate. */
        FIT,
        /** Published data the parameters were not fitted to. */
        PREDICTION,
        /** A theorem or closed form the model must satisfy. */
        THEORY,
        /** Equality with an independent implementation of the paper's equations. */
        REFERENCE;

        /** Lower-case name, as printed. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
