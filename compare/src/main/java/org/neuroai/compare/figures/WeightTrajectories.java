package org.neuroai.compare.figures;

import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Trajectories of the recorded synapses of a comparison (first seed): one panel per learner, one
 * thin line per synapse, layers of one learner in shades of its colour. At most
 * {@value #MAX_LINES} synapses per panel (evenly chosen among those recorded) and
 * {@value #MAX_POINTS} points per line (evenly chosen snapshots), so the SVG stays small.
 */
public final class WeightTrajectories implements Figure {
    /** Lines per panel, at most. */
    static final int MAX_LINES = 60;
    /** Points per line, at most. */
    static final int MAX_POINTS = 150;

    @Override
    public String name() {
        return "weight-trajectories";
    }

    @Override
    public String description() {
        return "recorded synapses over training, one thin line each (first seed)";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.WEIGHTS);
    }

    @Override
    public String caption(RunFolder run) {
        return "Recorded synapses over training, one thin line each (first seed)";
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
        List<TraceRow> all = TraceReader.read(run.file(Traces.WEIGHTS), r -> true);
        if (all.isEmpty()) {
            throw new UserError(run.file(Traces.WEIGHTS) + ": no weights recorded to draw.");
        }
        long seed = all.get(0).seed();
        List<XYChart> panels = new ArrayList<>();
        for (String learner : run.learners().keySet()) {
            // layer -> synapse -> step -> value
            Map<String, Map<Integer, TreeMap<Long, Double>>> lines = new LinkedHashMap<>();
            for (TraceRow r : all) {
                if (r.seed() == seed && r.learner().equals(learner)) {
                    lines.computeIfAbsent(r.metric(), k -> new TreeMap<>()).computeIfAbsent(r.index(), k -> new TreeMap<>())
                            .put(r.step(), r.value());
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            XYChart c = Charts.panel(look.labelWithStops(learner), look.xTitle(), "weight (model units)");
            int total = lines.values().stream().mapToInt(Map::size).sum();
            int stride = Math.max(1, (total + MAX_LINES - 1) / MAX_LINES);
            int k = 0;
            int layerNo = 0;
            for (Map.Entry<String, Map<Integer, TreeMap<Long, Double>>> layer : lines.entrySet()) {
                double shade = lines.size() == 1 ? 0 : 0.55 * layerNo / (lines.size() - 1);
                Color base = Palette.shade(look.colour(learner), shade);
                Color thin = new Color(base.getRed(), base.getGreen(), base.getBlue(), 140);
                boolean first = true;
                for (Map.Entry<Integer, TreeMap<Long, Double>> syn : layer.getValue().entrySet()) {
                    if (k++ % stride != 0) {
                        continue;
                    }
                    double[][] xy = downsample(syn.getValue());
                    XYSeries s = Charts.line(c, first ? layer.getKey() : layer.getKey() + " " + syn.getKey(),
                            look.x(xy[0]), xy[1], thin, 0.7f);
                    s.setShowInLegend(first && lines.size() > 1);
                    first = false;
                }
                layerNo++;
            }
            c.getStyler().setLegendVisible(lines.size() > 1);
            panels.add(c);
        }
        int columns = Math.min(2, panels.size());
        return new PanelFigure("Trajectories of recorded synapses " + look.onTask(),
                "one thin line per recorded synapse (at most " + MAX_LINES + " per learner), seed " + seed, panels, columns,
                columns == 1 ? 820 : 560, 320);
    }

    /** At most {@value #MAX_POINTS} evenly chosen points of a line, the last one always kept. */
    private static double[][] downsample(TreeMap<Long, Double> line) {
        int n = line.size();
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        List<double[]> kept = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, Double> e : line.entrySet()) {
            if (i % stride == 0 || i == n - 1) {
                kept.add(new double[] {e.getKey(), e.getValue()});
            }
            i++;
        }
        double[][] out = new double[2][kept.size()];
        for (int j = 0; j < kept.size(); j++) {
            out[0][j] = kept.get(j)[0];
            out[1][j] = kept.get(j)[1];
        }
        return out;
    }
}
