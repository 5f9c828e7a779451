package org.neuroai.compare.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.landscape.Landscapes;
import org.neuroai.compare.landscape.Surface;
import org.neuroai.core.Family;

/**
 * The loss-landscape figures of a run (Li et al. 2018): the loss along the line from initial to
 * final weights, and filled contour plots of the loss on a random plane and on the plane of the
 * trajectory's principal components, with the trajectories drawn over them.
 */
public final class LandscapeFigures {
    /** Base name of the 1-D figure. */
    public static final String LINE = "landscape_1d";
    /** Base name of the random-plane figure. */
    public static final String RANDOM = "landscape_random";
    /** Base name of the PCA-plane figure. */
    public static final String PCA = "landscape_pca";

    private LandscapeFigures() {}

    /**
     * The figures' captions, for reports: what each figure shows and, panel by panel, which loss.
     *
     * @param surfaces the landscapes drawn
     * @return base name to caption
     */
    public static Map<String, String> captions(List<Surface> surfaces) {
        List<String> panels = new ArrayList<>();
        for (Surface s : surfaces) {
            String guests = String.join(", ", s.guests().stream().map(Surface.Walker::label).toList());
            panels.add(s.title() + (guests.isEmpty() ? "" : ", with " + guests));
        }
        String which = " Panels: " + String.join("; ", panels) + ".";
        Map<String, String> f = new LinkedHashMap<>();
        f.put(LINE, "Loss landscape, 1-D: each learner's loss on the straight line from its initial to its final weights, "
                + "one panel per loss.");
        f.put(RANDOM, "Loss landscape on a plane of two filter-normalised random directions through each learner's final weights."
                + which);
        f.put(PCA, "Loss landscape on the plane of the first two principal components of each learner's weight trajectory, "
                + "its checkpoints projected onto it." + which);
        return f;
    }

    /** The learners' colours of the run being drawn, from its learners.csv. */
    private static final ThreadLocal<Map<String, Color>> COLOURS = ThreadLocal.withInitial(Map::of);

    static Color colour(String learner) {
        return COLOURS.get().getOrDefault(learner, Palette.GREY);
    }

    /**
     * Draws the three figures.
     *
     * @param dir the folder
     * @param results the computed landscapes
     * @param experiment the experiment's name, for titles
     * @param formats a subset of {@link PanelFigure#FORMATS}
     * @throws IOException when a file cannot be written
     */
    public static void draw(Path dir, List<Landscapes.Result> results, String experiment, Set<String> formats,
                            Map<String, Color> colours) throws IOException {
        COLOURS.set(colours);
        line(results, experiment).save(dir, LINE, formats);
        random(results, experiment).save(dir, RANDOM, formats);
        pca(results, experiment).save(dir, PCA, formats);
    }

    private static long seed(List<Landscapes.Result> results) {
        return results.get(0).seed();
    }

