package org.neuroai.compare.charts;

import java.awt.Color;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Heat maps drawn as filled cells on an XChart panel: colour classes of round widths on a
 * single-hue scale, and filled polygons, so that a map of shares (the weight distribution over
 * time) stays readable without colour vision and small as SVG.
 */
public final class HeatCells {
    /** ColorBrewer "Blues" (Brewer 2003): a single-hue sequential scale, readable without colour vision. */
    private static final Color[] BLUES = {new Color(0xF7FBFF), new Color(0xDEEBF7), new Color(0xC6DBEF), new Color(0x9ECAE1),
        new Color(0x6BAED6), new Color(0x4292C6), new Color(0x2171B5), new Color(0x08519C), new Color(0x08306B)};
    private static final double[] ROUND_WIDTHS = {0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100};
    private static final int MAX_CLASSES = 8;

    private HeatCells() {}

    /**
     * Colour classes for shares in %: {@code count} classes of a round {@code width} that cover the
     * largest share, at most {@value #MAX_CLASSES}.
     */
    public record Classes(double width, int count) {
        public static Classes covering(double max) {
            for (double w : ROUND_WIDTHS) {
                int n = (int) Math.ceil(max / w - 1e-9);
                if (n <= MAX_CLASSES) {
                    return new Classes(w, Math.max(1, n));
                }
            }
            return new Classes(100, 1);
        }

        public int of(double percent) {
            return Math.min(count - 1, (int) (percent / width));
        }

        public Color colour(int k) {
            return BLUES[count == 1 ? 0 : (int) Math.round(k * (BLUES.length - 1.0) / (count - 1))];
        }

        public String label(int k) {
            return num(k * width) + "\u2013" + num((k + 1) * width) + " %";
        }
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%d", (long) x) : String.format(Locale.ROOT, "%.1f", x);
    }

    /** A filled polygon with an outline of the given colour, or none if it is null; in the legend if asked. */
    public static XYSeries filled(XYChart c, String name, double[] x, double[] y, Color fill, Color line, boolean inLegend) {
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

}
