package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RasterFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.compare.measures.FiringRates;
import org.neuroai.compare.measures.WeightShares;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of runs of spiking learners, drawn from the run folder only: firing rates and the
 * weights' shares near their bounds over time (curves.csv), and a raster of spikes before and after
 * learning (spikes.csv).
 */
public final class SpikingFigures {
    private static final Color INK = new Color(0x222222);

    private SpikingFigures() {}

    /** Output and input rates per window, and the shares of weights near each bound. */
    public static final class Rates implements Figure {
        @Override
        public String name() {
            return "firing-rates";
        }

        @Override
        public String description() {
            return "output and input firing rates per window, and the shares of weights near their bounds, over simulated time";
        }

        @Override
        public String file() {
            return "output_rate";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Output and input rate per window, and the share of weights near each bound, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return rates(Look.of(run));
        }
    }

    /** Spikes of a sample of inputs and of the output neuron, in the first and the last stretch. */
    public static final class Raster implements Figure {
        @Override
        public String name() {
            return "spike-raster";
        }

        @Override
        public String description() {
            return "spikes of a sample of inputs and of the output neuron in the first and the last stretch of a run, inputs ranked by "
                    + "final weight (spikes.csv)";
        }

        @Override
        public String file() {
            return "spike_raster";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, RasterFile.NAME);
        }

