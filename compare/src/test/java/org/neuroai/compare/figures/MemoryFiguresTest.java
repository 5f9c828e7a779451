package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RecallTable;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;

/**
 * Checks the data and labels behind the associative-memory figures (never their pixels), from a
 * fixture run with known values: learners named only here, described in learners.csv.
 */
class MemoryFiguresTest {
    @TempDir
    static Path tmp;
    static RunFolder run;
    static final String BIO = "Memory A (bio)";
    static final String GRADIENT = "Memory B (gradient)";

    @BeforeAll
    static void fixture() throws IOException {
        List<RecallTable.Row> rows = new ArrayList<>();
        for (long seed = 0; seed < 2; seed++) {
            for (int stored : new int[] {1, 10, 20}) {
                // a: 1.0, 0.8 (seed 0) / 0.6 (seed 1), 0.1; b: always 1
                double h = stored == 1 ? 1 : stored == 10 ? (seed == 0 ? 0.8 : 0.6) : 0.1;
                rows.add(new RecallTable.Row("a", "random", "stored", seed, stored, 0.1, 10 * stored, 0.98, h, h));
                rows.add(new RecallTable.Row("b", "random", "stored", seed, stored, 0.1, 10 * stored, 0.98, 1, 1));
                rows.add(new RecallTable.Row("a", "digits", "stored", seed, stored, 0.1, 10 * stored, 0.98, 0, 0));
                rows.add(new RecallTable.Row("b", "digits", "stored", seed, stored, 0.1, 10 * stored, 0.98, 0.5, 0.9));
            }
            for (double c : new double[] {0, 0.15, 0.4}) {
                for (String set : List.of("random", "digits")) {
                    int stored = set.equals("random") ? 10 : 3;
                    rows.add(new RecallTable.Row("a", set, "corruption", seed, stored, c, 10 * stored, 0.98, 1 - c, 1));
                    rows.add(new RecallTable.Row("b", set, "corruption", seed, stored, c, 10 * stored, 0.98, 1 - 2 * c, 1));
                }
            }
        }
        RecallTable.write(tmp.resolve(RecallTable.NAME), rows);
        assertEquals(rows, RecallTable.read(tmp.resolve(RecallTable.NAME)), "the table reads back as written");
        LearnersFile.write(tmp, List.of(new Described("a", Family.BIO, BIO, "#009E73", ""),
                new Described("b", Family.GRADIENT, GRADIENT, "", "")));
        Map<String, Object> prov = Map.of("spec", Map.of("seeds", 2), "pattern_sets", List.of(
                new RecallTable.PatternSet("random", "Random \u00b11 patterns", 100, true).describe(),
                new RecallTable.PatternSet("digits", "Binarised 8x8 digits", 64, false).describe()));
        run = RunFolder.of(tmp, new ObjectMapper().valueToTree(prov));
    }

    private static Set<String> legend(XYChart c) {
        return c.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).collect(Collectors.toSet());
    }

    @Test
    void recallAgainstStoredIsTheMeanOverSeedsInPercentWithTheCapacityLine() {
        PanelFigure f = MemoryFigures.stored(Look.of(run));
        assertEquals(2, f.panels().size());
        XYChart random = f.panels().get(0);
        assertEquals("Random \u00b11 patterns, N = 100 units", random.getTitle());
        assertEquals("Binarised 8x8 digits, N = 64 units", f.panels().get(1).getTitle());
        assertEquals(Set.of(BIO, GRADIENT, "0.138 N = 13.8 (Amit et al. 1985)"), legend(random));
        XYSeries a = random.getSeries(BIO);
        assertEquals(new Color(0x009E73), a.getLineColor(), "the colour learners.csv gives");
        assertArrayEquals(new double[] {1, 10, 20}, a.getXData(), 0.0);
        assertArrayEquals(new double[] {100, 70, 10}, a.getYData(), 1e-9, "mean over seeds, in percent");
        XYSeries band = random.getSeries(BIO + " 95 % t-interval");
        // the band runs along the upper edge and back along the lower one: the 95 % t-interval of the
        // mean, cut at 0 and 100 %; at 10 stored the two seeds recall 60 and 80 %: 70 ± 12.706 * 10 = [0, 100]
        assertArrayEquals(new double[] {100, 100, 10, 10, 0, 100}, band.getYData(), 1e-9);
        XYSeries line = random.getSeries("0.138 N = 13.8 (Amit et al. 1985)");
        assertArrayEquals(new double[] {13.8, 13.8}, line.getXData(), 1e-9);
        XYSeries digitLine = f.panels().get(1).getSeries("0.138 N = 8.83 (random patterns)");
        assertEquals(0.138 * 64, digitLine.getXData()[0], 1e-9);
        assertArrayEquals(new double[] {50, 50, 50}, f.panels().get(1).getSeries(GRADIENT).getYData(), 1e-9);
        for (XYChart c : f.panels()) {
            assertEquals("cues recalled (%)", c.getYAxisTitle());
            assertEquals("patterns stored (P)", c.getXAxisTitle());
        }
        assertTrue(f.subtitle().contains("10 % of units flipped"), f.subtitle());
        assertTrue(f.subtitle().contains("overlap \u2265 0.98"), f.subtitle());
        assertTrue(f.subtitle().contains("2 seeds"), f.subtitle());
    }

    @Test
    void recallAgainstCorruptionIsInPercentOfUnitsFlipped() {
        PanelFigure f = MemoryFigures.corruption(Look.of(run));
        XYChart random = f.panels().get(0);
        assertTrue(random.getTitle().endsWith("P = 10 stored"), random.getTitle());
        assertTrue(f.panels().get(1).getTitle().endsWith("P = 3 stored"), f.panels().get(1).getTitle());
        assertEquals("units flipped in the cue (%)", random.getXAxisTitle());
        XYSeries b = random.getSeries(GRADIENT);
        assertArrayEquals(new double[] {0, 15, 40}, b.getXData(), 1e-9);
        assertArrayEquals(new double[] {100, 70, 20}, b.getYData(), 1e-9);
        assertEquals(Set.of(BIO, GRADIENT), legend(random));
    }

    @Test
    void aRunWithoutPatternSetsIsRefusedInOneSentence() throws IOException {
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.copy(tmp.resolve(RecallTable.NAME), other.resolve(RecallTable.NAME));
        Files.copy(tmp.resolve(LearnersFile.NAME), other.resolve(LearnersFile.NAME));
        RunFolder bare = RunFolder.of(other, new ObjectMapper().valueToTree(Map.of("spec", Map.of("seeds", 2))));
        UserError e = assertThrows(UserError.class, () -> MemoryFigures.stored(Look.of(bare)));
        assertTrue(e.getMessage().contains("pattern_sets"), e.getMessage());
    }

    @Test
    void theFormatDropsTrailingZeros() {
        assertEquals("13.8", MemoryFigures.fmt(13.8));
        assertEquals("0.98", MemoryFigures.fmt(0.98));
        assertEquals("10", MemoryFigures.fmt(10.000000000000002));
        assertEquals("8.83", MemoryFigures.fmt(0.138 * 64));
    }
}
