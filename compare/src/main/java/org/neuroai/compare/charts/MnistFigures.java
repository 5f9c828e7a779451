package org.neuroai.compare.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of the {@code mnist-local-vs-backprop} experiment, drawn from a finished run's
 * {@code curves.csv} and {@code weights.csv} only, so they can be redrawn without training again.
 */
public final class MnistFigures {
    /** Base name of the learning-curve figure. */
    public static final String CURVES = "learning_curves";
    /** Base name of the receptive-field figure. */
    public static final String FIELDS = "receptive_fields";
    /** The learner whose hidden layer learns by the local rule. */
    public static final String LOCAL = "local";
    /** The learner trained end to end by backpropagation. */
    public static final String BACKPROP = "backprop";
    /**
     * The run's Tribuo baselines (written by the experiment, read when the figure is drawn), drawn
     * as dashed reference lines when present.
     */
    public static final String BASELINES = org.neuroai.ann.baselines.TribuoBaselines.FILE;

    private MnistFigures() {}

    /** How a learner is named in legends and labels. */
    static String label(String learner) {
        return switch (learner) {
            case LOCAL -> "local: Krotov-Hopfield rule, then readout";
            case BACKPROP -> "backpropagation, end to end";
            default -> learner;
        };
    }

    static Family family(String learner) {
        return learner.equals(LOCAL) ? Family.BIO : Family.GRADIENT;
    }

    /**
     * Draws both figures into {@code dir}.
     *
     * @param dir a finished run's folder
     * @param trainSize training images per epoch, to turn presentations into epochs
     * @param hidden hidden units, for titles
     * @param seed the seed whose weights are drawn
     * @throws IOException when a figure cannot be written
     */
    public static void draw(Path dir, int trainSize, int hidden, long seed) throws IOException {
        curves(dir, trainSize, hidden).save(dir, CURVES);
        receptiveFields(dir, hidden, seed).save(dir, FIELDS);
    }

    /**
     * The learning curves: test accuracy against epochs and against training time, and how the
     * hidden units of the local learner reach the unit p-sphere during its unsupervised phase.
     */
    public static Figure curves(Path dir, int trainSize, int hidden) {
        List<TraceRow> rows = TraceReader.read(dir.resolve("curves.csv"), r -> true);
        Map<String, SeedStats> accuracy = SeedStats.byLearner(rows, "test_accuracy");
        Map<String, SeedStats> wall = SeedStats.byLearner(rows, "wall_seconds");
        SeedStats sphere = SeedStats.byLearner(rows, "units_on_sphere").get(LOCAL);
        if (accuracy.isEmpty()) {
            throw new UserError(dir.resolve("curves.csv") + ": no test_accuracy rows to draw.");
        }
        String epochs = "epochs (passes through the " + String.format("%,d", trainSize) + " training images)";
        XYChart byEpoch = Charts.panel("Test accuracy after each epoch", epochs, "test accuracy (%)");
        XYChart byTime = Charts.panel("Test accuracy against the time spent training", "training wall time (s)",
                "test accuracy (%)");
        double lowest = 100;
        int seeds = 0;
        double lastEpoch = 0;
        for (Map.Entry<String, SeedStats> e : accuracy.entrySet()) {
            SeedStats st = e.getValue();
            double[] x = scale(st.steps(), 1.0 / trainSize);
            Color c = Palette.of(e.getKey(), family(e.getKey()));
            Charts.mean(byEpoch, label(e.getKey()), st.scaled(1.0 / trainSize, 100).clamped(0, 100), c, 2.2f);
            SeedStats pct = st.scaled(1, 100).clamped(0, 100);
            Charts.mean(byTime, label(e.getKey()), new SeedStats(at(wall.get(e.getKey()), st.steps()), pct.mean(), pct.low(), pct.high(),
                    pct.min(), pct.max(), pct.seeds()), c, 2.2f);
            for (double v : st.low()) {
                lowest = Math.min(lowest, 100 * v);
            }
            seeds = Math.max(seeds, st.seeds());
            lastEpoch = Math.max(lastEpoch, x[x.length - 1]);
        }
        double lastSecond = 0;
        for (SeedStats st : wall.values()) {
            for (double v : st.mean()) {
                lastSecond = Math.max(lastSecond, v);
            }
        }
        Path baselines = dir.resolve(BASELINES);
        boolean references = Files.isRegularFile(baselines);
        if (references) {
            List<ReferenceLines.Reference> refs = ReferenceLines.tribuoAccuracy(baselines);
            ReferenceLines.draw(byEpoch, refs, 0, lastEpoch, 100, "%");
            ReferenceLines.draw(byTime, refs, 0, lastSecond, 100, "%");
            for (ReferenceLines.Reference r : refs) {
                lowest = Math.min(lowest, 100 * r.value());
            }
        }
        double floor = Math.max(0, Math.min(95, 5 * Math.floor((lowest - 0.5) / 5)));
        List<XYChart> panels = new ArrayList<>(List.of(byEpoch, byTime));
        if (sphere != null) {
            double phaseEnd = sphere.steps()[sphere.steps().length - 1] / (double) trainSize;
            XYSeries phase = Charts.band(byEpoch, "local's unsupervised phase",
                    new double[] {0, phaseEnd}, new double[] {floor, floor}, new double[] {100, 100}, Palette.GREY);
            Color tint = Palette.of(LOCAL, Family.BIO);
            phase.setFillColor(new Color(tint.getRed(), tint.getGreen(), tint.getBlue(), 24));
            phase.setShowInLegend(true);
            XYChart units = Charts.panel("Local learner's unsupervised phase: hidden units that reach the unit p-sphere", epochs,
                    "units with |‖W‖_p − 1| < 1 % (% of " + hidden + ")");
            Charts.mean(units, "Krotov-Hopfield rule (" + hidden + " hidden units)", sphere.scaled(1.0 / trainSize, 100).clamped(0, 100),
                    Palette.of(LOCAL, Family.BIO), 2.2f);
            units.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
            units.getStyler().setXAxisMin(0.0).setXAxisMax(lastEpoch);
            units.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            panels.add(units);
        }
        for (XYChart c : List.of(byEpoch, byTime)) {
            c.getStyler().setYAxisMin(floor).setYAxisMax(100.0);
            c.getStyler().setYAxisDecimalPattern("0.#");
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            // with the reference lines the legend no longer fits on one line: one entry per line below the panel
            c.getStyler().setLegendLayout(references ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        }
        byEpoch.getStyler().setXAxisMin(0.0).setXAxisMax(lastEpoch);
        byTime.getStyler().setXAxisMin(0.0);
        String title = "MNIST, 784-" + hidden + "-10: hidden layer learned by a local rule vs by backpropagation";
        String subtitle = "Same images in the same order for both; " + SeedStats.caption(seeds) + "; time counts training only, not testing"
                + (references ? "; dashed: Tribuo's linear models on the same images" : "");
        return new Figure(title, subtitle, panels, 1, 900, references ? 430 : 330);
    }

    /** The mean of {@code stats} at each of {@code steps} (every one must be among its steps). */
    private static double[] at(SeedStats stats, double[] steps) {
        Map<Double, Double> byStep = new LinkedHashMap<>();
        for (int i = 0; i < stats.steps().length; i++) {
            byStep.put(stats.steps()[i], stats.mean()[i]);
        }
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            Double v = byStep.get(steps[i]);
            if (v == null) {
                throw new UserError("curves.csv: no wall_seconds at step " + (long) steps[i] + " to place the accuracy there.");
            }
            out[i] = v;
        }
        return out;
    }

