package org.neuroai.compare.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One house style for every panel, sized to stay readable when a figure is shown 800 px wide. */
public final class Charts {
    private Charts() {}

    /**
     * A styled, empty panel.
     *
     * @param title panel title
     * @param xTitle x-axis title with unit
     * @param yTitle y-axis title with unit
     * @return the chart
     */
    public static XYChart panel(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(800).height(300).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesColor(new Color(0xEBEBEB));
        // solid grid lines: a dashed stroke becomes hundreds of separate segments in SVG and PDF output
        s.setPlotGridLinesStroke(new java.awt.BasicStroke(1f));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(new Color(0xBBBBBB));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarkerSize(0);
        s.setXAxisDecimalPattern("#,##0");
        s.setXAxisTickMarkSpacingHint(160);
        s.setChartPadding(8);
        return c;
    }

    /**
     * The width a panel's legend takes when its entries stand in one row (legend layout
     * horizontal), with some room to spare: each entry's label in the legend font, its line sample
     * and paddings, and the border.
     *
     * @param c the panel, with its series
     * @return the width in nominal pixels
     */
    public static int legendRowWidth(XYChart c) {
        XYStyler s = c.getStyler();
        int width = 2 * s.getLegendPadding();
        for (XYSeries series : c.getSeriesCollection()) {
            if (series.isShowInLegend()) {
                width += PanelFigure.textWidth(s.getLegendFont(), series.getName()) + s.getLegendSeriesLineLength() + 3 * s.getLegendPadding();
            }
        }
        return width;
    }

    /**
     * Makes the x axis span [xmin, xmax] with ticks on round numbers. XChart 4 puts the ticks on
     * the data's own x values when all of a panel's x values, in the order its series were added,
     * are equally spaced (e.g. window centres 0.5, 1.5, ...); a first, invisible series from xmax
     * back to xmin breaks that order. Call it before adding any other series.
     *
     * @param c the panel, still without series
     * @param xmin left end of the axis
     * @param xmax right end of the axis
     * @param y a y value inside the plotted range, so the invisible series does not widen it
     */
    public static void roundXTicks(XYChart c, double xmin, double xmax, double y) {
        XYSeries s = line(c, "x range", new double[] {xmax, xmin}, new double[] {y, y}, new Color(0, 0, 0, 0), 0f);
        s.setShowInLegend(false);
        c.getStyler().setXAxisMin(xmin);
        c.getStyler().setXAxisMax(xmax);
    }

    /** The text with its first letter in upper case. */
    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Most points a line or band keeps: a run of ten million steps recorded every hundred would
     * otherwise put 100,000 points into one series, more than a figure's width can show, and more
     * memory than the drawing of its SVG and PDF should take.
     */
    public static final int MAX_POINTS = 2000;

    /**
     * A line of at most {@link #MAX_POINTS} points that looks the same at a figure's resolution:
     * the points are cut into buckets of consecutive steps and each bucket keeps its lowest and its
     * highest value, in step order, and a gap (NaN) where it has one.
     *
     * @param x the steps, in order
     * @param y the values
     * @return {x, y}, the arrays themselves when they are short enough
     */
    public static double[][] thin(double[] x, double[] y) {
        int n = x.length;
        if (n <= MAX_POINTS) {
            return new double[][] {x, y};
        }
        int buckets = MAX_POINTS / 3;
        double[] ox = new double[3 * buckets];
        double[] oy = new double[3 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int lo = (int) ((long) b * n / buckets);
            int hi = (int) ((long) (b + 1) * n / buckets);
            int min = -1;
            int max = -1;
            int gap = -1;
            for (int i = lo; i < hi; i++) {
                if (Double.isNaN(y[i])) {
                    gap = gap < 0 ? i : gap;
                } else {
                    min = min < 0 || y[i] < y[min] ? i : min;
                    max = max < 0 || y[i] > y[max] ? i : max;
                }
            }
            int[] keep = {min, max, gap};
            java.util.Arrays.sort(keep);
            int last = -1;
            for (int i : keep) {
                if (i >= 0 && i != last) {
                    ox[k] = x[i];
                    oy[k++] = y[i];
                    last = i;
                }
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k)};
    }

