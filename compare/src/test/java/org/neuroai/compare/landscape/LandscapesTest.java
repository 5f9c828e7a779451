package org.neuroai.compare.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LandscapesTest {
    /** A made-up one-unit path towards the top principal axis of diag(3, 2, 1), on the tied loss J(w). */
    private static Landscapes.Result result() {
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
        return Landscapes.compute(s, traj, List.of(), new Landscapes.Options(0, 21, 1.0, Set.of("png")));
    }

    @Test
    void theLandscapeAtItsCentreIsTheFinalLoss() {
        Landscapes.Result r = result();
        double expected = 3 * Math.pow(1 - 0.95 * 0.95, 2) + 2 + 1;
        assertEquals(expected, r.finalLoss(), 1e-12, "J at the final weights, by hand");
        assertEquals(0.0, r.random().as()[10], 1e-15);
        assertEquals(r.finalLoss(), r.random().loss()[10][10], 1e-12, "the random plane at (0, 0)");
        Landscapes.Line line = r.lines().get(0);
        assertEquals(1.0, line.alpha()[60], 1e-12);
        assertEquals(r.finalLoss(), line.loss()[60], 1e-12, "the line at alpha = 1");
        assertEquals(0.0, line.alpha()[20], 1e-12);
        double[] start = {0.2, 0.6, 0.3};
        double n2 = 0.2 * 0.2 + 0.6 * 0.6 + 0.3 * 0.3;
        double j0 = 6 - 2 * (3 * 0.04 + 2 * 0.36 + 0.09) + (3 * 0.04 + 2 * 0.36 + 0.09) * n2;
        assertEquals(j0, line.loss()[20], 1e-12, "the line at alpha = 0 is the initial loss");
        Landscapes.Walk w = r.walks().get(0);
        assertEquals(0.0, w.a()[w.a().length - 1], 1e-12, "the path ends at the plane's origin");
        assertEquals(r.finalLoss(), w.loss()[w.loss().length - 1], 1e-12);
    }

    @Test
    void thePcaGridCoversThePath() {
        Landscapes.Result r = result();
        Landscapes.Walk w = r.walks().get(0);
        double[] as = r.pca().as();
        double[] bs = r.pca().bs();
        for (int i = 0; i < w.a().length; i++) {
            assertTrue(w.a()[i] >= as[0] && w.a()[i] <= as[as.length - 1]);
            assertTrue(w.b()[i] >= bs[0] && w.b()[i] <= bs[bs.length - 1]);
        }
    }
}
