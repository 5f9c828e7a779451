package org.neuroai.compare.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * A figure that lives only in the test sources and joins the registry by one line in this module's
 * test resources: the final value of each metric, seed by seed, one point per learner. The tests
 * show that such a figure is listed, drawn by {@code neuroai plot --figure} and covered by the chart
 * catalogue without any other change.
 */
public final class FinalBySeed implements Figure {
    /** Its registered name. */
    public static final String NAME = "final-by-seed";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the final value of each metric, seed by seed, one point per learner (a figure of the test sources)";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.CURVES);
    }

    @Override
    public String caption(RunFolder run) {
        return "Final value of each metric for every seed, one point per learner";
    }

    @Override
    public Drawing draw(RunFolder run) {
        Look look = Look.of(run);
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> true);
        List<String> metrics = run.metrics().isEmpty() ? rows.stream().map(TraceRow::metric).distinct().toList() : run.metrics();
        List<XYChart> panels = new ArrayList<>();
        for (String metric : metrics) {
            // learner -> seed -> the row of its last step
            Map<String, TreeMap<Long, TraceRow>> last = new LinkedHashMap<>();
            for (TraceRow r : rows) {
                if (r.metric().equals(metric) && Double.isFinite(r.value())) {
                    last.computeIfAbsent(r.learner(), k -> new TreeMap<>()).merge(r.seed(), r, (a, b) -> b.step() >= a.step() ? b : a);
                }
            }
            if (last.isEmpty()) {
                continue;
            }
            XYChart c = Charts.panel(LearningCurves.axis(metric).replaceFirst(" \\(.*", "") + " at the end", "run seed (number)",
                    LearningCurves.axis(metric));
            c.getStyler().setXAxisMin(run.firstSeed() - 0.5);
            c.getStyler().setXAxisMax(run.firstSeed() + run.seeds() - 0.5);
            for (Map.Entry<String, TreeMap<Long, TraceRow>> e : last.entrySet()) {
                double[] x = e.getValue().keySet().stream().mapToDouble(Long::doubleValue).toArray();
                double[] y = e.getValue().values().stream().mapToDouble(TraceRow::value).toArray();
                XYSeries s = c.addSeries(look.label(e.getKey()), x, y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(look.colour(e.getKey()));
            }
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setMarkerSize(8);
            panels.add(c);
        }
        if (panels.isEmpty()) {
            throw new UserError(run.file(Traces.CURVES) + ": no finite values of " + metrics + " to draw.");
        }
        return LearningCurves.layout("Final values, seed by seed " + look.onTask(),
                "one point per learner and seed: its value at its last checkpoint", panels);
    }
}
