package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.Runner;
import org.neuroai.compare.engine.Stats;
import org.neuroai.compare.figures.Look;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.measures.GradientAlignment;
import org.neuroai.compare.alignment.SquaredError;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.figures.GradientAlignmentFigure;
import org.neuroai.core.Batch;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import org.neuroai.core.tasks.LinearTeacherTask;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

class GradientAlignmentExperimentTest {
    private static final String NAME = "gradient-alignment";
    private static final Map<String, Object> SMALL = Map.of("steps", "300", "eval_every", "50", "eval_batch", "200",
            "digits.epochs", "1", "digits.eval_every", "360", "local.hidden", "12");

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("ga");
        Runner.run(new RunSpec(NAME, 2, 0, true, SMALL, "test"), run);
    }

    private static List<TraceRow> rows(Path dir, String learner, String metric) {
        return TraceReader.read(dir.resolve("curves.csv"), r -> r.learner().equals(learner) && r.metric().equals(metric));
    }

    @Test
    void onItsOwnBatchTheDeltaRuleIsGradientDescentAndSoIsSgdWhileAdamIsNot() {
        for (TraceRow r : rows(run, "delta", "alignment")) {
            assertTrue(r.value() > 0.99, "delta at " + r.step() + ": " + r.value());
            assertEquals(1.0, r.value(), 1e-9, "summed over the batch at fixed weights it is −(η/2) times the gradient");
        }
        for (TraceRow r : rows(run, "sgd", "alignment")) {
            assertEquals(1.0, r.value(), 1e-5, "plain SGD, up to float rounding, at " + r.step());
        }
        List<TraceRow> adam = rows(run, "adam", "alignment");
        assertEquals(7 * 2, adam.size(), "checkpoints 0, 50, ..., 300 for 2 seeds");
        assertTrue(adam.stream().allMatch(r -> r.value() < 0.99), "Adam rescales every coordinate");
    }

    @Test
    void adamsFirstStepFromZeroIsTheSignOfTheGradient() {
        // from zero moments Adam's bias-corrected first step is −lr g/(|g| + ε) ≈ −lr sign(g), whose cosine with
        // −g is ‖g‖₁ / (√d ‖g‖₂); every learner starts at w = 0 and the evaluation batch is the run's
        LinearTeacherTask task = new LinearTeacherTask(10, 10, 0.1, 7, 10);
        for (TraceRow r : rows(run, "adam", "alignment")) {
            if (r.step() != 0) {
                continue;
            }
            Batch eval = task.stream(GradientAlignment.evaluationSeed(r.seed())).next(200);
            double[] g = SquaredError.gradient(new double[10], eval.inputs(), eval.targets())[0];
            double l1 = 0;
            double l2 = 0;
            for (double v : g) {
                l1 += Math.abs(v);
                l2 += v * v;
            }
            assertEquals(l1 / Math.sqrt(10 * l2), r.value(), 1e-4, "seed " + r.seed());
        }
    }

    @Test
    void clampedHebbStartsOnTheGradientAndTurnsAwayAsItsWeightsGrow() {
        for (long seed : new long[] {0, 1}) {
            List<TraceRow> hebb = rows(run, "hebb", "alignment").stream().filter(r -> r.seed() == seed).toList();
            assertEquals(1.0, hebb.get(0).value(), 1e-9, "at w = 0 Hebb's Σ t x is the negative gradient");
            assertTrue(hebb.get(hebb.size() - 1).value() < hebb.get(0).value() - 1e-3, hebb.toString());
        }
    }

    @Test
    void theKrotovHopfieldRuleIsRecordedAsACosineWithTheReadoutsLoss() {
        List<TraceRow> kh = rows(run, GradientAlignmentExperiment.KROTOV_HOPFIELD, "alignment");
        assertEquals(2 * 6, kh.size(), "checkpoints 0, 360, ..., 1797 for 2 seeds");
        assertTrue(kh.stream().allMatch(r -> r.value() >= -1 && r.value() <= 1), kh.toString());
        List<TraceRow> loss = rows(run, GradientAlignmentExperiment.KROTOV_HOPFIELD, "loss");
        assertTrue(loss.get(loss.size() - 1).value() < loss.get(0).value(), "the readout learns");
    }

    @Test
    void onASingleSampleTheDeltaRuleIsNoLongerTheFullBatchGradient() {
        Path one = tmp.resolve("one");
        java.util.Map<String, Object> s = new java.util.HashMap<>(SMALL);
        s.put("proposal_batch", "1");
        Runner.run(new RunSpec(NAME, 1, 0, true, s, "test"), one);
        double worst = rows(one, "delta", "alignment").stream().mapToDouble(TraceRow::value).min().orElseThrow();
        assertTrue(worst < 0.99, "one sample's change against the gradient of 200: " + worst);
    }

    @Test
    void theFigureDrawsTheMeanAndTheTIntervalOverSeedsOfEveryLearner() {
        PanelFigure f = GradientAlignmentFigure.figure(Look.of(RunFolder.open(run)));
        XYChart linear = f.panels().get(0);
        XYSeries hebb = linear.getSeriesCollection().stream().filter(s -> s.getName().equals("Hebb, output clamped")).findFirst().orElseThrow();
        List<TraceRow> rows = rows(run, "hebb", "alignment");
        double[] steps = rows.stream().mapToDouble(TraceRow::step).distinct().sorted().toArray();
        assertArrayEquals(steps, hebb.getXData(), 0);
        for (int i = 0; i < steps.length; i++) {
            long step = (long) steps[i];
            double[] v = rows.stream().filter(r -> r.step() == step).mapToDouble(TraceRow::value).toArray();
            Stats.Summary m = Stats.Summary.of(v);
            assertEquals(m.mean(), hebb.getYData()[i], 1e-12);
        }
        XYSeries band = linear.getSeriesCollection().stream().filter(s -> s.getName().equals("Adam " + org.neuroai.compare.charts.Charts.BAND)).findFirst().orElseThrow();
        List<TraceRow> adam = rows(run, "adam", "alignment");
        double[] last = adam.stream().filter(r -> r.step() == 300).mapToDouble(TraceRow::value).toArray();
        Stats.Summary m = Stats.Summary.of(last);
        int n = band.getXData().length / 2;
        assertEquals(Math.min(1, m.high()), band.getYData()[n - 1], 1e-12, "upper edge at the last step");
        assertEquals(Math.max(-1, m.low()), band.getYData()[n], 1e-12, "lower edge at the last step");
        for (XYChart c : f.panels()) {
            assertTrue(c.getYAxisTitle().contains("("), "y axis names its unit: " + c.getYAxisTitle());
            assertTrue(c.getXAxisTitle().contains("("), "x axis names its unit: " + c.getXAxisTitle());
        }
        assertTrue(f.subtitle().contains("95 % t-interval over 2 seeds"), f.subtitle());
        assertTrue(linear.getSeriesCollection().stream().anyMatch(s -> s.getName().equals("cos = 0")));
        assertTrue(linear.getSeriesCollection().stream().anyMatch(s -> s.getName().equals("cos = 1")));
        // the panels follow the run's conditions: the four regression learners beside each other, the digits apart
        assertEquals(4, f.panels().size());
        assertTrue(f.panels().get(1).getSeriesCollection().stream().anyMatch(s -> s.getName().equals("Krotov-Hopfield rule, hidden layer")));
        assertTrue(f.panels().get(1).getSeriesCollection().stream().noneMatch(s -> s.getName().equals("Adam")));
        assertTrue(linear.getSeriesCollection().stream().noneMatch(s -> s.getName().equals("Krotov-Hopfield rule, hidden layer")));
        assertTrue(Files.exists(run.resolve("gradient_alignment.png")));
        assertTrue(Files.exists(run.resolve("stats.csv")));
    }

    @Test
    void aProposalBatchLargerThanTheEvaluationBatchIsRefusedBeforeAnythingRuns() {
        UserError e = assertThrows(UserError.class, () -> Runner.run(new RunSpec(NAME, 1, 0, true,
                Map.of("eval_batch", "20", "proposal_batch", "30"), "test"), tmp.resolve("bad")));
        assertTrue(e.getMessage().contains("'proposal_batch'"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }
}
