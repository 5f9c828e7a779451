package org.neuroai.compare.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.neuroai.core.UserError;

/**
 * How every figure looks: background, text and grid colours, font sizes and line widths. A theme
 * is applied to a finished figure when it is saved ({@link PanelFigure#save}, {@link TileGridFigure#save}),
 * so the figure classes draw data and never styling. The learners keep their {@link Palette}
 * colours in every theme; on a dark background a colour whose contrast would fall below 3:1 (WCAG
 * 2.1 for graphics) is lightened towards white, keeping its hue.
 */
public enum Theme {
    /** White background, dark text, a light grid, sizes for a column of a paper or a post (the default). */
    PRINT(Color.WHITE, new Color(0x222222), new Color(0x555555), new Color(0xEBEBEB), new Color(0x999999), 1.0, 1.0, 1.0),
    /** As {@link #PRINT}, with larger text and thicker lines, for a projector. */
    SLIDES(Color.WHITE, new Color(0x111111), new Color(0x444444), new Color(0xE4E4E4), new Color(0x888888), 1.35, 1.6, 1.2),
    /** Light text and a subdued grid on a near-black background. */
    DARK(new Color(0x1B1F24), new Color(0xE8E8E8), new Color(0xB4B4B4), new Color(0x353B42), new Color(0x7A7A7A), 1.0, 1.15, 1.0);

    /** Smallest contrast ratio of a line or marker colour against the background (WCAG 2.1, non-text). */
    public static final double MIN_CONTRAST = 3.0;
    private static final int TITLE_HEIGHT = 58;

    private final Color background;
    private final Color ink;
    private final Color muted;
    private final Color grid;
    private final Color border;
    private final double fontScale;
    private final double lineScale;
    private final double layout;

    Theme(Color background, Color ink, Color muted, Color grid, Color border, double fontScale, double lineScale, double layout) {
        this.layout = layout;
        this.background = background;
        this.ink = ink;
        this.muted = muted;
        this.grid = grid;
        this.border = border;
        this.fontScale = fontScale;
        this.lineScale = lineScale;
    }