    /** Adds a solid line (solid whatever its position: XChart would otherwise cycle through dash patterns), {@link #thin thinned}. */
    public static XYSeries line(XYChart c, String label, double[] x, double[] y, Color colour, float width) {
        double[][] t = thin(x, y);
        XYSeries s = c.addSeries(label, t[0], t[1]);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        s.setLineWidth(width);
        s.setMarkerColor(colour);
        // a line of one point (a learner stopped at its first checkpoint) would draw nothing: a dot shows it
        s.setMarker(t[0].length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        if (t[0].length == 1 && c.getStyler().getMarkerSize() == 0) {
            // the panel's markers are sized at 0 (lines only); the other series have none to show
            c.getStyler().setMarkerSize(6);
        }
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return s;
    }

    /** Adds a dashed reference line, not in the legend unless labelled. */
    public static XYSeries dashed(XYChart c, String label, double[] x, double[] y, Color colour, boolean inLegend) {
        XYSeries s = line(c, label, x, y, colour, 1.5f);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        s.setShowInLegend(inLegend);
        return s;
    }

    /**
     * Adds a learner's mean line with its 95 % t-interval as a translucent band behind it; no band
     * for a single seed.
     *
     * @param c the panel
     * @param label legend text of the line
     * @param st the summary over seeds
     * @param colour the learner's colour
     * @param width line width
     * @return the line
     */
    public static XYSeries mean(XYChart c, String label, SeedStats st, Color colour, float width) {
        if (st.seeds() > 1) {
            band(c, label + " " + BAND, st.steps(), st.low(), st.high(), colour);
        }
        return line(c, label, st.steps(), st.mean(), colour, width);
    }

    /** Suffix of the name of a mean line's band series: {@code "<line label> 95 % t-interval"}. */
    public static final String BAND = "95 % t-interval";

    /**
     * Adds a translucent band between lower and upper (not in the legend); past {@link #MAX_POINTS}
     * points, each bucket of consecutive steps keeps its lowest lower and highest upper edge.
     */
    public static XYSeries band(XYChart c, String label, double[] x, double[] lower, double[] upper, Color colour) {
        if (x.length > MAX_POINTS) {
            int buckets = MAX_POINTS / 2;
            double[] bx = new double[buckets];
            double[] bl = new double[buckets];
            double[] bu = new double[buckets];
            int n0 = x.length;
            for (int b = 0; b < buckets; b++) {
                int lo = (int) ((long) b * n0 / buckets);
                int hi = (int) ((long) (b + 1) * n0 / buckets);
                bx[b] = x[(lo + hi - 1) / 2];
                bl[b] = Double.NaN;
                bu[b] = Double.NaN;
                for (int i = lo; i < hi; i++) {
                    bl[b] = Double.isNaN(bl[b]) || lower[i] < bl[b] ? lower[i] : bl[b];
                    bu[b] = Double.isNaN(bu[b]) || upper[i] > bu[b] ? upper[i] : bu[b];
                }
            }
            x = bx;
            lower = bl;
            upper = bu;
        }
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = upper[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lower[i];
        }
        XYSeries s = c.addSeries(label, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(Palette.band(colour));
        s.setLineColor(new Color(0, 0, 0, 0));
        // no outline at all: an invisible one would still be written, segment by segment, into SVG and PDF
        s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
        return s;
    }

    /** Size of the × that marks where a learner diverged, in nominal pixels. */
    public static final int DIVERGED_MARK = 11;

    /**
     * Marks with a × the last finite point of a learner that diverged and was stopped (not in the
     * legend: the learner's legend entry says where it diverged).
     *
     * @param c the panel
     * @param label a name for the series, unique in the panel
     * @param x the x of the last finite point
     * @param y its y
     * @param colour the learner's colour
     * @return the mark
     */
    public static XYSeries divergedMark(XYChart c, String label, double x, double y, Color colour) {
        XYSeries s = c.addSeries(label, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CROSS);
        s.setMarkerColor(colour);
        s.setShowInLegend(false);
        c.getStyler().setMarkerSize(DIVERGED_MARK);
        return s;
    }
}