        @Override
        public String caption(RunFolder run) {
            return "Spikes of a sample of inputs and of the output neuron in the first and the last stretch, inputs ranked by final weight";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return raster(Look.of(run), RasterFile.read(run.file(RasterFile.NAME)));
        }
    }

    /**
     * Rates and weights over time: each learner's output rate per window against the input rate,
     * drawn at the window's centre; and, where recorded, the shares of weights near each bound with
     * the mean weight. Lines are means over seeds, bands their 95 % t-intervals.
     */
    static PanelFigure rates(Look look) {
        RunFolder run = look.run();
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> true);
        Map<String, SeedStats> out = SeedStats.byLearner(rows, FiringRates.OUTPUT);
        Map<String, SeedStats> in = SeedStats.byLearner(rows, FiringRates.INPUT);
        if (out.isEmpty()) {
            throw new UserError(run.file(Traces.CURVES) + ": no '" + FiringRates.OUTPUT + "' rows to draw; the run has no spiking learner.");
        }
        String x = look.xTitle();
        double end = 0;
        for (SeedStats st : out.values()) {
            end = Math.max(end, look.x(st.steps()[st.steps().length - 1]));
        }
        boolean one = out.size() == 1;
        XYChart rate = Charts.panel("Firing rate per window, drawn at its centre", x, "rate (Hz)");
        Charts.roundXTicks(rate, 0, end, 0);
        int seeds = 0;
        for (String learner : Probes.order(look, out.keySet())) {
            SeedStats st = centred(out.get(learner));
            String who = one ? "" : look.label(learner) + ": ";
            Charts.mean(rate, who + "output neuron", st.mapSteps(look::x), look.colour(learner), 2.2f);
            seeds = Math.max(seeds, st.seeds());
            SeedStats input = in.get(learner);
            if (input != null) {
                SeedStats ci = centred(input);
                Charts.dashed(rate, who + "one input (mean over inputs)", look.x(ci.steps()), ci.mean(),
                        one ? Palette.GREY : Palette.tint(look.colour(learner), 0.5), true);
            }
        }
        rate.getStyler().setYAxisMin(0.0);
        rate.getStyler().setXAxisDecimalPattern("#,##0.##");
        rate.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        List<XYChart> panels = new ArrayList<>(List.of(rate));
        Map<String, SeedStats> strong = SeedStats.byLearner(rows, WeightShares.STRONG);
        if (!strong.isEmpty()) {
            XYChart shares = Charts.panel("Weights near the bounds, and the mean weight", x, "share of weights, or mean weight (1)");
            Charts.roundXTicks(shares, 0, end, 0);
            String[] metrics = {WeightShares.STRONG, WeightShares.WEAK, WeightShares.MEAN};
            String[] labels = {"share with w \u2265 0.9 w_max", "share with w < 0.1 w_max", "mean weight"};
            List<String> learners = Probes.order(look, strong.keySet());
            for (int i = 0; i < metrics.length; i++) {
                Map<String, SeedStats> m = SeedStats.byLearner(rows, metrics[i]);
                for (String learner : learners) {
                    SeedStats st = m.get(learner);
                    if (st == null) {
                        continue;
                    }
                    Color colour = learners.size() == 1 ? Palette.SERIES[i] : Palette.tint(look.colour(learner), 0.3 * i);
                    String label = learners.size() == 1 ? labels[i] : look.label(learner) + ": " + labels[i];
                    Charts.mean(shares, label, st.mapSteps(look::x), colour, 2f);
                }
            }
            shares.getStyler().setYAxisMin(0.0);
            shares.getStyler().setXAxisDecimalPattern("#,##0.##");
            shares.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            panels.add(shares);
        }
        String subtitle = "Lines: " + SeedStats.caption(seeds) + "; a rate is counted over the window since the previous "
                + "snapshot and drawn at the window's centre";
        return new PanelFigure("Output rate and weights over time " + look.onTask(), subtitle, panels, 1, 900, 330);
    }

    /** The summary with each step moved to the centre of the window that ends there. */
    private static SeedStats centred(SeedStats st) {
        double[] steps = st.steps();
        double window = steps.length > 1 ? steps[1] - steps[0] : steps[0];
        double[] c = new double[steps.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = steps[i] - window / 2;
        }
        return new SeedStats(c, st.mean(), st.low(), st.high(), st.min(), st.max(), st.seeds());
    }

    /**
     * The raster: two panels, the first and the last stretch. Inputs are ranked by final weight
     * (row 1 the weakest), the output neuron on the top row; inputs that end at or above half the
     * largest final weight kept are dark, the others light, in the learner's colour.
     *
     * @param look the run's look
     * @param spikes the spikes of spikes.csv
     * @return the figure
     */
    static PanelFigure raster(Look look, List<RasterFile.Spike> spikes) {
        if (spikes.isEmpty()) {
            throw new UserError(look.run().file(RasterFile.NAME) + ": no spikes to draw.");
        }
        String learner = spikes.get(0).learner();
        long seed = spikes.get(0).seed();
        TreeMap<Integer, Double> weights = new TreeMap<>();
        for (RasterFile.Spike s : spikes) {
            if (s.input() >= 0) {
                weights.put(s.input(), s.finalW());
            }
        }
        double strongest = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Integer> order = new ArrayList<>(weights.keySet());
        order.sort((a, b) -> weights.get(a).equals(weights.get(b)) ? Integer.compare(a, b) : Double.compare(weights.get(a), weights.get(b)));
        Map<Integer, Integer> row = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            row.put(order.get(k), k + 1);
        }
        int outputRow = order.size() + 2;
        Color colour = look.colour(learner);
        List<XYChart> panels = new ArrayList<>();
        double[] rates = new double[2];
        int w = 0;
        for (String window : List.of(RasterFile.FIRST, RasterFile.LAST)) {
            List<RasterFile.Spike> mine = spikes.stream().filter(s -> s.window().equals(window)).toList();
            double start = mine.isEmpty() ? 0 : mine.get(0).startMs();
            double length = mine.isEmpty() ? spikes.get(0).lengthMs() : mine.get(0).lengthMs();
            long outputs = mine.stream().filter(s -> s.input() == RasterFile.OUTPUT).count();
            rates[w++] = outputs / (length / 1000);
            String title = String.format(Locale.ROOT, "%s %s s (from %s s): output %.1f Hz", window.equals(RasterFile.FIRST) ? "First" : "Last",
                    num(length / 1000), num(start / 1000), outputs / (length / 1000));
            XYChart c = Charts.panel(title, "time in the stretch (ms)", "input (rank by final weight)");
            List<double[]> strong = new ArrayList<>();
            List<double[]> weak = new ArrayList<>();
            List<double[]> out = new ArrayList<>();
            for (RasterFile.Spike s : mine) {
                double x = s.tMs() - start;
                if (s.input() == RasterFile.OUTPUT) {
                    out.add(new double[] {x, outputRow});
                } else {
                    (s.finalW() >= strongest / 2 ? strong : weak).add(new double[] {x, row.get(s.input())});
                }
            }
            scatter(c, "inputs ending strong", strong, colour);
            scatter(c, "inputs ending weak", weak, Palette.tint(colour, 0.55));
            scatter(c, "output neuron (top row)", out, INK);
            c.getStyler().setLegendVisible(false);
            c.getStyler().setMarkerSize(4);
            c.getStyler().setXAxisMin(0.0).setXAxisMax(length);
            c.getStyler().setYAxisMin(0.0).setYAxisMax(outputRow + 1.0);
            c.getStyler().setYAxisTicksVisible(false);
            Charts.roundXTicks(c, 0, length, 0);
            panels.add(c);
        }
        String title = "Spikes before and after learning: " + order.size() + " inputs and the output neuron of " + look.label(learner);
        String subtitle = String.format(Locale.ROOT, "Seed %d; dark: inputs that end at or above half the largest final weight "
                + "drawn, light: the others; top row: the output neuron, %.1f Hz then %.1f Hz", seed, rates[0], rates[1]);
        return new PanelFigure(title, subtitle, panels, 2, 560, 420);
    }

    private static void scatter(XYChart c, String label, List<double[]> points, Color colour) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        XYSeries s = c.addSeries(label, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
