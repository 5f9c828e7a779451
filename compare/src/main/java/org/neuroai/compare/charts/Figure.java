package org.neuroai.compare.charts;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * A figure for a post: a title over a grid of XChart panels, saved as PNG at twice its nominal
 * size (sharp on high-density screens and in print), as SVG and as PDF.
 */
public final class Figure {
    /** Height of the title band, in nominal pixels. */
    static final int TITLE_HEIGHT = 58;
    /** The font of the subtitle. */
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private final String title;
    private final String subtitle;
    private final List<XYChart> panels;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;

    /**
     * @param title the figure's title: what the figure shows
     * @param subtitle a second, smaller line: how to read it (bands, seeds)
     * @param panels the panels, filled row by row
     * @param columns panels per row
     * @param panelWidth nominal width of a panel
     * @param panelHeight nominal height of a panel
     */
    public Figure(String title, String subtitle, List<XYChart> panels, int columns, int panelWidth, int panelHeight) {
        this.title = title;
        this.subtitle = subtitle;
        this.panels = List.copyOf(panels);
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
    }

    /** Nominal width in pixels. */
    public int width() {
        return columns * panelWidth;
    }

    /** Nominal height in pixels. */
    public int height() {
        int rows = (panels.size() + columns - 1) / columns;
        return TITLE_HEIGHT + rows * panelHeight;
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

    private void paint(Graphics2D g) {
        paintTitle(g, width(), height(), title, subtitle);
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % columns) * panelWidth;
            int y = TITLE_HEIGHT + (i / columns) * panelHeight;
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            panels.get(i).paint(g, panelWidth, panelHeight);
            g.setTransform(saved);
        }
    }

    /**
     * Clears the canvas and draws the house title band: a bold title and a smaller subtitle,
     * centred, {@link #TITLE_HEIGHT} pixels high.
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
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x222222));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        FontMetrics fm = g.getFontMetrics();
        text(g, title, Math.max(8, (width - fm.stringWidth(title)) / 2), 26);
        g.setColor(new Color(0x555555));
        g.setFont(SUBTITLE_FONT);
        fm = g.getFontMetrics();
        text(g, subtitle, Math.max(8, (width - fm.stringWidth(subtitle)) / 2), 47);
    }

    /**
     * Writes {@code base.png} (2x) and {@code base.svg}.
     *
     * @param dir the folder
     * @param base the file name without extension
     * @throws IOException when a file cannot be written
     */
    public void save(Path dir, String base) throws IOException {
        write(dir, base, width(), height(), this::paint);
    }

    /**
     * Writes a drawing as {@code base.png} (at twice its nominal size) and {@code base.svg}.
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
        int scale = 2;
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.scale(scale, scale);
        painter.accept(g);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve(base + ".png").toFile());

        VectorGraphics2D vg = new VectorGraphics2D();
        painter.accept(vg);
        for (String format : new String[] {"svg", "pdf"}) {
            Document doc = Processors.get(format).getDocument(vg.getCommands(), new PageSize(0, 0, width, height));
            try (OutputStream out = Files.newOutputStream(dir.resolve(base + "." + format))) {
                doc.writeTo(out);
            }
        }
    }

    /**
     * The width of a text in a font, in nominal pixels, as the figures measure it when drawn.
     *
     * @param font the font
     * @param text the text
     * @return its width
     */
    static int textWidth(Font font, String text) {
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
