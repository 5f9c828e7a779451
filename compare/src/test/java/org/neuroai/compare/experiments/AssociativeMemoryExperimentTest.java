package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Summary;
import org.neuroai.compare.experiments.PatternTasks.Denoising;
import org.neuroai.compare.experiments.PatternTasks.Patterns;
import org.neuroai.compare.experiments.PatternTasks.Storage;
import org.neuroai.compare.files.RecallTable;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.Batch;
import org.neuroai.core.RunSpec;
import org.neuroai.core.SampleStream;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

class AssociativeMemoryExperimentTest {
    @TempDir
    static Path tmp;
    static Path run;
    static List<RecallTable.Row> rows;

    @BeforeAll
    static void runOnce() {
        // The default N = 100 and 10 % corruption, with fewer numbers stored and a shorter training.
        run = tmp.resolve("am");
        Runner.run(new RunSpec("associative-memory", 2, 0, false, Map.of("stored", "1,5,14,25", "corruption", "0,0.2",
                "dae.presentations", "2000"), "test"), run);
        rows = RecallTable.read(run.resolve(RecallTable.NAME));
    }

    private static RecallTable.Row row(String learner, String patterns, String sweep, long seed, int stored, double corruption) {
        return rows.stream().filter(p -> p.learner().equals(learner) && p.patterns().equals(patterns)
                && p.sweep().equals(sweep) && p.seed() == seed && p.stored() == stored && p.corruption() == corruption)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + learner + " " + patterns + " " + sweep + " "
                        + seed + " " + stored + " " + corruption));
    }

    @Test
    void hopfieldRecallFollowsTheCapacityOfAbout0138N() throws IOException {
        // Amit, Gutfreund & Sompolinsky 1985: capacity about 0.138 N = 13.8 patterns for N = 100.
        // With 10 % of the units flipped, 5 patterns (50 cues per seed) are recalled above 95 %, 25
        // patterns (250 cues) below 50 % (about 9 % in the full run).
        for (String f : List.of("curves.csv", "recall.csv", "learners.csv", "recall_vs_stored.png", "recall_vs_stored.svg",
                "recall_vs_corruption.png", "recall_vs_corruption.svg", "provenance.json")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        for (long seed = 0; seed < 2; seed++) {
            RecallTable.Row low = row("hopfield", "random", "stored", seed, 5, 0.1);
            RecallTable.Row high = row("hopfield", "random", "stored", seed, 25, 0.1);
            assertEquals(50, low.cues());
            assertTrue(low.recall() > 0.95, low.toString());
            assertTrue(high.recall() < 0.5, high.toString());
            // a few patterns are recalled by both learners from clean and lightly corrupted cues
            assertEquals(1.0, row("hopfield", "random", "stored", seed, 1, 0.1).recall());
            assertEquals(1.0, row("dae", "random", "stored", seed, 5, 0.1).recall());
            assertEquals(1.0, row("hopfield", "random", "corruption", seed, 10, 0.0).recall(), "stored patterns are fixed points");
            // the digits are correlated: the outer-product memory loses them long before 0.138 N = 8.8
            assertTrue(row("hopfield", "digits", "stored", seed, 5, 0.1).recall() < 0.5);
        }
        // curves.csv carries the same numbers, which the summary prints
        int checked = 0;
        for (Summary.Final f : Summary.finals(TraceReader.read(run.resolve("curves.csv"), r -> true))) {
            if (f.learner().equals("hopfield") && f.metric().equals("recall_random_5")) {
                assertTrue(f.min() > 0.95, f.toString());
                assertEquals(5, f.step(), "storing 5 patterns takes 5 presentations");
                checked++;
            }
            if (f.learner().equals("hopfield") && f.metric().equals("recall_random_25")) {
                assertTrue(f.max() < 0.5, f.toString());
                checked++;
            }
            if (f.metric().equals("capacity_random") && f.learner().equals("hopfield")) {
                assertTrue(f.min() >= 5 && f.max() < 25, "recalled at 90 % up to 5 or 14 of 1, 5, 14, 25: " + f);
                checked++;
            }
            if (f.learner().equals("dae")) {
                assertEquals(2000, f.step());
                checked++;
            }
        }
        assertEquals(3 + 4, checked, "every summary row is there");
        for (TraceRow r : TraceReader.read(run.resolve("curves.csv"), r -> r.learner().equals("hopfield") && r.metric().startsWith("capacity"))) {
            assertEquals(r.value(), r.step(), "storing as many patterns as the capacity takes as many presentations: " + r);
        }
    }

    @Test
    void bothLearnersSeeTheSameCuesAndEveryLearnerIsDescribed() {
        // the same cues give the same recall bookkeeping: as many cues for each learner at each condition
        for (RecallTable.Row p : rows) {
            RecallTable.Row other = row(p.learner().equals("dae") ? "hopfield" : "dae", p.patterns(), p.sweep(), p.seed(),
                    p.stored(), p.corruption());
            assertEquals(p.cues(), other.cues());
            assertEquals(10 * p.stored(), p.cues(), "10 cues per stored pattern");
        }
        // both sweeps on both pattern sets, for both learners and seeds: (4 + 2) points per set
        assertEquals(2 * 2 * 2 * (4 + 2), rows.size());
        RunFolder folder = RunFolder.open(run);
        assertEquals(List.of("hopfield", "dae"), List.copyOf(folder.learners().keySet()));
        assertEquals(List.of(new RecallTable.PatternSet("random", "Random \u00b11 patterns", 100, true),
                new RecallTable.PatternSet("digits", "Binarised 8x8 digits", 64, false)),
                RecallTable.PatternSet.of(folder.provenance(), run));
    }

    @Test
    void theCuesOfAPointAreTheSameForEveryLearnerAndFlipExactlyTheirShare() {
        Patterns random = Patterns.random("random", "r", 100);
        double[][] a = AssociativeMemoryExperiment.cues(random, 5, 0.2, 3, 7);
        double[][] b = AssociativeMemoryExperiment.cues(random, 5, 0.2, 3, 7);
        assertEquals(15, a.length);
        for (int c = 0; c < a.length; c++) {
            assertArrayEquals(a[c], b[c], "cue " + c + " is drawn again the same");
            double[] pattern = random.first(5, 7)[c / 3];
            int flipped = 0;
            for (int i = 0; i < 100; i++) {
                flipped += a[c][i] != pattern[i] ? 1 : 0;
            }
            assertEquals(20, flipped, "cue " + c + " flips 20 % of 100 units");
        }
        assertFalse(Arrays.equals(a[0], AssociativeMemoryExperiment.cues(random, 5, 0.2, 3, 8)[0]), "another seed, other cues");
        assertFalse(Arrays.equals(a[0], AssociativeMemoryExperiment.cues(random, 5, 0.3, 3, 7)[0]), "another level, other cues");
    }

    @Test
    void theTasksPresentEachPatternOnceOrInFreshlyCorruptedEpochs() {
        Patterns random = Patterns.random("random", "r", 50);
        double[][] ten = random.first(10, 3);
        double[][] four = random.first(4, 3);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(ten[k], four[k], "the first patterns do not depend on how many are drawn");
        }
        assertFalse(Arrays.equals(ten[0], random.first(1, 4)[0]), "each seed has its own patterns");
        // storage: the first P patterns once, in order, and no more
        SampleStream s = new Storage(random, 4).stream(3);
        Batch b = s.next(4);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(four[k], b.inputs()[k]);
        }
        assertThrows(IllegalStateException.class, () -> s.next(1));
        // denoising: every epoch visits each of the P patterns once, 10 of 50 units flipped, the clean pattern as 0/1 target
        SampleStream d = new Denoising(random, 4, 0.2).stream(3);
        for (int epoch = 0; epoch < 3; epoch++) {
            Batch e = d.next(4);
            Map<Integer, Integer> seen = new HashMap<>();
            for (int q = 0; q < 4; q++) {
                int k = -1;
                for (int j = 0; j < 4; j++) {
                    boolean match = true;
                    for (int i = 0; i < 50; i++) {
                        match &= e.targets()[q][i] == (four[j][i] + 1) / 2;
                    }
                    k = match ? j : k;
                }
                assertTrue(k >= 0, "the target is a clean pattern");
                seen.merge(k, 1, Integer::sum);
                int flipped = 0;
                for (int i = 0; i < 50; i++) {
                    flipped += e.inputs()[q][i] != four[k][i] ? 1 : 0;
                }
                assertEquals(10, flipped);
            }
            assertEquals(4, seen.size(), "epoch " + epoch + " presents every pattern once");
        }
        assertArrayEquals(new Denoising(random, 4, 0.2).stream(3).next(8).inputs()[5],
                new Denoising(random, 4, 0.2).stream(3).next(8).inputs()[5], "same seed, same samples");
    }

    @Test
    void digitPatternsAreDistinctImagesInFileOrder() {
        double[][] d = AssociativeMemoryExperiment.digitPatterns(Datasets.digits(), 8, 30);
        assertEquals(30, d.length);
        assertEquals(64, d[0].length);
        for (int a = 0; a < d.length; a++) {
            for (int b = 0; b < a; b++) {
                assertTrue(!Arrays.equals(d[a], d[b]), "images " + a + " and " + b + " differ");
            }
        }
        double[] zero = Datasets.digits().inputs()[0];
        for (int j = 0; j < 64; j++) {
            assertEquals(zero[j] >= 8 ? 1 : -1, d[0][j], "the first image, a 0, pixel " + j);
        }
    }

    @Test
    void badListsAreRefusedBeforeAnythingIsWritten() {
        UserError e = assertThrows(UserError.class, () -> Runner.run(new RunSpec("associative-memory", 1, 0, true,
                Map.of("stored", "1,x"), "test"), tmp.resolve("x")));
        assertTrue(e.getMessage().contains("'stored'"), e.getMessage());
        e = assertThrows(UserError.class, () -> Runner.run(new RunSpec("associative-memory", 1, 0, true,
                Map.of("corruption", "0.1,0.7"), "test"), tmp.resolve("x")));
        assertTrue(e.getMessage().contains("'corruption'"), e.getMessage());
        e = assertThrows(UserError.class, () -> Runner.run(new RunSpec("associative-memory", 1, 0, true,
                Map.of("stored", "1,5", "report_stored", "25"), "test"), tmp.resolve("x")));
        assertTrue(e.getMessage().contains("'report_stored'"), e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("x")));
    }
}
