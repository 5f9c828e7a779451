package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.Runner;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** Checks the data and labels behind the bcm-selectivity figures (never their pixels). */
class BcmFiguresTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Look look;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("bcm");
        Runner.run(new RunSpec("bcm-selectivity", 2, 0, true, Map.of("presentations", "50000", "eval_every", "2500"), "test"), run);
        look = Look.of(RunFolder.open(run));
    }

    private static Set<String> legend(XYChart c) {
        return c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).collect(Collectors.toSet());
    }

    private static double value(String metric, long seed, long step, int index) {
        return TraceReader.read(run.resolve("probes.csv"), r -> r.metric().equals(metric) && r.seed() == seed
                && r.step() == step && r.index() == index).get(0).value();
    }

    @Test
    void responsesShowEachPatternAndTheThresholdOfFourUnits() {
        PanelFigure f = BcmFigures.responses(look, 0);
        assertEquals(4, f.panels().size());
        int[] preferred = BcmFigures.seed(look, BcmFigures.read(look, new String[1]), 0).preferred();
        List<Integer> shown = BcmFigures.shownUnits(preferred, 5);
        for (int k = 0; k < 4; k++) {
            XYChart c = f.panels().get(k);
            int unit = shown.get(k);
            assertEquals("Unit " + (unit + 1) + ": ends selective for pattern " + (preferred[unit] + 1), c.getTitle());
            assertEquals(Set.of("to pattern 1", "to pattern 2", "to pattern 3", "to pattern 4", "to pattern 5",
                    "threshold \u03b8 (y\u00b2 units)"), legend(c));
            assertTrue(c.getYAxisTitle().contains("("));
            XYSeries p2 = c.getSeries("to pattern 2");
            assertEquals(21, p2.getXData().length, "0, 2500, ..., 50000");
            assertEquals(value("response", 0, 2500, unit * 5 + 1), p2.getYData()[1], 0.0);
            assertEquals(value("theta", 0, 50000, unit), c.getSeries("threshold \u03b8 (y\u00b2 units)").getYData()[20], 0.0);
        }
        // units that prefer different patterns come first
        assertTrue(preferred[shown.get(0)] != preferred[shown.get(1)]);
    }

    @Test
    void unitsShownPreferDifferentPatternsFirst() {
        assertEquals(List.of(2, 0, 1, 3), BcmFigures.shownUnits(new int[] {1, 1, 0, 1}, 5));
        assertEquals(List.of(4, 3, 2, 1), BcmFigures.shownUnits(new int[] {4, 3, 2, 1, 0}, 5), "in pattern order");
    }

    @Test
    void thresholdPanelsShowThetaSelectivityAndTheFinalSelectivityOfEveryUnit() {
        PanelFigure f = BcmFigures.threshold(look, 0);
        assertEquals(3, f.panels().size());
        XYChart theta = f.panels().get(0);
        XYSeries fixed = theta.getSeries("selective fixed point \u03b8 = K = 5");
        assertArrayEquals(new double[] {5, 5}, fixed.getYData(), 0.0);
        XYSeries unit1 = theta.getSeries("unit 1");
        assertEquals(value("theta", 0, 50000, 0), unit1.getYData()[20], 0.0);

        XYChart sel = f.panels().get(1);
        XYSeries mean = sel.getSeries("mean of a seed's units");
        List<TraceRow> last = TraceReader.read(run.resolve("probes.csv"), r -> r.metric().equals("selectivity") && r.step() == 50000);
        assertEquals(20, last.size(), "2 seeds x 10 units");
        double avg = last.stream().mapToDouble(TraceRow::value).average().orElseThrow();
        assertEquals(avg, mean.getYData()[20], 1e-12);
        assertEquals(0.8, sel.getSeries("one pattern only: 1 \u2212 1/K = 0.80").getYData()[0], 1e-12);

        XYChart units = f.panels().get(2);
        XYSeries seed1 = units.getSeries("seed 1");
        assertEquals(10, seed1.getXData().length);
        assertEquals(value("selectivity", 1, 50000, 3), seed1.getYData()[3], 0.0);
        assertEquals(4, Math.round(seed1.getXData()[3]), "unit 4, drawn beside the other seed's");
        assertEquals("unit (index; the seeds side by side)", units.getXAxisTitle());
        assertTrue(f.subtitle().contains("2 seeds"), f.subtitle());
        assertTrue(f.title().startsWith(look.label("bcm")), "the learner is named by its label in learners.csv: " + f.title());
        assertEquals(look.colour("bcm"), mean.getLineColor());
    }
}
