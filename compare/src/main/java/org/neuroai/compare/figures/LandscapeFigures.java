package org.neuroai.compare.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.ContourFigure;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.files.LandscapeFiles;
import org.neuroai.compare.files.LandscapeFiles.Surface;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.UserError;

/**
 * The loss-landscape figures of a run (Li, Xu, Taylor, Studer &amp; Goldstein 2018, "Visualizing the
 * loss landscape of neural nets", NeurIPS): the loss along the line from initial to final weights,
 * and filled contour plots of the loss on a random plane and on the plane of the trajectory's
 * principal components, with the trajectories drawn over them. Drawn from the files of
 * {@link LandscapeFiles} alone, which {@code neuroai landscape} or an experiment's setting
 * {@code landscape} writes; learners' labels and colours from learners.csv.
 */
public final class LandscapeFigures {
    /** The line from initial to final weights. */
    public static final String LINE = "landscape-line";
    /** The random plane. */
    public static final String RANDOM = "landscape-random";
    /** The plane of the trajectory's principal components. */
    public static final String PCA = "landscape-pca";
    /** The three, in the order they are drawn. */
    public static final List<String> NAMES = List.of(LINE, RANDOM, PCA);

    private LandscapeFigures() {}

    /** The loss along the straight line from each learner's initial to its final weights. */
    public static final class AlongLine implements Figure {
        @Override
        public String name() {
            return LINE;
        }

        @Override
        public String description() {
            return "loss landscape, 1-D: each learner's loss on the straight line from its initial to its final weights";
        }

        @Override
        public String file() {
            return "landscape_1d";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, LandscapeFiles.SURFACES, LandscapeFiles.LINE);
        }

