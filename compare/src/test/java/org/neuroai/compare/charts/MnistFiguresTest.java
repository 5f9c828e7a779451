package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.compare.Runner;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** Checks the data and labels behind the figures of mnist-local-vs-backprop (never their pixels). */
class MnistFiguresTest {
    private static final int TRAIN = 500;
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("mnist");
        Runner.run(new RunSpec("mnist-local-vs-backprop", 1, 0, true, Map.of("train_size", String.valueOf(TRAIN),
                "test_size", "200", "hidden", "20", "units_drawn", "16", "local.epochs", "3", "readout.epochs", "2",
                "backprop.epochs", "2"), "test"), run);
    }

    private static Set<String> legend(XYChart c) {
        return c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
                .collect(Collectors.toSet());
    }

    private static double[] metric(String learner, String metric) {
        return TraceReader.read(run.resolve("curves.csv"), r -> r.learner().equals(learner) && r.metric().equals(metric))
                .stream().mapToDouble(TraceRow::value).toArray();
    }

    @Test
    void learningCurvesShowTestAccuracyOfBothLearnersByEpochAndByTrainingTime() {
        Figure f = MnistFigures.curves(run, TRAIN, 20);
        assertEquals(3, f.panels().size());
        XYChart byEpoch = f.panels().get(0);
        XYChart byTime = f.panels().get(1);
        String local = MnistFigures.label("local");
        String backprop = MnistFigures.label("backprop");
        assertTrue(legend(byEpoch).containsAll(Set.of(local, backprop, "local's unsupervised phase")), legend(byEpoch).toString());
        assertTrue(legend(byTime).containsAll(Set.of(local, backprop)));

        // backprop is scored after epochs 1 and 2; the local learner after its readout's epochs, 4 and 5
        XYSeries b = byEpoch.getSeries(backprop);
        assertArrayEquals(new double[] {1, 2}, b.getXData(), 1e-12);
        assertArrayEquals(times100(metric("backprop", "test_accuracy")), b.getYData(), 1e-9);
        XYSeries l = byEpoch.getSeries(local);
        assertArrayEquals(new double[] {4, 5}, l.getXData(), 1e-12);
        assertArrayEquals(times100(metric("local", "test_accuracy")), l.getYData(), 1e-9);
        // the unsupervised phase is shaded from 0 to the end of its 3 epochs
        double[] phase = byEpoch.getSeries("local's unsupervised phase").getXData();
        assertEquals(0, phase[0]);
        assertEquals(3, phase[1], 1e-12);

        // against time, the local learner's points sit at its training seconds, which include the unsupervised epochs
        double[] wall = metric("local", "wall_seconds");
        assertArrayEquals(new double[] {wall[3], wall[4]}, byTime.getSeries(local).getXData(), 1e-12);
        assertArrayEquals(metric("backprop", "wall_seconds"), byTime.getSeries(backprop).getXData(), 1e-12);

        // the share of units on the p-sphere, in %, for the 3 unsupervised epochs
        XYChart units = f.panels().get(2);
        XYSeries u = units.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).findFirst().orElseThrow();
        assertArrayEquals(times100(metric("local", "units_on_sphere")), u.getYData(), 1e-9);
        for (XYChart c : f.panels()) {
            assertTrue(c.getYAxisTitle().contains("(%"), "y axis names its unit: " + c.getYAxisTitle());
            assertTrue(c.getXAxisTitle().contains("("), "x axis names its unit: " + c.getXAxisTitle());
            assertFalse(c.getTitle().isBlank());
        }
        assertTrue(f.title().contains("784-20-10"), f.title());
        assertTrue(f.subtitle().contains("one seed (n = 1), so no interval"), f.subtitle());
    }

    @Test
    void tribuosLinearModelsAreDashedLinesAtTheAccuracyOfBaselinesCsvWhichIsTribuosOwn() throws IOException {
        // the run trained them (3 epochs in quick mode, seed 0) on its own 500 training images and scored them on its 200 test images
        List<String> csv = Files.readAllLines(run.resolve(MnistFigures.BASELINES));
        assertEquals(TribuoBaselines.CSV_HEADER, csv.get(0));
        assertEquals(3, csv.size(), "logistic regression and linear SVM");
        List<TribuoBaselines.Result> again = TribuoBaselines.run("mnist", Datasets.mnistTrain(TRAIN), Datasets.mnistTest(200), 3, 0,
                false);
        Figure f = MnistFigures.curves(run, TRAIN, 20);
        for (int i = 0; i < 2; i++) {
            String[] row = csv.get(i + 1).split(",");
            TribuoBaselines.Result r = again.get(i);
            assertEquals(r.model(), row[1]);
            assertEquals(r.accuracy(), Double.parseDouble(row[2]), 0.0, "baselines.csv holds Tribuo's evaluator accuracy");
            assertEquals(TRAIN, Integer.parseInt(row[4]));
            assertEquals(200, Integer.parseInt(row[5]));
            assertTrue(Files.readString(run.resolve("baselines").resolve("mnist_" + r.model() + "_provenance.json"))
                    .contains("org.tribuo.classification.sgd.linear.LinearSGDModel"), "provenance beside it");
            for (XYChart c : List.of(f.panels().get(0), f.panels().get(1))) {
                XYSeries line = c.getSeriesCollection().stream().filter(s -> s.getName().startsWith("Tribuo")
                        && s.getName().contains(r.model().equals("linear-svm") ? "SVM" : "logistic")).findFirst().orElseThrow();
                assertTrue(line.isShowInLegend());
                for (double y : line.getYData()) {
                    assertEquals(100 * Double.parseDouble(row[2]), y, 1e-12, "the line is at the file's accuracy, in %");
                }
            }
        }
        assertTrue(f.subtitle().contains("Tribuo"), f.subtitle());
    }

    @Test
    void aMalformedBaselinesFileIsOneLineNamingIt() throws IOException {
        Path bad = tmp.resolve("bad-baselines.csv");
        Files.writeString(bad, TribuoBaselines.CSV_HEADER + "\nmnist,logistic-regression,lots,0.9,500,200\n");
        org.neuroai.core.UserError e = org.junit.jupiter.api.Assertions.assertThrows(org.neuroai.core.UserError.class,
                () -> ReferenceLines.tribuoAccuracy(bad));
        assertTrue(e.getMessage().contains("bad-baselines.csv") && e.getMessage().contains("line 2"), e.getMessage());
    }

    private static double[] times100(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= 100;
        }
        return out;
    }

    @Test
    void receptiveFieldsAreTheSavedWeightsOfTheFirstUnitsOfBothLearners() {
        TileGridFigure f = MnistFigures.receptiveFields(run, 20, 0);
        assertEquals(2, f.grids().size());
        assertTrue(f.grids().get(0).label().startsWith("Krotov-Hopfield rule"));
        assertTrue(f.grids().get(1).label().startsWith("backpropagation"));
        assertTrue(f.title().contains("first 16 of 20"), f.title());
        List<TraceRow> rows = TraceReader.read(run.resolve("weights.csv"), r -> true);
        for (int g = 0; g < 2; g++) {
            String learner = g == 0 ? "local" : "backprop";
            TileGridFigure.Grid grid = f.grids().get(g);
            assertEquals(28, grid.side());
            assertEquals(16, grid.tiles().length);
            for (TraceRow r : rows) {
                if (r.learner().equals(learner)) {
                    assertEquals(r.value(), grid.tiles()[r.index() / 784][r.index() % 784], 0.0, learner + " " + r.index());
                }
            }
        }
    }

    @Test
    void bothFiguresAreWrittenAsTwiceSizedPngAndSvg() throws IOException {
        TileGridFigure fields = MnistFigures.receptiveFields(run, 20, 0);
        fields.save(tmp, "fields");
        BufferedImage img = ImageIO.read(tmp.resolve("fields.png").toFile());
        assertEquals(2 * fields.width(), img.getWidth());
        assertEquals(2 * fields.height(), img.getHeight());
        String svg = Files.readString(tmp.resolve("fields.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"));
        for (String base : List.of(MnistFigures.CURVES, MnistFigures.FIELDS)) {
            assertTrue(Files.size(run.resolve(base + ".png")) > 0 && Files.size(run.resolve(base + ".svg")) > 0, base);
        }
    }
}
