package org.neuroai.compare.figures;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.ContourFigure;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of exclusive or ({@code xor}), drawn from a finished run's files only:
 * {@code curves.csv} for the learning curves, {@code boundary.csv} and {@code points.csv} for the
 * decision regions, learners.csv for labels and colours.
 */
public final class XorFigures {
    /** Each learner's output on a grid over the input plane, first seed: {@code learner,seed,x1,x2,output,class}. */
    public static final String BOUNDARY = "boundary.csv";
    /** The four corners with their targets: {@code x1,x2,target}. */
    public static final String POINTS = "points.csv";
    /** The output at which a learner's answer changes from 0 to 1. */
    private static final double THRESHOLD = 0.5;
    private static final Color INK = new Color(0x222222);
    /** The log axis of squared errors reaches no lower than this, so that a float32 zero stays on it. */
    private static final double MSE_FLOOR = 1e-8;

    private XorFigures() {}

    /** Accuracy on the four corners and squared error. */
    public static final class Curves implements Figure {
        @Override
        public String name() {
            return "xor-curves";
        }

        @Override
        public String description() {
            return "accuracy on the four XOR corners, and squared error, against presentations";
        }

        @Override
        public String file() {
            return "learning_curves";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Accuracy on the four XOR corners (and squared error) against presentations, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return curves(Look.of(run));
        }
    }

    /** Decision regions in the input plane. */
    public static final class Regions implements Figure {
        @Override
        public String name() {
            return "xor-regions";
        }

        @Override
        public String description() {
            return "each learner's decision regions in the input plane after training, the corners marked (first seed)";
        }

        @Override
        public String file() {
            return "decision_regions";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES, BOUNDARY, POINTS);
        }

