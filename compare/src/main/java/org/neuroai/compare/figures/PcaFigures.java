package org.neuroai.compare.figures;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.knowm.xchart.style.Styler;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of principal subspace learning ({@code pca}), drawn from a finished run's files only
 * ({@code curves.csv}, {@code weights.csv}, {@code principal_axes.csv}, learners.csv and the task's
 * spectrum in the provenance), so they can be redrawn without training again.
 */
public final class PcaFigures {
    /** The file of the true principal axes: {@code axis,index,value}. */
    public static final String AXES = "principal_axes.csv";
    /** Where the provenance keeps the task's covariance spectrum. */
    public static final String EIGENVALUES = "/task/eigenvalues";

    private PcaFigures() {}

    /** The learning curves: angle, held-out reconstruction error, weight norm. */
    public static final class Curves implements Figure {
        @Override
        public String name() {
            return "pca-curves";
        }

        @Override
        public String description() {
            return "principal angle, held-out reconstruction error and weight norm against presentations, with the best possible errors";
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
            return "Learning curves: principal angle, reconstruction error and weight norm, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return curves(Look.of(run), eigenvalues(run));
        }
    }

    /** The first unit's weight vector along the true principal axes. */
    public static final class Weights implements Figure {
        @Override
        public String name() {
            return "pca-weights";
        }

        @Override
        public String description() {
            return "each learner's first unit's weight vector along the true principal axes, over presentations (first seed)";
        }

        @Override
        public String file() {
            return "weight_dynamics";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.WEIGHTS, AXES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Weight dynamics: the first unit's weight vector along the true principal axes";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return weights(Look.of(run), run.firstSeed());
        }
    }

    /** The task's covariance spectrum, from the provenance. */
    static double[] eigenvalues(RunFolder run) {
        com.fasterxml.jackson.databind.JsonNode eig = run.provenance().at(EIGENVALUES);
        if (!eig.isArray() || eig.isEmpty()) {
            throw new UserError(run.file(RunFolder.PROVENANCE) + ": no '" + EIGENVALUES.substring(1).replace('/', '.')
                    + "'; the run's task has no known covariance spectrum.");
        }
        double[] values = new double[eig.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = eig.get(i).asDouble();
        }
        return values;
    }

