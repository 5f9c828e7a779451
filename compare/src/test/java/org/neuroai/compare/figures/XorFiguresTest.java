package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.Runner;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** Checks the data and labels behind the xor figures (never their pixels). */
class XorFiguresTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("xor");
        Runner.run(new RunSpec("xor", 2, 0, true, Map.of("steps", "400", "eval_every", "50", "grid", "21"), "test"), run);
    }

    private static Set<String> legend(XYChart c) {
        return c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getLabel).collect(Collectors.toSet());
    }

    @Test
    void learningCurvesShowEveryLearnerWithTheSingleLayerCeiling() {
        PanelFigure f = XorFigures.curves(Look.of(RunFolder.open(run)));
        assertEquals(2, f.panels().size());
        XYChart acc = f.panels().get(0);
        Set<String> learners = Set.of("supervised Hebb (bio, 1 linear unit)", "perceptron (bio, 1 threshold unit)",
                "delta rule (bio, 1 linear unit)", "MLP by backprop (gradient, 8 hidden)");
        assertTrue(legend(acc).containsAll(learners), legend(acc).toString());
        assertTrue(legend(acc).contains("best any single layer can do (3 of 4)"));
        assertEquals(Set.of("delta rule (bio, 1 linear unit)", "MLP by backprop (gradient, 8 hidden)",
                "least-squares plane (0.5 everywhere)"), legend(f.panels().get(1)), "squared error only where the output estimates the target");
        // the mean line is the mean over the two seeds of curves.csv, at every checkpoint 0, 50, ..., 400
        XYSeries mlp = acc.getSeries("MLP by backprop (gradient, 8 hidden)");
        assertEquals(9, mlp.getXData().length);
        List<TraceRow> last = TraceReader.read(run.resolve("curves.csv"),
                r -> r.learner().equals("mlp") && r.metric().equals("accuracy") && r.step() == 400);
        assertEquals(2, last.size());
        assertEquals((last.get(0).value() + last.get(1).value()) / 2, mlp.getYData()[8], 1e-12);
        assertEquals(0.75, acc.getSeries("best any single layer can do (3 of 4)").getYData()[0]);
        for (XYChart c : f.panels()) {
            assertTrue(c.getYAxisTitle().contains("("), c.getYAxisTitle());
            assertTrue(c.getXAxisTitle().startsWith("presentations"));
        }
        assertTrue(f.subtitle().contains("2 seeds"), f.subtitle());
    }

    @Test
    void decisionRegionsHaveOnePanelPerLearnerWithTheCornersAndTheFirstSeedsScore() {
        PanelFigure f = XorFigures.boundaries(Look.of(RunFolder.open(run)));
        assertEquals(4, f.panels().size());
        List<TraceRow> finals = TraceReader.read(run.resolve("curves.csv"),
                r -> r.seed() == 0 && r.step() == 400 && r.metric().equals("accuracy"));
        String[] learners = {"hebb", "perceptron", "delta", "mlp"};
        for (int i = 0; i < 4; i++) {
            XYChart c = f.panels().get(i);
            String learner = learners[i];
            assertTrue(c.getTitle().startsWith(LearnersFile.read(run).get(learner).label()), c.getTitle());
            long right = Math.round(finals.stream().filter(r -> r.learner().equals(learner)).findFirst().orElseThrow().value() * 4);
            assertTrue(c.getTitle().endsWith(right + " of 4 right"), c.getTitle());
            XYSeries ones = c.getSeries("XOR = 1");
            XYSeries zeros = c.getSeries("XOR = 0");
            assertEquals(List.of(0.0, 1.0), List.of(ones.getXData()[0], ones.getXData()[1]));
            assertEquals(List.of(1.0, 0.0), List.of(ones.getYData()[0], ones.getYData()[1]));
            assertEquals(List.of(0.0, 1.0), List.of(zeros.getXData()[0], zeros.getXData()[1]));
            assertEquals(List.of(0.0, 1.0), List.of(zeros.getYData()[0], zeros.getYData()[1]));
            assertTrue(c.getXAxisTitle().contains("(") && c.getYAxisTitle().contains("("));
        }
        // the MLP has a boundary in the square, and every point of it lies within the grid
        XYSeries contour = f.panels().get(3).getSeries("output = 0.5");
        double[] xs = contour.getXData();
        assertTrue(xs.length > 10);
        for (double x : xs) {
            assertTrue(Double.isNaN(x) || (x >= -0.5 && x <= 1.5));
        }
        assertTrue(legend(f.panels().get(3)).contains("answers 1"));
        assertFalse(f.subtitle().isBlank());
    }
}
