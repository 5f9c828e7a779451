package org.neuroai.compare.charts;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.MutableCommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * A figure for a post: a title over a grid of XChart panels, saved as PNG at twice its nominal
 * size (sharp on high-density screens and in print), as SVG and as PDF, in the {@link Theme} and
 * formats of {@link Render#current()}.
 */
public final class PanelFigure implements Drawing {
    /** The font of the subtitle in the print theme, for measuring. */
    public static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private final String title;
    private final String subtitle;
    private final List<XYChart> panels;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;
    /** The theme the panels were styled in, once saved. */
    private Theme styled;

    /**
     * @param title the figure's title: what the figure shows
     * @param subtitle a second, smaller line: how to read it (bands, seeds)
     * @param panels the panels, filled row by row
     * @param columns panels per row
     * @param panelWidth nominal width of a panel
     * @param panelHeight nominal height of a panel
     */
    public PanelFigure(String title, String subtitle, List<XYChart> panels, int columns, int panelWidth, int panelHeight) {
        this.title = title;
        this.subtitle = subtitle;
        this.panels = List.copyOf(panels);
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
    }

    /** Nominal width in pixels. */
    public int width() {
        return columns * panelWidth();
    }

    /** Nominal width of a panel in the current theme. */
    private int panelWidth() {
        return (int) Math.round(panelWidth * Render.current().theme().layout());
    }

    /** Nominal height of a panel in the current theme. */
    private int panelHeight() {
        return (int) Math.round(panelHeight * Render.current().theme().layout());
    }

    /** Nominal height in pixels. */
    public int height() {
        int rows = (panels.size() + columns - 1) / columns;
        return titleHeight() + rows * panelHeight();
    }

    /** The panels. */
    public List<XYChart> panels() {
        return panels;
    }

    /** The subtitle. */
    public String subtitle() {
        return subtitle;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** Height of the title band in the current theme, in nominal pixels. */
    static int titleHeight() {
        return Render.current().theme().titleHeight();
    }

    private void paint(Graphics2D g) {
        paintTitle(g, width(), height(), title, subtitle);
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % columns) * panelWidth();
            int y = titleHeight() + (i / columns) * panelHeight();
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            panels.get(i).paint(g, panelWidth(), panelHeight());
            g.setTransform(saved);
        }
    }

    /**
     * Clears the canvas in the current theme's background and draws the house title band: a bold
     * title and a smaller subtitle, centred, {@link #titleHeight()} pixels high; a line too wide
     * for the figure is set smaller until it fits.
     *
     * @param g the canvas, in nominal pixels
     * @param width nominal width
     * @param height nominal height
     * @param title what the figure shows
     * @param subtitle how to read it
     */
    static void paintTitle(Graphics2D g, int width, int height, String title, String subtitle) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Theme theme = Render.current().theme();
        g.setColor(theme.background());
        g.fillRect(0, 0, width, height);
        double unit = theme.titleHeight() / 58.0;
        g.setColor(theme.ink());
        g.setFont(Theme.fitted(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(theme.size(17))), title, width - 16));
        centred(g, title, width, (float) (26 * unit));
        g.setColor(theme.muted());
        g.setFont(Theme.fitted(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(theme.size(13))), subtitle, width - 16));
        centred(g, subtitle, width, (float) (47 * unit));
    }

    /**
     * Writes {@code base.png} (2x), {@code base.svg} and {@code base.pdf}, or the formats of
     * {@link Render#current()}, in its theme.
     *
     * @param dir the folder
     * @param base the file name without extension
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when the figure was saved before in another theme
     */
    @Override
    public void save(Path dir, String base) throws IOException {
        Theme theme = Render.current().theme();
        if (styled == null) {
            panels.forEach(p -> theme.apply(p, panelWidth(), panelHeight()));
            styled = theme;
        } else if (styled != theme) {
            throw new IllegalStateException("a figure is styled once: saved in " + styled.id() + ", now asked for " + theme.id());
        }
        write(dir, base, width(), height(), this::paint);
    }

    /**
     * Writes a drawing as {@code base.png} (at twice its nominal size), {@code base.svg} and
     * {@code base.pdf}, or the formats of {@link Render#current()}. Each file is written under a
     * temporary name and renamed when complete.
     *
     * @param dir the folder
     * @param base the file name without extension
     * @param width nominal width in pixels
     * @param height nominal height in pixels
     * @param painter draws the whole figure in nominal pixels
     * @throws IOException when a file cannot be written
     */
    static void write(Path dir, String base, int width, int height, Consumer<Graphics2D> painter) throws IOException {
        Files.createDirectories(dir);
        Set<Render.Format> formats = Render.current().formats();
        if (formats.contains(Render.Format.PNG)) {
            int scale = 2;
            BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.scale(scale, scale);
            painter.accept(g);
            g.dispose();
            Path tmp = dir.resolve(base + ".png.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ImageIO.write(img, "png", out);
            }
            moveIntoPlace(tmp, dir.resolve(base + ".png"));
        }
        if (formats.contains(Render.Format.SVG) || formats.contains(Render.Format.PDF)) {
            VectorGraphics2D vg = new VectorGraphics2D();
            painter.accept(vg);
            CommandSequence commands = withoutUnusedFonts(vg.getCommands());
            for (Render.Format format : List.of(Render.Format.SVG, Render.Format.PDF)) {
                if (!formats.contains(format)) {
                    continue;
                }
                Document doc = Processors.get(format.extension()).getDocument(commands, new PageSize(0, 0, width, height));
                Path tmp = dir.resolve(base + "." + format.extension() + ".tmp");
                if (format == Render.Format.SVG) {
                    ByteArrayOutputStream svg = new ByteArrayOutputStream();
                    doc.writeTo(svg);
                    // a hundredth of a pixel is finer than any screen or printer: shorter numbers, less than half the file
                    Files.writeString(tmp, joinLines(LONG_DECIMALS.matcher(svg.toString(StandardCharsets.UTF_8)).replaceAll("$1")));
                } else {
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        doc.writeTo(out);
                    }
                }
                moveIntoPlace(tmp, dir.resolve(base + "." + format.extension()));
            }
        }
    }

    /**
     * The drawing's commands without its font changes when no command draws a string. Every label
     * is drawn as glyph outlines (by XChart and by {@link #text}), so no font reaches the file; but
     * the PDF writer looks up the physical font behind every font change, by laying out text in
     * each font of the machine, which took most of the time of a PDF (and some of an SVG).
     */
    static CommandSequence withoutUnusedFonts(CommandSequence commands) {
        for (Command<?> c : commands) {
            if (c instanceof DrawStringCommand) {
                return commands;
            }
        }
        MutableCommandSequence out = new MutableCommandSequence();
        for (Command<?> c : commands) {
            if (!(c instanceof SetFontCommand)) {
                out.add(c);
            }
        }
        return out;
    }

    /** One straight segment as the SVG writer writes it: style, then x1, x2, y1, y2. */
    private static final Pattern LINE = Pattern.compile(
            "<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\" y2=\"([^\"]*)\"/>");

    /**
     * Joins runs of {@code <line>} elements into one {@code <path>} each: a run is consecutive
     * segments (nothing but white space between them) of the same style, each starting where the
     * one before ended. XChart draws a series segment by segment, and each segment repeated its
     * whole style: most of an SVG's bytes. A path of the same segments draws the same line (with
     * round joins where the round caps met), and a dashed one dashes on without restarting at
     * every data point.
     *
     * @param svg the SVG text
     * @return the same drawing with joined lines
     */
    static String joinLines(String svg) {
        Matcher m = LINE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        int copied = 0;
        int from = 0;
        while (m.find(from)) {
            int runStart = m.start();
            String style = m.group(1);
            StringBuilder d = new StringBuilder("M").append(m.group(2)).append(',').append(m.group(4))
                    .append(" L").append(m.group(3)).append(',').append(m.group(5));
            String endX = m.group(3);
            String endY = m.group(5);
            int runEnd = m.end();
            int segments = 1;
            while (true) {
                int next = runEnd;
                while (next < svg.length() && Character.isWhitespace(svg.charAt(next))) {
                    next++;
                }
                if (!m.find(next) || m.start() != next || !m.group(1).equals(style) || !m.group(2).equals(endX)
                        || !m.group(4).equals(endY)) {
                    break;
                }
                d.append(" L").append(m.group(3)).append(',').append(m.group(5));
                endX = m.group(3);
                endY = m.group(5);
                runEnd = m.end();
                segments++;
            }
            if (segments > 1) {
                out.append(svg, copied, runStart).append("<path style=\"").append(style).append("\" d=\"").append(d).append("\"/>");
                copied = runEnd;
            }
            from = runEnd;
        }
        return out.append(svg, copied, svg.length()).toString();
    }

    /** A decimal number with more than two digits after the point; group 1 keeps two. */
    private static final Pattern LONG_DECIMALS = Pattern.compile("(\\d\\.\\d{2})\\d+");

    private static void moveIntoPlace(Path tmp, Path file) throws IOException {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Draws a line of text centred across {@code width} (from 8 pixels in when it is wider). */
    static void centred(Graphics2D g, String text, int width, float y) {
        double w = g.getFont().getStringBounds(text, g.getFontRenderContext()).getWidth();
        text(g, text, (float) Math.max(8, (width - w) / 2), y);
    }

    /**
     * The width of a text in a font, in nominal pixels, as the figures measure it when drawn.
     *
     * @param font the font
     * @param text the text
     * @return its width
     */
    public static int textWidth(Font font, String text) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font).stringWidth(text);
        } finally {
            g.dispose();
        }
    }

    /**
     * Draws text as glyph outlines, as XChart draws its own labels, so that SVG and PDF show the
     * same font as the PNG instead of a viewer's substitute.
     */
    static void text(Graphics2D g, String text, float x, float y) {
        if (text.isEmpty()) {
            return;
        }
        g.fill(g.getFont().createGlyphVector(g.getFontRenderContext(), text).getOutline(x, y));
    }
}
