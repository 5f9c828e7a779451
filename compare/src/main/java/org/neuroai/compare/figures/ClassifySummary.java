package org.neuroai.compare.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.engine.Stats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Final held-out accuracy and expected calibration error of every learner on every task of a run
 * whose conditions are tasks ({@code TASK.accuracy}, {@code TASK.ece}): one point per learner and
 * task, the mean over seeds of each learner's last checkpoint with its 95 % t-interval, and
 * Tribuo's logistic regression (the run's fact {@code tribuo_accuracy}) as a black bar.
 */
public final class ClassifySummary implements Figure {
    @Override
    public String name() {
        return "classify-summary";
    }

    @Override
    public String description() {
        return "final held-out accuracy and calibration error of every learner on every task, beside Tribuo's logistic regression";
    }

    @Override
    public String file() {
        return "classify_summary";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.CURVES);
    }

    @Override
    public String caption(RunFolder run) {
        return "Held-out accuracy and expected calibration error at each learner's end, per task, "
                + SeedStats.caption(run.seeds()) + "; black bars: Tribuo's logistic regression";
    }

    @Override
    public Drawing draw(RunFolder run) {
        Look look = Look.of(run);
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> r.metric().endsWith(".accuracy") || r.metric().endsWith(".ece"));
        List<String> tasks = new ArrayList<>();
        for (TraceRow r : rows) {
            String t = r.metric().substring(0, r.metric().lastIndexOf('.'));
            if (!tasks.contains(t)) {
                tasks.add(t);
            }
        }
        if (tasks.isEmpty()) {
            throw new UserError(run.file(Traces.CURVES) + ": no TASK.accuracy or TASK.ece rows to draw.");
        }
        List<String> learners = Probes.order(look, rows.stream().map(TraceRow::learner).collect(java.util.stream.Collectors.toSet()));
        var tribuo = run.provenance().path("tribuo_accuracy");
        List<XYChart> panels = new ArrayList<>();
        for (String metric : List.of("accuracy", "ece")) {
            XYChart c = Charts.panel(metric.equals("accuracy") ? "Held-out accuracy" : "Expected calibration error (lower is better)",
                    "task (its own held-out split)", metric.equals("accuracy") ? "accuracy (fraction)" : "ECE (fraction)");
            double lo = 1;
            double hi = 0;
            for (int li = 0; li < learners.size(); li++) {
                String l = learners.get(li);
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                List<Double> es = new ArrayList<>();
                for (int ti = 0; ti < tasks.size(); ti++) {
                    double[] finals = finals(rows, l, tasks.get(ti) + "." + metric);
                    if (finals.length == 0) {
                        continue;
                    }
                    Stats.Summary s = Stats.Summary.of(finals);
                    xs.add(ti + 1 + 0.18 * (li - (learners.size() - 1) / 2.0));
                    ys.add(s.mean());
                    es.add(Double.isNaN(s.sd()) ? 0 : s.high() - s.mean());
                    lo = Math.min(lo, s.mean() - es.get(es.size() - 1));
                    hi = Math.max(hi, s.mean() + es.get(es.size() - 1));
                }
                if (xs.isEmpty()) {
                    continue;
                }
                XYSeries s = c.addSeries(look.labelWithStops(l), xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ys.stream().mapToDouble(Double::doubleValue).toArray(), es.stream().mapToDouble(Double::doubleValue).toArray());
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(look.colour(l));
                s.setLineColor(look.colour(l));
            }
            if (metric.equals("accuracy") && tribuo.isObject()) {
                for (int ti = 0; ti < tasks.size(); ti++) {
                    if (tribuo.path(tasks.get(ti)).isNumber()) {
                        double a = tribuo.path(tasks.get(ti)).asDouble();
                        XYSeries bar = Charts.line(c, ti == 0 ? "Tribuo logistic regression" : "Tribuo, " + tasks.get(ti), new double[] {ti + 0.6, ti + 1.4}, new double[] {a, a},
                                Color.BLACK, 2f);
                        bar.setLineStyle(new BasicStroke(2f));
                        bar.setShowInLegend(ti == 0);
                        lo = Math.min(lo, a);
                        hi = Math.max(hi, a);
                    }
                }
            }
            c.getStyler().setMarkerSize(9);
            c.getStyler().setErrorBarsColorSeriesColor(true);
            c.getStyler().setXAxisMin(0.5).setXAxisMax(tasks.size() + 0.5);
            // the tasks are named inside the plot, under their points: XChart 4 cannot put tick labels on chosen x values here
            c.getStyler().setXAxisTicksVisible(false);
            double pad = 0.1 * Math.max(hi - lo, 0.02);
            double bottom = metric.equals("accuracy") ? Math.max(0, lo - 2.5 * pad) : 0;
            double top = metric.equals("accuracy") ? Math.min(1.005, hi + pad) : hi + 2.5 * pad;
            c.getStyler().setYAxisMin(bottom).setYAxisMax(top);
            for (int ti = 0; ti < tasks.size(); ti++) {
                // accuracies sit high, so their names go low; calibration errors sit low, so theirs go high
                double y = metric.equals("accuracy") ? bottom + 0.05 * (top - bottom) : top - 0.05 * (top - bottom);
                c.addAnnotation(new AnnotationText(tasks.get(ti), ti + 1, y, false));
            }
            c.getStyler().setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
            c.getStyler().setAnnotationTextFontColor(new Color(0x333333));
            c.getStyler().setYAxisDecimalPattern("0.00");
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            panels.add(c);
        }
        return new PanelFigure("Accuracy and calibration on the classification tasks", SeedStats.caption(run.seeds())
                + "; each learner at its last checkpoint", panels, 2, 560, 460);
    }

    /** Each seed's value of a metric at the learner's last checkpoint. */
    private static double[] finals(List<TraceRow> rows, String learner, String metric) {
        Map<Long, TreeMap<Long, Double>> bySeed = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            if (r.learner().equals(learner) && r.metric().equals(metric)) {
                bySeed.computeIfAbsent(r.seed(), k -> new TreeMap<>()).put(r.step(), r.value());
            }
        }
        return bySeed.values().stream().mapToDouble(m -> m.lastEntry().getValue()).toArray();
    }
}