        @Override
        public String caption(RunFolder run) {
            return "Decision regions in the input plane after training, one panel per learner, corners marked";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return boundaries(Look.of(run));
        }
    }

    /** Accuracy on the four corners and, for the learners that estimate the target, squared error. */
    static PanelFigure curves(Look look) {
        List<TraceRow> rows = TraceReader.read(look.run().file(Traces.CURVES), r -> true);
        String x = "presentations (samples seen)";
        XYChart acc = Charts.panel("Accuracy on the four XOR corners", x, "accuracy (fraction of 4 corners)");
        XYChart mse = Charts.panel("Squared error on the four corners (learners whose output estimates the target)", x,
                "MSE (target units², log scale)");
        mse.getStyler().setYAxisLogarithmic(true);
        int seeds = 0;
        double xmax = 0;
        if (rows.stream().noneMatch(r -> r.metric().equals("accuracy"))) {
            throw new UserError(look.run().file(Traces.CURVES) + ": no 'accuracy' rows to draw; the run does not score learners on "
                    + "the XOR corners.");
        }
        for (Map.Entry<String, SeedStats> e : SeedStats.byLearner(rows, "accuracy").entrySet()) {
            SeedStats st = e.getValue();
            String label = look.labelWithStops(e.getKey());
            Charts.mean(acc, label, st.clamped(0, 1), look.colour(e.getKey()), 2.2f);
            LearningCurves.markStops(acc, look, e.getKey(), label, st.clamped(0, 1), look.colour(e.getKey()));
            seeds = Math.max(seeds, st.seeds());
            xmax = Math.max(xmax, st.steps()[st.steps().length - 1]);
        }
        Map<String, SeedStats> mseStats = SeedStats.byLearner(rows, "mse");
        double mseFloor = SeedStats.logFloor(mseStats.values(), MSE_FLOOR);
        mse.getStyler().setYAxisMin(mseFloor);
        for (Map.Entry<String, SeedStats> e : mseStats.entrySet()) {
            String label = look.labelWithStops(e.getKey());
            Charts.mean(mse, label, e.getValue().floored(mseFloor), look.colour(e.getKey()), 2.2f);
            LearningCurves.markStops(mse, look, e.getKey(), label, e.getValue().floored(mseFloor), look.colour(e.getKey()));
        }
        double[] ends = {0, xmax};
        Charts.dashed(acc, "best any single layer can do (3 of 4)", ends, new double[] {0.75, 0.75}, Palette.GREY, true);
        Charts.dashed(mse, "least-squares plane (0.5 everywhere)", ends, new double[] {0.25, 0.25}, Palette.GREY, true);
        acc.getStyler().setYAxisMin(0.0);
        acc.getStyler().setYAxisMax(1.05);
        acc.getStyler().setYAxisDecimalPattern("0.00");
        acc.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        mse.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        String title = "XOR: one layer of synapses cannot learn it, one hidden layer trained by backprop can";
        String subtitle = "Same noisy samples in the same order for every learner; " + SeedStats.caption(seeds)
                + "; scored on the four exact corners";
        return new PanelFigure(title, subtitle, List.of(acc, mse), 1, 920, 320);
    }


    /** One learner's outputs on the grid. */
    private record Grid(double[] xs, double[] ys, double[][] out) {}

    /** The decision regions: one panel per learner, the corners marked. */
    static PanelFigure boundaries(Look look) {
        RunFolder run = look.run();
        Map<String, Grid> grids = new LinkedHashMap<>();
        long seed = readGrids(run.file(BOUNDARY), grids);
        double[][] points = readPoints(run.file(POINTS));
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> r.seed() == seed && r.metric().equals("accuracy"));
        Map<String, TraceRow> last = new LinkedHashMap<>();
        long steps = 0;
        for (TraceRow r : rows) {
            TraceRow prev = last.get(r.learner());
            if (prev == null || r.step() >= prev.step()) {
                last.put(r.learner(), r);
            }
            steps = Math.max(steps, r.step());
        }
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, Grid> e : grids.entrySet()) {
            String learner = e.getKey();
            TraceRow acc = last.get(learner);
            String right = acc == null ? "" : String.format(Locale.ROOT, ": %d of 4 right", Math.round(acc.value() * 4));
            XYChart c = Charts.panel(look.label(learner) + right, "input x1 (a.u.)", "input x2 (a.u.)");
            Color col = look.colour(learner);
            region(c, e.getValue(), Palette.tint(col, 0.3));
            contour(c, e.getValue(), col);
            corners(c, points);
            Grid g = e.getValue();
            c.getStyler().setXAxisMin(g.xs()[0]);
            c.getStyler().setXAxisMax(g.xs()[g.xs().length - 1]);
            c.getStyler().setYAxisMin(g.ys()[0]);
            c.getStyler().setYAxisMax(g.ys()[g.ys().length - 1]);
            c.getStyler().setXAxisDecimalPattern("0.0");
            c.getStyler().setYAxisDecimalPattern("0.0");
            c.getStyler().setXAxisTickMarkSpacingHint(70);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            c.getStyler().setMarkerSize(11);
            panels.add(c);
        }
        String title = "Decision regions after " + String.format(Locale.ROOT, "%,d", steps) + " presentations: where each learner answers 1";
        String subtitle = "Shaded: output \u2265 " + THRESHOLD + " (answer 1); line: output = " + THRESHOLD + "; seed " + seed;
        return new PanelFigure(title, subtitle, panels, 2, 500, 500);
    }

    /** The cells where the learner answers 1, as opaque rectangles, one per run of cells in a row. */
    private static void region(XYChart c, Grid g, Color fill) {
        double hx = (g.xs()[1] - g.xs()[0]) / 2;
        double hy = (g.ys()[1] - g.ys()[0]) / 2;
        int runs = 0;
        for (int i = 0; i < g.ys().length; i++) {
            int j = 0;
            while (j < g.xs().length) {
                if (g.out()[i][j] < THRESHOLD) {
                    j++;
                    continue;
                }
                int start = j;
                while (j < g.xs().length && g.out()[i][j] >= THRESHOLD) {
                    j++;
                }
                double x0 = Math.max(g.xs()[start] - hx, g.xs()[0]);
                double x1 = Math.min(g.xs()[j - 1] + hx, g.xs()[g.xs().length - 1]);
                // rows overlap by a fraction of a cell so that no seam shows between them
                double y0 = Math.max(g.ys()[i] - hy, g.ys()[0]);
                double y1 = Math.min(g.ys()[i] + 1.5 * hy, g.ys()[g.ys().length - 1]);
                XYSeries s = c.addSeries("answers 1 #" + runs, new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                s.setFillColor(fill);
                s.setLineColor(new Color(0, 0, 0, 0));
                s.setLineWidth(0f);
                s.setMarker(SeriesMarkers.NONE);
                s.setShowInLegend(runs == 0);
                if (runs == 0) {
                    s.setLabel("answers 1");
                }
                runs++;
            }
        }
    }

    /**
     * The level set output = THRESHOLD by marching squares, as one line broken by NaN between
     * segments.
     */
    private static void contour(XYChart c, Grid g, Color colour) {
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        for (double[] seg : ContourFigure.isoSegments(g.xs(), g.ys(), g.out(), THRESHOLD)) {
            px.add(seg[0]);
            py.add(seg[1]);
            px.add(seg[2]);
            py.add(seg[3]);
            px.add(Double.NaN);
            py.add(Double.NaN);
        }
        if (px.isEmpty()) {
            return;
        }
        XYSeries s = Charts.line(c, "output = " + THRESHOLD, px.stream().mapToDouble(Double::doubleValue).toArray(),
                py.stream().mapToDouble(Double::doubleValue).toArray(), colour, 2.5f);
        s.setShowInLegend(true);
    }

    private static void corners(XYChart c, double[][] points) {
        for (int target = 1; target >= 0; target--) {
            List<double[]> pts = new ArrayList<>();
            for (double[] p : points) {
                if (p[2] == target) {
                    pts.add(p);
                }
            }
            XYSeries s = c.addSeries("XOR = " + target, pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(target == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.CROSS);
            s.setMarkerColor(INK);
        }
    }

    /** Reads boundary.csv into one grid per learner; returns the seed. */
    private static long readGrids(Path file, Map<String, Grid> out) {
        Map<String, TreeMap<Double, TreeMap<Double, Double>>> byLearner = new LinkedHashMap<>();
        long seed = -1;
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(0).equals("learner,seed,x1,x2,output,class")) {
                throw new UserError(file + ":1: the header must be 'learner,seed,x1,x2,output,class'.");
            }
            for (int n = 1; n < lines.size(); n++) {
                String[] f = lines.get(n).split(",");
                try {
                    seed = Long.parseLong(f[1]);
                    byLearner.computeIfAbsent(f[0], k -> new TreeMap<>()).computeIfAbsent(Double.parseDouble(f[3]), k -> new TreeMap<>())
                            .put(Double.parseDouble(f[2]), Double.parseDouble(f[4]));
                } catch (RuntimeException e) {
                    throw new UserError(file + ":" + (n + 1) + ": malformed row '" + lines.get(n) + "'.");
                }
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the decision grid (" + e.getMessage() + ").", e);
        }
        for (Map.Entry<String, TreeMap<Double, TreeMap<Double, Double>>> e : byLearner.entrySet()) {
            double[] ys = e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
            TreeSet<Double> xset = new TreeSet<>(e.getValue().firstEntry().getValue().keySet());
            double[] xs = xset.stream().mapToDouble(Double::doubleValue).toArray();
            double[][] v = new double[ys.length][xs.length];
            int i = 0;
            for (TreeMap<Double, Double> row : e.getValue().values()) {
                if (row.size() != xs.length) {
                    throw new UserError(file + ": the grid of '" + e.getKey() + "' is not square.");
                }
                int j = 0;
                for (double val : row.values()) {
                    v[i][j++] = val;
                }
                i++;
            }
            out.put(e.getKey(), new Grid(xs, ys, v));
        }
        if (out.isEmpty()) {
            throw new UserError(file + ": no grid to draw.");
        }
        return seed;
    }

    private static double[][] readPoints(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            double[][] p = new double[lines.size() - 1][];
            for (int n = 1; n < lines.size(); n++) {
                String[] f = lines.get(n).split(",");
                p[n - 1] = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            }
            return p;
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": cannot read the corners (" + e.getMessage() + ").");
        }
    }
}
