package org.neuroai.compare.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of the {@code stdp-balance} experiment (Song, Miller &amp; Abbott 2000), drawn from
 * a finished run's CSV files only ({@code histograms.csv}, {@code curves.csv}), so they can be
 * redrawn without simulating again. Steps in those files are simulated time in ms.
 */
public final class StdpFigures {
    /** Base name of the heat map of the weight distribution over time. */
    public static final String HISTOGRAM = "weight_histogram";
    /** Base name of the rates figure. */
    public static final String RATES = "output_rate";
    /** Base name of the final distribution. */
    public static final String FINAL = "final_weights";
    /** The file of weight histograms, long format with the bin as index. */
    public static final String HISTOGRAMS_CSV = "histograms.csv";
    /** The metric of a histogram row. */
    public static final String HISTOGRAM_METRIC = "w_hist";
    /** The learner whose rows are drawn. */
    static final String LEARNER = "stdp";
    /** ColorBrewer "Blues" (Brewer 2003): a single-hue sequential scale, readable without colour vision. */
    private static final Color[] BLUES = {new Color(0xF7FBFF), new Color(0xDEEBF7), new Color(0xC6DBEF), new Color(0x9ECAE1),
        new Color(0x6BAED6), new Color(0x4292C6), new Color(0x2171B5), new Color(0x08519C), new Color(0x08306B)};
    private static final double[] ROUND_WIDTHS = {0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100};
    private static final int MAX_CLASSES = 8;

    private StdpFigures() {}

    /**
     * Draws the three figures into {@code dir}.
     *
     * @param dir a finished run's folder
     * @param wMax the upper bound of w/g_max, the top of the histograms' range
     * @param seed the seed whose histograms make the heat map
     * @throws IOException when a figure cannot be written
     */
    public static void draw(Path dir, double wMax, long seed) throws IOException {
        histogram(dir, wMax, seed).save(dir, HISTOGRAM);
        rates(dir).save(dir, RATES);
        finalWeights(dir, wMax).save(dir, FINAL);
        SpikeRasterFigure.draw(dir, wMax, seed);
    }

    /**
     * The histograms of one seed, snapshot by snapshot.
     *
     * @param timesS snapshot times in s
     * @param counts synapses per bin, [snapshot][bin]
     */
    record Snapshots(double[] timesS, double[][] counts) {
        int bins() {
            return counts[0].length;
        }

        /** Share of synapses in a bin, in %. */
        double percent(int snapshot, int bin) {
            double total = 0;
            for (double c : counts[snapshot]) {
                total += c;
            }
            return 100 * counts[snapshot][bin] / total;
        }
    }

    /** Reads every histogram of one seed from {@code histograms.csv}. */
    static Snapshots snapshots(Path dir, long seed) {
        Map<Long, TreeMap<Long, double[]>> bySeed = histograms(dir);
        TreeMap<Long, double[]> mine = bySeed.get(seed);
        if (mine == null) {
            throw new UserError(dir.resolve(HISTOGRAMS_CSV) + ": no histograms of seed " + seed + " to draw.");
        }
        double[] t = new double[mine.size()];
        double[][] c = new double[mine.size()][];
        int i = 0;
        for (Map.Entry<Long, double[]> e : mine.entrySet()) {
            t[i] = e.getKey() / 1000.0;
            c[i++] = e.getValue();
        }
        return new Snapshots(t, c);
    }

    /** Seed to step to counts per bin. */
    private static Map<Long, TreeMap<Long, double[]>> histograms(Path dir) {
        Path file = dir.resolve(HISTOGRAMS_CSV);
        List<TraceRow> rows = TraceReader.read(file, r -> r.learner().equals(LEARNER) && r.metric().equals(HISTOGRAM_METRIC));
        if (rows.isEmpty()) {
            throw new UserError(file + ": no '" + HISTOGRAM_METRIC + "' rows of learner '" + LEARNER + "' to draw.");
        }
        int bins = rows.stream().mapToInt(TraceRow::index).max().orElse(0) + 1;
        Map<Long, TreeMap<Long, double[]>> out = new TreeMap<>();
        for (TraceRow r : rows) {
            out.computeIfAbsent(r.seed(), s -> new TreeMap<>()).computeIfAbsent(r.step(), s -> new double[bins])[r.index()] = r.value();
        }
        return out;
    }

    /**
     * Colour classes for shares in %: {@code count} classes of a round {@code width} that cover the
     * largest share, at most {@value #MAX_CLASSES}.
     */
    record Classes(double width, int count) {
        static Classes covering(double max) {
            for (double w : ROUND_WIDTHS) {
                int n = (int) Math.ceil(max / w - 1e-9);
                if (n <= MAX_CLASSES) {
                    return new Classes(w, Math.max(1, n));
                }
            }
            return new Classes(100, 1);
        }

        int of(double percent) {
            return Math.min(count - 1, (int) (percent / width));
        }

        Color colour(int k) {
            return BLUES[count == 1 ? 0 : (int) Math.round(k * (BLUES.length - 1.0) / (count - 1))];
        }

