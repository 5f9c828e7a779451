package org.neuroai.compare.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.files.LandscapeFiles;

class LandscapesTest {
    /** A made-up one-unit path towards the top principal axis of diag(3, 2, 1), on the tied loss J(w). */
    private static LandscapeFiles.Landscape result() {
        double[][] c = {{3, 0, 0}, {0, 2, 0}, {0, 0, 1}};
        Surface s = new Surface("oja", "test", "J", List.of(new Block("w", 1, 3, Block.Filters.ROWS)), Losses.tied(c, 1), List.of());
        int n = 12;
        long[] steps = new long[n];
        double[][] theta = new double[n][];
        for (int t = 0; t < n; t++) {
            double f = t / (n - 1.0);
            steps[t] = 10L * t;
            theta[t] = new double[] {0.2 + 0.75 * f, 0.6 * (1 - f) * Math.cos(3 * f), 0.3 * (1 - f)};
        }
        Trajectory traj = new Trajectory("oja", steps, theta);
        return Landscapes.compute(s, traj, List.of(), new Landscapes.Options(0, 21, 1.0));
    }

    @Test
    void theLandscapeAtItsCentreIsTheFinalLoss() {
        LandscapeFiles.Landscape r = result();
        double expected = 3 * Math.pow(1 - 0.95 * 0.95, 2) + 2 + 1;
        assertEquals(expected, r.surface().finalLoss(), 1e-12, "J at the final weights, by hand");
        assertEquals(0.0, r.random().as()[10], 1e-15);
        assertEquals(r.surface().finalLoss(), r.random().loss()[10][10], 1e-12, "the random plane at (0, 0)");
        LandscapeFiles.Line line = r.lines().get(0);
        assertEquals(1.0, line.alpha()[60], 1e-12);
        assertEquals(r.surface().finalLoss(), line.loss()[60], 1e-12, "the line at alpha = 1");
        assertEquals(0.0, line.alpha()[20], 1e-12);
        double[] start = {0.2, 0.6, 0.3};
        double n2 = 0.2 * 0.2 + 0.6 * 0.6 + 0.3 * 0.3;
        double j0 = 6 - 2 * (3 * 0.04 + 2 * 0.36 + 0.09) + (3 * 0.04 + 2 * 0.36 + 0.09) * n2;
        assertEquals(j0, line.loss()[20], 1e-12, "the line at alpha = 0 is the initial loss");
        LandscapeFiles.Walk w = r.walks().get(0);
        assertEquals(0.0, w.a()[w.a().length - 1], 1e-12, "the path ends at the plane's origin");
        assertEquals(r.surface().finalLoss(), w.loss()[w.loss().length - 1], 1e-12);
    }

    @Test
    void thePcaGridCoversThePath() {
        LandscapeFiles.Landscape r = result();
        LandscapeFiles.Walk w = r.walks().get(0);
        double[] as = r.pca().as();
        double[] bs = r.pca().bs();
        for (int i = 0; i < w.a().length; i++) {
            assertTrue(w.a()[i] >= as[0] && w.a()[i] <= as[as.length - 1]);
            assertTrue(w.b()[i] >= bs[0] && w.b()[i] <= bs[bs.length - 1]);
        }
    }

    @Test
    void theFilesGiveBackWhatWasComputed(@TempDir Path dir) throws IOException {
        LandscapeFiles.Landscape r = result();
        LandscapeFiles.Surface s = new LandscapeFiles.Surface("oja", "J, with a comma", r.surface().loss(), 0, r.surface().finalLoss(),
                List.of(new LandscapeFiles.Guest("gha", "first unit, as w")));
        LandscapeFiles.write(dir, List.of(new LandscapeFiles.Landscape(s, r.lines(), r.random(), r.pca(), r.explained(), r.walks())));
        assertEquals(List.of(s), LandscapeFiles.surfaces(dir), "titles and notes with commas survive");
        LandscapeFiles.Line line = LandscapeFiles.lines(dir).get("oja").get(0);
        assertArrayEquals(r.lines().get(0).alpha(), line.alpha());
        assertArrayEquals(r.lines().get(0).loss(), line.loss());
        for (LandscapeFiles.Field f : List.of(r.random(), r.pca())) {
            LandscapeFiles.Field back = LandscapeFiles.plane(dir, f.plane()).get("oja");
            assertArrayEquals(f.as(), back.as());
            assertArrayEquals(f.bs(), back.bs());
            for (int i = 0; i < f.bs().length; i++) {
                assertArrayEquals(f.loss()[i], back.loss()[i], "row " + i + " of the " + f.plane() + " plane");
            }
        }
        LandscapeFiles.Walk w = LandscapeFiles.walks(dir).get("oja").get(0);
        assertArrayEquals(r.walks().get(0).steps(), w.steps());
        assertArrayEquals(r.walks().get(0).a(), w.a());
        assertArrayEquals(r.walks().get(0).loss(), w.loss());
        assertArrayEquals(r.explained(), LandscapeFiles.explained(dir).get("oja"));
    }
}
