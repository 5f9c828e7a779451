package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.Runner;
import org.neuroai.compare.charts.HeatCells;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RasterFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** Checks the data behind the figures of a stdp-balance run against its files (never their pixels). */
class SpikingFiguresTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("stdp");
        Runner.run(new RunSpec("stdp-balance", 2, 0, true, Map.of("duration_s", "10"), "test"), run);
    }

    private static Look look() {
        return Look.of(RunFolder.open(run));
    }

    /** Seed to step to counts per bin, read straight from histograms.csv. */
    private static Map<Long, TreeMap<Long, double[]>> counts() {
        Map<Long, TreeMap<Long, double[]>> out = new TreeMap<>();
        for (TraceRow r : TraceReader.read(run.resolve(Traces.HISTOGRAMS), r -> r.metric().equals("w"))) {
            out.computeIfAbsent(r.seed(), s -> new TreeMap<>()).computeIfAbsent(r.step(), s -> new double[20])[r.index()] = r.value();
        }
        return out;
    }

    private static void assertLabelled(PanelFigure f) {
        assertFalse(f.title().isBlank());
        for (XYChart c : f.panels()) {
            assertFalse(c.getTitle().isBlank());
            assertTrue(c.getXAxisTitle().contains("("), "x axis names a unit: " + c.getXAxisTitle());
            assertTrue(c.getYAxisTitle().contains("("), "y axis names a unit: " + c.getYAxisTitle());
        }
    }

    @Test
    void theHeatMapHasAColumnPerSnapshotColouredByTheShareInEachBin() {
        PanelFigure f = WeightHistograms.of(look());
        assertLabelled(f);
        XYChart c = f.panels().get(0);
        TreeMap<Long, double[]> seed0 = counts().get(0L);
        assertEquals(11, seed0.size(), "snapshots at 0, 1, ..., 10 s");
        double max = seed0.values().stream().flatMapToDouble(Arrays::stream).max().orElseThrow() / 10;
        HeatCells.Classes classes = HeatCells.Classes.covering(max);
        int column = 0;
        for (Map.Entry<Long, double[]> snap : seed0.entrySet()) {
            final int col = column;
            List<XYSeries> runs = c.getSeriesCollection().stream().filter(s -> s.getName().startsWith("cell " + col + ","))
                    .sorted(Comparator.comparingDouble(s -> s.getYData()[0])).toList();
            // the column is centred on the snapshot's time in s and its runs tile [0, 1] from the bottom, bin by bin
            assertEquals(snap.getKey() / 1000.0 - 0.5, runs.get(0).getXData()[0], 1e-12);
            int bin = 0;
            for (XYSeries cell : runs) {
                assertEquals(bin / 20.0, cell.getYData()[0], 1e-12, "column " + column);
                int first = bin;
                double top = cell.getYData()[2];
                while (bin < 20 && (bin + 1) / 20.0 <= top + 1e-12) {
                    bin++;
                }
                for (int b = first; b < bin; b++) {
                    assertEquals(classes.colour(classes.of(100 * snap.getValue()[b] / 1000)), cell.getFillColor(), "column " + column + ", bin " + b);
                }
            }
            assertEquals(20, bin, "column " + column + " covers every bin");
            column++;
        }
    }

    @Test
    void theRatePanelShowsEachWindowsMeanOverSeedsAtItsCentre() {
        PanelFigure f = SpikingFigures.rates(look());
        assertLabelled(f);
        List<TraceRow> curves = TraceReader.read(run.resolve(Traces.CURVES), r -> true);
        XYChart rate = f.panels().get(0);
        XYSeries out = rate.getSeries("output neuron");
        assertEquals(10, out.getXData().length);
        for (int k = 0; k < 10; k++) {
            long step = (k + 1) * 1000L;
            double mean = curves.stream().filter(r -> r.metric().equals("output_rate_hz") && r.step() == step)
                    .mapToDouble(TraceRow::value).average().orElseThrow();
            assertEquals(k + 0.5, out.getXData()[k], 1e-12, "window " + k + " is drawn at its centre, in s");
            assertEquals(mean, out.getYData()[k], 1e-12);
        }
        for (double y : rate.getSeries("one input (mean over inputs)").getYData()) {
            assertEquals(15, y, 1.5, "each input fires at about 15 Hz in every 1 s window");
        }
        assertTrue(rate.getSeriesCollection().stream().anyMatch(s -> s.getName().equals("output neuron 95 % t-interval")),
                "two seeds give a band");
        XYSeries strong = f.panels().get(1).getSeries("share with w \u2265 0.9 w_max");
        assertEquals(11, strong.getXData().length);
        double first = curves.stream().filter(r -> r.metric().equals("fraction_strong") && r.step() == 0)
                .mapToDouble(TraceRow::value).average().orElseThrow();
        assertEquals(first, strong.getYData()[0], 1e-12);
        assertTrue(f.subtitle().contains("2 seeds"), f.subtitle());
    }

    @Test
    void theFinalHistogramIsTheMeanLastSnapshotOverSeedsAgainstTheFirst() {
        PanelFigure f = FinalWeights.of(look());
        assertLabelled(f);
        XYChart c = f.panels().get(0);
        Map<Long, TreeMap<Long, double[]>> counts = counts();
        double[] mean = new double[20];
        double[] start = new double[20];
        for (TreeMap<Long, double[]> s : counts.values()) {
            for (int b = 0; b < 20; b++) {
                mean[b] += s.lastEntry().getValue()[b] / counts.size();
                start[b] += s.firstEntry().getValue()[b] / counts.size();
            }
        }
        XYSeries bars = c.getSeries("after 10 s, mean over seeds");
        XYSeries initial = c.getSeries("first snapshot");
        for (int b = 0; b < 20; b++) {
            // the outline climbs to each bin's height at its left edge and keeps it to its right edge
            assertEquals(b / 20.0, bars.getXData()[2 * b + 1], 1e-12);
            assertEquals(mean[b], bars.getYData()[2 * b + 1], 1e-12, "bin " + b);
            assertEquals(mean[b], bars.getYData()[2 * b + 2], 1e-12, "bin " + b);
            assertEquals(start[b], initial.getYData()[2 * b + 1], 1e-12, "bin " + b);
        }
        assertEquals(1000, Arrays.stream(mean).sum(), 1e-9);
        XYSeries whisker = c.getSeries("95 % t-interval over seeds");
        // two seeds a and b: sd = |a - b| / sqrt 2, so the interval is mean ± t(1) |a - b| / 2, t(1) = 12.706
        double a = counts.get(0L).lastEntry().getValue()[0];
        double b = counts.get(1L).lastEntry().getValue()[0];
        double half = 12.706 * Math.abs(a - b) / 2;
        assertArrayEquals(new double[] {(a + b) / 2 - half, (a + b) / 2 + half}, whisker.getYData(), 1e-3);
        assertTrue(c.getTitle().contains("after 10 s"), c.getTitle());
        assertTrue(c.getTitle().startsWith(LearnersFile.read(run).get("stdp-pair").label()), "the learner's label: " + c.getTitle());
    }

    @Test
    void theRasterRanksInputsByFinalWeightWithTheOutputOnTop() {
        List<RasterFile.Spike> spikes = RasterFile.read(run.resolve(RasterFile.NAME));
        PanelFigure fig = SpikingFigures.raster(look(), spikes);
        assertEquals(2, fig.panels().size());
        XYChart panel = fig.panels().get(0);
        java.util.function.Function<String, double[]> y = name -> panel.getSeries(name).getYData();
        double top = Arrays.stream(y.apply("output neuron (top row)")).min().orElseThrow();
        double weakTop = Arrays.stream(y.apply("inputs ending weak")).max().orElseThrow();
        double strongTop = Arrays.stream(y.apply("inputs ending strong")).max().orElseThrow();
        assertTrue(weakTop < top && strongTop < top, "the output on the top row");
        double strongBottom = Arrays.stream(y.apply("inputs ending strong")).min().orElseThrow();
        assertTrue(weakTop < strongBottom, "every weak input ranks below every strong one");
        long firstSecond = spikes.stream().filter(s -> s.window().equals(RasterFile.FIRST) && s.input() == RasterFile.OUTPUT).count();
        assertTrue(panel.getTitle().endsWith(String.format(java.util.Locale.ROOT, "output %.1f Hz", (double) firstSecond)), panel.getTitle());
    }

    @Test
    void theFiguresAreRedrawnFromTheFilesAloneAsTwiceSizedPngAndSvg() throws IOException {
        Path copy = tmp.resolve("files-only");
        Files.createDirectories(copy);
        for (String f : List.of(Traces.CURVES, Traces.HISTOGRAMS, LearnersFile.NAME, RasterFile.NAME, RunFolder.PROVENANCE)) {
            Files.copy(run.resolve(f), copy.resolve(f));
        }
        RunFolder folder = RunFolder.open(copy);
        for (String name : List.of("weight-histograms", "firing-rates", "final-weights", "spike-raster")) {
            Figure fig = Figures.get(name);
            Figures.draw(fig, folder);
            BufferedImage img = ImageIO.read(copy.resolve(fig.file() + ".png").toFile());
            assertTrue(img.getWidth() >= 1600, name + " " + img.getWidth());
            String svg = Files.readString(copy.resolve(fig.file() + ".svg"));
            assertTrue(svg.contains("<svg") && svg.contains("</svg>"), name);
        }
    }
}
