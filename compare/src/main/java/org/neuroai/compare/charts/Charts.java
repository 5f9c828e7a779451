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

    /** Adds a solid line (solid whatever its position: XChart would otherwise cycle through dash patterns). */
    public static XYSeries line(XYChart c, String label, double[] x, double[] y, Color colour, float width) {
        XYSeries s = c.addSeries(label, x, y);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        s.setLineWidth(width);
        s.setMarkerColor(colour);
        s.setMarker(SeriesMarkers.NONE);
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

    /** Adds a translucent band between lower and upper (not in the legend). */
    public static XYSeries band(XYChart c, String label, double[] x, double[] lower, double[] upper, Color colour) {
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
