package org.neuroai.compare.figures;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.ReferenceLines;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.Fields;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.compare.measures.TestAccuracy;
import org.neuroai.compare.measures.TrainingProgress;
import org.neuroai.compare.measures.UnitsOnSphere;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The learning curves of a run that trains classifiers on images in epochs, some of them after
 * an unsupervised phase of competing hidden units (registered as {@code mnist-curves}, drawn by
 * the MNIST experiment): test accuracy against epochs and against each learner's own training time, and
 * how the competing units reach the unit p-sphere during their unsupervised phase. Drawn from
 * {@code curves.csv} and learners.csv (and {@code baselines.csv}, Tribuo's linear classifiers as
 * dashed lines, when the run has it); which learner had an unsupervised phase, and how long, is
 * read from the {@value UnitsOnSphere#NAME} rows.
 */
public final class MnistFigures {
    private MnistFigures() {}

    /** The learning-curve figure. */
    public static final class Curves implements Figure {
        @Override
        public String name() {
            return "mnist-curves";
        }

        @Override
        public String description() {
            return "test accuracy against epochs and against training time, and the hidden units that reach the unit p-sphere "
                    + "during an unsupervised phase, with Tribuo's linear classifiers dashed";
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
            return "Test accuracy against epochs and training time, and the units that reach the unit p-sphere during the "
                    + "unsupervised phase, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return curves(Look.of(run));
        }
    }

    /**
     * The learning curves: test accuracy against epochs and against training time, and how the
     * hidden units of each learner with an unsupervised phase reach the unit p-sphere during it.
     *
     * @param look the run's look (a run in epochs)
     * @return the figure
     */
    static PanelFigure curves(Look look) {
        RunFolder run = look.run();
        if (!look.inEpochs()) {
            throw new UserError(run.file(RunFolder.PROVENANCE) + ": the run does not count its steps in epochs; this figure draws "
                    + "learners trained in epochs over a fixed training set.");
        }
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> true);
        Map<String, SeedStats> accuracy = SeedStats.byLearner(rows, TestAccuracy.NAME);
        Map<String, SeedStats> wall = SeedStats.byLearner(rows, TrainingProgress.WALL_SECONDS);
        Map<String, SeedStats> sphere = SeedStats.byLearner(rows, UnitsOnSphere.NAME);
        if (accuracy.isEmpty()) {
            throw new UserError(run.file(Traces.CURVES) + ": no " + TestAccuracy.NAME + " rows to draw.");
        }
        String epochs = "epochs (passes through the " + String.format("%,d", run.epochSize()) + " training images)";
        XYChart byEpoch = Charts.panel("Test accuracy after each epoch", epochs, "test accuracy (%)");
        XYChart byTime = Charts.panel("Test accuracy against the time spent training", "training wall time (s)",
                "test accuracy (%)");
        double lowest = 100;
        int seeds = 0;
        double lastEpoch = 0;
        for (Map.Entry<String, SeedStats> e : accuracy.entrySet()) {
            String learner = e.getKey();
            SeedStats st = e.getValue();
            Color c = look.colour(learner);
            SeedStats pct = st.scaled(1, 100).clamped(0, 100);
            Charts.mean(byEpoch, look.labelWithStops(learner), pct.mapSteps(look::x), c, 2.2f);
            SeedStats seconds = wall.get(learner);
            if (seconds == null) {
                throw new UserError(run.file(Traces.CURVES) + ": no " + TrainingProgress.WALL_SECONDS + " rows of learner '" + learner
                        + "' to place its accuracy in time.");
            }
            Charts.mean(byTime, look.labelWithStops(learner), new SeedStats(at(seconds, st.steps(), run), pct.mean(), pct.low(), pct.high(),
                    pct.min(), pct.max(), pct.seeds()), c, 2.2f);
            for (double v : st.low()) {
                lowest = Math.min(lowest, 100 * v);
            }
            seeds = Math.max(seeds, st.seeds());
            lastEpoch = Math.max(lastEpoch, look.x(st.steps()[st.steps().length - 1]));
        }
        for (SeedStats st : sphere.values()) {
            lastEpoch = Math.max(lastEpoch, look.x(st.steps()[st.steps().length - 1]));
        }
        double lastSecond = 0;
        for (SeedStats st : wall.values()) {
            for (double v : st.mean()) {
                lastSecond = Math.max(lastSecond, v);
            }
        }
        Path baselines = run.file(TribuoBaselines.FILE);
        boolean references = run.has(TribuoBaselines.FILE);
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
        if (!sphere.isEmpty()) {
            int hidden = run.provenance().at(Fields.LAYER_UNITS).asInt(0);
            XYChart units = Charts.panel("Unsupervised phase: hidden units that reach the unit p-sphere", epochs,
                    "units with |‖W‖_p − 1| < 1 % (%" + (hidden > 0 ? " of " + hidden : "") + ")");
            for (Map.Entry<String, SeedStats> e : sphere.entrySet()) {
                String learner = e.getKey();
                SeedStats st = e.getValue();
                // the phase lasts until the learner's last units_on_sphere row
                double phaseEnd = look.x(st.steps()[st.steps().length - 1]);
                XYSeries phase = Charts.band(byEpoch, learner + "'s unsupervised phase",
                        new double[] {0, phaseEnd}, new double[] {floor, floor}, new double[] {100, 100}, Palette.GREY);
                Color tint = look.colour(learner);
                phase.setFillColor(new Color(tint.getRed(), tint.getGreen(), tint.getBlue(), 24));
                phase.setShowInLegend(true);
                Charts.mean(units, look.labelWithStops(learner), st.scaled(1, 100).clamped(0, 100).mapSteps(look::x), look.colour(learner), 2.2f);
            }
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
        String shape = run.provenance().at("/architecture").asText("");
        String title = "MNIST" + (shape.isEmpty() ? "" : ", " + shape) + ": test accuracy of each way of training the hidden layer";
        String subtitle = "Same images in the same order for every learner; " + SeedStats.caption(seeds)
                + "; time counts training only, not testing" + (references ? "; dashed: Tribuo's linear models on the same images" : "");
        return new PanelFigure(title, subtitle, panels, 1, 900, references ? 430 : 330);
    }

    /** The mean of {@code stats} at each of {@code steps} (every one must be among its steps). */
    private static double[] at(SeedStats stats, double[] steps, RunFolder run) {
        Map<Double, Double> byStep = new LinkedHashMap<>();
        for (int i = 0; i < stats.steps().length; i++) {
            byStep.put(stats.steps()[i], stats.mean()[i]);
        }
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            Double v = byStep.get(steps[i]);
            if (v == null) {
                throw new UserError(run.file(Traces.CURVES) + ": no " + TrainingProgress.WALL_SECONDS + " at step " + (long) steps[i]
                        + " to place the accuracy there.");
            }
            out[i] = v;
        }
        return out;
    }
}
