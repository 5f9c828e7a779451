package org.neuroai.compare.notebook;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.core.UserError;

/**
 * What a notebook cell ran (an experiment, a protocol or the validation): its folder, its figures
 * with their captions, and its table. A cell ending in {@code run.show("NAME")} shows the figure
 * inline (the kernel draws any {@link java.awt.image.RenderedImage}); one ending in
 * {@code run.table()} shows the table.
 */
public final class Run {
    private final String title;
    private final Path dir;
    private final Map<String, String> figures;
    private final Table table;

    Run(String title, Path dir, Map<String, String> figures, Table table) {
        this.title = title;
        this.dir = dir;
        this.figures = new LinkedHashMap<>(figures);
        this.table = table;
    }

    /** The folder holding the run's files (curves.csv, the figures, report.html, ...). */
    public Path dir() {
        return dir;
    }

    /** The figures drawn, by file name without extension, in the order drawn. */
    public List<String> figures() {
        return new ArrayList<>(figures.keySet());
    }

    /**
     * The caption of a figure.
     *
     * @param figure its registered name ({@code learning-curves}) or file name ({@code learning_curves})
     * @return the caption, as in the run's report
     */
    public String caption(String figure) {
        return figures.get(base(figure));
    }

    /**
     * A figure of the run, as an image the notebook shows inline.
     *
     * @param figure its registered name ({@code learning-curves}) or file name ({@code learning_curves})
     * @return the image (the run's PNG, drawn at twice the nominal size)
     * @throws UserError naming the run's figures when it has none of that name
     */
    public BufferedImage show(String figure) {
        return Neuroai.show(dir.resolve(base(figure) + ".png"));
    }

    /** The run's first figure. */
    public BufferedImage show() {
        if (figures.isEmpty()) {
            throw new UserError(title + " drew no figure.");
        }
        return show(figures.keySet().iterator().next());
    }

    private String base(String figure) {
        String b = figures.containsKey(figure) ? figure : figure.replace('-', '_');
        if (!figures.containsKey(b)) {
            // a registered figure's name: its file (xor-curves is saved as learning_curves)
            b = Figures.all().stream().filter(f -> f.name().equals(figure)).map(Figure::file).findFirst().orElse(b);
        }
        if (!figures.containsKey(b)) {
            throw new UserError("figure '" + figure + "': " + title + " drew " + (figures.isEmpty() ? "no figure"
                    : String.join(", ", figures.keySet())) + ".");
        }
        return b;
    }

    /**
     * The run's table: for an experiment the final value of every metric of every learner over
     * seeds (as {@code neuroai run} prints it), for a protocol its result rows, for the validation
     * every check.
     */
    public Table table() {
        return table;
    }

    /**
     * A number of the table: the cell of {@code column} in the row whose cells include every one of
     * {@code match}.
     *
     * @param column the column
     * @param match cells the row must hold, such as the learner and the metric
     * @return the cell as a number
     * @throws UserError when no row, or more than one, matches, or the cell is not a number
     */
    public double value(String column, String... match) {
        List<String> cells = table.column(column);
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.rows().get(i).containsAll(List.of(match))) {
                hits.add(i);
            }
        }
        if (hits.size() != 1) {
            throw new UserError(title + ": " + hits.size() + " rows hold " + String.join(", ", match) + "; give cells that pick one row.");
        }
        String cell = cells.get(hits.get(0));
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new UserError(title + ": the " + column + " of that row is '" + cell + "', not a number.");
        }
    }

    /** The run's report, {@code report.md}, when it wrote one. */
    public String report() {
        Path md = dir.resolve("report.md");
        try {
            return Files.isRegularFile(md) ? Files.readString(md) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return title + " in " + dir + (figures.isEmpty() ? "" : "; figures: " + String.join(", ", figures.keySet()));
    }

    /** Reads a PNG into an image. */
    static BufferedImage read(Path png) {
        try {
            BufferedImage img = ImageIO.read(png.toFile());
            if (img == null) {
                throw new UserError(png + " is not an image.");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
