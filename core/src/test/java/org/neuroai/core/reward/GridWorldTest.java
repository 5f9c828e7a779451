package org.neuroai.core.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/**
 * The grid world's value iteration against values derived by hand, its moves, and its refusals of
 * bad parameters.
 */
class GridWorldTest {
    private static GridWorld maze(double slip, double step, double goal, double gamma) {
        return new GridWorld(GridWorld.DYNA_MAZE, slip, step, goal, gamma, 500);
    }

    /**
     * Sutton &amp; Barto's maze (Example 8.1): the shortest path from S at row 2, column 0 to G at row
     * 0, column 8 goes down to row 4, right under the wall of column 2, up to row 3 and along it past
     * the wall of column 7 (which the path over the top would have to go round), then up column 8:
     * (2,0) (3,0) (4,0) (4,1) (4,2) (4,3) (3,3) (3,4) (3,5) (3,6) (3,7) (3,8) (2,8) (1,8) (0,8),
     * 14 steps. Without slips the optimal return is then −14 at one −1 per step, and with a discount
     * γ the sum −(1 + γ + … + γ^13) = −(1 − γ^14)/(1 − γ); with the book's own rewards (0 per step,
     * 1 at the goal, γ = 0.95) it is γ^13.
     */
    @Test
    void onTheDeterministicMazeTheOptimalReturnIsTheShortestPathsFourteenSteps() {
        assertEquals(14, maze(0, -1, 0, 1).shortestPath());
        assertEquals(-14, maze(0, -1, 0, 1).optimalReturn(), 1e-9);
        double g = 0.9;
        assertEquals(-(1 - Math.pow(g, 14)) / (1 - g), maze(0, -1, 0, g).optimalReturn(), 1e-9);
        assertEquals(Math.pow(0.95, 13), maze(0, 0, 1, 0.95).optimalReturn(), 1e-9);
        assertEquals(14, maze(0, 0, 1, 0.95).fewestExpectedSteps(), 1e-9, "whatever the rewards");
    }

    /**
     * A corridor of two cells, start then goal, with slip probability p: a step reaches the goal
     * when it does not slip and goes right (1 − p) or slips to the right (p/4), and otherwise stays
     * (up, down and left are blocked). So the number of steps is geometric with q = 1 − p + p/4, and
     * the optimal return at −1 per step is −1/q.
     */
    @Test
    void onASlipperyCorridorTheOptimalReturnIsMinusOneOverTheChanceOfGettingThrough() {
        for (double p : new double[] {0, 0.1, 0.5, 1}) {
            GridWorld c = new GridWorld("SG", p, -1, 0, 1, 100);
            assertEquals(-1 / (1 - p + p / 4), c.optimalReturn(), 1e-9, "slip " + p);
            assertEquals(1 / (1 - p + p / 4), c.fewestExpectedSteps(), 1e-9, "slip " + p);
        }
    }

    /** Slips make the optimal return worse than the shortest path's, and value iteration's greedy moves walk the shortest path. */
    @Test
    void slipsCostStepsAndTheGreedyPolicyOfTheOptimalValuesWalksAShortestPath() {
        GridWorld m = maze(0.1, -1, 0, 1);
        double slippery = m.optimalReturn();
        assertTrue(slippery < -14 && slippery > -20, "slip 0.1: " + slippery);
        GridWorld d = maze(0, -1, 0, 1);
        double[][] q = d.actionValues(d.optimalValues());
        int at = d.start();
        int steps = 0;
        while (at != d.goal() && steps < 100) {
            int best = 0;
            for (int a = 1; a < 4; a++) {
                best = q[at][a] > q[at][best] ? a : best;
            }
            at = d.move(at, best);
            steps++;
        }
        assertEquals(14, steps);
    }

    /** An episode: the observation is one-hot at the cell, a wall stops a move, the goal ends the episode with its reward. */
    /**
     * On a deterministic 2 × 2 grid with the start top left and the goal bottom right, both ways to
     * the goal are two steps: right and down are optimal from the start (value −2), and from each
     * other cell the one move into the goal (value −1); walking into the edge or away costs a step
     * more. With a slip of 0.2, going right from the start slips down half the time it slips, and
     * vice versa, so the two stay exact ties; the observation of a cell is its one-hot code and
     * the layout reads back as given.
     */
    @Test
    void optimalActionsKeepTiesAndTheObservationOfACellIsItsOneHotCode() {
        GridWorld g = new GridWorld("S./.G", 0, -1, 0, 1, 100);
        boolean[][] opt = g.optimalActions(1e-9);
        assertTrue(java.util.Arrays.equals(new boolean[] {false, true, true, false}, opt[0]), "start: right and down");
        assertTrue(java.util.Arrays.equals(new boolean[] {false, false, true, false}, opt[1]), "top right: down into the goal");
        assertTrue(java.util.Arrays.equals(new boolean[] {false, true, false, false}, opt[2]), "bottom left: right into the goal");
        assertTrue(java.util.Arrays.equals(new boolean[4], opt[3]), "none at the goal");
        assertEquals(-2, g.optimalValues()[0], 1e-12);
        GridWorld slippery = new GridWorld("S./.G", 0.2, -1, 0, 1, 100);
        assertTrue(java.util.Arrays.equals(new boolean[] {false, true, true, false}, slippery.optimalActions(1e-9)[0]));
        double[] obs = new double[4];
        g.observe(2, obs);
        assertTrue(java.util.Arrays.equals(new double[] {0, 0, 1, 0}, obs));
        assertEquals("S./.G", g.layout());
        assertEquals(GridWorld.DYNA_MAZE, maze(0.1, -1, 0, 1).layout());
    }

    @Test
    void movesStopAtWallsAndTheGoalEndsTheEpisode() {
        GridWorld g = new GridWorld("S#G/...", 0, -1, 5, 1, 100);
        double[] obs = new double[g.observationDim()];
        g.reset(0, 1, obs);
        assertEquals(1, obs[0], 0.0);
        assertEquals(-1, g.step(1, obs), 0.0, "right into the wall");
        assertEquals(1, obs[0], 0.0);
        g.step(2, obs);
        g.step(1, obs);
        g.step(1, obs);
        assertEquals(1, obs[5], 0.0);
        assertEquals(-1 + 5, g.step(0, obs), 0.0, "up into the goal");
        assertTrue(g.terminal());
    }

    @Test
    void badLayoutsAndAFreeStepWithoutDiscountAreRefusedInOneSentence() {
        for (String bad : new String[] {"S.G/..", "S.x/..G", "S.S/..G", "S../...", "S#./##G"}) {
            UserError e = assertThrows(UserError.class, () -> new GridWorld(bad, 0, -1, 0, 1, 10), bad);
            assertTrue(e.getMessage().contains("'layout'"), e.getMessage());
        }
        var f = new GridWorld.Factory();
        UserError e = assertThrows(UserError.class, () -> f.create(Params.resolve(f.parameters(), Map.of("step_reward", 0.0), "test")));
        assertTrue(e.getMessage().contains("'step_reward'") && e.getMessage().contains("'gamma'"), e.getMessage());
    }
}
