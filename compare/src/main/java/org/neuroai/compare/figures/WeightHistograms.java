package org.neuroai.compare.figures;

import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.HeatCells;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.Histograms;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The distribution of weights over training as heat maps (first seed): one panel per learner and
 * layer, one column per snapshot, one cell per bin of weight value, coloured by the share of the
 * layer's weights in it. Drawn from {@code histograms.csv}; runs of cells of one colour class are
 * drawn as one rectangle, so the SVG stays small.
 */
public final class WeightHistograms implements Figure {
    @Override
    public String name() {
        return "weight-histograms";
    }

    @Override
    public String description() {
        return "the distribution of each learner's and layer's weights over training, as heat maps (first seed)";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Traces.HISTOGRAMS);
    }

    @Override
    public String caption(RunFolder run) {
        return "Distribution of the weights of each learner and layer over training (first seed)";
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
        List<TraceRow> all = TraceReader.read(run.file(Traces.HISTOGRAMS), r -> true);
        if (all.isEmpty()) {
            throw new UserError(run.file(Traces.HISTOGRAMS) + ": no histograms recorded to draw.");
        }
        Range range = Range.of(run, all);
        long seed = all.get(0).seed();
        // learner/layer -> step -> counts
        Map<String, TreeMap<Long, double[]>> maps = new LinkedHashMap<>();
        for (String learner : run.learners().keySet()) {
            for (TraceRow r : all) {
                if (r.seed() == seed && r.learner().equals(learner)) {
                    maps.computeIfAbsent(look.labelWithStops(learner) + " \u2013 " + r.metric(), k -> new TreeMap<>())
                            .computeIfAbsent(r.step(), k -> new double[range.bins()])[r.index()] = r.value();
                }
            }
        }
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, double[]>> e : maps.entrySet()) {
            panels.add(panel(look, range, e.getKey(), e.getValue()));
        }
        int columns = Math.min(2, panels.size());
        String subtitle = String.format(Locale.ROOT, "colour = %% of the layer's weights in each of %d bins over [%s, %s] "
                + "(values outside in the end bins); a column per snapshot, seed %d", range.bins(), num(range.low()), num(range.high()), seed);
        return new PanelFigure("How the weights are distributed over training " + look.onTask(), subtitle, panels, columns,
                columns == 1 ? 860 : 600, 330);
    }

    private static XYChart panel(Look look, Range range, String title, TreeMap<Long, double[]> snaps) {
        int bins = range.bins();
        double[] steps = snaps.keySet().stream().mapToDouble(Long::doubleValue).toArray();
        double[][] pct = new double[steps.length][];
        double max = 0;
        int k = 0;
        for (double[] counts : snaps.values()) {
            double sum = 0;
            for (double v : counts) {
                sum += v;
            }
            pct[k] = new double[bins];
            for (int b = 0; b < bins; b++) {
                pct[k][b] = sum > 0 ? 100 * counts[b] / sum : 0;
                max = Math.max(max, pct[k][b]);
            }
            k++;
        }
        HeatCells.Classes classes = HeatCells.Classes.covering(max);
        XYChart c = Charts.panel(title, look.xTitle(), "weight (model units)");
        XYStyler st = c.getStyler();
        st.setPlotContentSize(1.0);
        st.setPlotGridLinesVisible(false);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setYAxisDecimalPattern("0.0#");
        st.setYAxisMin(range.low());
        st.setYAxisMax(range.high());
        if (look.inEpochs()) {
            st.setXAxisDecimalPattern("#,##0.#");
        }
        double[] x = look.x(steps);
        int cols = x.length;
        double width = cols > 1 ? (x[cols - 1] - x[0]) / (cols - 1) : 1;
        st.setXAxisMin(x[0] - width / 2);
        st.setXAxisMax(x[cols - 1] + width / 2);
        double binWidth = (range.high() - range.low()) / bins;
        for (int col = 0; col < cols; col++) {
            double x0 = x[col] - width / 2;
            // each cell reaches a little into the next column, drawn later over it, so no seam shows
            double x1 = x[col] + width / 2 + (col < cols - 1 ? 0.25 * width : 0);
            int b = 0;
            while (b < bins) {
                int cls = classes.of(pct[col][b]);
                int e = b;
                while (e + 1 < bins && classes.of(pct[col][e + 1]) == cls) {
                    e++;
                }
                double y0 = range.low() + binWidth * b;
                double y1 = range.low() + binWidth * (e + 1 + (e + 1 < bins ? 0.25 : 0));
                HeatCells.filled(c, "cell " + col + "," + b, new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1},
                        classes.colour(cls), null, false);
                b = e + 1;
            }
        }
        for (int cls = classes.count() - 1; cls >= 0; cls--) {
            // a legend swatch: one point, so it draws nothing in the plot
            HeatCells.filled(c, classes.label(cls), new double[] {x[0]}, new double[] {range.low()}, classes.colour(cls), Palette.GREY, true);
        }
        return c;
    }

    /**
     * The histograms' bins and range, from the provenance.
     *
     * @param bins number of bins
     * @param low lower end
     * @param high upper end
     */
    record Range(int bins, double low, double high) {
        static Range of(RunFolder run, List<TraceRow> rows) {
            com.fasterxml.jackson.databind.JsonNode h = run.provenance().path(Histograms.ENTRY);
            int bins = rows.stream().mapToInt(TraceRow::index).max().orElse(0) + 1;
            if (!h.has("low") || !h.has("high")) {
                throw new UserError(run.file(RunFolder.PROVENANCE) + ": no '" + Histograms.ENTRY + ".low' and '.high'; the run does "
                        + "not say over which range its histograms were counted.");
            }
            return new Range(h.path("bins").asInt(bins), h.get("low").asDouble(), h.get("high").asDouble());
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%g", v);
    }
}