    private static double[] scale(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    /**
     * The receptive fields of the hidden units in {@code weights.csv} (the first units of each
     * learner, at its last recorded step), as 28x28 tiles, local learner on the left.
     */
    public static TileGridFigure receptiveFields(Path dir, int hidden, long seed) {
        List<TraceRow> rows = TraceReader.read(dir.resolve("weights.csv"), r -> r.seed() == seed && r.metric().equals("w"));
        Map<String, Long> last = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            last.merge(r.learner(), r.step(), Math::max);
            count.merge(r.learner(), r.index() + 1, Math::max);
        }
        if (last.isEmpty()) {
            throw new UserError(dir.resolve("weights.csv") + ": no weights of seed " + seed + " to draw.");
        }
        int pixels = 784;
        int side = 28;
        List<TileGridFigure.Grid> grids = new ArrayList<>();
        int units = 0;
        for (String learner : List.of(LOCAL, BACKPROP)) {
            if (!last.containsKey(learner)) {
                continue;
            }
            int n = count.get(learner) / pixels;
            double[][] tiles = new double[n][pixels];
            for (TraceRow r : rows) {
                if (r.learner().equals(learner) && r.step() == last.get(learner) && r.index() < n * pixels) {
                    tiles[r.index() / pixels][r.index() % pixels] = r.value();
                }
            }
            grids.add(new TileGridFigure.Grid(learner.equals(LOCAL) ? "Krotov-Hopfield rule (local, no labels)"
                    : "backpropagation (end to end)", tiles, side));
            units = Math.max(units, n);
        }
        String which = units == hidden ? "all " + hidden : "the first " + units + " of " + hidden;
        String title = "Receptive fields of " + which + " hidden units after training";
        String subtitle = "Each tile: one hidden unit's weights from the 28x28 pixels; blue negative, red positive (seed " + seed + ")";
        return new TileGridFigure(title, subtitle, grids, (int) Math.ceil(Math.sqrt(units)));
    }
}