        String label(int k) {
            return num(k * width) + "\u2013" + num((k + 1) * width) + " %";
        }
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%d", (long) x) : String.format(Locale.ROOT, "%.1f", x);
    }

    /** A filled polygon with an outline of the given colour, or none if it is null; in the legend if asked. */
    static XYSeries filled(XYChart c, String name, double[] x, double[] y, Color fill, Color line, boolean inLegend) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(fill);
        if (line == null) {
            s.setLineStyle(SeriesLines.NONE);
        } else {
            s.setLineColor(line);
            s.setLineWidth(0.6f);
        }
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(inLegend);
        return s;
    }

    private static String wAxis(double wMax) {
        return wMax == 1 ? "w / g_max (weight relative to g_max)" : "w / g_max (weight relative to g_max; bound " + num(wMax) + ")";
    }

    /**
     * The weight distribution over time as a heat map: one column per snapshot, one cell per bin
     * of w/g_max, coloured by the share of synapses in it. Runs of cells of one colour in a column
     * are drawn as one rectangle; a legend gives the colour classes.
     */
    public static Figure histogram(Path dir, double wMax, long seed) {
        Snapshots sn = snapshots(dir, seed);
        int bins = sn.bins();
        int cols = sn.timesS().length;
        double max = 0;
        for (int k = 0; k < cols; k++) {
            for (int b = 0; b < bins; b++) {
                max = Math.max(max, sn.percent(k, b));
            }
        }
        Classes classes = Classes.covering(max);
        double width = cols > 1 ? sn.timesS()[1] - sn.timesS()[0] : 1;
        XYChart c = Charts.panel("Share of synapses in each bin of w/g_max, at each snapshot", "time (s)", wAxis(wMax));
        XYStyler st = c.getStyler();
        st.setPlotContentSize(1.0);
        st.setPlotGridLinesVisible(false);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setXAxisDecimalPattern("#,##0.##");
        st.setYAxisDecimalPattern("0.0#");
        st.setYAxisTickMarkSpacingHint(60);
        st.setXAxisMin(sn.timesS()[0] - width / 2);
        st.setXAxisMax(sn.timesS()[cols - 1] + width / 2);
        st.setYAxisMin(0.0);
        st.setYAxisMax(wMax);
        for (int k = 0; k < cols; k++) {
            double x0 = sn.timesS()[k] - width / 2;
            // each cell reaches a little into the next column, drawn later over it, so no seam shows between columns
            double x1 = sn.timesS()[k] + width / 2 + (k < cols - 1 ? 0.25 * width : 0);
            int b = 0;
            while (b < bins) {
                int cls = classes.of(sn.percent(k, b));
                int e = b;
                while (e + 1 < bins && classes.of(sn.percent(k, e + 1)) == cls) {
                    e++;
                }
                double y0 = wMax * b / bins;
                // likewise a run reaches a little into the run above it, drawn later
                double y1 = wMax * (e + 1 + (e + 1 < bins ? 0.25 : 0)) / bins;
                Color col = classes.colour(cls);
                Theme.onColourScale(filled(c, "cell " + k + "," + b, new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1}, col,
                        null, false));
                b = e + 1;
            }
        }
        for (int cls = classes.count() - 1; cls >= 0; cls--) {
            // a legend swatch: one point, so it draws nothing in the plot
            Theme.onColourScale(filled(c, classes.label(cls), new double[] {sn.timesS()[0]}, new double[] {0}, classes.colour(cls),
                    Palette.GREY, true));
        }
        int synapses = (int) Math.round(Arrays.stream(sn.counts()[0]).sum());
        String title = "Weights under additive STDP: the distribution of w/g_max over time";
        String subtitle = String.format(Locale.ROOT, "%d synapses in %d bins of w/g_max, a column per %s s snapshot; colour = %% of synapses in a bin (seed %d)",
                synapses, bins, num(width), seed);
        return new Figure(title, subtitle, List.of(c), 1, 900, 400);
    }

    /**
     * Rates and weights over time: the neuron's output rate per snapshot window against the mean
     * input rate, and the shares of synapses near each bound with the mean weight. Lines are means
     * over seeds, bands their 95 % t-intervals.
     */
    public static Figure rates(Path dir) {
        List<TraceRow> rows = TraceReader.read(dir.resolve("curves.csv"), r -> r.learner().equals(LEARNER));
        SeedStats out = stats(rows, "output_rate_hz", dir);
        SeedStats in = stats(rows, "input_rate_hz", dir);
        double windowS = (out.steps().length > 1 ? out.steps()[1] - out.steps()[0] : out.steps()[0]) / 1000;
        double[] centres = new double[out.steps().length];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = out.steps()[i] / 1000 - windowS / 2;
        }
        Color colour = Palette.of(LEARNER, Family.BIO);
        double endS = out.steps()[out.steps().length - 1] / 1000;
        XYChart rate = Charts.panel("Firing rate per " + num(windowS) + " s window", "time (s)", "rate (Hz)");
        Charts.roundXTicks(rate, 0, endS, in.mean()[0]);
        Charts.mean(rate, "output neuron", new SeedStats(centres, out.mean(), out.low(), out.high(), out.min(), out.max(), out.seeds()),
                colour, 2.2f);
        Charts.dashed(rate, "one input (mean over inputs)", centres, in.mean(), Palette.GREY, true);
        rate.getStyler().setYAxisMin(0.0);
        rate.getStyler().setXAxisDecimalPattern("#,##0.##");

        SeedStats strong = stats(rows, "fraction_strong", dir);
        SeedStats weak = stats(rows, "fraction_weak", dir);
        SeedStats mean = stats(rows, "mean_weight", dir);
        XYChart shares = Charts.panel("Synapses near the bounds, and the mean weight", "time (s)", "share of synapses, or w/g_max (1)");
        Charts.roundXTicks(shares, 0, endS, 0);
        String[] labels = {"share with w \u2265 0.9 w_max", "share with w < 0.1 w_max", "mean w/g_max"};
        SeedStats[] series = {strong, weak, mean};
        for (int i = 0; i < series.length; i++) {
            Charts.mean(shares, labels[i], series[i].scaled(1e-3, 1).clamped(0, 1), Palette.SERIES[i], 2f);
        }
        shares.getStyler().setYAxisMin(0.0);
        shares.getStyler().setYAxisMax(1.0);
        shares.getStyler().setXAxisDecimalPattern("#,##0.##");
        String title = "Output rate and weights over time under additive STDP";
        String subtitle = Charts.capitalised(SeedStats.caption(out.seeds())) + "; rates are counted over each window and drawn at its centre";
        return new Figure(title, subtitle, List.of(rate, shares), 1, 900, 300);
    }

    private static SeedStats stats(List<TraceRow> rows, String metric, Path dir) {
        SeedStats s = SeedStats.byLearner(rows, metric).get(LEARNER);
        if (s == null) {
            throw new UserError(dir.resolve("curves.csv") + ": no '" + metric + "' rows of learner '" + LEARNER + "' to draw.");
        }
        return s;
    }



    /**
     * The final distribution of w/g_max as a step histogram: the mean count per bin over seeds at
     * each seed's last snapshot (whiskers: 95 % t-interval over seeds), with the first snapshot's
     * distribution dashed.
     */
    public static Figure finalWeights(Path dir, double wMax) {
        Map<Long, TreeMap<Long, double[]>> bySeed = histograms(dir);
        Map<Long, double[]> last = new LinkedHashMap<>();
        Map<Long, double[]> first = new LinkedHashMap<>();
        long end = 0;
        for (Map.Entry<Long, TreeMap<Long, double[]>> e : bySeed.entrySet()) {
            TreeMap<Long, double[]> steps = e.getValue();
            last.put(e.getKey(), steps.lastEntry().getValue());
            first.put(e.getKey(), steps.firstEntry().getValue());
            end = Math.max(end, steps.lastKey());
        }
        int bins = last.values().iterator().next().length;
        int seeds = last.size();
        TreeMap<Double, List<Double>> byBin = new TreeMap<>();
        double[] start = new double[bins];
        for (long seed : last.keySet()) {
            for (int b = 0; b < bins; b++) {
                byBin.computeIfAbsent(wMax * (b + 0.5) / bins, x -> new java.util.ArrayList<>()).add(last.get(seed)[b]);
                start[b] += first.get(seed)[b] / seeds;
            }
        }
        SeedStats perBin = SeedStats.of(byBin, seeds);
        double[] mean = perBin.mean();
        Color colour = Palette.of(LEARNER, Family.BIO);
        XYChart c = Charts.panel("Synapses per bin of w/g_max after " + num(end / 1000.0) + " s", wAxis(wMax), "synapses per bin (count)");
        Charts.roundXTicks(c, 0, wMax, 0);
        double[][] bars = steps(mean, wMax);
        filled(c, seeds == 1 ? "after " + num(end / 1000.0) + " s" : "after " + num(end / 1000.0) + " s, mean over seeds",
                bars[0], bars[1], Palette.band(colour), colour, true).setLineWidth(1.8f);
        double[][] initial = steps(start, wMax);
        Charts.dashed(c, "at 0 s (uniform draw)", initial[0], initial[1], Palette.GREY, true);
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
        String title = "Final distribution of synaptic weights under additive STDP";
        String subtitle = bins + " bins over [0, w_max]; " + (seeds == 1 ? SeedStats.caption(1) : SeedStats.caption(seeds) + " (whiskers)")
                + "; dashed = the initial, uniform draw";
        return new Figure(title, subtitle, List.of(c), 1, 900, 340);
    }

    /** The outline of a step histogram over [0, wMax]: x and y of a closed polygon along the base. */
    private static double[][] steps(double[] counts, double wMax) {
        int bins = counts.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = 0;
        y[0] = 0;
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = wMax * b / bins;
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = wMax * (b + 1) / bins;
            y[2 * b + 2] = counts[b];
        }
        x[2 * bins + 1] = wMax;
        y[2 * bins + 1] = 0;
        return new double[][] {x, y};
    }
}
