package org.neuroai.compare.charts;

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
public final class WeightNormsFigure {
    private WeightNormsFigure() {}

    /**
     * The figure.
     *
     * @param run the run
     * @return the figure
     */
    public static Figure of(ComparisonRun run) {
        List<TraceRow> rows = TraceReader.read(run.dir().resolve("curves.csv"), r -> r.metric().startsWith(ComparisonRun.NORM_PREFIX));
        List<String> layers = rows.stream().map(TraceRow::metric).distinct().toList();
        List<XYChart> panels = new ArrayList<>();
        for (String learner : run.learners().keySet()) {
            List<TraceRow> mine = rows.stream().filter(r -> r.learner().equals(learner)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            XYChart c = Charts.panel(learner, run.xTitle(), "mean norm of a unit's weights (L2)");
            int k = 0;
            List<String> own = layers.stream().filter(l -> mine.stream().anyMatch(r -> r.metric().equals(l))).toList();
            for (String layer : own) {
                Map<String, SeedStats> b = SeedStats.byLearner(mine, layer);
                double shade = own.size() == 1 ? 0 : 0.55 * k / (own.size() - 1);
                LearningCurvesFigure.draw(c, run, layer.substring(ComparisonRun.NORM_PREFIX.length()), b.get(learner), 0,
                        Double.POSITIVE_INFINITY, Palette.shade(run.colour(learner), shade));
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
            throw new UserError(run.dir().resolve("curves.csv") + ": no weight norms (norm.LAYER rows) to draw.");
        }
        int columns = Math.min(2, panels.size());
        return new Figure("Weight norms per layer " + run.onTask(),
                "mean over a layer's units of the norm of a unit's incoming weights; lines: mean over seeds, bands: 95 % t-interval",
                panels, columns, columns == 1 ? 820 : 560, 350);
    }
}