        @Override
        public String caption(RunFolder run) {
            return "Loss landscape, 1-D: each learner's loss on the straight line from its initial to its final weights, "
                    + "one panel per loss.";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return line(Look.of(run));
        }
    }

    /** The loss on a plane of two random directions through each learner's final weights. */
    public static final class RandomPlane implements Figure {
        @Override
        public String name() {
            return RANDOM;
        }

        @Override
        public String description() {
            return "loss landscape on a plane of two filter-normalised random directions through each learner's final weights";
        }

        @Override
        public String file() {
            return "landscape_random";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, LandscapeFiles.SURFACES, LandscapeFiles.PLANES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Loss landscape on a plane of two filter-normalised random directions through each learner's final weights."
                    + panels(run);
        }

        @Override
        public Drawing draw(RunFolder run) {
            return random(Look.of(run));
        }
    }

    /** The loss on the plane of a trajectory's first two principal components, the trajectories over it. */
    public static final class TrajectoryPlane implements Figure {
        @Override
        public String name() {
            return PCA;
        }

        @Override
        public String description() {
            return "loss landscape on the plane of the first two principal components of each learner's weight trajectory, "
                    + "with the trajectories";
        }

        @Override
        public String file() {
            return "landscape_pca";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, LandscapeFiles.SURFACES, LandscapeFiles.PLANES, LandscapeFiles.PATHS, LandscapeFiles.PCA);
        }

        @Override
        public String caption(RunFolder run) {
            return "Loss landscape on the plane of the first two principal components of each learner's weight trajectory, "
                    + "its checkpoints projected onto it." + panels(run);
        }

        @Override
        public Drawing draw(RunFolder run) {
            return pca(Look.of(run));
        }
    }

    /** " Panels: ..." naming each surface and its guests, or "" when the run has no landscapes yet. */
    private static String panels(RunFolder run) {
        if (!run.has(LandscapeFiles.SURFACES)) {
            return "";
        }
        Look look = Look.of(run);
        List<String> panels = new ArrayList<>();
        for (Surface s : LandscapeFiles.surfaces(run.dir())) {
            List<String> guests = s.guests().stream().map(g -> legend(look, s, g.learner())).toList();
            panels.add(s.title() + (guests.isEmpty() ? "" : ", with " + String.join(", ", guests)));
        }
        return " Panels: " + String.join("; ", panels) + ".";
    }

    /** How a learner drawn on a surface is named in legends: its label, and for a guest what of it is drawn. */
    static String legend(Look look, Surface s, String learner) {
        String note = s.note(learner);
        return look.labelWithStops(learner) + (s.guest(learner) && !note.isEmpty() ? ": " + note : "");
    }

    /** The value of a map for a surface, or a one-line error naming the file that lacks it. */
    private static <T> T of(Map<String, T> bySurface, Surface s, RunFolder run, String file) {
        T v = bySurface.get(s.name());
        if (v == null) {
            throw new UserError(run.file(file) + ": no rows of surface '" + s.name() + "', which " + LandscapeFiles.SURFACES
                    + " names; compute the landscapes again with 'neuroai landscape " + run.dir() + "'.");
        }
        return v;
    }

    /**
     * The 1-D figure: one panel per loss, one line per learner, a guest's dashed.
     *
     * @param look the run's look
     * @return the figure
     */
    static PanelFigure line(Look look) {
        RunFolder run = look.run();
        List<Surface> surfaces = LandscapeFiles.surfaces(run.dir());
        Map<String, List<LandscapeFiles.Line>> lines = LandscapeFiles.lines(run.dir());
        Map<String, XYChart> panels = new LinkedHashMap<>();
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (Surface s : surfaces) {
            List<LandscapeFiles.Line> ls = of(lines, s, run, LandscapeFiles.LINE);
            String loss = s.loss();
            XYChart c = panels.get(loss);
            if (c == null) {
                double[] alpha = ls.get(0).alpha();
                c = Charts.panel(loss.substring(0, 1).toUpperCase(Locale.ROOT) + loss.substring(1).replaceFirst(" \\(.*", "")
                                + " along the line",
                        "\u03b1 in \u03b8(\u03b1) = \u03b8\u2080 + \u03b1(\u03b8_T \u2212 \u03b8\u2080)  (0 = initial, 1 = final weights)", loss);
                Charts.roundXTicks(c, alpha[0], alpha[alpha.length - 1], s.finalLoss());
                panels.put(loss, c);
            }
            double[] range = ranges.computeIfAbsent(loss, l -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            for (LandscapeFiles.Line l : ls) {
                String label = legend(look, s, l.learner());
                // a point whose loss is not a finite number is skipped (a gap in the line), and the legend says so
                double[] ys = java.util.Arrays.stream(l.loss()).map(v -> Double.isFinite(v) ? v : Double.NaN).toArray();
                long skipped = java.util.Arrays.stream(ys).filter(Double::isNaN).count();
                if (skipped > 0) {
                    label += " (" + skipped + " of " + ys.length + " points skipped: loss not finite)";
                }
                if (s.guest(l.learner())) {
                    Charts.dashed(c, label, l.alpha(), ys, look.colour(l.learner()), true);
                } else {
                    Charts.line(c, label, l.alpha(), ys, look.colour(l.learner()), 2.2f);
                }
                for (double v : ys) {
                    if (!Double.isNaN(v)) {
                        range[0] = Math.min(range[0], v);
                        range[1] = Math.max(range[1], v);
                    }
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
            if (log) {
                String y = c.getYAxisTitle();
                c.setYAxisTitle(y.endsWith(")") ? y.substring(0, y.length() - 1) + ", log scale)" : y + " (log scale)");
            }
        }
        String title = run.experiment() + ": the loss on the straight line from each learner's initial to its final weights";
        String subtitle = "Dashed grey: \u03b1 = 0 (initial) and \u03b1 = 1 (final); dashed coloured: a learner on another's loss; seed "
                + surfaces.get(0).seed();
        return LearningCurves.layout(title, subtitle, new ArrayList<>(panels.values()));
    }

    /**
     * Contours on the random planes, the final weights at the centre.
     *
     * @param look the run's look
     * @return the figure
     */
    static ContourFigure random(Look look) {
        RunFolder run = look.run();
        List<Surface> surfaces = LandscapeFiles.surfaces(run.dir());
        Map<String, LandscapeFiles.Field> fields = LandscapeFiles.plane(run.dir(), LandscapeFiles.RANDOM_PLANE);
        List<ContourFigure.Panel> panels = new ArrayList<>();
        for (Surface s : surfaces) {
            LandscapeFiles.Field f = of(fields, s, run, LandscapeFiles.PLANES);
            panels.add(new ContourFigure.Panel(s.title(), "a: step along random direction \u03b4 (filter-normalised units)",
                    "b: step along random direction \u03b7 (filter-normalised units)", f.as(), f.bs(), f.loss(), s.loss(), List.of(),
                    new double[] {0, 0}, "final weights \u03b8_T (loss " + ContourFigure.significant(s.finalLoss()) + ")"));
        }
        String title = run.experiment() + ": the loss around each learner's final weights, on a random plane";
        String subtitle = "\u03b8_T + a\u03b4 + b\u03b7, \u03b4 and \u03b7 Gaussian with each unit's incoming weights scaled to their norm in \u03b8_T "
                + "and bias vectors held (Li et al. 2018); seed " + surfaces.get(0).seed();
        return new ContourFigure(title, subtitle, panels, 3);
    }

    /**
     * Contours on the planes of the trajectories' principal components, the trajectories drawn over them.
     *
     * @param look the run's look
     * @return the figure
     */
    static ContourFigure pca(Look look) {
        RunFolder run = look.run();
        List<Surface> surfaces = LandscapeFiles.surfaces(run.dir());
        Map<String, LandscapeFiles.Field> fields = LandscapeFiles.plane(run.dir(), LandscapeFiles.PCA_PLANE);
        Map<String, List<LandscapeFiles.Walk>> walks = LandscapeFiles.walks(run.dir());
        Map<String, double[]> explained = LandscapeFiles.explained(run.dir());
        List<ContourFigure.Panel> panels = new ArrayList<>();
        for (Surface s : surfaces) {
            LandscapeFiles.Field f = of(fields, s, run, LandscapeFiles.PLANES);
            List<ContourFigure.Trace> traces = new ArrayList<>();
            for (LandscapeFiles.Walk w : of(walks, s, run, LandscapeFiles.PATHS)) {
                traces.add(new ContourFigure.Trace(legend(look, s, w.learner()), look.colour(w.learner()), w.a(), w.b(), s.guest(w.learner())));
            }
            double[] ex = of(explained, s, run, LandscapeFiles.PCA);
            if (ex.length < 2) {
                throw new UserError(run.file(LandscapeFiles.PCA) + ": surface '" + s.name() + "' needs components 1 and 2.");
            }
            panels.add(new ContourFigure.Panel(s.title(),
                    String.format(Locale.ROOT, "PC1 of the trajectory, %.1f %% of its variance (weight units)", 100 * ex[0]),
                    String.format(Locale.ROOT, "PC2, %.1f %% of the variance (weight units)", 100 * ex[1]), f.as(), f.bs(), f.loss(),
                    s.loss(), traces, null, ""));
        }
        String title = run.experiment() + ": each learner's path down its loss, on the plane of its trajectory's first two principal components";
        String subtitle = "Plane through the final weights \u03b8_T spanned by the top two principal components of {\u03b8_t \u2212 \u03b8_T} "
                + "(Li et al. 2018); checkpoints projected onto it; seed " + surfaces.get(0).seed();
        return new ContourFigure(title, subtitle, panels, 3);
    }
}
