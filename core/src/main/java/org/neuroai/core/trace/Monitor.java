package org.neuroai.core.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neuroai.core.WeightView;

/**
 * Records named metrics and selected weights of learners at a chosen stride, in the manner of
 * Brian2's {@code StateMonitor}: what to record, which indices, how often. Rows stream to the
 * sinks, so nothing accumulates in memory.
 */
public final class Monitor implements AutoCloseable {
    private final TraceSink metrics;
    private final TraceSink weights;
    private final long stride;
    private final Map<String, int[]> selection;
    private double[] buffer = new double[0];

    /**
     * @param metrics where metric rows go
     * @param weights where weight rows go
     * @param stride record weights when {@code step % stride == 0} (in presentations)
     * @param selection weight group to the flat (row-major) indices to record
     */
    public Monitor(TraceSink metrics, TraceSink weights, long stride, Map<String, int[]> selection) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        this.metrics = metrics;
        this.weights = weights;
        this.stride = stride;
        this.selection = new LinkedHashMap<>(selection);
    }

    /**
     * The indices 0, 1, ..., n − 1: a selection that records a whole group of n weights.
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

    /** Whether weights are due at this step. */
    public boolean due(long step) {
        return step % stride == 0;
    }

    /** Records every metric of one learner at one step. */
    public void metrics(String learner, long seed, long step, Map<String, Double> values) {
        Progress.report(learner, seed, step);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            metrics.row(learner, seed, step, e.getKey(), -1, e.getValue());
        }
    }

    /** Records the selected weights of one learner at one step, if the step is due. */
    public void weights(String learner, long seed, long step, WeightView view) {
        weights(learner, seed, step, view, selection);
    }

    /**
     * Records chosen weights of one learner at one step, if the step is due: for learners whose
     * layers differ in shape, each with its own choice of synapses.
     *
     * @param learner the learner's name
     * @param seed the run's seed
     * @param step presentations so far
     * @param view the learner's weights
     * @param chosen weight group to the flat (row-major) indices to record
     */
    public void weights(String learner, long seed, long step, WeightView view, Map<String, int[]> chosen) {
        if (!due(step)) {
            return;
        }
        for (Map.Entry<String, int[]> e : chosen.entrySet()) {
            String group = e.getKey();
            if (!view.groups().contains(group)) {
                continue;
            }
            int[] shape = view.shape(group);
            int size = shape[0] * shape[1];
            if (buffer.length < size) {
                buffer = new double[size];
            }
            view.copy(group, buffer);
            for (int idx : e.getValue()) {
                if (idx < size) {
                    weights.row(learner, seed, step, group, idx, buffer[idx]);
                }
            }
        }
    }

    @Override
    public void close() {
        metrics.close();
        weights.close();
    }
}
