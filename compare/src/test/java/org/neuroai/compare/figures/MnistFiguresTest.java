package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.ReferenceLines;
import org.neuroai.compare.charts.TileGridFigure;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.RunSpec;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** Checks the data and labels behind the figures of mnist-local-vs-backprop (never their pixels). */
class MnistFiguresTest {
    private static final int TRAIN = 500;
    private static final String LOCAL = "local: Krotov-Hopfield rule, then readout";
    private static final String BACKPROP = "backpropagation, end to end";
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

    private static Look look() {
        return Look.of(RunFolder.open(run));
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
        PanelFigure f = MnistFigures.curves(look());
        assertEquals(3, f.panels().size());
        XYChart byEpoch = f.panels().get(0);
        XYChart byTime = f.panels().get(1);
        assertTrue(legend(byEpoch).containsAll(Set.of(LOCAL, BACKPROP, "local's unsupervised phase")), legend(byEpoch).toString());
        assertTrue(legend(byTime).containsAll(Set.of(LOCAL, BACKPROP)));

        // backprop is scored after epochs 1 and 2; the local learner after its readout's epochs, 4 and 5
        XYSeries b = byEpoch.getSeries(BACKPROP);
        assertArrayEquals(new double[] {1, 2}, b.getXData(), 1e-12);
        assertArrayEquals(times100(metric("backprop", "test_accuracy")), b.getYData(), 1e-9);
        XYSeries l = byEpoch.getSeries(LOCAL);
        assertArrayEquals(new double[] {4, 5}, l.getXData(), 1e-12);
        assertArrayEquals(times100(metric("local", "test_accuracy")), l.getYData(), 1e-9);
        // the unsupervised phase is shaded from 0 to the end of its 3 epochs
        double[] phase = byEpoch.getSeries("local's unsupervised phase").getXData();
        assertEquals(0, phase[0]);
        assertEquals(3, phase[1], 1e-12);

        // against time, the local learner's points sit at its training seconds, which include the unsupervised epochs
        double[] wall = metric("local", "wall_seconds");
        assertArrayEquals(new double[] {wall[3], wall[4]}, byTime.getSeries(LOCAL).getXData(), 1e-12);
        assertArrayEquals(metric("backprop", "wall_seconds"), byTime.getSeries(BACKPROP).getXData(), 1e-12);

        // the share of units on the p-sphere, in %, for the 3 unsupervised epochs
        XYChart units = f.panels().get(2);
        XYSeries u = units.getSeries(LOCAL);
        assertArrayEquals(times100(metric("local", "units_on_sphere")), u.getYData(), 1e-9);
        assertArrayEquals(new double[] {1, 2, 3}, u.getXData(), 1e-12);
        for (XYChart c : f.panels()) {
            assertTrue(c.getYAxisTitle().contains("(%"), "y axis names its unit: " + c.getYAxisTitle());
            assertTrue(c.getXAxisTitle().contains("("), "x axis names its unit: " + c.getXAxisTitle());
            assertFalse(c.getTitle().isBlank());
        }
        assertTrue(units.getYAxisTitle().contains("of 20"), units.getYAxisTitle());
        assertTrue(f.title().contains("784-20-10"), f.title());
        assertTrue(f.subtitle().contains("one seed (n = 1), so no interval"), f.subtitle());
    }

    @Test
    void tribuosLinearModelsAreDashedLinesAtTheAccuracyOfBaselinesCsvWhichIsTribuosOwn() throws IOException {
        // the run trained them (3 epochs in quick mode, seed 0) on its own 500 training images and scored them on its 200 test images
        List<String> csv = Files.readAllLines(run.resolve(TribuoBaselines.FILE));
        assertEquals(TribuoBaselines.CSV_HEADER, csv.get(0));
        assertEquals(3, csv.size(), "logistic regression and linear SVM");
        List<TribuoBaselines.Result> again = TribuoBaselines.run("mnist", Datasets.mnistTrain(TRAIN), Datasets.mnistTest(200), 3, 0,
                false);
        PanelFigure f = MnistFigures.curves(look());
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
        UserError e = assertThrows(UserError.class, () -> ReferenceLines.tribuoAccuracy(bad));
        assertTrue(e.getMessage().contains("bad-baselines.csv") && e.getMessage().contains("line 2"), e.getMessage());
    }

