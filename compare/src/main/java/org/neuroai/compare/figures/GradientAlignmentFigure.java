package org.neuroai.compare.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.ContourFigure;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.compare.measures.GradientAlignment;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * How far from gradient descent each learner is, drawn from {@code curves.csv}: the cosine between
 * its proposed weight change and the negative gradient of its loss over presentations (top) and
 * the loss (bottom), one column per condition of the run, each condition's learners as the run's
 * provenance lists them ({@code run.conditions[i].learners}). Lines are means over seeds, bands
 * 95 % t-intervals of the mean; labels, colours and families come from learners.csv, and the
 * titles of a condition's panels from the run's fact {@code panels} when it has one.
 */
public final class GradientAlignmentFigure implements Figure {
    @Override
    public String name() {
        return "gradient-alignment";
    }

    @Override
    public String description() {
        return "cosine between each learner's proposed weight change and the negative gradient of its loss, and the loss, over presentations";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.CURVES);
    }

    @Override
    public String caption(RunFolder run) {
        return "Cosine between each learner's proposed weight change and the negative gradient of its task loss, over presentations: "
                + "mean and 95 % t-interval over seeds; below, the loss";
    }

    @Override
    public Drawing draw(RunFolder run) {
        return figure(Look.of(run));
    }

    /** One column of the figure: a condition's learners and how its panels are titled. */
    private record Column(List<String> learners, String title, String x, String loss, String lossName, String lossUnit) {}

    /** The run's conditions, as columns; one column of every learner for a run that lists none. */
    private static List<Column> columns(RunFolder run) {
        JsonNode cs = run.provenance().at("/run/conditions");
        JsonNode panels = run.provenance().path("panels");
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            List<String> learners = new ArrayList<>();
            cs.get(i).path("learners").forEach(n -> learners.add(n.asText()));
            JsonNode p = panels.path(i);
            String task = cs.get(i).path("task").asText("?");
            out.add(new Column(learners, p.path("title").asText("Task " + task), p.path("x").asText("presentations (samples)"),
                    p.path("loss").asText("Loss on the evaluation batch"), p.path("loss_name").asText("loss"),
                    p.path("loss_unit").asText("loss units")));
        }
        if (out.isEmpty()) {
            out.add(new Column(new ArrayList<>(run.learners().keySet()), "All learners", "presentations (samples)",
                    "Loss on the evaluation batch", "loss", "loss units"));
        }
        return out;
    }

    /**
     * The figure.
     *
     * @param look the run's look
     * @return the figure, not yet saved
     */
    public static PanelFigure figure(Look look) {
        RunFolder run = look.run();
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> true);
        Map<String, SeedStats> alignment = SeedStats.byLearner(rows, GradientAlignment.ALIGNMENT, true);
        Map<String, SeedStats> loss = SeedStats.byLearner(rows, GradientAlignment.LOSS, true);
        if (alignment.isEmpty()) {
            throw new UserError(run.file(Traces.CURVES) + ": no alignment rows to draw.");
        }
        List<XYChart> top = new ArrayList<>();
        List<XYChart> bottom = new ArrayList<>();
        int seeds = 0;
        for (Column col : columns(run)) {
            Map<String, SeedStats> a = new LinkedHashMap<>();
            for (String l : col.learners()) {
                if (alignment.containsKey(l)) {
                    a.put(l, alignment.get(l));
                }
            }
            if (a.isEmpty()) {
                continue;
            }
            XYChart cos = Charts.panel(col.title(), col.x(), "cos(\u0394W, \u2212\u2207L)");
            XYChart lossPanel = Charts.panel(col.loss(), col.x(), col.lossName() + " (" + col.lossUnit() + ")");
            double end = 0;
            for (SeedStats st : a.values()) {
                end = Math.max(end, st.steps()[st.steps().length - 1]);
            }
            // ticks on round numbers, not on the checkpoints
            Charts.roundXTicks(cos, 0, end, 0.5);
            for (String l : a.keySet()) {
                SeedStats st = loss.get(l);
                if (st != null && lossPanel.getSeriesCollection().isEmpty() && st.mean().length > 0 && st.mean()[0] > 0) {
                    Charts.roundXTicks(lossPanel, 0, end, st.mean()[0]);
                }
            }
            // a log axis labels only powers of ten: worth it when the loss falls by more than a decade or so
            double[] range = {Double.POSITIVE_INFINITY, 0};
            for (String l : a.keySet()) {
                SeedStats st = loss.get(l);
                if (st != null) {
                    for (double m : st.mean()) {
                        if (m > 0) {
                            range[0] = Math.min(range[0], m);
                            range[1] = Math.max(range[1], m);
                        }
                    }
                }
            }
            boolean log = range[1] / range[0] > ContourFigure.LOG_RATIO;
            if (log) {
                lossPanel.getStyler().setYAxisLogarithmic(true);
                lossPanel.setYAxisTitle(col.lossName() + " (log scale)");
            }
            for (Map.Entry<String, SeedStats> e : a.entrySet()) {
                curve(look, cos, e.getKey(), e.getValue(), Scale.COSINE);
                SeedStats l = loss.get(e.getKey());
                if (l != null) {
                    curve(look, lossPanel, e.getKey(), l, log ? Scale.LOG : Scale.LINEAR);
                }
                seeds = Math.max(seeds, e.getValue().seeds());
            }
            for (double level : new double[] {0, 1}) {
                Charts.dashed(cos, "cos = " + (int) level, new double[] {0, end}, new double[] {level, level}, Palette.GREY, false);
            }
            cos.getStyler().setYAxisMin(-1.05).setYAxisMax(1.05);
            cos.getStyler().setYAxisDecimalPattern("0.0");
            cos.getStyler().setXAxisMin(0.0).setXAxisMax(end);
            cos.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            cos.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            lossPanel.getStyler().setLegendVisible(false);
            top.add(cos);
            if (lossPanel.getSeriesCollection().stream().anyMatch(XYSeries::isShowInLegend)) {
                bottom.add(lossPanel);
            }
        }
        List<XYChart> panels = new ArrayList<>(top);
        panels.addAll(bottom);
        String title = "How far from gradient descent: cosine between each learner's weight change and \u2212\u2207 of its loss";
        String subtitle = "Change proposed on a fixed evaluation batch at the current weights; line = mean, band = 95 % t-interval over "
                + seeds + " seed" + (seeds == 1 ? "" : "s") + "; dashed: 1 (gradient descent) and 0 (orthogonal)";
        return new PanelFigure(title, subtitle, panels, Math.max(1, top.size()), 600, 340);
    }

    /** What a panel's y axis shows. */
    private enum Scale {
        /** A cosine, in [−1, 1]. */
        COSINE,
        /** A positive quantity on a logarithmic axis. */
        LOG,
        /** Anything else. */
        LINEAR
    }

    /**
     * The mean line of a learner and, with two seeds or more, its 95 % band, at the steps where
     * some seed has a number (and, on a log axis, the mean is positive).
     */
    private static void curve(Look look, XYChart c, String learner, SeedStats st, Scale scale) {
        boolean positive = scale == Scale.LOG;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < st.steps().length; i++) {
            if (Double.isFinite(st.mean()[i]) && (!positive || st.mean()[i] > 0)) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            return;
        }
        double[] x = new double[keep.size()];
        double[] mean = new double[keep.size()];
        double[] low = new double[keep.size()];
        double[] high = new double[keep.size()];
        // with one seed there is no interval (SeedStats collapses it onto the mean)
        boolean band = st.seeds() > 1;
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            x[k] = st.steps()[i];
            mean[k] = st.mean()[i];
            low[k] = st.low()[i];
            high[k] = st.high()[i];
            band &= Double.isFinite(low[k]) && Double.isFinite(high[k]);
            if (scale == Scale.COSINE) {
                // a cosine lies in [−1, 1], whatever the interval of its mean says
                low[k] = Math.max(low[k], -1);
                high[k] = Math.min(high[k], 1);
            } else if (positive) {
                // a log axis cannot show an interval that reaches zero: the band stops at a tenth of the mean
                low[k] = Math.max(low[k], mean[k] / 10);
            }
        }
        Color colour = look.colour(learner);
        String label = look.labelWithStops(learner);
        if (band) {
            Charts.band(c, label + " " + Charts.BAND, x, low, high, colour);
        }
        // rules wider than the gradient learners, so that a rule under a gradient learner (delta under SGD) still shows
        Charts.line(c, label, x, mean, colour, look.family(learner) == Family.BIO ? 4.5f : 2.2f);
    }
}
