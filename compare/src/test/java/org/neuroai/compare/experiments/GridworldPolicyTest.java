package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.ann.reward.DeepActorCritic;
import org.neuroai.ann.reward.Reinforce;
import org.neuroai.bio.reward.ActorCritic;
import org.neuroai.compare.Runner;
import org.neuroai.compare.charts.MazeFigure;
import org.neuroai.compare.engine.Engine;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.RewardFigures;
import org.neuroai.compare.files.PolicyTable;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.Learner;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.RunSpec;
import org.neuroai.core.SampleStream;
import org.neuroai.core.reward.AgentLearner;
import org.neuroai.core.reward.EnvironmentTask;
import org.neuroai.core.reward.GridWorld;
import org.neuroai.core.reward.PolicyView;

/**
 * What the gridworld experiment says each learner learnt: {@code policy.csv} and the figure
 * {@code gridworld-policy}. Reading a policy changes nothing (the run's curves and every learner's
 * episodes are the same with and without it); the optimal panel shows value iteration's optimal
 * actions, checked against cells next to the goal worked out by hand; the probabilities are
 * distributions; and the three-factor learner, trained as in the experiment, takes optimal actions
 * along the shortest path.
 */
class GridworldPolicyTest {
    private static final Params GRID = Params.defaults(new GridWorld.Factory().parameters());
    private static final GridWorld MAZE = GridWorld.of(GRID);
    /** Short runs of all four learners: few episodes, short episodes. */
    private static final Map<String, Object> SHORT = Map.of("episodes", 6, "max_steps", 40, "every", 2, "threads", 2);

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("gridworld");
        Map<String, Object> set = new HashMap<>(SHORT);
        Runner.run(new RunSpec("gridworld", 2, 0, false, set, "test"), run);
    }

    private static int cell(int row, int col) {
        return row * MAZE.cols() + col;
    }

    private static Study study(Map<String, Object> settings) {
        GridworldExperiment e = new GridworldExperiment();
        return e.study(Params.resolve(e.settings(), settings, "test"));
    }

    /**
     * The tolerance by which an action counts as optimal falls in a gap of the maze's action values:
     * every action is either within 0.08 of its cell's best or 0.15 or more below it, so which
     * actions count does not hang on the tolerance's exact value.
     */
    @Test
    void theToleranceOfOptimalActionsFallsInAGapOfTheActionValues() {
        double[][] q = MAZE.actionValues(MAZE.optimalValues());
        for (int c = 0; c < q.length; c++) {
            double best = java.util.Arrays.stream(q[c]).max().orElseThrow();
            for (double x : q[c]) {
                assertTrue(best - x < 0.08 || best - x > 0.15, "cell " + c + ": an action " + (best - x) + " below the best");
            }
        }
        assertTrue(0.08 < GridworldExperiment.OPTIMAL_TOLERANCE && GridworldExperiment.OPTIMAL_TOLERANCE < 0.15);
    }

    @Test
    void theCurvesAreTheSameWithAndWithoutThePolicyTable() throws Exception {
        Study with = study(SHORT);
        Study without = new Study(with.conditions(), with.metrics(), Plugin.NONE, with.figures(), with.stepUnit(), with.inEpochs(),
                with.threads(), with.facts(), with.sideBySide());
        long[] seeds = {0, 1};
        Path a = Files.createDirectories(tmp.resolve("with"));
        Path b = Files.createDirectories(tmp.resolve("without"));
        Engine.run(with, seeds, a);
        Engine.run(without, seeds, b);
        assertTrue(Files.exists(a.resolve(PolicyTable.NAME)) && !Files.exists(b.resolve(PolicyTable.NAME)));
        assertEquals(Files.readString(b.resolve(Traces.CURVES)), Files.readString(a.resolve(Traces.CURVES)));
    }

    /** Every learner of the experiment, with the experiment's settings, on the seed given. */
    private static List<AgentLearner> learners(long seed) {
        GridworldExperiment e = new GridworldExperiment();
        Params s = Params.resolve(e.settings(), Map.of(), "test");
        EnvironmentTask task = GridWorld.task(GRID);
        return List.of(new ActorCritic("tf", task.environment(), RewardLearners.of(s, "tf", ActorCritic.settings()), seed),
                new ActorCritic("td", task.environment(), RewardLearners.of(s, "td", ActorCritic.settings()), seed),
                new DeepActorCritic("ac", task.environment(), RewardLearners.of(s, "ac", DeepActorCritic.settings()), seed),
                new Reinforce("rf", task.environment(), RewardLearners.of(s, "rf", Reinforce.settings()), seed));
    }

    /** Reads the policy and value of every cell, as the experiment does. */
    private static void readAll(PolicyView v) {
        double[] obs = new double[MAZE.observationDim()];
        double[] p = new double[MAZE.actions()];
        for (int c = 0; c < obs.length; c++) {
            if (!MAZE.wall(c)) {
                MAZE.observe(c, obs);
                v.policy(obs, p);
                v.value(obs);
            }
        }
    }

    @Test
    void readingThePolicyBetweenEpisodesLeavesEveryLearnersEpisodesAndWeightsAsTheyWere() {
        List<AgentLearner> read = learners(3);
        List<AgentLearner> left = learners(3);
        for (int j = 0; j < read.size(); j++) {
            AgentLearner r = read.get(j);
            AgentLearner l = left.get(j);
            for (int e = 0; e < 8; e++) {
                readAll((PolicyView) r);
                assertEquals(l.play(e, 100 + e), r.play(e, 100 + e), r.name() + ", episode " + e);
                assertEquals(l.tally().lastSteps(), r.tally().lastSteps(), r.name() + ", episode " + e);
            }
            for (String g : r.weights().groups()) {
                assertArrayEquals(l.weights().copy(g), r.weights().copy(g), r.name() + ", weights " + g);
            }
        }
    }

    @Test
    void everyRowIsADistributionOverTheActionsWithAValueWhereTheLearnerHasACritic() {
        List<PolicyTable.Row> rows = PolicyTable.read(run.resolve(PolicyTable.NAME));
        int free = 0;
        for (int c = 0; c < MAZE.rows() * MAZE.cols(); c++) {
            free += MAZE.wall(c) || c == MAZE.goal() ? 0 : 1;
        }
        assertEquals(46, free, "54 cells less 7 walls and the goal");
        assertEquals(4 * 2 * free, rows.size(), "a row per learner, seed and cell");
        for (PolicyTable.Row r : rows) {
            double sum = 0;
            for (double p : r.p()) {
                assertTrue(p >= 0 && p <= 1, r.toString());
                sum += p;
            }
            assertEquals(1, sum, 1e-5, r.learner() + " at " + r.row() + "," + r.col());
            assertEquals(r.learner().equals(GridworldExperiment.REINFORCE), Double.isNaN(r.value()), r.learner() + ": a value iff a critic");
        }
    }

    @Test
    void theOptimalPanelShowsValueIterationsOptimalActionsAndTheHandWorkedCellsNextToTheGoal() {
        Figure f = Registry.get(Figure.class, "gridworld-policy", "figure");
        MazeFigure fig = (MazeFigure) f.draw(RunFolder.open(run));
        assertEquals(5, fig.panels().size(), "four learners and the optimal policy");
        MazeFigure.Panel optimal = fig.panels().get(4);
        assertEquals(RewardFigures.GridworldPolicy.OPTIMAL, optimal.label());
        boolean[][] vi = MAZE.optimalActions(GridworldExperiment.OPTIMAL_TOLERANCE);
        for (int c = 0; c < vi.length; c++) {
            if (!MAZE.wall(c) && c != MAZE.goal()) {
                assertArrayEquals(vi[c], optimal.arrows()[c], "cell " + c);
            }
        }
        // by hand: right under the goal (top right corner) only "up" enters it; in the column below, up too;
        // left of that column, with a wall above, only "right" leads on
        boolean[] up = {true, false, false, false};
        boolean[] right = {false, true, false, false};
        assertArrayEquals(up, optimal.arrows()[cell(1, 8)]);
        assertArrayEquals(up, optimal.arrows()[cell(2, 8)]);
        assertArrayEquals(up, optimal.arrows()[cell(3, 8)]);
        assertArrayEquals(right, optimal.arrows()[cell(3, 7)]);
        // and each learner's panel: one arrow per cell it shows, and a colour in [0, 1]
        for (MazeFigure.Panel p : fig.panels().subList(0, 4)) {
            for (int c = 0; c < vi.length; c++) {
                int arrows = 0;
                for (boolean a : p.arrows()[c]) {
                    arrows += a ? 1 : 0;
                }
                boolean shown = !MAZE.wall(c) && c != MAZE.goal();
                assertEquals(shown ? 1 : 0, arrows, p.label() + ", cell " + c);
                assertTrue(shown ? p.shade()[c] >= 0 && p.shade()[c] <= 1 : Double.isNaN(p.shade()[c]), p.label() + ", cell " + c);
            }
        }
    }

    /** The cells of the shortest path from the start, following value iteration's best action. */
    static List<Integer> shortestPath() {
        boolean[][] vi = MAZE.optimalActions(1e-9);
        List<Integer> path = new ArrayList<>();
        for (int c = MAZE.start(); c != MAZE.goal(); ) {
            path.add(c);
            int a = 0;
            while (!vi[c][a]) {
                a++;
            }
            c = MAZE.move(c, a);
        }
        return path;
    }

    /**
     * The three-factor learner with the experiment's settings after the experiment's 300 episodes, on
     * seeds 1 to 5: in runs made while writing this, it took an optimal action with probability 0.97
     * or more in 13 or 14 of the shortest path's 14 cells (the odd cell out: row 4, column 3, on
     * seed 5); the test asks for more than 0.9 in 11 cells.
     */
    @Test
    void theThreeFactorLearnerTakesAnOptimalActionAlongMostOfTheShortestPath() {
        List<Integer> path = shortestPath();
        assertEquals(MAZE.shortestPath(), path.size(), "value iteration's path is a shortest one");
        GridworldExperiment e = new GridworldExperiment();
        Params s = Params.resolve(e.settings(), Map.of(), "test");
        double[] v = MAZE.optimalValues();
        boolean[][] vi = MAZE.optimalActions(GridworldExperiment.OPTIMAL_TOLERANCE);
        for (long seed = 1; seed <= 5; seed++) {
            EnvironmentTask task = GridWorld.task(GRID);
            ActorCritic ac = new ActorCritic("tf", task.environment(), RewardLearners.of(s, "tf", ActorCritic.settings()), seed);
            SampleStream keys = task.stream(seed);
            for (int ep = 0; ep < s.integer("episodes"); ep++) {
                ac.learn(keys.next(1));
            }
            List<Learner> one = List.of(ac);
            int above = 0;
            StringBuilder b = new StringBuilder();
            for (PolicyTable.Row r : GridworldExperiment.rows(MAZE, v, vi, one, seed)) {
                if (path.contains(cell(r.row(), r.col()))) {
                    above += r.pOptimal() > 0.9 ? 1 : 0;
                    b.append(String.format(java.util.Locale.ROOT, " %.2f", r.pOptimal()));
                }
            }
            assertTrue(above >= 11, "seed " + seed + ": an optimal action with probability > 0.9 in " + above + " of the "
                    + path.size() + " cells of the shortest path:" + b);
        }
    }
}
