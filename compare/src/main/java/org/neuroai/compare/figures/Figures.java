package org.neuroai.compare.figures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;

/** Finds registered figures and draws them for a run. */
public final class Figures {
    private Figures() {}

    /** Every registered figure, by name. */
    public static List<Figure> all() {
        return Registry.all(Figure.class);
    }

    /**
     * The figure of this name.
     *
     * @param name a registered figure
     * @return the figure
     * @throws UserError naming the registered figures when there is none of that name
     */
    public static Figure get(String name) {
        return Registry.get(Figure.class, name, "figure");
    }

    /** The files a figure reads that the run lacks (empty when it can be drawn). */
    public static List<String> missing(Figure f, RunFolder run) {
        List<String> out = new ArrayList<>();
        for (String file : f.reads()) {
            if (!run.has(file)) {
                out.add(file);
            }
        }
        return out;
    }

    /**
     * Draws one figure into the run folder.
     *
     * @param f the figure
     * @param run the run
     * @throws IOException when a file cannot be written
     * @throws UserError when the run lacks a file the figure reads
     */
    public static void draw(Figure f, RunFolder run) throws IOException {
        List<String> lacking = missing(f, run);
        if (!lacking.isEmpty()) {
            throw new UserError(run.dir() + ": figure '" + f.name() + "' reads " + String.join(", ", f.reads()) + ", and this run has no "
                    + String.join(", ", lacking) + "; figures that can be drawn here: " + String.join(", ", drawable(run)) + ".");
        }
        f.draw(run).save(run.dir(), f.file());
    }

    /** The registered figures a run has every file for. */
    public static List<String> drawable(RunFolder run) {
        return all().stream().filter(f -> missing(f, run).isEmpty()).map(Figure::name).toList();
    }

    /**
     * Draws every figure the run names.
     *
     * @param run the run
     * @return each figure's file name with its caption, in order
     * @throws IOException when a file cannot be written
     */
    public static Map<String, String> drawAll(RunFolder run) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : run.figures()) {
            Figure f = get(name);
            draw(f, run);
            out.put(f.file(), f.caption(run));
        }
        return out;
    }

    /** The captions of the figures a run names, by file name, without drawing. */
    public static Map<String, String> captions(RunFolder run) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : run.figures()) {
            Figure f = get(name);
            out.put(f.file(), f.caption(run));
        }
        return out;
    }
}
