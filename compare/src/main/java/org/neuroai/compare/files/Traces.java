package org.neuroai.compare.files;

/**
 * The four long-format traces every run may write, all with the columns of
 * {@link org.neuroai.core.trace.CsvSink}: one row per learner, seed, step, name (and index).
 */
public final class Traces {
    /** Scalar metrics at every checkpoint: {@code learner,seed,step,metric,value}. */
    public static final String CURVES = "curves.csv";
    /** Chosen synapses: metric = weight group ("w", "layer1", ...), index = flat row-major index. */
    public static final String WEIGHTS = "weights.csv";
    /** Probed state and vector measures: metric = probe name ("theta", "u", "R", ...), index = unit or synapse. */
    public static final String PROBES = "probes.csv";
    /** Weight histograms: metric = weight group, index = bin, value = count. */
    public static final String HISTOGRAMS = "histograms.csv";

    private Traces() {}
}
