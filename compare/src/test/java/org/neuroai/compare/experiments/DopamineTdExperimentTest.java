package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.Runner;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.Registry;
import org.neuroai.core.RunSpec;

/**
 * The dopamine-td experiment end to end, read back from its figure's data: for both learners on both
 * representations, the TD error is at the reward on trial 1, at the cue on the last rewarded trial,
 * and dips below zero at the reward's time on the probe trial (Schultz, Dayan &amp; Montague 1997).
 */
class DopamineTdExperimentTest {
    @TempDir
    static Path tmp;
    static PanelFigure figure;

    @BeforeAll
    static void runOnce() {
        Path run = tmp.resolve("dopamine");
        Runner.run(new RunSpec("dopamine-td", 1, 0, false, Map.of("trials", "150"), "test"), run);
        figure = (PanelFigure) Registry.get(Figure.class, "dopamine-td-error", "figure").draw(RunFolder.open(run));
    }

    /** δ at a time from cue onset, on a panel's learner line. */
    private static double at(XYChart c, double x) {
        XYSeries line = c.getSeriesCollection().stream()
                .filter(s -> !List.of("cue onset", "reward time", "zero").contains(s.getLabel()))
                .filter(s -> !s.getLabel().endsWith(Charts.BAND)).findFirst().orElseThrow();
        double[] xs = line.getXData();
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == x) {
                return line.getYData()[i];
            }
        }
        throw new AssertionError("no point at " + x + " on " + c.getTitle());
    }

    @Test
    void everyLearnerOnEveryRepresentationShowsTheThreeResults() {
        List<XYChart> panels = figure.panels();
        assertEquals(16, panels.size(), "two learners on two representations, four trials each");
        double delay = 10;
        for (int row = 0; row < 4; row++) {
            XYChart naive = panels.get(4 * row);
            XYChart trained = panels.get(4 * row + 2);
            XYChart probe = panels.get(4 * row + 3);
            String who = naive.getTitle();
            assertEquals(1.0, at(naive, delay), 1e-6, who + ": the whole error at the reward");
            assertEquals(0.0, at(naive, 0), 1e-6, who + ": none at the cue");
            assertTrue(at(trained, 0) > 0.5, who + ": trained, error at the cue " + at(trained, 0));
            assertTrue(Math.abs(at(trained, delay)) < 0.3, who + ": trained, error left at the reward " + at(trained, delay));
            assertTrue(at(probe, delay) < -0.1, who + ": reward omitted, a dip " + at(probe, delay));
        }
    }
}
