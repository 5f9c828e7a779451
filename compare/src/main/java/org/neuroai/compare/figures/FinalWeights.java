package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.HeatCells;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The final distribution of each learner's weights, as a step histogram over the histograms' range
 * (histograms.csv): the mean count per bin over seeds at each seed's last snapshot, whiskers for the
 * 95 % t-interval over seeds, and the first snapshot's distribution dashed. One panel per learner
 * and weight group.
 */
public final class FinalWeights implements Figure {
    @Override
    public String name() {
        return "final-weights";
    }

    @Override
    public String description() {
        return "the final distribution of each learner's weights against the first, mean over seeds (histograms.csv)";
    }

    @Override
    public String file() {
        return "final_weights";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.HISTOGRAMS);
    }

    @Override
    public String caption(RunFolder run) {
        return "Final distribution of the weights against the first snapshot, " + SeedStats.caption(run.seeds());
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
        List<TraceRow> rows = TraceReader.read(run.file(Traces.HISTOGRAMS), r -> true);
        if (rows.isEmpty()) {
            throw new UserError(run.file(Traces.HISTOGRAMS) + ": no histograms recorded to draw.");
        }
        WeightHistograms.Range range = WeightHistograms.Range.of(run, rows);
        // learner and group -> seed -> step -> counts
        Map<String, Map<Long, TreeMap<Long, double[]>>> all = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (String learner : run.learners().keySet()) {
            for (TraceRow r : rows) {
                if (r.learner().equals(learner)) {
                    String key = r.metric().equals("w") ? look.labelWithStops(learner) : look.labelWithStops(learner) + " \u2013 " + r.metric();
                    owner.put(key, learner);
                    all.computeIfAbsent(key, k -> new java.util.TreeMap<>()).computeIfAbsent(r.seed(), k -> new TreeMap<>())
                            .computeIfAbsent(r.step(), k -> new double[range.bins()])[r.index()] = r.value();
                }
            }
        }
        List<XYChart> panels = new ArrayList<>();
        int seeds = 0;
        for (Map.Entry<String, Map<Long, TreeMap<Long, double[]>>> e : all.entrySet()) {
            seeds = Math.max(seeds, e.getValue().size());
            panels.add(panel(look, range, e.getKey(), look.colour(owner.get(e.getKey())), e.getValue()));
        }
        String subtitle = range.bins() + " bins over [" + num(range.low()) + ", " + num(range.high()) + "] (values outside in the end bins); "
                + (seeds == 1 ? SeedStats.caption(1) : SeedStats.caption(seeds) + " (whiskers)") + "; dashed: the first snapshot";
        return new PanelFigure("Final distribution of the weights " + look.onTask(), subtitle, panels, 1, 900, 340);
    }

    private static XYChart panel(Look look, WeightHistograms.Range range, String title, Color colour, Map<Long, TreeMap<Long, double[]>> bySeed) {
        int bins = range.bins();
        int seeds = bySeed.size();
        long end = 0;
        TreeMap<Double, List<Double>> byBin = new TreeMap<>();
        double[] start = new double[bins];
        double width = (range.high() - range.low()) / bins;
        for (TreeMap<Long, double[]> steps : bySeed.values()) {
            end = Math.max(end, steps.lastKey());
            double[] last = steps.lastEntry().getValue();
            double[] first = steps.firstEntry().getValue();
            for (int b = 0; b < bins; b++) {
                byBin.computeIfAbsent(range.low() + width * (b + 0.5), x -> new ArrayList<>()).add(last[b]);
                start[b] += first[b] / seeds;
            }
        }
        SeedStats perBin = SeedStats.of(byBin, seeds);
        String after = "after " + when(look, end);
        XYChart c = Charts.panel(title + ", " + after, "weight (model units)", "weights per bin (count)");
        Charts.roundXTicks(c, range.low(), range.high(), 0);
        double[][] bars = steps(perBin.mean(), range);
        HeatCells.filled(c, seeds == 1 ? after : after + ", mean over seeds", bars[0], bars[1], Palette.band(colour), colour, true)
                .setLineWidth(1.8f);
        double[][] initial = steps(start, range);
        Charts.dashed(c, "first snapshot", initial[0], initial[1], Palette.GREY, true);
        if (seeds > 1) {
            for (int b = 0; b < bins; b++) {
                double x = perBin.steps()[b];
                XYSeries whisker = Charts.line(c, b == 0 ? "95 % t-interval over seeds" : "interval " + b, new double[] {x, x},
                        new double[] {perBin.low()[b], perBin.high()[b]}, new Color(0x222222), 1.2f);
                whisker.setShowInLegend(b == 0);
            }
        }
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setXAxisDecimalPattern("0.0#");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideN);
        return c;
    }

    /** The outline of a step histogram over the range: x and y of a closed polygon along the base. */
    static double[][] steps(double[] counts, WeightHistograms.Range range) {
        int bins = counts.length;
        double width = (range.high() - range.low()) / bins;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = range.low();
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = range.low() + width * b;
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = range.low() + width * (b + 1);
            y[2 * b + 2] = counts[b];
        }
        x[2 * bins + 1] = range.high();
        return new double[][] {x, y};
    }

    /** A step in words: seconds of simulated time, epochs, or steps in the run's unit. */
    private static String when(Look look, long step) {
        if (look.inEpochs()) {
            return num(look.x(step)) + " epochs";
        }
        return look.run().stepUnit().equals("ms of simulated time") ? num(step / 1000.0) + " s" : num(step) + " " + look.run().stepUnit();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
