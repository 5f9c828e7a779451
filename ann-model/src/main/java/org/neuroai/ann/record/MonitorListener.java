package org.neuroai.ann.record;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.neuroai.core.trace.TraceSink;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Feeds what a Deeplearning4j network does while it trains into the same long-format traces as
 * the biological learners: the loss at every recorded iteration; per parameter array ("0_W",
 * "0_b", ...) the norm of the parameters, of the gradient and the log10 ratio of the update's norm
 * to the parameters' norm (the quantity Karpathy's rule of thumb puts near −3); and, every
 * {@code histogramEvery} recorded iterations, a histogram of each weight array over fixed bins.
 *
 * <p>Only norms are computed, on the arrays DL4J already holds: the raw gradient when it is
 * computed ({@link #onGradientCalculation}) and the update after the optimiser has turned the
 * gradient view into it ({@link #iterationDone}), so nothing is copied. Recording happens every
 * {@code stride} iterations; between them the listener does nothing but count.
 *
 * <p>Rows (learner, seed, step, metric, index, value) with step = the learner's presentations,
 * this iteration's batch included:
 * {@code loss}; {@code weight_norm:P}, {@code grad_norm:P}, {@code update_ratio_log10:P}; and in
 * the histogram sink {@code hist:P} with index = bin.
 */
public final class MonitorListener extends BaseTrainingListener {
    private final String learner;
    private final long seed;
    private final LongSupplier step;
    private final TraceSink metrics;
    private final TraceSink histograms;
    private final int stride;
    private final int histogramEvery;
    private final double[] edges;
    private final long[] counts;
    private int iterations;
    private int recorded;
    private boolean due;
    private Map<String, Double> gradNorms = Map.of();

    /**
     * @param learner the learner's name in the traces
     * @param seed the run's seed
     * @param step presentations so far (read when a row is written)
     * @param metrics where loss and norms go
     * @param histograms where histograms go
     * @param stride record every this many iterations (at least 1)
     * @param histogramEvery write histograms every this many recorded iterations (0 = never)
     * @param bins number of histogram bins
     * @param range histogram covers [−range, range]; values outside count in the end bins
     */
    public MonitorListener(String learner, long seed, LongSupplier step, TraceSink metrics, TraceSink histograms, int stride,
                           int histogramEvery, int bins, double range) {
        if (stride < 1 || bins < 1 || !(range > 0)) {
            throw new IllegalArgumentException("stride and bins must be at least 1 and range above 0");
        }
        this.learner = learner;
        this.seed = seed;
        this.step = step;
        this.metrics = metrics;
        this.histograms = histograms;
        this.stride = stride;
        this.histogramEvery = histogramEvery;
        this.edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = -range + 2 * range * i / bins;
        }
        this.counts = new long[bins];
    }

    /** The histogram's bin edges (bins + 1 values). */
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public void onGradientCalculation(Model model) {
        due = iterations % stride == 0;
        if (!due) {
            return;
        }
        // DL4J holds the gradient summed over the minibatch here and divides it by the batch size
        // in the updater; report the gradient of the mean loss, the one the update follows.
        Map<String, INDArray> g = model.gradient().gradientForVariable();
        double n = Math.max(1, model.batchSize());
        java.util.LinkedHashMap<String, Double> norms = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : g.entrySet()) {
            norms.put(e.getKey(), e.getValue().norm2Number().doubleValue() / n);
        }
        gradNorms = norms;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        boolean record = due || iterations % stride == 0;
        iterations++;
        if (!record) {
            return;
        }
        long s = step.getAsLong();
        metrics.row(learner, seed, s, "loss", -1, model.score());
        Map<String, INDArray> params = model.paramTable();
        Map<String, INDArray> updates = model.gradient().gradientForVariable();
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            String p = e.getKey();
            double wn = e.getValue().norm2Number().doubleValue();
            metrics.row(learner, seed, s, "weight_norm:" + p, -1, wn);
            Double gn = gradNorms.get(p);
            if (gn != null) {
                metrics.row(learner, seed, s, "grad_norm:" + p, -1, gn);
            }
            INDArray u = updates.get(p);
            if (u != null && wn > 0) {
                double un = u.norm2Number().doubleValue();
                metrics.row(learner, seed, s, "update_ratio_log10:" + p, -1, un > 0 ? Math.log10(un / wn) : Double.NEGATIVE_INFINITY);
            }
        }
        if (histogramEvery > 0 && recorded % histogramEvery == 0) {
            for (Map.Entry<String, INDArray> e : params.entrySet()) {
                if (e.getKey().endsWith("_W")) {
                    histogram(e.getValue(), s, "hist:" + e.getKey());
                }
            }
        }
        recorded++;
        due = false;
    }

    private void histogram(INDArray w, long s, String metric) {
        java.util.Arrays.fill(counts, 0);
        double[] v = w.castTo(DataType.DOUBLE).ravel().toDoubleVector();
        int bins = counts.length;
        double lo = edges[0];
        double width = (edges[bins] - lo) / bins;
        for (double x : v) {
            int b = (int) Math.floor((x - lo) / width);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        for (int b = 0; b < bins; b++) {
            histograms.row(learner, seed, s, metric, b, counts[b]);
        }
    }

    /** The metrics this listener writes for a parameter array name. */
    public static List<String> metricsFor(String param) {
        return List.of("weight_norm:" + param, "grad_norm:" + param, "update_ratio_log10:" + param);
    }
}
