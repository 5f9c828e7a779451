package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
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
import org.neuroai.core.tasks.GaussianTask;

/** Checks the data and labels behind the pca figures (never their pixels). */
class PcaFiguresTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("pca");
        Runner.run(new RunSpec("pca", 2, 0, true, Map.of("steps", "400", "eval_every", "100"), "test"), run);
    }

    private static Set<String> legend(XYChart c) {
        return c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
                .collect(Collectors.toSet());
    }

    @Test
    void learningCurvesNameEveryLearnerAndCarryUnits() {
        PanelFigure f = PcaFigures.curves(Look.of(RunFolder.open(run)), new GaussianTask(10, 4, 0.6, 7, 10).eigenvalues());
        assertEquals(3, f.panels().size());
        Set<String> learners = Set.of("Oja's rule (bio, 1 unit)", "Sanger's GHA (bio, 3 units)", "linear autoencoder (gradient, 3 hidden)");
        assertTrue(legend(f.panels().get(0)).containsAll(learners), legend(f.panels().get(0)).toString());
        assertTrue(legend(f.panels().get(1)).containsAll(learners));
        for (XYChart c : f.panels()) {
            assertTrue(c.getYAxisTitle().contains("("), "y axis names a unit: " + c.getYAxisTitle());
            assertTrue(c.getXAxisTitle().startsWith("presentations"));
            assertFalse(c.getTitle().isBlank());
        }
        assertTrue(f.subtitle().contains("2 seeds"), f.subtitle());
        // the mean line of each learner ends at the last checkpoint, 400 presentations
        XYSeries gha = f.panels().get(0).getSeries("Sanger's GHA (bio, 3 units)");
        assertEquals(400.0, gha.getXData()[gha.getXData().length - 1]);
        assertEquals(5, gha.getXData().length, "checkpoints 0, 100, 200, 300, 400");
    }

    @Test
    void weightDynamicsHasOnePanelPerLearner() {
        PanelFigure f = PcaFigures.weights(Look.of(RunFolder.open(run)), 0);
        assertEquals(3, f.panels().size());
        assertTrue(f.panels().get(0).getTitle().startsWith("Oja's rule"));
        assertTrue(legend(f.panels().get(2)).contains("along principal axis 1"));
        // Oja's unit has norm 0.5 at step 0: its components along the axes and outside them add up to it
        XYChart oja = f.panels().get(0);
        double sq = 0;
        for (XYSeries s : oja.getSeriesCollection()) {
            sq += Math.pow(s.getYData()[0], 2);
        }
        assertEquals(0.25, sq, 1e-9);
    }

    @Test
    void figuresAreWrittenAsTwiceSizedPngAndSvg() throws IOException {
        PanelFigure f = PcaFigures.weights(Look.of(RunFolder.open(run)), 0);
        f.save(tmp, "w");
        BufferedImage img = ImageIO.read(tmp.resolve("w.png").toFile());
        assertEquals(2 * f.width(), img.getWidth());
        assertEquals(2 * f.height(), img.getHeight());
        String svg = Files.readString(tmp.resolve("w.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