    /**
     * The learning-curve figure: angle, held-out reconstruction error, weight norm.
     *
     * @param look the run's look
     * @param eigenvalues the task's covariance spectrum, for the optimal-reconstruction references
     * @return the figure
     */
    static PanelFigure curves(Look look, double[] eigenvalues) {
        RunFolder run = look.run();
        int k = run.setting("k").asInt();
        String taskName = run.setting("task").asText();
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> true);
        if (rows.stream().noneMatch(r -> r.metric().equals("principal_angle_deg"))) {
            throw new UserError(run.file(Traces.CURVES) + ": no 'principal_angle_deg' rows to draw; the run does not measure "
                    + "principal subspaces.");
        }
        String x = "presentations (samples seen)";
        XYChart angle = Charts.panel("Largest principal angle to the true top-m subspace (m = units)", x, "angle (degrees, log scale)");
        angle.getStyler().setYAxisLogarithmic(true);
        XYChart mse = Charts.panel("Reconstruction error on held-out samples", x, "MSE per input dimension (input units²)");
        XYChart norm = Charts.panel("Mean norm of a unit's weight vector", x, "||w|| (dimensionless)");
        int seeds = 0;
        double xmax = 0;
        double angleFloor = SeedStats.logFloor(SeedStats.byLearner(rows, "principal_angle_deg").values(), 1e-2);
        angle.getStyler().setYAxisMin(angleFloor);
        for (XYChart[] pm : new XYChart[][] {{angle}, {mse}, {norm}}) {
            XYChart c = pm[0];
            String metric = c == angle ? "principal_angle_deg" : c == mse ? "reconstruction_mse" : "weight_norm";
            Map<String, SeedStats> stats = SeedStats.byLearner(rows, metric);
            for (Map.Entry<String, SeedStats> e : stats.entrySet()) {
                SeedStats st = c == angle ? e.getValue().floored(angleFloor) : e.getValue();
                String label = look.labelWithStops(e.getKey());
                Charts.mean(c, label, st, look.colour(e.getKey()), 2.2f);
                LearningCurves.markStops(c, look, e.getKey(), label, st, look.colour(e.getKey()));
                seeds = Math.max(seeds, st.seeds());
                xmax = Math.max(xmax, st.steps()[st.steps().length - 1]);
            }
        }
        double[] ends = {0, xmax};
        int d = eigenvalues.length;
        Charts.dashed(mse, "best possible, top-1 PCA", ends, twice(tail(eigenvalues, 1) / d), new Color(0x0072B2), true);
        Charts.dashed(mse, "best possible, top-" + k + " PCA", ends, twice(tail(eigenvalues, k) / d), new Color(0x555555), true);
        Charts.dashed(norm, "unit norm", ends, twice(1.0), new Color(0x555555), false);
        angle.getStyler().setLegendVisible(true);
        mse.getStyler().setLegendVisible(true);
        norm.getStyler().setLegendVisible(false);
        mse.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        String title = "Learning the principal subspace of '" + taskName + "': Hebbian rules vs gradient descent";
        String subtitle = "Same samples in the same order for every learner; " + SeedStats.caption(seeds);
        return new PanelFigure(title, subtitle, List.of(angle, mse, norm), 1, 900, 300);
    }

    private static double tail(double[] eig, int from) {
        double s = 0;
        for (int i = from; i < eig.length; i++) {
            s += eig[i];
        }
        return s;
    }

    private static double[] twice(double v) {
        return new double[] {v, v};
    }


    /**
     * The weight-dynamics figure: for each learner, its first unit's weight vector expressed along
     * the true principal axes (w·u_1 ... w·u_k) and the norm of what lies outside them.
     *
     * @param look the run's look
     * @param seed the seed whose weights are drawn
     * @return the figure
     */
    static PanelFigure weights(Look look, long seed) {
        RunFolder run = look.run();
        String taskName = run.setting("task").asText();
        double[][] axes = readAxes(run.file(AXES));
        int d = axes[0].length;
        List<TraceRow> rows = TraceReader.read(run.file(Traces.WEIGHTS),
                r -> r.seed() == seed && r.metric().equals("w") && r.index() < d);
        Map<String, TreeMap<Long, double[]>> unit0 = new java.util.LinkedHashMap<>();
        for (TraceRow r : rows) {
            unit0.computeIfAbsent(r.learner(), l -> new TreeMap<>()).computeIfAbsent(r.step(), s -> new double[d])[r.index()] = r.value();
        }
        if (unit0.isEmpty()) {
            throw new UserError(run.file(Traces.WEIGHTS) + ": no weights of seed " + seed + " to draw.");
        }
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, double[]>> e : unit0.entrySet()) {
            int n = e.getValue().size();
            double[] steps = new double[n];
            double[][] along = new double[axes.length][n];
            double[] outside = new double[n];
            int i = 0;
            for (Map.Entry<Long, double[]> s : e.getValue().entrySet()) {
                steps[i] = s.getKey();
                double[] w = s.getValue();
                double in2 = 0;
                for (int a = 0; a < axes.length; a++) {
                    double p = 0;
                    for (int j = 0; j < d; j++) {
                        p += w[j] * axes[a][j];
                    }
                    along[a][i] = p;
                    in2 += p * p;
                }
                double w2 = 0;
                for (double v : w) {
                    w2 += v * v;
                }
                outside[i] = Math.sqrt(Math.max(0, w2 - in2));
                i++;
            }
            XYChart c = Charts.panel(look.label(e.getKey()) + ": unit 1", "presentations (samples seen)",
                    "component (dimensionless)");
            for (int a = 0; a < axes.length; a++) {
                Charts.line(c, "along principal axis " + (a + 1), steps, along[a], Palette.SERIES[a % Palette.SERIES.length], 2f);
            }
            Charts.line(c, "norm outside the top-" + axes.length + " axes", steps, outside, Palette.GREY, 2f);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            panels.add(c);
        }
        String title = "Weight dynamics on '" + taskName + "': the first unit's weight vector in the true principal axes";
        String subtitle = "Components w\u00b7u_i along the top-" + axes.length + " eigenvectors u_i of the input covariance, and the norm of the rest (seed "
                + seed + ")";
        return new PanelFigure(title, subtitle, panels, 1, 900, 260);
    }

    private static double[][] readAxes(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            Map<Integer, Map<Integer, Double>> m = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                m.computeIfAbsent(Integer.parseInt(f[0]), a -> new TreeMap<>()).put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
            }
            double[][] axes = new double[m.size()][];
            int a = 0;
            for (Map<Integer, Double> row : m.values()) {
                axes[a++] = row.values().stream().mapToDouble(Double::doubleValue).toArray();
            }
            return axes;
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": cannot read the principal axes (" + e.getMessage() + ").");
        }
    }
}
