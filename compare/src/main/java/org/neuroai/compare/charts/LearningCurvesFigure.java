package org.neuroai.compare.charts;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.compare.Stats;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Learning curves of a comparison: one panel per metric, one line per learner (its mean over
 * seeds) with a band for the 95 % t-interval of that mean (Student's t, n − 1 degrees of freedom;
 * no band with one seed), against training samples or epochs. Drawn from {@code curves.csv}; when
 * the run has a {@code baselines.csv}, its Tribuo classifiers are dashed reference lines on the
 * accuracy panel ({@link ReferenceLines}).
 */
public final class LearningCurvesFigure {
    /** Width of a panel two to a row, in nominal pixels. */
    static final int NARROW = 560;
    /** Width of a panel alone in its figure. */
    static final int ONE = 820;
    /** Width of a panel one to a row, when its legend needs more than {@link #ONE}. */
    static final int WIDE = 960;
    /** Height of a panel with a legend of one row. */
    static final int HEIGHT = 370;
    /** Height of each further legend entry in a legend of one entry per line. */
    static final int LEGEND_ROW = 19;

    private LearningCurvesFigure() {}

    /**
     * Mean and 95 % t-interval over seeds at each step of one learner's metric.
     *
     * @param steps the steps
     * @param mean mean over seeds
     * @param low lower end of the interval (the mean with one seed)
     * @param high upper end
     * @param seeds number of seeds
     */
    record Band(double[] steps, double[] mean, double[] low, double[] high, int seeds) {
        /** Bands of every learner for one metric, learners in order of first appearance. */
        static Map<String, Band> byLearner(List<TraceRow> rows, String metric) {
            Map<String, TreeMap<Long, List<Double>>> grouped = new LinkedHashMap<>();
            for (TraceRow r : rows) {
                if (r.metric().equals(metric)) {
                    grouped.computeIfAbsent(r.learner(), k -> new TreeMap<>()).computeIfAbsent(r.step(), k -> new ArrayList<>())
                            .add(r.value());
                }
            }
            Map<String, Band> out = new LinkedHashMap<>();
            grouped.forEach((learner, bySteps) -> {
                int n = bySteps.size();
                double[] x = new double[n];
                double[] m = new double[n];
                double[] lo = new double[n];
                double[] hi = new double[n];
                int i = 0;
                int seeds = 0;
                for (Map.Entry<Long, List<Double>> e : bySteps.entrySet()) {
                    Stats.Summary s = Stats.Summary.of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                    x[i] = e.getKey();
                    m[i] = s.mean();
                    lo[i] = s.n() > 1 ? s.low() : s.mean();
                    hi[i] = s.n() > 1 ? s.high() : s.mean();
                    seeds = Math.max(seeds, s.n());
                    i++;
                }
                out.put(learner, new Band(x, m, lo, hi, seeds));
            });
            return out;
        }

        /** The same band with its interval cut to [lo, hi]. */
        Band clipped(double lo, double hi) {
            double[] l = low.clone();
            double[] h = high.clone();
            for (int i = 0; i < l.length; i++) {
                l[i] = Math.max(lo, l[i]);
                h[i] = Math.min(hi, h[i]);
            }
            return new Band(steps, mean, l, h, seeds);
        }

        /** Adds the band (when there are several seeds) and the mean line to a panel. */
        void draw(XYChart c, ComparisonRun run, String label, Color colour) {
            double[] x = run.x(steps);
            if (seeds > 1) {
                Charts.band(c, label + " band", x, low, high, colour);
            }
            Charts.line(c, label, x, mean, colour, 2f);
        }
    }

    /** How a metric is labelled on an axis. */
    static String axis(String metric) {
        return switch (metric) {
            case "accuracy" -> "accuracy on held-out samples (fraction)";
            case "mse" -> "mean squared error per output";
            case "reconstruction_mse" -> "reconstruction error (MSE per input)";
            case "principal_angle_deg" -> "largest principal angle (degrees)";
            default -> metric;
        };
    }

