package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** Checks the data behind the stdp-balance figures against the run's CSV files (never their pixels). */
class StdpFiguresTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("stdp");
        Runner.run(new RunSpec("stdp-balance", 2, 0, true, Map.of("duration_s", "10"), "test"), run);
    }

    /** Seed to step to counts per bin, read straight from histograms.csv. */
    private static Map<Long, TreeMap<Long, double[]>> counts() {
        Map<Long, TreeMap<Long, double[]>> out = new TreeMap<>();
        for (TraceRow r : TraceReader.read(run.resolve("histograms.csv"), r -> r.metric().equals("w_hist"))) {
            out.computeIfAbsent(r.seed(), s -> new TreeMap<>()).computeIfAbsent(r.step(), s -> new double[20])[r.index()] = r.value();
        }
        return out;
    }

    private static List<XYSeries> cells(XYChart c, int column) {
        List<XYSeries> out = new ArrayList<>();
        for (XYSeries s : c.getSeriesCollection()) {
            if (s.getName().startsWith("cell " + column + ",")) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingDouble(s -> s.getYData()[0]));
        return out;
    }

    private static void assertLabelled(Figure f) {
        assertFalse(f.title().isBlank());
        for (XYChart c : f.panels()) {
            assertFalse(c.getTitle().isBlank());
            assertTrue(c.getXAxisTitle().contains("("), "x axis names a unit: " + c.getXAxisTitle());
            assertTrue(c.getYAxisTitle().contains("("), "y axis names a unit: " + c.getYAxisTitle());
        }
    }

    @Test
    void theHeatMapHasAColumnPerSnapshotColouredByTheShareInEachBin() {
        Figure f = StdpFigures.histogram(run, 1.0, 0);
        assertLabelled(f);
        XYChart c = f.panels().get(0);
        TreeMap<Long, double[]> seed0 = counts().get(0L);
        assertEquals(11, seed0.size(), "snapshots at 0, 1, ..., 10 s");
        double max = seed0.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElseThrow() / 10;
        StdpFigures.Classes classes = StdpFigures.Classes.covering(max);
        int column = 0;
        for (Map.Entry<Long, double[]> snap : seed0.entrySet()) {
            List<XYSeries> runs = cells(c, column);
            assertFalse(runs.isEmpty(), "column " + column);
            double t = snap.getKey() / 1000.0;
            // the column is centred on the snapshot time and its runs tile [0, 1] from the bottom, bin by bin
            assertEquals(t - 0.5, runs.get(0).getXData()[0], 1e-12);
            int bin = 0;
            for (XYSeries cell : runs) {
                assertEquals(bin / 20.0, cell.getYData()[0], 1e-12, "column " + column);
                int first = bin;
                double top = cell.getYData()[2];
                while (bin < 20 && (bin + 1) / 20.0 <= top + 1e-12) {
                    bin++;
                }
                for (int b = first; b < bin; b++) {
                    double percent = 100 * snap.getValue()[b] / 1000;
                    assertEquals(classes.colour(classes.of(percent)), cell.getFillColor(), "column " + column + ", bin " + b);
                }
            }
            assertEquals(20, bin, "column " + column + " covers every bin");
            column++;
        }
        assertTrue(cells(c, column).isEmpty(), "no column beyond the last snapshot");
        // the legend lists every colour class, highest first, in %
        List<String> legend = c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
        assertEquals(classes.count(), legend.size());
        assertEquals(classes.label(classes.count() - 1), legend.get(0));
        assertTrue(legend.stream().allMatch(l -> l.endsWith(" %")), legend.toString());
        assertTrue(f.subtitle().contains("1000 synapses in 20 bins"), f.subtitle());
    }

    @Test
    void theRatePanelShowsEachWindowsMeanOverSeedsAtItsCentre() {
        Figure f = StdpFigures.rates(run);
        assertLabelled(f);
        List<TraceRow> curves = TraceReader.read(run.resolve("curves.csv"), r -> true);
        XYChart rate = f.panels().get(0);
        XYSeries out = rate.getSeries("output neuron");
        assertEquals(10, out.getXData().length);
        for (int k = 0; k < 10; k++) {
            long step = (k + 1) * 1000L;
            double mean = curves.stream().filter(r -> r.metric().equals("output_rate_hz") && r.step() == step)
                    .mapToDouble(TraceRow::value).average().orElseThrow();
            assertEquals(k + 0.5, out.getXData()[k], 1e-12, "window " + k + " is drawn at its centre");
            assertEquals(mean, out.getYData()[k], 1e-12);
        }
        XYSeries in = rate.getSeries("one input (mean over inputs)");
        for (double y : in.getYData()) {
            assertEquals(15, y, 1.5, "each input fires at about 15 Hz in every 1 s window");
        }
        assertTrue(rate.getSeriesCollection().stream().anyMatch(s -> s.getName().equals("output neuron 95 % t-interval")),
                "two seeds give a band");
        XYChart shares = f.panels().get(1);
        XYSeries strong = shares.getSeries("share with w \u2265 0.9 w_max");
        assertEquals(11, strong.getXData().length);
        double first = curves.stream().filter(r -> r.metric().equals("fraction_strong") && r.step() == 0)
                .mapToDouble(TraceRow::value).average().orElseThrow();
        assertEquals(first, strong.getYData()[0], 1e-12);
        assertTrue(f.subtitle().contains("2 seeds"), f.subtitle());
    }

    @Test
    void theFinalHistogramIsTheMeanLastSnapshotOverSeedsAgainstTheStart() {
        Figure f = StdpFigures.finalWeights(run, 1.0);
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
        XYSeries initial = c.getSeries("at 0 s (uniform draw)");
        for (int b = 0; b < 20; b++) {
            // the outline climbs to each bin's height at its left edge and keeps it to its right edge
            assertEquals(b / 20.0, bars.getXData()[2 * b + 1], 1e-12);
            assertEquals(mean[b], bars.getYData()[2 * b + 1], 1e-12, "bin " + b);
            assertEquals(mean[b], bars.getYData()[2 * b + 2], 1e-12, "bin " + b);
            assertEquals(start[b], initial.getYData()[2 * b + 1], 1e-12, "bin " + b);
        }
        assertEquals(1000, java.util.Arrays.stream(mean).sum(), 1e-9);
        XYSeries whisker = c.getSeries("95 % t-interval over seeds");
        // two seeds a and b: sd = |a - b| / sqrt 2, so the interval is mean ± t(1) |a - b| / 2, t(1) = 12.706
        double a = counts.get(0L).lastEntry().getValue()[0];
        double b = counts.get(1L).lastEntry().getValue()[0];
        double half = 12.706 * Math.abs(a - b) / 2;
        assertArrayEquals(new double[] {(a + b) / 2 - half, (a + b) / 2 + half}, whisker.getYData(), 1e-9);
        assertTrue(c.getTitle().contains("after 10 s"), c.getTitle());
    }

    @Test
    void theFiguresAreRedrawnFromTheCsvFilesAloneAsTwiceSizedPngAndSvg() throws IOException {
        Path copy = tmp.resolve("csv-only");
        Files.createDirectories(copy);
        for (String f : List.of("curves.csv", "histograms.csv")) {
            Files.copy(run.resolve(f), copy.resolve(f));
        }
        StdpFigures.draw(copy, 1.0, 1);
        for (String base : List.of(StdpFigures.HISTOGRAM, StdpFigures.RATES, StdpFigures.FINAL)) {
            BufferedImage img = ImageIO.read(copy.resolve(base + ".png").toFile());
            assertEquals(1800, img.getWidth(), base);
            String svg = Files.readString(copy.resolve(base + ".svg"));
            assertTrue(svg.contains("<svg") && svg.contains("</svg>"), base);
        }
    }
}
