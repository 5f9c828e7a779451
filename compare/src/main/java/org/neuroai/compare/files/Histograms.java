package org.neuroai.compare.files;

/**
 * Where the provenance keeps the bins and range of a run's weight histograms
 * ({@link Traces#HISTOGRAMS}): {@code histograms.bins}, {@code histograms.low}, {@code histograms.high}.
 */
public final class Histograms {
    /** The provenance entry. */
    public static final String ENTRY = "histograms";

    private Histograms() {}
}
