package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Checks the data and labels behind the associative-memory figures (never their pixels), from a table with known values. */
class MemoryFiguresTest {
    @TempDir
    static Path tmp;
    static List<RecallPoints.Point> points;

    @BeforeAll
    static void table() throws IOException {
        List<RecallPoints.Point> ps = new ArrayList<>();
        for (long seed = 0; seed < 2; seed++) {
            for (int stored : new int[] {1, 10, 20}) {
                // hopfield: 1.0, 0.8 (seed 0) / 0.6 (seed 1), 0.1; dae: always 1
                double h = stored == 1 ? 1 : stored == 10 ? (seed == 0 ? 0.8 : 0.6) : 0.1;
                ps.add(new RecallPoints.Point("hopfield", "random", "stored", seed, stored, 0.1, 10 * stored, 0.98, h, h));
                ps.add(new RecallPoints.Point("dae", "random", "stored", seed, stored, 0.1, 10 * stored, 0.98, 1, 1));
                ps.add(new RecallPoints.Point("hopfield", "digits", "stored", seed, stored, 0.1, 10 * stored, 0.98, 0, 0));
                ps.add(new RecallPoints.Point("dae", "digits", "stored", seed, stored, 0.1, 10 * stored, 0.98, 0.5, 0.9));
            }
            for (double c : new double[] {0, 0.15, 0.4}) {
                for (String set : List.of("random", "digits")) {
                    int stored = set.equals("random") ? 10 : 3;
                    ps.add(new RecallPoints.Point("hopfield", set, "corruption", seed, stored, c, 10 * stored, 0.98, 1 - c, 1));
                    ps.add(new RecallPoints.Point("dae", set, "corruption", seed, stored, c, 10 * stored, 0.98, 1 - 2 * c, 1));
                }
            }
        }
        RecallPoints.write(tmp.resolve("recall.csv"), ps);
        points = RecallPoints.read(tmp.resolve("recall.csv"));
        assertEquals(ps, points, "the table reads back as written");
    }

    private static Set<String> legend(XYChart c) {
        return c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).collect(Collectors.toSet());
    }

    @Test
    void recallAgainstStoredIsTheMeanOverSeedsInPercentWithTheCapacityLine() {
        Figure f = MemoryFigures.stored(points, 100, 100, 10_000);
        assertEquals(2, f.panels().size());
        XYChart random = f.panels().get(0);
        assertTrue(random.getTitle().contains("N = 100"), random.getTitle());
        assertTrue(f.panels().get(1).getTitle().contains("N = 64"));
        assertEquals(Set.of("Hopfield network (bio, one-shot storage)", "denoising autoencoder (gradient)",
                "0.138 N = 13.8 (Amit et al. 1985)"), legend(random));
        XYSeries hop = random.getSeries("Hopfield network (bio, one-shot storage)");
        assertArrayEquals(new double[] {1, 10, 20}, hop.getXData(), 0.0);
        assertArrayEquals(new double[] {100, 70, 10}, hop.getYData(), 1e-9, "mean over seeds, in percent");
        XYSeries band = random.getSeries("Hopfield network (bio, one-shot storage) 95 % t-interval");
        // the band runs along the upper edge and back along the lower one: the 95 % t-interval of the
        // mean, cut at 0 and 100 %; at 10 stored the two seeds recall 60 and 80 %: 70 ± 12.706 * 10 = [0, 100]
        assertArrayEquals(new double[] {100, 100, 10, 10, 0, 100}, band.getYData(), 1e-9);
        XYSeries line = random.getSeries("0.138 N = 13.8 (Amit et al. 1985)");
        assertArrayEquals(new double[] {13.8, 13.8}, line.getXData(), 1e-9);
        XYSeries digitLine = f.panels().get(1).getSeries("0.138 N = 8.83 (random patterns)");
        assertEquals(0.138 * 64, digitLine.getXData()[0], 1e-9);
        assertArrayEquals(new double[] {50, 50, 50}, f.panels().get(1).getSeries("denoising autoencoder (gradient)").getYData(), 1e-9);
        for (XYChart c : f.panels()) {
            assertEquals("cues recalled (%)", c.getYAxisTitle());
            assertEquals("patterns stored (P)", c.getXAxisTitle());
        }
        assertTrue(f.subtitle().contains("10 % of units flipped"), f.subtitle());
        assertTrue(f.subtitle().contains("overlap \u2265 0.98"), f.subtitle());
        assertTrue(f.subtitle().contains("100 hidden, 10,000 presentations"), f.subtitle());
        assertTrue(f.subtitle().contains("2 seeds"), f.subtitle());
    }

    @Test
    void recallAgainstCorruptionIsInPercentOfUnitsFlipped() {
        Figure f = MemoryFigures.corruption(points, 100, 100, 10_000);
        XYChart random = f.panels().get(0);
        assertTrue(random.getTitle().contains("P = 10 stored"), random.getTitle());
        assertTrue(f.panels().get(1).getTitle().contains("P = 3 stored"), f.panels().get(1).getTitle());
        assertEquals("units flipped in the cue (%)", random.getXAxisTitle());
        XYSeries dae = random.getSeries("denoising autoencoder (gradient)");
        assertArrayEquals(new double[] {0, 15, 40}, dae.getXData(), 1e-9);
        assertArrayEquals(new double[] {100, 70, 20}, dae.getYData(), 1e-9);
        assertEquals(Set.of("Hopfield network (bio, one-shot storage)", "denoising autoencoder (gradient)"), legend(random));
    }

    @Test
    void theFormatDropsTrailingZeros() {
        assertEquals("13.8", MemoryFigures.fmt(13.8));
        assertEquals("0.98", MemoryFigures.fmt(0.98));
        assertEquals("10", MemoryFigures.fmt(10.000000000000002));
        assertEquals("8.83", MemoryFigures.fmt(0.138 * 64));
    }
}
