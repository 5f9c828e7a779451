package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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

/** Checks the data and labels behind the conditioning figures (never their pixels). */
class ConditioningFiguresTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Look look;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("conditioning");
        Runner.run(new RunSpec("conditioning", 1, 0, true, Map.of("trials", "20", "us", "2"), "test"), run);
        look = Look.of(RunFolder.open(run));
    }

    private static Set<String> legend(XYChart c) {
        return c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getLabel).collect(Collectors.toSet());
    }

    @Test
    void blockingHasOnePanelPerLearnerWithBothCuesTheControlAndPhase2Shaded() {
        PanelFigure f = ConditioningFigures.blocking(look);
        assertEquals(4, f.panels().size());
        String[] learners = {"rescorla-wagner", "hebb", "gradient", "kalman"};
        for (int i = 0; i < 4; i++) {
            XYChart c = f.panels().get(i);
            assertEquals(look.label(learners[i]), c.getTitle(), "panel titles come from learners.csv, in its order");
            assertEquals(Set.of("V_A (cue A, pretrained)", "V_B (cue B, added in phase 2)", "V_B in the control (no phase 1)",
                    "\u03bb (US magnitude)"), legend(c));
            assertEquals("trial (count from the first)", c.getXAxisTitle());
            assertTrue(c.getYAxisTitle().contains("("));
            // trials 0..40, the control from 20 on; phase 2 (trials 20-40) shaded
            assertEquals(41, c.getSeries("V_A (cue A, pretrained)").getXData().length);
            assertEquals(21, c.getSeries("V_B in the control (no phase 1)").getXData().length);
            assertEquals(20.0, c.getSeries("V_B in the control (no phase 1)").getXData()[0]);
            XYSeries shade = c.getSeries("shade phase 2");
            assertArrayEquals(new double[] {20, 40, 40, 20}, shade.getXData());
            assertEquals(2.0, c.getSeries("\u03bb (US magnitude)").getYData()[0]);
        }
        assertTrue(f.panels().get(0).getTitle().startsWith("Rescorla-Wagner (bio)"), f.panels().get(0).getTitle());
        // the colours the experiment chose for its learners
        assertEquals(new java.awt.Color(0x117733), f.panels().get(0).getSeries("V_A (cue A, pretrained)").getLineColor());
        assertEquals(new java.awt.Color(0x56B4E9), f.panels().get(1).getSeries("V_A (cue A, pretrained)").getLineColor());
        assertEquals(new java.awt.Color(0xCC6677), f.panels().get(2).getSeries("V_A (cue A, pretrained)").getLineColor());
        // Hebb with η = 0.02 and US = 2: V_A grows by 0.04 per reinforced trial, to 1.6 after 40
        double[] a = f.panels().get(1).getSeries("V_A (cue A, pretrained)").getYData();
        assertEquals(1.6, a[40], 1e-12);
        assertTrue(f.subtitle().contains("every seed gives these curves"), f.subtitle());
    }

    @Test
    void extinctionShowsCueAOnlyWithBothPhases() {
        PanelFigure f = ConditioningFigures.extinction(look);
        assertEquals(4, f.panels().size());
        XYChart rw = f.panels().get(0);
        assertEquals(Set.of("V_A (cue A)", "\u03bb (US magnitude)"), legend(rw));
        double[] v = rw.getSeries("V_A (cue A)").getYData();
        // αβ = 0.1, λ = 2: V_20 = 2 (1 − 0.9^20), then it decays by 0.9 per unreinforced trial
        assertEquals(2 * (1 - Math.pow(0.9, 20)), v[20], 1e-12);
        assertEquals(v[20] * Math.pow(0.9, 20), v[40], 1e-12);
        assertArrayEquals(new double[] {20, 40, 40, 20}, rw.getSeries("shade extinction").getXData());
    }
}
