package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The recorded probes of a run (probes.csv): one panel per probe name, and in it, for every learner
 * that has the probe, its recorded indices of the first seed over training, one line each in the
 * learner's colour, lighter for later indices; a probe recorded at more than
 * {@value #LINES} indices shows {@value #LINES} of them, evenly chosen, and the mean over all of
 * them as a thick line.
 */
public final class Probes implements Figure {
    /** Lines of single indices per learner and panel, at most. */
    static final int LINES = 6;
    /** Panels, at most: the first probes in the file's order. */
    static final int PANELS = 8;

    @Override
    public String name() {
        return "probes";
    }

    @Override
    public String description() {
        return "the recorded state of each learner (probes: thresholds, traces, resources, ...) over training, first seed";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.PROBES);
    }

    @Override
    public String caption(RunFolder run) {
        return "Recorded state of the learners over training (probes.csv), one panel per probe, first seed";
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
        List<TraceRow> rows = TraceReader.read(run.file(Traces.PROBES), r -> true);
        if (rows.isEmpty()) {
            throw new UserError(run.file(Traces.PROBES) + ": no probes recorded to draw.");
        }
        long seed = rows.get(0).seed();
        // probe -> learner -> index -> step -> value
        Map<String, Map<String, TreeMap<Integer, TreeMap<Long, Double>>>> all = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            if (r.seed() == seed) {
                all.computeIfAbsent(r.metric(), k -> new LinkedHashMap<>()).computeIfAbsent(r.learner(), k -> new TreeMap<>())
                        .computeIfAbsent(r.index(), k -> new TreeMap<>()).put(r.step(), r.value());
            }
        }
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, Map<String, TreeMap<Integer, TreeMap<Long, Double>>>> p : all.entrySet()) {
            if (panels.size() == PANELS) {
                break;
            }
            XYChart c = Charts.panel("Probe '" + p.getKey() + "'", look.xTitle(), p.getKey() + " (model units)");
            roundTicks(c, look, p.getValue());
            for (String learner : order(look, p.getValue().keySet())) {
                TreeMap<Integer, TreeMap<Long, Double>> byIndex = p.getValue().get(learner);
                Color colour = look.colour(learner);
                String label = look.labelWithStops(learner);
                if (byIndex.size() == 1) {
                    double[][] xy = line(byIndex.firstEntry().getValue());
                    Charts.line(c, label, look.x(xy[0]), xy[1], colour, 2.2f);
                    continue;
                }
                boolean many = byIndex.size() > LINES;
                List<Integer> shown = evenly(new ArrayList<>(byIndex.keySet()));
                for (int k = 0; k < shown.size(); k++) {
                    int index = shown.get(k);
                    double[][] xy = line(byIndex.get(index));
                    Color shade = Palette.tint(colour, 1 - 0.6 * k / Math.max(1, shown.size() - 1));
                    boolean named = !many && k == 0;
                    XYSeries s = Charts.line(c, named ? label : label + " [" + index + "]", look.x(xy[0]), xy[1], shade, many ? 0.8f : 1.6f);
                    s.setShowInLegend(named);
                }
                if (many) {
                    double[][] mean = mean(byIndex);
                    Charts.line(c, label + ", mean of " + byIndex.size(), look.x(mean[0]), mean[1], colour, 2.2f);
                }
            }
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            // seconds of simulated time or epochs are fractions: keep their decimals on the ticks
            c.getStyler().setXAxisDecimalPattern("#,##0.##");
            panels.add(c);
        }
        int columns = panels.size() > 1 ? 2 : 1;
        int widest = 0;
        for (Map<String, TreeMap<Integer, TreeMap<Long, Double>>> byLearner : all.values()) {
            for (TreeMap<Integer, TreeMap<Long, Double>> byIndex : byLearner.values()) {
                widest = Math.max(widest, byIndex.size());
            }
        }
        String how = widest == 1 ? "one line per learner" : widest <= LINES
                ? "one line per recorded index (unit, synapse), lighter for later ones"
                : "thin: up to " + LINES + " recorded indices (units, synapses), lighter for later ones; thick: the mean over all";
        return new PanelFigure("Recorded state of the learners " + look.onTask(), how + "; seed " + seed, panels, columns,
                columns == 1 ? 860 : 560, 360);
    }

    /**
     * Ticks on round numbers over the recorded steps: probes recorded at equally spaced steps would
     * otherwise get XChart's ticks on the data's own steps (fractions of a second).
     */
    private static void roundTicks(XYChart c, Look look, Map<String, TreeMap<Integer, TreeMap<Long, Double>>> byLearner) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double y = 0;
        for (TreeMap<Integer, TreeMap<Long, Double>> byIndex : byLearner.values()) {
            for (TreeMap<Long, Double> values : byIndex.values()) {
                if (values.firstKey() < first) {
                    y = values.firstEntry().getValue();
                }
                first = Math.min(first, values.firstKey());
                last = Math.max(last, values.lastKey());
            }
        }
        if (last > first && Double.isFinite(y)) {
            Charts.roundXTicks(c, look.x(first), look.x(last), y);
        }
    }

    /** The learners in the run's drawing order. */
    static List<String> order(Look look, java.util.Set<String> present) {
        List<String> out = new ArrayList<>();
        for (String l : look.run().learners().keySet()) {
            if (present.contains(l)) {
                out.add(l);
            }
        }
        for (String l : present) {
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    /** At most {@value #LINES} of the indices, evenly chosen, the first always among them. */
    private static List<Integer> evenly(List<Integer> indices) {
        if (indices.size() <= LINES) {
            return indices;
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < LINES; k++) {
            out.add(indices.get(k * indices.size() / LINES));
        }
        return out;
    }

    private static double[][] line(TreeMap<Long, Double> values) {
        double[][] xy = new double[2][values.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : values.entrySet()) {
            xy[0][i] = e.getKey();
            xy[1][i++] = e.getValue();
        }
        return xy;
    }

    /** The mean over indices at each step recorded for all of them. */
    private static double[][] mean(TreeMap<Integer, TreeMap<Long, Double>> byIndex) {
        TreeMap<Long, double[]> sums = new TreeMap<>();
        for (TreeMap<Long, Double> values : byIndex.values()) {
            values.forEach((step, v) -> {
                double[] s = sums.computeIfAbsent(step, k -> new double[2]);
                s[0] += v;
                s[1]++;
            });
        }
        double[][] xy = new double[2][sums.size()];
        int i = 0;
        for (Map.Entry<Long, double[]> e : sums.entrySet()) {
            xy[0][i] = e.getKey();
            xy[1][i++] = e.getValue()[0] / e.getValue()[1];
        }
        return xy;
    }
}