    /**
     * From fixture data of three seeds whose values spread by a known sd, under other learner
     * names than the experiment's: the curves follow the data (which learner had an unsupervised
     * phase is read from its units_on_sphere rows), and each band is mean ± t·sd/√n.
     */
    @Test
    void theCurvesFollowTheDataWhateverTheLearnersAreCalled(@TempDir Path dir) throws IOException {
        int train = 100;
        StringBuilder csv = new StringBuilder("learner,seed,step,metric,value\n");
        for (int seed = 0; seed < 3; seed++) {
            double d = seed - 1;
            for (int e = 1; e <= 2; e++) {
                csv.append(row("end-to-end", seed, e * train, "test_accuracy", 0.9 + 0.02 * e + 0.01 * d));
                csv.append(row("end-to-end", seed, e * train, "wall_seconds", 10 * e));
                csv.append(row("two-phase", seed, (e + 1) * train, "test_accuracy", 0.85 + 0.02 * e + 0.01 * d));
                csv.append(row("two-phase", seed, (e + 1) * train, "wall_seconds", 5 + 10 * e));
            }
            csv.append(row("two-phase", seed, train, "units_on_sphere", 0.5 + 0.1 * d));
            csv.append(row("two-phase", seed, train, "wall_seconds", 5));
        }
        Files.writeString(dir.resolve("curves.csv"), csv);
        LearnersFile.write(dir, List.of(new Described("two-phase", Family.BIO, "rule, then readout", "#0072B2", ""),
                new Described("end-to-end", Family.GRADIENT, "network", "#D55E00", "")));
        ObjectNode prov = new ObjectMapper().createObjectNode();
        prov.with("spec").put("seeds", 3);
        prov.with("run").put("in_epochs", true).put("epoch_size", train);
        prov.with("fields").put("units", 16);
        PanelFigure f = MnistFigures.curves(Look.of(RunFolder.of(dir, prov)));
        // Student's t for 2 degrees of freedom from the table, 4.303; sd 0.01, in %
        double h = 100 * 4.303 * 0.01 / Math.sqrt(3);
        XYSeries network = f.panels().get(0).getSeries("network");
        assertArrayEquals(new double[] {1, 2}, network.getXData(), 1e-12);
        assertArrayEquals(new double[] {92, 94}, network.getYData(), 1e-9);
        double[] band = f.panels().get(0).getSeries("network " + Charts.BAND).getYData();
        assertArrayEquals(new double[] {92 + h, 94 + h, 94 - h, 92 - h}, band, 1e-9, "upper edge out, lower edge back");
        // against training time: x is the mean wall time at each scored step
        assertArrayEquals(new double[] {15, 25}, f.panels().get(1).getSeries("rule, then readout").getXData(), 1e-12);
        assertArrayEquals(new double[] {87, 89}, f.panels().get(1).getSeries("rule, then readout").getYData(), 1e-9);
        assertEquals(Set.of("rule, then readout"), legend(f.panels().get(2)));
        assertArrayEquals(new double[] {50}, f.panels().get(2).getSeries("rule, then readout").getYData(), 1e-9);
        assertArrayEquals(new double[] {0, 1, 1, 0}, f.panels().get(0).getSeries("two-phase's unsupervised phase").getXData(), 1e-12);
        assertTrue(f.panels().get(2).getYAxisTitle().contains("of 16"), f.panels().get(2).getYAxisTitle());
    }

    private static String row(String learner, int seed, long step, String metric, double value) {
        return learner + "," + seed + "," + step + "," + metric + "," + value + "\n";
    }

    private static double[] times100(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= 100;
        }
        return out;
    }

    @Test
    void receptiveFieldsAreTheSavedWeightsOfTheFirstUnitsOfBothLearnersAtTheirEnds() {
        TileGridFigure f = ReceptiveFields.atEnd(look(), 0);
        assertEquals(2, f.grids().size());
        assertEquals(LOCAL, f.grids().get(0).label(), "in the order of learners.csv");
        assertEquals(BACKPROP, f.grids().get(1).label());
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
        TileGridFigure fields = ReceptiveFields.atEnd(look(), 0);
        fields.save(tmp, "fields");
        BufferedImage img = ImageIO.read(tmp.resolve("fields.png").toFile());
        assertEquals(2 * fields.width(), img.getWidth());
        assertEquals(2 * fields.height(), img.getHeight());
        String svg = Files.readString(tmp.resolve("fields.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"));
        for (String base : List.of("learning_curves", "receptive_fields")) {
            assertTrue(Files.size(run.resolve(base + ".png")) > 0 && Files.size(run.resolve(base + ".svg")) > 0, base);
        }
    }
}
