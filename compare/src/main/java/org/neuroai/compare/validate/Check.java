package org.neuroai.compare.validate;

/**
 * One comparison of a model with a published number or a theorem.
 *
 * @param check what is compared, e.g. "Sjöström 2001, 20 Hz, Δt = +10 ms"
 * @param model the model and preset
 * @param expected the published value or the accepted range, as text
 * @param got what the model gives
 * @param error the deviation in the unit the check states (s.e.m., relative error, ...)
 * @param pass whether the model is within what the check accepts
 * @param figure the figure (base name) that shows it
 */
public record Check(String check, String model, String expected, double got, String error, boolean pass, String figure) {}
