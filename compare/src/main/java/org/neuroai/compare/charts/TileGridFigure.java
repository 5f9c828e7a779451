package org.neuroai.compare.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Grids of small images side by side, one grid per learner, such as the receptive fields of
 * hidden units: each tile is one unit's incoming weights laid out as the input image, coloured
 * with {@link Palette#diverging} and scaled symmetrically around 0 by the tile's own largest
 * |w|, so the sign and the shape of every unit show whatever its scale. A colour bar under the
 * grids says how to read the colours. Saved like {@link PanelFigure}: PNG at twice the nominal size,
 * SVG and PDF, in the theme and formats of {@link Render#current()}.
 */
public final class TileGridFigure implements Drawing {
    /** Nominal pixels per input pixel. */
    private static final double PIXEL = 1.25;
    /** Nominal pixels per input pixel for images under 16 pixels a side. */
    private static final double SMALL_PIXEL = 4.5;
    private static final int GAP = 3;
    private static final int MARGIN = 20;
    private static final int GRID_GAP = 44;
    private static final int LABEL_HEIGHT = 30;
    private static final int BAR_HEIGHT = 74;

    /**
     * One grid.
     *
     * @param label what the grid shows, e.g. the learner
     * @param tiles one row per tile, each side x side values, row-major
     * @param side pixels per tile side
     */
    public record Grid(String label, double[][] tiles, int side) {}

    private final String title;
    private final String subtitle;
    private final List<Grid> grids;
    private final int columns;

    /**
     * @param title what the figure shows
     * @param subtitle how to read it
     * @param grids the grids, left to right
     * @param columns tiles per row of each grid
     */
    public TileGridFigure(String title, String subtitle, List<Grid> grids, int columns) {
        this.title = title;
        this.subtitle = subtitle;
        this.grids = List.copyOf(grids);
        this.columns = columns;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The subtitle. */
    public String subtitle() {
        return subtitle;
    }

    /** The grids, with the values they were drawn from. */
    public List<Grid> grids() {
        return grids;
    }

    /** A vertical distance of the print theme, grown with the current theme's text. */
    private static int scaled(int printPixels) {
        return (int) Math.round(printPixels * Render.current().theme().size(1));
    }

    private int tileSize(Grid g) {
        // small images (such as the 8x8 digits) are enlarged more, so a tile stays big enough to read
        return (int) Math.round(g.side() * (g.side() < 16 ? SMALL_PIXEL : PIXEL));
    }

    private int rows(Grid g) {
        return (g.tiles().length + columns - 1) / columns;
    }

    private int gridWidth(Grid g) {
        return columns * tileSize(g) + (columns - 1) * GAP;
    }

    private int gridHeight(Grid g) {
        int rows = rows(g);
        return rows * tileSize(g) + Math.max(0, rows - 1) * GAP;
    }

    /** Nominal width in pixels. */
    public int width() {
        int w = 2 * MARGIN + (grids.size() - 1) * GRID_GAP;
        for (Grid g : grids) {
            w += gridWidth(g);
        }
        return w;
    }

    /** Nominal height in pixels. */
    public int height() {
        int h = 0;
        for (Grid g : grids) {
            h = Math.max(h, gridHeight(g));
        }
        return PanelFigure.titleHeight() + scaled(LABEL_HEIGHT) + h + scaled(BAR_HEIGHT);
    }

    private void paint(Graphics2D g) {
        int width = width();
        PanelFigure.paintTitle(g, width, height(), title, subtitle);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        int x = MARGIN;
        int top = PanelFigure.titleHeight() + scaled(LABEL_HEIGHT);
        int bottom = top;
        Theme theme = Render.current().theme();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(theme.size(14))));
        FontMetrics fm = g.getFontMetrics();
        for (Grid grid : grids) {
            int gw = gridWidth(grid);
            g.setColor(theme.ink());
            PanelFigure.text(g, grid.label(), x + (gw - fm.stringWidth(grid.label())) / 2, top - 10);
            int t = tileSize(grid);
            for (int i = 0; i < grid.tiles().length; i++) {
                int tx = x + (i % columns) * (t + GAP);
                int ty = top + (i / columns) * (t + GAP);
                g.drawImage(tile(grid.tiles()[i], grid.side()), tx, ty, t, t, null);
            }
            bottom = Math.max(bottom, top + gridHeight(grid));
            x += gw + GRID_GAP;
        }
        colourBar(g, width, bottom + 22);
    }

    /** One tile as an image, scaled symmetrically by its largest |w|. */
    private static BufferedImage tile(double[] values, int side) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < side * side; i++) {
            img.setRGB(i % side, i / side, Palette.diverging(max > 0 ? values[i] / max : 0).getRGB());
        }
        return img;
    }

    private static void colourBar(Graphics2D g, int width, int y) {
        int barWidth = 320;
        int x0 = (width - barWidth) / 2;
        for (int i = 0; i < barWidth; i++) {
            g.setColor(Palette.diverging(2.0 * i / (barWidth - 1) - 1));
            g.fillRect(x0 + i, y, 1, 12);
        }
        g.setColor(new Color(0x999999));
        g.drawRect(x0, y, barWidth, 12);
        Theme theme = Render.current().theme();
        g.setColor(theme.ink());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(theme.size(12))));
        FontMetrics fm = g.getFontMetrics();
        String[] ticks = {"\u2212max |w|", "0", "+max |w|"};
        for (int i = 0; i < ticks.length; i++) {
            int tx = x0 + i * barWidth / 2;
            g.drawLine(tx, y + 12, tx, y + 16);
            PanelFigure.text(g, ticks[i], tx - fm.stringWidth(ticks[i]) / 2, y + 12 + scaled(17));
        }
        String caption = "weight w from a pixel to the unit, relative to the unit's largest |w|";
        PanelFigure.text(g, caption, (width - fm.stringWidth(caption)) / 2, y + 12 + scaled(35));
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
}