    /** The theme's name on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The valid names, comma-separated, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Theme::id).collect(Collectors.joining(", "));
    }

    /**
     * The theme of a name.
     *
     * @param name e.g. "print"
     * @return the theme
     * @throws UserError for an unknown name, listing the valid ones
     */
    public static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.id().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new UserError("--theme: unknown theme '" + name + "'; valid themes: " + names() + ".");
    }

    /** Background of the whole figure. */
    public Color background() {
        return background;
    }

    /** Colour of titles and labels. */
    public Color ink() {
        return ink;
    }

    /** Colour of subtitles and secondary text. */
    public Color muted() {
        return muted;
    }

    /** Colour of plot frames, axes and tick marks. */
    public Color border() {
        return border;
    }

    /** A font size of the print theme in this theme. */
    public float size(float printSize) {
        return (float) (printSize * fontScale);
    }

    /** Factor on the nominal size of every panel, so larger text keeps its room. */
    public double layout() {
        return layout;
    }

    /** Height of a figure's title band in nominal pixels. */
    public int titleHeight() {
        return (int) Math.round(TITLE_HEIGHT * fontScale);
    }

    /** Fills that encode a value on a colour scale, which every theme keeps as drawn. */
    private static final Set<XYSeries> SCALE_FILLS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * Marks a filled series whose colour is a value on a colour scale (a heat-map cell, its legend
     * swatch): themes keep its fill, so the scale reads the same in every theme.
     *
     * @param s the series
     * @return the series
     */
    public static XYSeries onColourScale(XYSeries s) {
        SCALE_FILLS.add(s);
        return s;
    }

    private boolean dark() {
        return luminance(background) < 0.5;
    }

    /**
     * An opaque fill (a decision region, a heat-map cell) on this theme: as it is on the light
     * themes; on the dark one, halfway from the background to the colour, so that light tints do
     * not glare and ink drawn over them stays readable. The order of lightness is kept.
     *
     * @param c an opaque colour chosen for a white background
     * @return the fill
     */
    public Color fill(Color c) {
        if (c == null || c.getAlpha() < 255 || !dark()) {
            return c;
        }
        return new Color((background.getRed() + c.getRed()) / 2, (background.getGreen() + c.getGreen()) / 2,
                (background.getBlue() + c.getBlue()) / 2);
    }

    /** Relative luminance of a colour (WCAG 2.1). */
    static double luminance(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    /** Contrast ratio of two opaque colours, from 1 (none) to 21 (black on white). */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * A colour for lines, markers and text on this theme's background. The palette was chosen for
     * white, so on the light themes every colour is returned as it is. On a dark background an
     * ink colour (near-black grey, as for text, data points and markers) becomes the theme's ink,
     * and any other colour whose contrast is below {@link #MIN_CONTRAST} is mixed with white just
     * enough. Transparency is kept; fully transparent colours are returned as they are.
     *
     * @param c a colour chosen for a white background
     * @return a colour with enough contrast on this background
     */
    public Color readable(Color c) {
        if (c == null || c.getAlpha() == 0 || !dark()) {
            return c;
        }
        float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
        if (hsb[1] < 0.15 && luminance(c) < 0.05) {
            return new Color(ink.getRed(), ink.getGreen(), ink.getBlue(), c.getAlpha());
        }
        Color target = Color.WHITE;
        Color out = new Color(c.getRed(), c.getGreen(), c.getBlue());
        for (int step = 1; step <= 20 && contrast(out, background) < MIN_CONTRAST; step++) {
            double f = step / 20.0;
            out = new Color((int) Math.round(c.getRed() + f * (target.getRed() - c.getRed())),
                    (int) Math.round(c.getGreen() + f * (target.getGreen() - c.getGreen())),
                    (int) Math.round(c.getBlue() + f * (target.getBlue() - c.getBlue())));
        }
        return new Color(out.getRed(), out.getGreen(), out.getBlue(), c.getAlpha());
    }

    /**
     * Styles one panel for this theme: colours of background, text and grid, font sizes (a title
     * too wide for the panel is set smaller until it fits), line widths and marker sizes, and
     * line and marker colours readable on the background ({@link #readable}), and opaque fills
     * toned down on the dark theme ({@link #fill}); translucent bands keep their colours.
     *
     * @param c a panel built by {@link Charts#panel}
     * @param width the panel's nominal width in pixels
     * @param height the panel's nominal height in pixels
     */
    public void apply(XYChart c, int width, int height) {
        XYStyler s = c.getStyler();
        s.setChartBackgroundColor(background);
        s.setPlotBackgroundColor(background);
        s.setPlotBorderColor(border);
        s.setPlotGridLinesColor(grid);
        s.setChartFontColor(ink);
        s.setChartTitleFontColor(ink);
        s.setXAxisTitleColor(ink);
        s.setYAxisTitleColor(ink);
        s.setAxisTickLabelsColor(ink);
        s.setXAxisTickLabelsColor(ink);
        s.setYAxisTickLabelsColor(ink);
        s.setAxisTickMarksColor(border);
        s.setXAxisTickMarksColor(border);
        s.setYAxisTickMarksColor(border);
        s.setLegendBackgroundColor(new Color(background.getRed(), background.getGreen(), background.getBlue(), 220));
        s.setLegendBorderColor(border);
        s.setAnnotationTextFontColor(muted);
        s.setErrorBarsColor(readable(s.getErrorBarsColor()));
        s.setAxisTickLabelsFont(resized(s.getAxisTickLabelsFont(), 12));
        s.setLegendFont(resized(s.getLegendFont(), 12));
        // one font for both axis titles; the y title, centred on the plot a little above the panel's middle, stays inside the panel
        Font axis = resized(s.getAxisTitleFont(), 13);
        axis = fitted(axis, c.getYAxisTitle(), height - (int) Math.round(size(16)));
        s.setAxisTitleFont(fitted(axis, c.getXAxisTitle(), width - 110 - legendWidth(c)));
        // the title is centred over the plot, which a legend on the right makes narrower
        s.setChartTitleFont(fitted(resized(s.getChartTitleFont(), 14), c.getTitle(), width - 24 - legendWidth(c)));
        s.setAnnotationTextFont(resized(s.getAnnotationTextFont(), 12));
        s.setMarkerSize((int) Math.round(s.getMarkerSize() * Math.sqrt(lineScale)));
        thinCountTicks(c, width);
        for (XYSeries series : c.getSeriesCollection()) {
            series.setLineColor(readable(series.getLineColor()));
            series.setMarkerColor(readable(series.getMarkerColor()));
            if (series.getXYSeriesRenderStyle().orElse(c.getStyler().getDefaultSeriesRenderStyle())
                    == XYSeries.XYSeriesRenderStyle.PolygonArea && !SCALE_FILLS.contains(series)) {
                series.setFillColor(fill(series.getFillColor()));
            }
            Stroke stroke = series.getLineStyle();
            if (lineScale != 1 && stroke instanceof BasicStroke b && stroke != SeriesLines.NONE) {
                series.setLineStyle(new BasicStroke((float) (b.getLineWidth() * lineScale), b.getEndCap(), b.getLineJoin(),
                        b.getMiterLimit(), b.getDashArray(), b.getDashPhase()));
                series.setLineWidth((float) (b.getLineWidth() * lineScale));
            }
        }
    }

    /** Steps between labelled ticks on a count axis. */
    private static final int[] COUNT_STEPS = {1, 2, 5, 10, 20, 25, 50, 100};

    /**
     * On an axis of consecutive counts (stimulus 1, 2, 3, ...), where XChart puts a tick on every
     * value, labels only every 2nd, 5th, ... value, so that labels stay at least about three
     * characters apart; the ticks and grid lines stay on every value.
     */
    private void thinCountTicks(XYChart c, int width) {
        XYStyler s = c.getStyler();
        if (s.isXAxisLogarithmic() || s.getxAxisTickLabelsFormattingFunction() != null) {
            return;
        }
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (XYSeries series : c.getSeriesCollection()) {
            for (double x : series.getXData()) {
                if (!Double.isNaN(x)) {
                    xs.add(x);
                }
            }
        }
        if (xs.size() < 10 || xs.stream().anyMatch(x -> x != Math.rint(x)) || xs.last() - xs.first() > 1000) {
            return;
        }
        Double previous = null;
        for (double x : xs) {
            if (previous != null && x - previous != 1) {
                return;
            }
            previous = x;
        }
        double perUnit = (width - 110.0 - legendWidth(c)) / (xs.last() - xs.first());
        double needed = size(36);
        int step = COUNT_STEPS[COUNT_STEPS.length - 1];
        for (int k : COUNT_STEPS) {
            if (k * perUnit >= needed) {
                step = k;
                break;
            }
        }
        if (step > 1) {
            int every = step;
            s.setXAxisTickLabelsFormattingFunction(x -> Math.abs(x - Math.rint(x)) < 1e-9 && Math.round(x) % every == 0
                    ? String.valueOf(Math.round(x)) : "");
        }
    }

    /** Width taken by a legend right of the plot: its longest label, its line sample and padding; 0 elsewhere. */
    private static int legendWidth(XYChart c) {
        XYStyler s = c.getStyler();
        if (!s.isLegendVisible() || s.getLegendPosition() != Styler.LegendPosition.OutsideE) {
            return 0;
        }
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double longest = c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend)
                .mapToDouble(x -> s.getLegendFont().getStringBounds(x.getLabel() == null ? x.getName() : x.getLabel(), frc).getWidth())
                .max().orElse(0);
        return (int) Math.ceil(longest) + 70;
    }

    /** The font at this theme's size for a print size, keeping its family and style. */
    Font resized(Font f, float printSize) {
        Font base = f == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : f;
        return base.deriveFont(size(printSize));
    }

    /**
     * The font, made smaller in steps until {@code text} fits {@code width} pixels (never below
     * 9 px).
     */
    static Font fitted(Font f, String text, int width) {
        if (text == null || text.isEmpty()) {
            return f;
        }
        // antialiased, fractional advances: as the text is drawn, as outlines, in every format
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font out = f;
        while (out.getStringBounds(text, frc).getWidth() > width && out.getSize2D() > 9) {
            out = out.deriveFont(out.getSize2D() - 0.5f);
        }
        return out;
    }
}