    /**
     * The figure.
     *
     * @param run the run
     * @return the figure
     */
    public static Figure of(ComparisonRun run) {
        List<TraceRow> rows = TraceReader.read(run.dir().resolve("curves.csv"), r -> run.metrics().contains(r.metric()));
        List<XYChart> panels = new ArrayList<>();
        Path baselines = run.dir().resolve(TribuoBaselines.FILE);
        boolean references = false;
        int seeds = 0;
        for (String metric : run.metrics()) {
            Map<String, Band> bands = Band.byLearner(rows, metric);
            if (bands.isEmpty()) {
                continue;
            }
            XYChart c = Charts.panel(axis(metric).replaceFirst(" \\(.*", "") + " against training", run.xTitle(), axis(metric));
            if (run.epochSize() > 0) {
                c.getStyler().setXAxisDecimalPattern("#,##0.#");
            }
            double top = 0;
            for (Map.Entry<String, Band> e : bands.entrySet()) {
                // an interval stops at the possible values: [0, 1] for an accuracy, >= 0 for errors and angles
                e.getValue().clipped(0, metric.equals("accuracy") ? 1 : Double.POSITIVE_INFINITY).draw(c, run, e.getKey(),
                        run.colour(e.getKey()));
                seeds = Math.max(seeds, e.getValue().seeds());
                for (double v : e.getValue().high()) {
                    top = Math.max(top, Math.abs(v));
                }
            }
            if (metric.equals("accuracy") && Files.isRegularFile(baselines)) {
                double right = 0;
                for (Band b : bands.values()) {
                    right = Math.max(right, run.x(b.steps()[b.steps().length - 1]));
                }
                ReferenceLines.draw(c, ReferenceLines.tribuoAccuracy(baselines), 0, right, 1, 3, "");
                references = true;
            }
            c.getStyler().setYAxisDecimalPattern(top < 0.01 ? "0.0E0" : "0.0##");
            // under the plot: inside, it would hide some learner's curve whatever the corner
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            panels.add(c);
        }
        if (panels.isEmpty()) {
            throw new UserError(run.dir().resolve("curves.csv") + ": none of the metrics " + run.metrics() + " was recorded for any learner.");
        }
        String subtitle = seeds > 1 ? "lines: mean over " + seeds + " seeds; bands: 95 % t-interval of the mean"
                : "one seed; run with --seeds 3 or more for intervals";
        if (references) {
            subtitle += "; dashed: Tribuo's linear classifiers on the same training samples";
        }
        return layout("Learning curves " + run.onTask(), subtitle, panels);
    }

    /**
     * Two panels to a row when every legend fits in one row under its panel; else one panel to a
     * row, wider; else also one legend entry per line (when many learners or the reference lines
     * make a legend too long), every panel as tall as the longest legend needs, so that no legend
     * is cut off.
     */
    static Figure layout(String title, String subtitle, List<XYChart> panels) {
        int widest = 0;
        int entries = 0;
        for (XYChart c : panels) {
            widest = Math.max(widest, Charts.legendRowWidth(c));
            entries = Math.max(entries, (int) c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).count());
        }
        int columns = panels.size() > 1 && widest <= NARROW ? 2 : 1;
        int width = columns == 2 ? NARROW : panels.size() > 1 || widest > ONE ? WIDE : ONE;
        // a lone panel widens for a subtitle that would be cut off
        int text = Figure.textWidth(Figure.SUBTITLE_FONT, subtitle) + 40;
        if (columns == 1 && text > width) {
            width = Math.min(WIDE, text);
        }
        boolean rows = widest > width;
        for (XYChart c : panels) {
            c.getStyler().setLegendLayout(rows ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        }
        return new Figure(title, subtitle, panels, columns, width, HEIGHT + (rows ? LEGEND_ROW * (entries - 1) : 0));
    }
}
