package org.neuroai.compare.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Small multiples of a grid world's maze, drawn to scale, one per policy: walls dark, the goal
 * marked G, the start S, every other cell coloured by a quantity in [0, 1] on one sequential scale
 * shared by every panel (a colour bar under the panels says what it is), and in each cell one or
 * more arrow glyphs for actions (up, right, down, left). Saved like {@link PanelFigure}: PNG at
 * twice the nominal size, SVG and PDF, in the theme and formats of {@link Render#current()}.
 */
public final class MazeFigure implements Drawing {
    /**
     * ColorBrewer "YlGnBu" (Brewer 2003) up to its seventh class: a sequential scale from pale
     * yellow to blue, readable without colour vision, whose dark end stays apart from the walls.
     */
    private static final Color[] SCALE = {new Color(0xFFFFD9), new Color(0xEDF8B1), new Color(0xC7E9B4), new Color(0x7FCDBB),
        new Color(0x41B6C4), new Color(0x1D91C0), new Color(0x225EA8)};
    /** The walls: near black in every theme. */
    static final Color WALL = new Color(0x2B2B2B);
    /** The goal: Okabe &amp; Ito's orange, off the colour scale. */
    static final Color GOAL = Palette.ORANGE;
    private static final int CELL = 30;
    private static final int MARGIN = 20;
    private static final int GAP_X = 36;
    private static final int GAP_Y = 18;
    private static final int LABEL_HEIGHT = 40;
    private static final int BAR_HEIGHT = 64;
    private static final int BAR_WIDTH = 320;
    /** Row and column steps of the actions up, right, down, left. */
    private static final int[][] MOVES = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

    /**
     * The maze.
     *
     * @param rows rows
     * @param cols columns
     * @param wall whether each cell (row × cols + column) is a wall
     * @param start the start cell
     * @param goal the goal cell
     */
    public record Maze(int rows, int cols, boolean[] wall, int start, int goal) {}

    /**
     * One panel.
     *
     * @param label whose policy it is
     * @param note a second, smaller line under the label (a summary), or ""
     * @param shade the quantity of each cell in [0, 1], NaN where nothing is shown (walls, the goal)
     * @param arrows [cell][action]: the actions drawn as arrows in each cell
     */
    public record Panel(String label, String note, double[] shade, boolean[][] arrows) {}

    private final String title;
    private final String subtitle;
    private final Maze maze;
    private final List<Panel> panels;
    private final int columns;
    private final String scaleLabel;

    /**
     * @param title what the figure shows
     * @param subtitle how to read it
     * @param maze the maze every panel draws
     * @param panels the panels, row by row
     * @param columns panels per row
     * @param scaleLabel what the colour is, with its unit in parentheses
     */
    public MazeFigure(String title, String subtitle, Maze maze, List<Panel> panels, int columns, String scaleLabel) {
        this.title = title;
        this.subtitle = subtitle;
        this.maze = maze;
        this.panels = List.copyOf(panels);
        this.columns = Math.max(1, Math.min(columns, panels.size()));
        this.scaleLabel = scaleLabel;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The subtitle. */
    public String subtitle() {
        return subtitle;
    }

    /** The maze. */
    public Maze maze() {
        return maze;
    }

    /** The panels, with the values they were drawn from. */
    public List<Panel> panels() {
        return panels;
    }

    /** What the colour shows. */
    public String scaleLabel() {
        return scaleLabel;
    }

    /**
     * The colour of a value on the scale, interpolated between its classes.
     *
     * @param t in [0, 1] (clipped)
     * @return its colour
     */
    public static Color colour(double t) {
        return Palette.along(SCALE, t);
    }

    /** A cell's side in the current theme: larger where the text is. */
    private static int cell() {
        return (int) Math.round(CELL * Render.current().theme().layout());
    }

    private static int gapX() {
        return (int) Math.round(GAP_X * Render.current().theme().layout());
    }

    private static int scaled(int printPixels) {
        return (int) Math.round(printPixels * Render.current().theme().size(1));
    }

    private int panelRows() {
        return (panels.size() + columns - 1) / columns;
    }

    private int mazeWidth() {
        return maze.cols() * cell();
    }

    private int mazeHeight() {
        return maze.rows() * cell();
    }

    @Override
    public int width() {
        return Math.max(2 * MARGIN + columns * mazeWidth() + (columns - 1) * gapX(), BAR_WIDTH + 2 * MARGIN + 260);
    }

    @Override
    public int height() {
        int rows = panelRows();
        return PanelFigure.titleHeight() + rows * (scaled(LABEL_HEIGHT) + mazeHeight()) + (rows - 1) * GAP_Y + scaled(BAR_HEIGHT) + 12;
    }

    private void paint(Graphics2D g) {
        int width = width();
        PanelFigure.paintTitle(g, width, height(), title, subtitle);
        int used = columns * mazeWidth() + (columns - 1) * gapX();
        int left = (width - used) / 2;
        int top = PanelFigure.titleHeight();
        for (int i = 0; i < panels.size(); i++) {
            int x = left + (i % columns) * (mazeWidth() + gapX());
            int y = top + (i / columns) * (scaled(LABEL_HEIGHT) + mazeHeight() + GAP_Y);
            paintPanel(g, panels.get(i), x, y);
        }
        int bottom = top + panelRows() * (scaled(LABEL_HEIGHT) + mazeHeight()) + (panelRows() - 1) * GAP_Y;
        paintKey(g, width, bottom + 14);
    }

    private void paintPanel(Graphics2D g, Panel p, int x, int y) {
        Theme theme = Render.current().theme();
        g.setColor(theme.ink());
        Font bold = Theme.fitted(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(theme.size(13))), p.label(), mazeWidth() + gapX() - 8);
        g.setFont(bold);
        FontMetrics fm = g.getFontMetrics();
        PanelFigure.text(g, p.label(), x + (mazeWidth() - fm.stringWidth(p.label())) / 2f, y + scaled(16));
        if (!p.note().isEmpty()) {
            g.setColor(theme.muted());
            g.setFont(Theme.fitted(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(theme.size(11))), p.note(), mazeWidth() + gapX() - 8));
            fm = g.getFontMetrics();
            PanelFigure.text(g, p.note(), x + (mazeWidth() - fm.stringWidth(p.note())) / 2f, y + scaled(32));
        }
        int y0 = y + scaled(LABEL_HEIGHT);
        int n = maze.rows() * maze.cols();
        int side = cell();
        for (int c = 0; c < n; c++) {
            int cx = x + (c % maze.cols()) * side;
            int cy = y0 + (c / maze.cols()) * side;
            Color fill = maze.wall()[c] ? WALL : c == maze.goal() ? GOAL : Double.isNaN(p.shade()[c]) ? theme.background() : colour(p.shade()[c]);
            g.setColor(fill);
            g.fillRect(cx, cy, side, side);
        }
        // the cell borders, light, then the maze's frame
        g.setColor(new Color(0xB0B0B0));
        g.setStroke(new BasicStroke(0.5f));
        for (int c = 0; c < n; c++) {
            if (!maze.wall()[c]) {
                g.drawRect(x + (c % maze.cols()) * side, y0 + (c / maze.cols()) * side, side, side);
            }
        }
        g.setColor(theme.border());
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(x, y0, mazeWidth(), mazeHeight());
        letter(g, "G", x + (maze.goal() % maze.cols()) * side, y0 + (maze.goal() / maze.cols()) * side, side, true);
        letter(g, "S", x + (maze.start() % maze.cols()) * side, y0 + (maze.start() / maze.cols()) * side, side, false);
        for (int c = 0; c < n; c++) {
            int count = 0;
            for (boolean b : p.arrows()[c]) {
                count += b ? 1 : 0;
            }
            for (int a = 0; a < MOVES.length; a++) {
                if (p.arrows()[c][a]) {
                    arrow(g, x + (c % maze.cols() + 0.5) * side, y0 + (c / maze.cols() + 0.5) * side, side, a, count == 1);
                }
            }
        }
    }

    /** A letter in a cell of a side: large and centred, or small in its top-left corner. */
    private static void letter(Graphics2D g, String s, int cx, int cy, int side, boolean centred) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(side * (centred ? 0.5f : 0.34f))));
        FontMetrics fm = g.getFontMetrics();
        if (centred) {
            PanelFigure.text(g, s, cx + (side - fm.stringWidth(s)) / 2f, cy + (side + fm.getAscent() - fm.getDescent()) / 2f);
        } else {
            PanelFigure.text(g, s, cx + 2, cy + fm.getAscent() - 1);
        }
    }

    /**
     * An arrow for an action, black with a white halo so it reads on every colour of the scale:
     * through the cell's centre when it is the cell's only arrow; when there are several, each a
     * shorter one in its own half of the cell, so that they do not cross.
     */
    private static void arrow(Graphics2D g, double cx, double cy, int side, int action, boolean through) {
        double dy = MOVES[action][0];
        double dx = MOVES[action][1];
        double from = through ? -0.36 * side : 0.1 * side;
        double to = through ? 0.36 * side : 0.44 * side;
        double head = (through ? 0.2 : 0.16) * side;
        double x0 = cx + dx * from;
        double y0 = cy + dy * from;
        double x1 = cx + dx * to;
        double y1 = cy + dy * to;
        Path2D shaft = new Path2D.Double();
        shaft.moveTo(x0, y0);
        shaft.lineTo(x1 - dx * head * 0.6, y1 - dy * head * 0.6);
        Path2D tip = new Path2D.Double();
        tip.moveTo(x1, y1);
        tip.lineTo(x1 - dx * head - dy * head * 0.6, y1 - dy * head - dx * head * 0.6);
        tip.lineTo(x1 - dx * head + dy * head * 0.6, y1 - dy * head + dx * head * 0.6);
        tip.closePath();
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shaft);
        g.draw(tip);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(shaft);
        g.fill(tip);
    }

    /** The colour bar with its ticks and label, and beside it the key of walls, goal and start. */
    private void paintKey(Graphics2D g, int width, int y) {
        Theme theme = Render.current().theme();
        int keyWidth = 250;
        int x0 = (width - BAR_WIDTH - keyWidth) / 2;
        for (int i = 0; i < BAR_WIDTH; i++) {
            g.setColor(colour(i / (BAR_WIDTH - 1.0)));
            g.fillRect(x0 + i, y, 1, 12);
        }
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(0.6f));
        g.drawRect(x0, y, BAR_WIDTH, 12);
        g.setColor(theme.ink());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(theme.size(11))));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 4; i++) {
            String t = String.format(Locale.ROOT, i % 4 == 0 ? "%.0f" : "%.2f", i / 4.0);
            int tx = x0 + i * BAR_WIDTH / 4;
            g.drawLine(tx, y + 12, tx, y + 16);
            PanelFigure.text(g, t, tx - fm.stringWidth(t) / 2f, y + 12 + scaled(15));
        }
        g.setFont(Theme.fitted(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(theme.size(12))), scaleLabel, width - 2 * MARGIN));
        fm = g.getFontMetrics();
        PanelFigure.text(g, scaleLabel, (width - fm.stringWidth(scaleLabel)) / 2f, y + 12 + scaled(33));
        int kx = x0 + BAR_WIDTH + 30;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(theme.size(11))));
        fm = g.getFontMetrics();
        String[] names = {"wall", "goal", "start"};
        for (String name : names) {
            int sw = 14;
            if (name.equals("start")) {
                g.setColor(theme.background());
                g.fillRect(kx, y - 1, sw, sw);
                g.setColor(new Color(0xB0B0B0));
                g.drawRect(kx, y - 1, sw, sw);
                g.setColor(theme.ink());
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
                PanelFigure.text(g, "S", kx + 3, y + 10);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(theme.size(11))));
            } else {
                g.setColor(name.equals("wall") ? WALL : GOAL);
                g.fillRect(kx, y - 1, sw, sw);
            }
            g.setColor(theme.ink());
            PanelFigure.text(g, name, kx + sw + 5, y + 10);
            kx += sw + 5 + fm.stringWidth(name) + 18;
        }
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
