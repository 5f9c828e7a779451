package org.neuroai.compare.figures;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.ReferenceLines;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.Divergences;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.Norms;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
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
public final class LearningCurves implements Figure {
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

    @Override
    public String name() {
        return "learning-curves";
    }

    @Override
    public String description() {
        return "each recorded metric against training, one line per learner, mean over seeds with a 95 % t-interval";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.CURVES);
    }

    @Override
    public String caption(RunFolder run) {
        return "Each metric on held-out samples against training, mean over seeds with a 95 % t-interval"
                + (run.has(TribuoBaselines.FILE) ? "; dashed: Tribuo's linear classifiers fitted on the same training samples" : "");
    }

    @Override
    public Drawing draw(RunFolder run) {
        return of(Look.of(run));
    }

    /**
     * Adds a learner's mean line and, with several seeds, its 95 % t-interval band to a panel,
     * against the run's x axis, the interval cut to [lo, hi] (the possible values).
     */
    static void draw(XYChart c, Look look, String label, SeedStats st, double lo, double hi, Color colour) {
        Charts.mean(c, label, st.clamped(lo, hi).mapSteps(look::x), colour, 2f);
    }

    /**
     * Marks with a × where a learner's line ends for each seed in which it diverged: the line's last
     * point before the divergence, its last finite value (the engine records nothing of a learner
     * from the checkpoint where it diverged on).
     *
     * @param c the panel
     * @param look the run's look
     * @param learner the learner
     * @param label the name of the learner's line in the panel
     * @param st its summary over seeds, in steps
     * @param colour its colour
     */
    static void markStops(XYChart c, Look look, String learner, String label, SeedStats st, Color colour) {
        java.util.Set<Integer> marked = new java.util.HashSet<>();
        for (org.neuroai.compare.files.Divergences.Stop s : look.stops(learner)) {
            int last = -1;
            for (int i = 0; i < st.steps().length; i++) {
                if (st.steps()[i] < s.step() && Double.isFinite(st.mean()[i])) {
                    last = i;
                }
            }
            if (last >= 0 && marked.add(last)) {
                Charts.divergedMark(c, label + " diverged " + last, look.x(st.steps()[last]), st.mean()[last], colour);
            }
        }
    }

    /** How a metric is labelled on an axis, with its unit. */
    static String axis(String metric) {
        return switch (metric) {
            case "accuracy" -> "accuracy on held-out samples (fraction)";
            case "mse" -> "mean squared error per output (target units\u00b2)";
            case "reconstruction_mse" -> "reconstruction error (MSE per input)";
            case "principal_angle_deg" -> "largest principal angle (degrees)";
            case "coverage_95" -> "true weights inside the 95 % credible interval (fraction)";
            case "weight_error" -> "distance of the posterior mean from the true weights";
            case "ece" -> "expected calibration error (fraction)";
            case "predictive_nll" -> "held-out negative log predictive (nats per sample)";
            case "log_evidence" -> "log marginal likelihood so far (nats)";
            case "output_rate_hz" -> "output rate per neuron (Hz)";
            case "input_rate_hz" -> "input rate per input (Hz)";
            default -> metric + " (" + unit(metric) + ")";
        };
    }

    /** The unit a metric's name ends in, by the house's naming (times in ms as {@code _ms}), or "as recorded". */
    static String unit(String metric) {
        for (String[] suffix : new String[][] {{"_ms", "ms"}, {"_seconds", "s"}, {"_s", "s"}, {"_hz", "Hz"}, {"_deg", "degrees"},
            {"_fraction", "fraction"}}) {
            if (metric.endsWith(suffix[0])) {
                return suffix[1];
            }
        }
        return "as recorded";
    }

    /** Ticks on round seconds over the checkpoints of every learner, with their decimals. */
    private static void roundTicks(XYChart c, Look look, java.util.Collection<SeedStats> bands) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        double y = 0;
        for (SeedStats st : bands) {
            if (look.x(st.steps()[0]) < first) {
                y = st.mean()[0];
            }
            first = Math.min(first, look.x(st.steps()[0]));
            last = Math.max(last, look.x(st.steps()[st.steps().length - 1]));
        }
        c.getStyler().setXAxisDecimalPattern("#,##0.##");
        if (last > first && Double.isFinite(y)) {
            Charts.roundXTicks(c, first, last, y);
        }
    }

    /**
     * The figure.
     *
     * @param look the run's look
     * @return the figure
     */
    static PanelFigure of(Look look) {
        RunFolder run = look.run();
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES),
                r -> !r.metric().startsWith(Norms.PREFIX) && !Divergences.isMark(r.metric()));
        List<String> metrics = run.metrics().isEmpty() ? rows.stream().map(TraceRow::metric).distinct().toList() : run.metrics();
        List<XYChart> panels = new ArrayList<>();
        Path baselines = run.file(TribuoBaselines.FILE);
        boolean references = false;
        int seeds = 0;
        for (String metric : metrics) {
            Map<String, SeedStats> bands = SeedStats.byLearner(rows, metric);
            if (bands.isEmpty()) {
                continue;
            }
            XYChart c = Charts.panel(axis(metric).replaceFirst(" \\(.*", "") + " against training", look.xTitle(), axis(metric));
            if (look.inEpochs()) {
                c.getStyler().setXAxisDecimalPattern("#,##0.#");
            } else if (look.run().stepUnit().equals("ms of simulated time")) {
                // checkpoints equally spaced in fractions of a second would get XChart's ticks on the data's own x values
                roundTicks(c, look, bands.values());
            }
            double top = 0;
            for (Map.Entry<String, SeedStats> e : bands.entrySet()) {
                // an interval stops at the possible values: [0, 1] for fractions, >= 0 for errors and angles, none for a log evidence
                String label = look.labelWithStops(e.getKey());
                boolean fraction = List.of("accuracy", "ece", "coverage_95").contains(metric);
                draw(c, look, label, e.getValue(), metric.equals("log_evidence") ? Double.NEGATIVE_INFINITY : 0,
                        fraction ? 1 : Double.POSITIVE_INFINITY, look.colour(e.getKey()));
                markStops(c, look, e.getKey(), label, e.getValue(), look.colour(e.getKey()));
                seeds = Math.max(seeds, e.getValue().seeds());
                for (double v : e.getValue().high()) {
                    top = Math.max(top, Math.abs(v));
                }
            }
            if (metric.equals("accuracy") && Files.isRegularFile(baselines)) {
                double right = 0;
                for (SeedStats b : bands.values()) {
                    right = Math.max(right, look.x(b.steps()[b.steps().length - 1]));
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
            throw new UserError(run.file(Traces.CURVES) + ": none of the metrics " + metrics + " was recorded for any learner.");
        }
        String subtitle = seeds > 1 ? "lines: mean over " + seeds + " seeds; bands: 95 % t-interval of the mean"
                : "one seed; run with --seeds 3 or more for intervals";
        if (references) {
            subtitle += "; dashed: Tribuo's linear classifiers on the same training samples";
        }
        return layout("Learning curves " + look.onTask(), subtitle, panels);
    }

    /**
     * Two panels to a row when every legend fits in one row under its panel; else one panel to a
     * row, wider; else also one legend entry per line (when many learners or the reference lines
     * make a legend too long), every panel as tall as the longest legend needs, so that no legend
     * is cut off.
     */
    static PanelFigure layout(String title, String subtitle, List<XYChart> panels) {
        int widest = 0;
        int entries = 0;
        for (XYChart c : panels) {
            widest = Math.max(widest, Charts.legendRowWidth(c));
            entries = Math.max(entries, (int) c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).count());
        }
        int columns = panels.size() > 1 && widest <= NARROW ? 2 : 1;
        int width = columns == 2 ? NARROW : panels.size() > 1 || widest > ONE ? WIDE : ONE;
        // a lone panel widens for a subtitle that would be cut off
        int text = PanelFigure.textWidth(PanelFigure.SUBTITLE_FONT, subtitle) + 40;
        if (columns == 1 && text > width) {
            width = Math.min(WIDE, text);
        }
        boolean rows = widest > width;
        for (XYChart c : panels) {
            c.getStyler().setLegendLayout(rows ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        }
        return new PanelFigure(title, subtitle, panels, columns, width, HEIGHT + (rows ? LEGEND_ROW * (entries - 1) : 0));
    }
}
