package org.neuroai.compare.figures;

import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.Norms;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Weight norms of a comparison over training: one panel per learner, one line per layer, the
 * mean over units of the norm of a unit's incoming weights ({@code norm.LAYER} in
 * {@code curves.csv}), mean over seeds with a 95 % t-interval band. Layers of one learner share
 * its colour, darker for deeper layers.
 */
public final class WeightNorms implements Figure {
    @Override
    public String name() {
        return "weight-norms";
    }

    @Override
    public String description() {
        return "mean norm of a unit's incoming weights per learner and layer, over training";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.CURVES);
    }

    @Override
    public String caption(RunFolder run) {
        return "Mean norm of a unit's incoming weights, per learner and layer, mean over seeds with a 95 % t-interval";
    }

    @Override
    public Drawing draw(RunFolder run) {
        return of(Look.of(run));
    }

    /**
     * The figure.
     *
     * @param look the run's look
     * @return the figure
     */
    static PanelFigure of(Look look) {
        RunFolder run = look.run();
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> r.metric().startsWith(Norms.PREFIX));
        List<String> layers = rows.stream().map(TraceRow::metric).distinct().toList();
        List<XYChart> panels = new ArrayList<>();
        for (String learner : run.learners().keySet()) {
            List<TraceRow> mine = rows.stream().filter(r -> r.learner().equals(learner)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            XYChart c = Charts.panel(look.labelWithStops(learner), look.xTitle(), "mean norm of a unit's weights (L2)");
            int k = 0;
            List<String> own = layers.stream().filter(l -> mine.stream().anyMatch(r -> r.metric().equals(l))).toList();
            for (String layer : own) {
                Map<String, SeedStats> b = SeedStats.byLearner(mine, layer);
                double shade = own.size() == 1 ? 0 : 0.55 * k / (own.size() - 1);
                Color colour = Palette.shade(look.colour(learner), shade);
                LearningCurves.draw(c, look, layer.substring(Norms.PREFIX.length()), b.get(learner), 0, Double.POSITIVE_INFINITY, colour);
                LearningCurves.markStops(c, look, learner, layer, b.get(learner), colour);
                k++;
            }
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
            // a single layer needs no legend: the panel title names the learner
            c.getStyler().setLegendVisible(own.size() > 1);
            panels.add(c);
        }
        if (panels.isEmpty()) {
            throw new UserError(run.file(Traces.CURVES) + ": no weight norms (norm.LAYER rows) to draw.");
        }
        int columns = Math.min(2, panels.size());
        return new PanelFigure("Weight norms per layer " + look.onTask(),
                "mean over a layer's units of the norm of a unit's incoming weights; lines: mean over seeds, bands: 95 % t-interval",
                panels, columns, columns == 1 ? 820 : 560, 350);
    }
}
