package org.neuroai.compare.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Filled contour plots of a function on a grid, with paths drawn over them: a title band over a
 * grid of panels, each with its axes, its own colour bar and a legend of its paths. The filled
 * bands are a bitmap; iso-lines, paths, axes and text are vector shapes, so SVG and PDF stay sharp.
 * The colour scale is logarithmic when the values span more than {@link #LOG_RATIO}. Saved like
 * {@link PanelFigure}: PNG at twice the nominal size, SVG and PDF, in the {@link Theme} of
 * {@link Render#current()}: the background, text, axes and legend take the theme's colours and
 * sizes (panels grow with {@link Theme#layout()}); the grey colour scale, and the marks drawn over
 * it, read the same in every theme.
 */
public final class ContourFigure implements Drawing {
    /** Values spanning more than this ratio (all positive) get a logarithmic colour scale. */
    public static final double LOG_RATIO = 30;
    /** Number of filled bands. */
    static final int BANDS = 12;
    private static final int PANEL_WIDTH = 540;
    private static final int PANEL_HEIGHT = 480;
    /** Height of a row of a panel's legend. */
    private static final int LEGEND_ROW = 18;
    private static final int LEFT = 70;
    private static final int TOP = 44;
    private static final int RIGHT = 104;
    private static final int BOTTOM = 92;
    /** Marks drawn over the colour scale (end points, the origin's cross), which is light in every theme. */
    private static final Color ON_SCALE = new Color(0x222222);
    /** The colour scale, light for low values, dark for high: greys, so that learners' colours stand out. */
    private static final Color LOW = new Color(0xFAFAFA);
    private static final Color HIGH = new Color(0x5A5A5A);
    /** The hatching of cells skipped because their loss is not a finite number. */
    private static final Color HATCH = new Color(0xC0392B);

    /**
     * A path over the contours, with its start and end marked.
     *
     * @param label legend entry
     * @param colour line colour
     * @param x x coordinates
     * @param y y coordinates
     * @param dashed whether the line is dashed (a learner drawn on another's landscape)
     */
    public record Trace(String label, Color colour, double[] x, double[] y, boolean dashed) {}

    /**
     * One panel.
     *
     * @param title what it shows
     * @param xLabel x-axis title with unit
     * @param yLabel y-axis title with unit
     * @param xs grid x coordinates, increasing
     * @param ys grid y coordinates, increasing
     * @param z values, {@code z[i][j]} at (xs[j], ys[i])
     * @param zLabel what the colours are, with unit
     * @param traces paths drawn over the contours
     * @param origin a point to mark with a cross (e.g. the final weights), or null
     * @param originLabel its legend entry
     */
    public record Panel(String title, String xLabel, String yLabel, double[] xs, double[] ys, double[][] z, String zLabel,
                        List<Trace> traces, double[] origin, String originLabel) {}

    private final String title;
    private final String subtitle;
    private final List<Panel> panels;
    private final int columns;

    /**
     * @param title what the figure shows
     * @param subtitle how to read it
     * @param panels the panels, row by row
     * @param columns panels per row
     */
    public ContourFigure(String title, String subtitle, List<Panel> panels, int columns) {
        this.title = title;
        this.subtitle = subtitle;
        this.panels = List.copyOf(panels);
        this.columns = Math.min(columns, Math.max(1, panels.size()));
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The subtitle: how to read it. */
    public String subtitle() {
        return subtitle;
    }

    /** The panels. */
    public List<Panel> panels() {
        return panels;
    }

    /** The current theme's factor on a panel's size. */
    private static double layout() {
        return Render.current().theme().layout();
    }

    /** Width of the panels side by side. */
    private int panelsWidth() {
        return columns * (int) Math.round(PANEL_WIDTH * layout());
    }

    /** Nominal width in pixels: the panels', or, for a lone panel, up to three panels' width so that the subtitle is whole. */
    public int width() {
        int text = (int) Math.ceil(PanelFigure.textWidth(PanelFigure.SUBTITLE_FONT.deriveFont(Render.current().theme().size(13)), subtitle)) + 40;
        return Math.max(panelsWidth(), Math.min(text, 3 * (int) Math.round(PANEL_WIDTH * layout())));
    }

    /** Nominal height in pixels. */
    public int height() {
        return Render.current().theme().titleHeight() + (panels.size() + columns - 1) / columns * panelHeight();
    }

    /** Height of a row of panels in the current theme: taller when a legend needs more than two rows. */
    private int panelHeight() {
        int rows = 2;
        for (Panel p : panels) {
            for (int[] place : places(entries(p))) {
                rows = Math.max(rows, place[0] + 1);
            }
        }
        return (int) Math.round((PANEL_HEIGHT + LEGEND_ROW * (rows - 2)) * layout());
    }

    /**
     * Writes {@code base.png} (2x), {@code base.svg} and {@code base.pdf}, or the formats of
     * {@link Render#current()}, in its theme.
     *
     * @param dir the folder
     * @param base the file name without extension
     * @throws IOException when a file cannot be written
     */
    @Override
    public void save(Path dir, String base) throws IOException {
        PanelFigure.write(dir, base, width(), height(), this::paint);
    }

    private void paint(Graphics2D g) {
        PanelFigure.paintTitle(g, width(), height(), title, subtitle);
        for (int i = 0; i < panels.size(); i++) {
            AffineTransform saved = g.getTransform();
            // panels centred when the subtitle makes the figure wider than they are
            g.translate((width() - panelsWidth()) / 2 + (i % columns) * (int) Math.round(PANEL_WIDTH * layout()),
                    Render.current().theme().titleHeight() + (i / columns) * panelHeight());
            // a panel is laid out in print pixels and scaled as a whole; text then takes the theme's size
            g.scale(layout(), layout());
            paintPanel(g, panels.get(i));
            g.setTransform(saved);
        }
    }

    /** The colour scale of a panel: value to position in [0, 1]. */
    record Scale(double lo, double hi, boolean log) {
        static Scale of(double[][] z) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : z) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (lo > hi) {
                // no finite value at all: every cell is skipped
                lo = 0;
                hi = 1;
            }
            boolean log = lo > 0 && hi / lo > LOG_RATIO;
            if (hi <= lo) {
                hi = lo + Math.max(1e-12, Math.abs(lo) * 1e-6);
            }
            return new Scale(lo, hi, log);
        }

        /** The position of a value on the scale; NaN for a value that is not a finite number (a skipped cell). */
        double t(double v) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
            double t = log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
            return Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 1;
        }

        double value(double t) {
            return log ? lo * Math.pow(hi / lo, t) : lo + t * (hi - lo);
        }
    }

    static Color colour(double t) {
        return new Color((int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
    }

    private void paintPanel(Graphics2D g, Panel p) {
        int pw = PANEL_WIDTH - LEFT - RIGHT;
        int ph = PANEL_HEIGHT - TOP - BOTTOM;
        double x0 = p.xs()[0];
        double x1 = p.xs()[p.xs().length - 1];
        double y0 = p.ys()[0];
        double y1 = p.ys()[p.ys().length - 1];
        Scale sc = Scale.of(p.z());
        double[][] t = new double[p.ys().length][p.xs().length];
        int skipped = 0;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[i].length; j++) {
                t[i][j] = sc.t(p.z()[i][j]);
                skipped += Double.isNaN(t[i][j]) ? 1 : 0;
            }
        }
        // twice the nominal resolution for the PNG; SVG and PDF embed the bitmap at the nominal one,
        // which keeps them small and quick to write (the iso-lines over it stay vector)
        int res = g instanceof de.erichseifert.vectorgraphics2d.VectorGraphics2D ? 1 : 2;
        g.drawImage(bands(t, pw * res, ph * res), LEFT, TOP, pw, ph, null);
        AffineTransform toPx = new AffineTransform(pw / (x1 - x0), 0, 0, -ph / (y1 - y0), LEFT - x0 * pw / (x1 - x0),
                TOP + ph + y0 * ph / (y1 - y0));
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(LEFT, TOP, pw, ph));
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke(0.7f));
        for (int b = 1; b < BANDS; b++) {
            g.draw(toPx.createTransformedShape(isoLine(p.xs(), p.ys(), t, (double) b / BANDS)));
        }
        for (Trace tr : p.traces()) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < tr.x().length; i++) {
                if (i == 0) {
                    path.moveTo(tr.x()[i], tr.y()[i]);
                } else {
                    path.lineTo(tr.x()[i], tr.y()[i]);
                }
            }
            g.setColor(tr.colour());
            g.setStroke(stroke(tr.dashed()));
            g.draw(toPx.createTransformedShape(path));
            double[] s = point(toPx, tr.x()[0], tr.y()[0]);
            double[] e = point(toPx, tr.x()[tr.x().length - 1], tr.y()[tr.y().length - 1]);
            g.setStroke(new BasicStroke(2f));
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(s[0] - 5, s[1] - 5, 10, 10));
            g.setColor(tr.colour());
            g.draw(new Ellipse2D.Double(s[0] - 5, s[1] - 5, 10, 10));
            g.fill(new Ellipse2D.Double(e[0] - 5, e[1] - 5, 10, 10));
            g.setColor(ON_SCALE);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Ellipse2D.Double(e[0] - 5, e[1] - 5, 10, 10));
        }
        if (p.origin() != null) {
            double[] o = point(toPx, p.origin()[0], p.origin()[1]);
            g.setColor(ON_SCALE);
            g.setStroke(new BasicStroke(2.2f));
            g.draw(new Line2D.Double(o[0] - 6, o[1] - 6, o[0] + 6, o[1] + 6));
            g.draw(new Line2D.Double(o[0] - 6, o[1] + 6, o[0] + 6, o[1] - 6));
        }
        if (skipped > 0) {
            // say what the hatched cells are, in the plot's top-left corner
            g.setFont(font(Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            String note = skipped + " of " + t.length * t[0].length + " points skipped (hatched): loss not finite";
            note = fit(note, fm, pw - 8);
            g.setColor(new Color(255, 255, 255, 225));
            g.fill(new Rectangle2D.Double(LEFT + 2, TOP + 2, fm.stringWidth(note) + 8, fm.getHeight() + 4));
            g.setColor(ON_SCALE);
            PanelFigure.text(g, note, LEFT + 6, TOP + 4 + fm.getAscent());
        }
        g.setClip(clip);
        g.setColor(axis());
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(LEFT, TOP, pw, ph));
        axes(g, p, toPx, pw, ph);
        colourBar(g, sc, p.zLabel(), LEFT + pw + 18, TOP, ph);
        legend(g, p, TOP + ph + 58);
    }

    /** A font of the print size {@code size} at the current theme's size, in a panel's print pixels. */
    private static Font font(int style, float size) {
        Theme theme = Render.current().theme();
        return new Font(Font.SANS_SERIF, style, 1).deriveFont((float) (theme.size(size) / theme.layout()));
    }

    /** Text colour of the current theme. */
    private static Color ink() {
        return Render.current().theme().ink();
    }

    /** Colour of axes, ticks and frames in the current theme. */
    private static Color axis() {
        return Render.current().theme().border();
    }

    private static BasicStroke stroke(boolean dashed) {
        return dashed ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f)
                : new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static double[] point(AffineTransform tx, double x, double y) {
        double[] p = {x, y};
        tx.transform(p, 0, p, 0, 1);
        return p;
    }

    /** The filled bands as an image, the grid values interpolated bilinearly. */
    private static BufferedImage bands(double[][] t, int w, int h) {
        int[] colours = new int[BANDS];
        for (int b = 0; b < BANDS; b++) {
            colours[b] = colour((b + 0.5) / BANDS).getRGB();
        }
        int[] pixels = new int[w * h];
        int ny = t.length;
        int nx = t[0].length;
        for (int py = 0; py < h; py++) {
            double gy = (1 - (py + 0.5) / h) * (ny - 1);
            int i = Math.min(ny - 2, (int) gy);
            double fy = gy - i;
            for (int px = 0; px < w; px++) {
                double gx = (px + 0.5) / w * (nx - 1);
                int j = Math.min(nx - 2, (int) gx);
                double fx = gx - j;
                double v = (1 - fy) * ((1 - fx) * t[i][j] + fx * t[i][j + 1]) + fy * ((1 - fx) * t[i + 1][j] + fx * t[i + 1][j + 1]);
                if (Double.isNaN(v)) {
                    // a cell with a corner that is no finite number: hatched, not given a colour of the scale
                    pixels[py * w + px] = ((px + py) / (3 * Math.max(1, w / 400))) % 4 == 0 ? HATCH.getRGB() : Color.WHITE.getRGB();
                    continue;
                }
                pixels[py * w + px] = colours[Math.max(0, Math.min(BANDS - 1, (int) (v * BANDS)))];
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, pixels, 0, w);
        return img;
    }

    /** The level set t = level by marching squares, in data coordinates. */
    static Path2D.Double isoLine(double[] xs, double[] ys, double[][] t, double level) {
        Path2D.Double path = new Path2D.Double();
        for (double[] seg : isoSegments(xs, ys, t, level)) {
            path.moveTo(seg[0], seg[1]);
            path.lineTo(seg[2], seg[3]);
        }
        return path;
    }

    /**
     * The level set v = level of a function on a grid, by marching squares: one segment
     * {x0, y0, x1, y1} for each grid cell it crosses (two in a saddle cell).
     *
     * @param xs grid x coordinates
     * @param ys grid y coordinates
     * @param v values, {@code v[i][j]} at (xs[j], ys[i])
     * @param level the level
     * @return the segments, row by row of cells
     */
    public static List<double[]> isoSegments(double[] xs, double[] ys, double[][] v, double level) {
        List<double[]> out = new ArrayList<>();
        double[] ex = new double[4];
        double[] ey = new double[4];
        for (int i = 0; i + 1 < ys.length; i++) {
            for (int j = 0; j + 1 < xs.length; j++) {
                // corners counter-clockwise from bottom-left; edges 0: bottom, 1: right, 2: top, 3: left
                double[] c = {v[i][j] - level, v[i][j + 1] - level, v[i + 1][j + 1] - level, v[i + 1][j] - level};
                if (Double.isNaN(c[0] + c[1] + c[2] + c[3])) {
                    continue; // a skipped cell: no level runs through it
                }
                double[] cx = {xs[j], xs[j + 1], xs[j + 1], xs[j]};
                double[] cy = {ys[i], ys[i], ys[i + 1], ys[i + 1]};
                int k = 0;
                for (int e = 0; e < 4; e++) {
                    int a = e;
                    int b = (e + 1) % 4;
                    if ((c[a] >= 0) != (c[b] >= 0)) {
                        double f = c[a] / (c[a] - c[b]);
                        ex[k] = cx[a] + f * (cx[b] - cx[a]);
                        ey[k] = cy[a] + f * (cy[b] - cy[a]);
                        k++;
                    }
                }
                for (int m = 0; m + 1 < k; m += 2) {
                    out.add(new double[] {ex[m], ey[m], ex[m + 1], ey[m + 1]});
                }
            }
        }
        return out;
    }

    private static void axes(Graphics2D g, Panel p, AffineTransform toPx, int pw, int ph) {
        g.setColor(ink());
        g.setFont(font(Font.BOLD, 14));
        FontMetrics fm = g.getFontMetrics();
        String t = fit(p.title(), fm, PANEL_WIDTH - 16);
        PanelFigure.text(g, t, Math.max(8, (PANEL_WIDTH - fm.stringWidth(t)) / 2f), 24);
        g.setFont(font(Font.PLAIN, 12));
        fm = g.getFontMetrics();
        double x0 = p.xs()[0];
        double x1 = p.xs()[p.xs().length - 1];
        for (double v : ticks(x0, x1, 5)) {
            double px = point(toPx, v, p.ys()[0])[0];
            g.setColor(axis());
            g.draw(new Line2D.Double(px, TOP + ph, px, TOP + ph + 4));
            g.setColor(ink());
            String s = format(v, x1 - x0);
            PanelFigure.text(g, s, (float) (px - fm.stringWidth(s) / 2.0), TOP + ph + 18);
        }
        double y0 = p.ys()[0];
        double y1 = p.ys()[p.ys().length - 1];
        int widest = 0;
        for (double v : ticks(y0, y1, 5)) {
            double py = point(toPx, p.xs()[0], v)[1];
            g.setColor(axis());
            g.draw(new Line2D.Double(LEFT - 4, py, LEFT, py));
            g.setColor(ink());
            String s = format(v, y1 - y0);
            widest = Math.max(widest, fm.stringWidth(s));
            PanelFigure.text(g, s, LEFT - 7 - fm.stringWidth(s), (float) (py + 4));
        }
        g.setFont(font(Font.PLAIN, 13));
        fm = g.getFontMetrics();
        PanelFigure.text(g, p.xLabel(), LEFT + (pw - fm.stringWidth(p.xLabel())) / 2f, TOP + ph + 38);
        // the y title's baseline just left of the widest tick label, its glyphs (rising leftwards) inside the panel
        vertical(g, fit(p.yLabel(), fm, ph + 40), Math.max(fm.getAscent() + 2, LEFT - 7 - widest - 7), TOP + ph / 2f);
    }

    /** Draws text rotated a quarter turn anticlockwise, centred on (x, yCentre). */
    private static void vertical(Graphics2D g, String s, float x, float yCentre) {
        FontMetrics fm = g.getFontMetrics();
        AffineTransform saved = g.getTransform();
        g.translate(x, yCentre);
        g.rotate(-Math.PI / 2);
        PanelFigure.text(g, s, -fm.stringWidth(s) / 2f, 0);
        g.setTransform(saved);
    }

    private static void colourBar(Graphics2D g, Scale sc, String label, int x, int top, int h) {
        int w = 14;
        for (int i = 0; i < BANDS; i++) {
            g.setColor(colour((i + 0.5) / BANDS));
            double y0 = top + h - (double) (i + 1) * h / BANDS;
            g.fill(new Rectangle2D.Double(x, y0, w, (double) h / BANDS + 0.5));
        }
        g.setColor(axis());
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x, top, w, h));
        g.setFont(font(Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(ink());
        int labels = 5;
        for (int i = 0; i < labels; i++) {
            double tt = (double) i / (labels - 1);
            double y = top + h - tt * h;
            g.setColor(axis());
            g.draw(new Line2D.Double(x + w, y, x + w + 3, y));
            g.setColor(ink());
            PanelFigure.text(g, significant(sc.value(tt)), x + w + 5, (float) (y + 4));
        }
        g.setFont(font(Font.PLAIN, 12));
        String s = label + (sc.log() ? " (log colour scale)" : "");
        vertical(g, fit(s, g.getFontMetrics(), h + 30), x + w + 60, top + h / 2f);
    }

    /** The entries of a panel's legend: the label, and what it shows (a {@link Trace}, "start", "end" or "origin"). */
    private static List<Object[]> entries(Panel p) {
        List<Object[]> entries = new ArrayList<>();
        for (Trace t : p.traces()) {
            entries.add(new Object[] {t.label(), t});
        }
        if (!p.traces().isEmpty()) {
            entries.add(new Object[] {"start", "start"});
            entries.add(new Object[] {"end", "end"});
        }
        if (p.origin() != null) {
            entries.add(new Object[] {p.originLabel(), "origin"});
        }
        return entries;
    }

    /** Where each legend entry goes, {row, x} in a panel's print pixels: side by side, a new row when one would pass the panel's edge. */
    private static List<int[]> places(List<Object[]> entries) {
        Font f = font(Font.PLAIN, 12);
        List<int[]> out = new ArrayList<>();
        int x = LEFT;
        int row = 0;
        for (Object[] e : entries) {
            int w = 30 + PanelFigure.textWidth(f, (String) e[0]) + 16;
            if (x + w > PANEL_WIDTH - 10 && x > LEFT) {
                row++;
                x = LEFT;
            }
            out.add(new int[] {row, x});
            x += w;
        }
        return out;
    }

    private static void legend(Graphics2D g, Panel p, int y) {
        g.setFont(font(Font.PLAIN, 12));
        List<Object[]> entries = entries(p);
        List<int[]> places = places(entries);
        for (int i = 0; i < entries.size(); i++) {
            String label = (String) entries.get(i)[0];
            float lx = places.get(i)[1];
            float ly = y + places.get(i)[0] * LEGEND_ROW;
            Object kind = entries.get(i)[1];
            g.setColor(ink());
            if (kind instanceof Trace t) {
                g.setColor(Render.current().theme().readable(t.colour()));
                g.setStroke(stroke(t.dashed()));
                g.draw(new Line2D.Double(lx, ly - 4, lx + 24, ly - 4));
            } else if ("start".equals(kind)) {
                g.setStroke(new BasicStroke(2f));
                g.setColor(ink());
                g.draw(new Ellipse2D.Double(lx + 7, ly - 9, 10, 10));
            } else if ("end".equals(kind)) {
                g.setColor(ink());
                g.fill(new Ellipse2D.Double(lx + 7, ly - 9, 10, 10));
            } else {
                g.setStroke(new BasicStroke(2.2f));
                g.draw(new Line2D.Double(lx + 6, ly - 10, lx + 18, ly + 2));
                g.draw(new Line2D.Double(lx + 6, ly + 2, lx + 18, ly - 10));
            }
            g.setColor(ink());
            PanelFigure.text(g, label, lx + 30, ly);
        }
    }

    /** Shortens text with an ellipsis to fit a width. */
    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 4 && fm.stringWidth(t + "\u2026") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }

    /** Round tick values inside [lo, hi], about n of them. */
    static double[] ticks(double lo, double hi, int n) {
        double raw = (hi - lo) / n;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> v = new ArrayList<>();
        for (double x = Math.ceil(lo / step) * step; x <= hi + 1e-9 * step; x += step) {
            v.add(Math.abs(x) < 1e-9 * step ? 0.0 : x);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick value with as many decimals as the tick step {@link #ticks} takes for this range needs (0.5: one). */
    private static String format(double v, double range) {
        double[] t = ticks(0, range, 5);
        double step = t.length > 1 ? t[1] - t[0] : range;
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(Math.min(decimals, 6)),
                DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v).replace('-', '\u2212');
    }

    /**
     * A value with three significant digits, for labels.
     *
     * @param v the value
     * @return it as text
     */
    public static String significant(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
