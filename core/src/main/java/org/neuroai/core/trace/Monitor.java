package org.neuroai.core.trace;

import java.util.List;
import java.util.Map;
import org.neuroai.core.Probeable;
import org.neuroai.core.WeightView;

/**
 * Records what a run's learners do, in the manner of Brian2's {@code StateMonitor}: the caller says
 * what to record (which synapses, which probes, which indices) and when; the rows stream to four
 * sinks, so nothing accumulates in memory: metrics (curves.csv), chosen synapses (weights.csv),
 * probed state and vector measures (probes.csv) and weight histograms (histograms.csv).
 */
public final class Monitor implements AutoCloseable {
    private final TraceSink metrics;
    private final TraceSink weights;
    private final TraceSink probes;
    private final TraceSink histograms;
    private double[] buffer = new double[0];

    /** The four traces a monitor writes. */
    public enum Trace {
        /** Metrics: curves.csv. */
        METRICS,
        /** Chosen synapses: weights.csv. */
        WEIGHTS,
        /** Probes and vector measures: probes.csv. */
        PROBES,
        /** Weight histograms: histograms.csv. */
        HISTOGRAMS
    }

    /**
     * @param metrics where metric rows go
     * @param weights where weight rows go
     * @param probes where probe rows go
     * @param histograms where histogram rows go
     */
    public Monitor(TraceSink metrics, TraceSink weights, TraceSink probes, TraceSink histograms) {
        this.metrics = metrics;
        this.weights = weights;
        this.probes = probes;
        this.histograms = histograms;
    }

    /** A monitor of metrics and weights only; probes and histograms are dropped. */
    public Monitor(TraceSink metrics, TraceSink weights) {
        this(metrics, weights, new MemorySink.Discard(), new MemorySink.Discard());
    }

    /**
     * Appends a row as it was recorded elsewhere (by another monitor whose rows are merged here).
     *
     * @param trace which trace
     * @param r the row
     */
    public void row(Trace trace, TraceRow r) {
        TraceSink sink = switch (trace) {
            case METRICS -> metrics;
            case WEIGHTS -> weights;
            case PROBES -> probes;
            case HISTOGRAMS -> histograms;
        };
        sink.row(r.learner(), r.seed(), r.step(), r.metric(), r.index(), r.value());
    }

    /**
     * The indices 0, 1, ..., n − 1: a selection that records a whole group of n values.
     *
     * @param n the group's size
     * @return the indices
     */
    public static int[] all(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /**
     * Up to {@code max} of {@code n} indices, evenly spread: 0, n/m, 2n/m, ...
     *
     * @param n how many there are
     * @param max how many to keep at most
     * @return the indices, increasing
     */
    public static int[] spread(long n, int max) {
        int m = (int) Math.min(n, max);
        int[] idx = new int[m];
        for (int k = 0; k < m; k++) {
            idx[k] = (int) (k * n / m);
        }
        return idx;
    }

    /** Records metrics of one learner at one step, in the map's order. */
    public void metrics(String learner, long seed, long step, Map<String, Double> values) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            metrics.row(learner, seed, step, e.getKey(), -1, e.getValue());
        }
    }

    /**
     * Records chosen weights of one learner at one step.
     *
     * @param learner the learner's name
     * @param seed the run's seed
     * @param step steps so far
     * @param view the learner's weights
     * @param chosen weight group to the flat (row-major) indices to record; groups the learner lacks are skipped
     */
    public void weights(String learner, long seed, long step, WeightView view, Map<String, int[]> chosen) {
        for (Map.Entry<String, int[]> e : chosen.entrySet()) {
            String group = e.getKey();
            if (!view.groups().contains(group)) {
                continue;
            }
            int[] shape = view.shape(group);
            int size = shape[0] * shape[1];
            view.copy(group, buffer(size));
            for (int idx : e.getValue()) {
                if (idx < size) {
                    weights.row(learner, seed, step, group, idx, buffer[idx]);
                }
            }
        }
    }

    /**
     * Records chosen probes of one learner at one step.
     *
     * @param learner the learner's name
     * @param seed the run's seed
     * @param step steps so far
     * @param source the learner
     * @param chosen probe name to the indices to record; probes the learner lacks are skipped
     */
    public void probes(String learner, long seed, long step, Probeable source, Map<String, int[]> chosen) {
        probes(learner, seed, step, source, chosen, "");
    }

    /**
     * Records chosen probes of one learner at one step, each name written with a prefix.
     *
     * @param learner the learner's name
     * @param seed the run's seed
     * @param step steps so far
     * @param source the learner
     * @param chosen probe name to the indices to record; probes the learner lacks are skipped
     * @param prefix put before every probe's name as written ("blocking." gives "blocking.theta"), or ""
     */
    public void probes(String learner, long seed, long step, Probeable source, Map<String, int[]> chosen, String prefix) {
        Map<String, Integer> offered = source.probes();
        for (Map.Entry<String, int[]> e : chosen.entrySet()) {
            Integer size = offered.get(e.getKey());
            if (size == null) {
                continue;
            }
            source.probe(e.getKey(), buffer(size));
            for (int idx : e.getValue()) {
                if (idx < size) {
                    probes.row(learner, seed, step, prefix + e.getKey(), idx, buffer[idx]);
                }
            }
        }
    }

    /**
     * Records vectors measured of one learner at one step, with probes.
     *
     * @param learner the learner's name
     * @param seed the run's seed
     * @param step steps so far
     * @param values name to values, every index recorded
     */
    public void vectors(String learner, long seed, long step, Map<String, double[]> values) {
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                probes.row(learner, seed, step, e.getKey(), i, v[i]);
            }
        }
    }

    /**
     * Records a histogram of each of some weight groups: the count of weights in each of
     * {@code bins} equal bins over [low, high]; values outside count in the end bins.
     *
     * @param learner the learner's name
     * @param seed the run's seed
     * @param step steps so far
     * @param view the learner's weights
     * @param groups the groups, each a histogram with index = bin
     * @param bins number of bins
     * @param low lower end of the range
     * @param high upper end of the range
     */
    public void histograms(String learner, long seed, long step, WeightView view, List<String> groups, int bins, double low,
                           double high) {
        double width = (high - low) / bins;
        double[] counts = new double[bins];
        for (String g : groups) {
            if (!view.groups().contains(g)) {
                continue;
            }
            int[] shape = view.shape(g);
            int size = shape[0] * shape[1];
            view.copy(g, buffer(size));
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < size; i++) {
                int b = (int) Math.floor((buffer[i] - low) / width);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
            }
            for (int b = 0; b < bins; b++) {
                histograms.row(learner, seed, step, g, b, counts[b]);
            }
        }
    }

    private double[] buffer(int size) {
        if (buffer.length < size) {
            buffer = new double[size];
        }
        return buffer;
    }

    @Override
    public void close() {
        metrics.close();
        weights.close();
        probes.close();
        histograms.close();
    }
}
