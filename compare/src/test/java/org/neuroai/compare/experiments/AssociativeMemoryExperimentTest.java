package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Summary;
import org.neuroai.compare.charts.RecallPoints;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;

class AssociativeMemoryExperimentTest {
    @TempDir
    static Path tmp;
    static Path run;
    static List<RecallPoints.Point> points;

    @BeforeAll
    static void runOnce() {
        // The default N = 100 and 10 % corruption, with fewer numbers stored and a shorter training.
        run = tmp.resolve("am");
        Runner.run(new RunSpec("associative-memory", 2, 0, false, Map.of("stored", "1,5,14,25", "corruption", "0,0.2",
                "dae.presentations", "2000"), "test"), run);
        points = RecallPoints.read(run.resolve("recall.csv"));
    }

    private static RecallPoints.Point point(String learner, String patterns, String sweep, long seed, int stored,
                                            double corruption) {
        return points.stream().filter(p -> p.learner().equals(learner) && p.patterns().equals(patterns)
                && p.sweep().equals(sweep) && p.seed() == seed && p.stored() == stored && p.corruption() == corruption)
                .findFirst().orElseThrow(() -> new AssertionError("no point " + learner + " " + patterns + " " + sweep + " "
                        + seed + " " + stored + " " + corruption));
    }

    @Test
    void hopfieldRecallFollowsTheCapacityOfAbout0138N() throws IOException {
        // Amit, Gutfreund & Sompolinsky 1985: capacity about 0.138 N = 13.8 patterns for N = 100.
        // With 10 % of the units flipped, 5 patterns (50 cues per seed) are recalled above 95 %, 25
        // patterns (250 cues) below 50 % (about 7 % in the full run).
        for (String f : List.of("curves.csv", "recall.csv", "recall_vs_stored.png", "recall_vs_stored.svg",
                "recall_vs_corruption.png", "recall_vs_corruption.svg", "provenance.json")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        for (long seed = 0; seed < 2; seed++) {
            RecallPoints.Point low = point("hopfield", "random", "stored", seed, 5, 0.1);
            RecallPoints.Point high = point("hopfield", "random", "stored", seed, 25, 0.1);
            assertEquals(50, low.cues());
            assertTrue(low.recall() > 0.95, low.toString());
            assertTrue(high.recall() < 0.5, high.toString());
            // a few patterns are recalled by both learners from clean and lightly corrupted cues
            assertEquals(1.0, point("hopfield", "random", "stored", seed, 1, 0.1).recall());
            assertEquals(1.0, point("dae", "random", "stored", seed, 5, 0.1).recall());
            assertEquals(1.0, point("hopfield", "random", "corruption", seed, 10, 0.0).recall(), "stored patterns are fixed points");
        }
        // curves.csv carries the same numbers, which the summary prints
        for (Summary.Final f : Summary.finals(TraceReader.read(run.resolve("curves.csv"), r -> true))) {
            if (f.learner().equals("hopfield") && f.metric().equals("recall_random_5")) {
                assertTrue(f.min() > 0.95, f.toString());
                assertEquals(5, f.step(), "storing 5 patterns takes 5 presentations");
            }
            if (f.learner().equals("hopfield") && f.metric().equals("recall_random_25")) {
                assertTrue(f.max() < 0.5, f.toString());
            }
            if (f.metric().equals("capacity_random") && f.learner().equals("hopfield")) {
                assertTrue(f.min() >= 5 && f.max() < 25, "recalled at 90 % up to 5 or 14 of 1, 5, 14, 25: " + f);
            }
            if (f.learner().equals("dae")) {
                assertEquals(2000, f.step());
            }
        }
    }

    @Test
    void bothLearnersSeeTheSameCues() {
        // the same cues give the same recall bookkeeping: as many cues for each learner at each condition
        for (RecallPoints.Point p : points) {
            RecallPoints.Point other = point(p.learner().equals("dae") ? "hopfield" : "dae", p.patterns(), p.sweep(), p.seed(),
                    p.stored(), p.corruption());
            assertEquals(p.cues(), other.cues());
            assertEquals(10 * p.stored(), p.cues(), "10 cues per stored pattern");
        }
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