    /** The 1-D figure: one panel per loss, one line per learner. */
    public static PanelFigure line(List<Landscapes.Result> results, String experiment) {
        Map<String, XYChart> panels = new LinkedHashMap<>();
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (Landscapes.Result r : results) {
            String loss = r.surface().loss();
            XYChart c = panels.get(loss);
            if (c == null) {
                c = Charts.panel(loss.substring(0, 1).toUpperCase(Locale.ROOT) + loss.substring(1) + " along the line",
                        "\u03b1 in \u03b8(\u03b1) = \u03b8\u2080 + \u03b1(\u03b8_T \u2212 \u03b8\u2080)  (0 = initial, 1 = final weights)", loss);
                Charts.roundXTicks(c, Landscapes.ALPHA_MIN, Landscapes.ALPHA_MAX, r.finalLoss());
                panels.put(loss, c);
            }
            double[] range = ranges.computeIfAbsent(loss, l -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            for (Landscapes.Line l : r.lines()) {
                String label = l.guest() ? l.label() : l.learner();
                if (l.guest()) {
                    Charts.dashed(c, label, l.alpha(), l.loss(), colour(l.learner()), true);
                } else {
                    Charts.line(c, label, l.alpha(), l.loss(), colour(l.learner()), 2.2f);
                }
                for (double v : l.loss()) {
                    range[0] = Math.min(range[0], v);
                    range[1] = Math.max(range[1], v);
                }
            }
        }
        for (Map.Entry<String, XYChart> e : panels.entrySet()) {
            XYChart c = e.getValue();
            double[] range = ranges.get(e.getKey());
            boolean log = range[0] > 0 && range[1] / range[0] > ContourFigure.LOG_RATIO;
            if (log) {
                c.getStyler().setYAxisLogarithmic(true);
            }
            double lo = log ? range[0] : Math.min(0, range[0]);
            for (double a : new double[] {0, 1}) {
                Charts.dashed(c, a == 0 ? "\u03b1 = 0: initial weights" : "\u03b1 = 1: final weights", new double[] {a, a},
                        new double[] {lo, range[1]}, Palette.GREY, false);
            }
            c.getStyler().setXAxisDecimalPattern("0.0");
            c.getStyler().setXAxisTickMarkSpacingHint(80);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            if (log) {
                c.setYAxisTitle(c.getYAxisTitle() + ", log scale");
            }
        }
        String title = experiment + ": the loss on the straight line from each learner's initial to its final weights";
        String subtitle = "Dashed grey: \u03b1 = 0 (initial) and \u03b1 = 1 (final); dashed coloured: a learner on another's loss; seed "
                + seed(results);
        return new PanelFigure(title, subtitle, new ArrayList<>(panels.values()), 1, 960, 400);
    }

    /** Contours on the random planes, the final weights at the centre. */
    public static ContourFigure random(List<Landscapes.Result> results, String experiment) {
        List<ContourFigure.Panel> panels = new ArrayList<>();
        for (Landscapes.Result r : results) {
            Landscapes.Field f = r.random();
            panels.add(new ContourFigure.Panel(r.surface().title(), "a: step along random direction \u03b4 (filter-normalised)",
                    "b: step along random direction \u03b7", f.as(), f.bs(), f.loss(), r.surface().loss(), List.of(), new double[] {0, 0},
                    "final weights \u03b8_T (loss " + ContourFigure.significant(r.finalLoss()) + ")"));
        }
        String title = experiment + ": the loss around each learner's final weights, on a random plane";
        String subtitle = "\u03b8_T + a\u03b4 + b\u03b7, \u03b4 and \u03b7 Gaussian with each unit's incoming weights scaled to their norm in \u03b8_T "
                + "and bias vectors held (Li et al. 2018); seed " + seed(results);
        return new ContourFigure(title, subtitle, panels, 3);
    }

    /** Contours on the planes of the trajectories' principal components, the trajectories drawn over them. */
    public static ContourFigure pca(List<Landscapes.Result> results, String experiment) {
        List<ContourFigure.Panel> panels = new ArrayList<>();
        for (Landscapes.Result r : results) {
            Landscapes.Field f = r.pca();
            List<ContourFigure.Trace> traces = new ArrayList<>();
            for (Landscapes.Walk w : r.walks()) {
                traces.add(new ContourFigure.Trace(w.guest() ? w.label() : w.learner(), colour(w.learner()), w.a(), w.b(), w.guest()));
            }
            double[] ex = r.plane().explained();
            panels.add(new ContourFigure.Panel(r.surface().title(),
                    String.format(Locale.ROOT, "PC1 of %s's trajectory (%.1f %% of its variance), weight units", r.surface().learner(), 100 * ex[0]),
                    String.format(Locale.ROOT, "PC2 (%.1f %% of the variance), weight units", 100 * ex[1]), f.as(), f.bs(), f.loss(),
                    r.surface().loss(), traces, null, ""));
        }
        String title = experiment + ": each learner's path down its loss, on the plane of its trajectory's first two principal components";
        String subtitle = "Plane through the final weights \u03b8_T spanned by the top two principal components of {\u03b8_t \u2212 \u03b8_T} "
                + "(Li et al. 2018); checkpoints projected onto it; seed " + seed(results);
        return new ContourFigure(title, subtitle, panels, 3);
    }
}
