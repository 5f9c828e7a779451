package org.neuroai.compare.charts;

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
public final class WeightHistogramsFigure {
    private WeightHistogramsFigure() {}

    /**
     * The figure.
     *
     * @param run the run
     * @return the figure
     */
    public static Figure of(ComparisonRun run) {
        List<TraceRow> all = TraceReader.read(run.dir().resolve(ComparisonRun.HISTOGRAMS_CSV), r -> true);
        if (all.isEmpty()) {
            throw new UserError(run.dir().resolve(ComparisonRun.HISTOGRAMS_CSV) + ": no histograms recorded to draw.");
        }
        long seed = all.get(0).seed();
        // learner/layer -> step -> counts
        Map<String, TreeMap<Long, double[]>> maps = new LinkedHashMap<>();
        for (String learner : run.learners().keySet()) {
            for (TraceRow r : all) {
                if (r.seed() == seed && r.learner().equals(learner)) {
                    maps.computeIfAbsent(learner + " \u2013 " + r.metric(), k -> new TreeMap<>())
                            .computeIfAbsent(r.step(), k -> new double[run.bins()])[r.index()] = r.value();
                }
            }
        }
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, double[]>> e : maps.entrySet()) {
            panels.add(panel(run, e.getKey(), e.getValue()));
        }
        int columns = Math.min(2, panels.size());
        String subtitle = String.format(Locale.ROOT, "colour = %% of the layer's weights in each of %d bins over [%s, %s] "
                + "(values outside in the end bins); a column per snapshot, seed %d", run.bins(), num(run.low()), num(run.high()), seed);
        return new Figure("How the weights are distributed over training " + run.onTask(), subtitle, panels, columns,
                columns == 1 ? 860 : 600, 330);
    }

    private static XYChart panel(ComparisonRun run, String title, TreeMap<Long, double[]> snaps) {
        int bins = run.bins();
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
        StdpFigures.Classes classes = StdpFigures.Classes.covering(max);
        XYChart c = Charts.panel(title, run.xTitle(), "weight (model units)");
        XYStyler st = c.getStyler();
        st.setPlotContentSize(1.0);
        st.setPlotGridLinesVisible(false);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setYAxisDecimalPattern("0.0#");
        st.setYAxisMin(run.low());
        st.setYAxisMax(run.high());
        if (run.epochSize() > 0) {
            st.setXAxisDecimalPattern("#,##0.#");
        }
        double[] x = run.x(steps);
        int cols = x.length;
        double width = cols > 1 ? (x[cols - 1] - x[0]) / (cols - 1) : 1;
        st.setXAxisMin(x[0] - width / 2);
        st.setXAxisMax(x[cols - 1] + width / 2);
        double binWidth = (run.high() - run.low()) / bins;
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
                double y0 = run.low() + binWidth * b;
                double y1 = run.low() + binWidth * (e + 1 + (e + 1 < bins ? 0.25 : 0));
                StdpFigures.filled(c, "cell " + col + "," + b, new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1},
                        classes.colour(cls), null, false);
                b = e + 1;
            }
        }
        for (int cls = classes.count() - 1; cls >= 0; cls--) {
            // a legend swatch: one point, so it draws nothing in the plot
            StdpFigures.filled(c, classes.label(cls), new double[] {x[0]}, new double[] {run.low()}, classes.colour(cls), Palette.GREY, true);
        }
        return c;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%g", v);
    }
}
