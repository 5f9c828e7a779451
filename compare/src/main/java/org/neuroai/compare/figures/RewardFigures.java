package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.MazeFigure;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.PolicyTable;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.compare.measures.Returns;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.reward.GridWorld;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of learning from reward: a bandit's reward per trial and choice of the best arm,
 * over trials, around the change of the best arm; how long each learner balances the pole
 * against episodes; the return of each episode in a grid world against the optimal return, and
 * the policy each learner ends with, cell by cell, beside the optimal one.
 */
public final class RewardFigures {
    private RewardFigures() {}

    private static Map<String, SeedStats> stats(RunFolder run, String metric) {
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> r.metric().equals(metric));
        Map<String, SeedStats> st = SeedStats.byLearner(rows, metric);
        if (st.isEmpty()) {
            throw new UserError(run.file(Traces.CURVES) + ": no '" + metric + "' to draw; the run does not come from an experiment "
                    + "of agents.");
        }
        return st;
    }

    private static double last(Map<String, SeedStats> st) {
        double last = 0;
        for (SeedStats s : st.values()) {
            last = Math.max(last, s.steps()[s.steps().length - 1]);
        }
        return last;
    }

    private static int seeds(Map<String, SeedStats> st) {
        int n = 0;
        for (SeedStats s : st.values()) {
            n = Math.max(n, s.seeds());
        }
        return n;
    }

    /** The learners' lines, family by family (bio, gradient, Bayesian) and in the run's order within each. */
    private static void lines(XYChart c, Look look, Map<String, SeedStats> st, double lo, double hi, double yScale) {
        List<String> order = new java.util.ArrayList<>(Probes.order(look, st.keySet()));
        order.sort(java.util.Comparator.comparing(look::family));
        for (String l : order) {
            SeedStats s = st.get(l).clamped(lo, hi);
            if (yScale != 1) {
                s = s.scaled(1, yScale);
            }
            Charts.mean(c, look.labelWithStops(l), s, look.colour(l), look.family(l) == Family.BIO ? 3f : 2f);
        }
    }

    /** A bandit's reward per trial and choice of the best arm, over trials. */
    public static final class BanditChoices implements Figure {
        @Override
        public String name() {
            return "bandit-choices";
        }

        @Override
        public String description() {
            return "a bandit's reward per trial and how often each learner chooses the best arm, over trials, around the change";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Reward per trial and the fraction of trials on which each learner chose the arm that was best at the time, "
                    + "averaged over each stretch of trials between records, " + SeedStats.caption(run.seeds())
                    + "; dashed: the change, where the best arm becomes the worst";
        }

        @Override
        public Drawing draw(RunFolder run) {
            Look look = Look.of(run);
            Map<String, SeedStats> reward = stats(run, Returns.RETURN);
            Map<String, SeedStats> best = stats(run, Returns.BEST);
            double last = last(reward);
            var p = run.provenance();
            long change = p.path("change_at").asLong(-1);
            int arms = p.path("arms").asInt(0);
            XYChart r = Charts.panel("Reward per trial", "trials (count)", "mean reward per trial (payout, 0 or 1)");
            lines(r, look, reward, 0, 1, 1);
            XYChart b = Charts.panel("Choice of the best arm", "trials (count)", "trials on the best arm (fraction)");
            lines(b, look, best, 0, 1, 1);
            for (XYChart c : List.of(r, b)) {
                c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(last);
                c.getStyler().setYAxisDecimalPattern("0.0");
                if (change > 0 && change < last) {
                    Charts.dashed(c, "change of the best arm", new double[] {change, change}, new double[] {0, 1}, Color.GRAY,
                            c == b);
                }
                c.getStyler().setLegendVisible(false);
            }
            if (arms > 0) {
                Charts.dashed(b, "chance (1/" + arms + ")", new double[] {0, last}, new double[] {1.0 / arms, 1.0 / arms}, Color.BLACK,
                        true);
            }
            b.getStyler().setLegendVisible(true);
            b.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            b.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            return new PanelFigure("Who notices that the best arm has turned worst", SeedStats.caption(seeds(reward))
                    + (arms > 0 ? "; " + arms + " arms" : ""), List.of(r, b), 1, 900, 400);
        }
    }

    /** How long each learner balances the pole, against episodes. */
    public static final class ControlBalance implements Figure {
        @Override
        public String name() {
            return "control-balance";
        }

        @Override
        public String description() {
            return "how long each learner balances the cart-pole, against episodes, mean over seeds with a 95 % t-interval";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Time each learner kept the pole up, averaged over the episodes between records, " + SeedStats.caption(run.seeds())
                    + "; an episode that does not fail is cut off at the dashed line";
        }

        @Override
        public Drawing draw(RunFolder run) {
            Look look = Look.of(run);
            Map<String, SeedStats> steps = stats(run, Returns.STEPS);
            var p = run.provenance();
            double tau = p.path("tau").asDouble(0.02);
            long max = p.path("max_steps").asLong(0);
            double last = last(steps);
            double[] at = steps.values().iterator().next().steps();
            String each = at.length > 1 ? "Each point: the mean of the " + Math.round(at[1] - at[0]) + " episodes up to it"
                    : "The mean of the episodes up to the point";
            XYChart c = Charts.panel(each, "episodes (count)", "time balanced (s)");
            // ticks on round numbers up to the last episode, not on the records' own x values
            Charts.roundXTicks(c, 0, last, 0);
            lines(c, look, steps, 0, max > 0 ? max : Double.MAX_VALUE, tau);
            if (max > 0) {
                Charts.dashed(c, "cut-off (" + max + " steps of " + tau + " s)", new double[] {0, last},
                        new double[] {max * tau, max * tau}, Color.BLACK, true);
                c.getStyler().setYAxisMin(0.0).setYAxisMax(max * tau * 1.05);
            }
            c.getStyler().setXAxisMin(0.0).setXAxisMax(last);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            return new PanelFigure("Learning to balance a pole from failures alone", SeedStats.caption(seeds(steps))
                    + "; cart-pole of Barto, Sutton & Anderson 1983", List.of(c), 1, 900, 520);
        }
    }

    /** The return of each episode in a grid world, and its steps to the goal, against episodes, with the optima. */
    public static final class GridworldReturn implements Figure {
        @Override
        public String name() {
            return "gridworld-return";
        }

        @Override
        public String description() {
            return "the return and the steps to the goal of each learner's episodes in a grid world, against episodes, with the optima "
                    + "by value iteration";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Return (sum of rewards) and steps to the goal of each learner's episodes, averaged over the episodes between records, "
                    + SeedStats.caption(run.seeds()) + "; dashed: the optimal expected return and the fewest expected steps, by value "
                    + "iteration; an episode that does not reach the goal is cut off at max_steps";
        }

        @Override
        public Drawing draw(RunFolder run) {
            Look look = Look.of(run);
            Map<String, SeedStats> ret = stats(run, Returns.RETURN);
            Map<String, SeedStats> steps = stats(run, Returns.STEPS);
            var p = run.provenance();
            double optimal = p.path("optimal_return").asDouble(Double.NaN);
            double fewest = p.path("fewest_expected_steps").asDouble(Double.NaN);
            long max = p.path("max_steps").asLong(0);
            double last = last(ret);
            XYChart r = Charts.panel("Return per episode", "episodes (count)", "return (sum of rewards)");
            // a return lies between the cut-off's and 0 when every step costs: the bands over few seeds are kept there
            boolean costs = Double.isFinite(optimal) && optimal < 0;
            lines(r, look, ret, costs && max > 0 ? -max : -Double.MAX_VALUE, costs ? 0 : Double.MAX_VALUE, 1);
            XYChart s = Charts.panel("Steps to the goal", "episodes (count)", "steps per episode (count, log scale)");
            // no episode is shorter than the shortest path, slips or not; the learners are named in the left legend
            lines(s, look, steps, Math.max(1, p.path("shortest_path").asDouble(1)), max > 0 ? max : Double.MAX_VALUE, 1);
            for (String l : steps.keySet()) {
                s.getSeries(look.labelWithStops(l)).setShowInLegend(false);
            }
            // whole decades, so that the log axis carries more than one labelled tick
            s.getStyler().setYAxisLogarithmic(true).setYAxisMin(10.0).setYAxisMax(Math.pow(10, Math.ceil(Math.log10(Math.max(max, 100)))));
            if (Double.isFinite(optimal)) {
                Charts.dashed(r, String.format(java.util.Locale.ROOT, "optimal expected return (%.1f)", optimal), new double[] {0, last},
                        new double[] {optimal, optimal}, Color.BLACK, true);
            }
            if (Double.isFinite(fewest)) {
                Charts.dashed(s, String.format(java.util.Locale.ROOT, "fewest expected steps (%.1f)", fewest), new double[] {0, last},
                        new double[] {fewest, fewest}, Color.GRAY, true);
            }
            for (XYChart c : List.of(r, s)) {
                c.getStyler().setXAxisMin(0.0).setXAxisMax(last);
                c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
                c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            }
            return new PanelFigure("Finding the way through a maze", SeedStats.caption(seeds(ret)) + "; Sutton & Barto's maze, "
                    + "slip " + p.path("slip").asDouble(0) + ", one-hot cells", List.of(r, s), 2, 560, 540);
        }
    }

    /**
     * What each learner of a grid world learnt, cell by cell, beside the optimal policy: one maze per
     * learner, each cell coloured by the probability (mean over seeds) that the learner's policy takes
     * an optimal action there, with an arrow for its most probable action (the mode over seeds), and
     * the optimal policy of value iteration with every optimal action as an arrow.
     */
    public static final class GridworldPolicy implements Figure {
        /** The optimal panel's label. */
        public static final String OPTIMAL = "optimal policy (value iteration)";

        @Override
        public String name() {
            return "gridworld-policy";
        }

        @Override
        public String description() {
            return "each learner's policy in a grid world after training, cell by cell: the probability of an optimal action and the most "
                    + "probable action, beside the optimal policy";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, PolicyTable.NAME);
        }

        @Override
        public String caption(RunFolder run) {
            return "Each learner's policy at the end of training, one maze per learner: the colour of a cell is the probability that the "
                    + "policy takes an optimal action there (one whose expected return, by value iteration, is the best, or within the run's "
                    + "optimal_tolerance of it), averaged over "
                    + (run.seeds() == 1 ? "the one seed" : "the " + run.seeds() + " seeds") + "; the arrow is the most probable action, the "
                    + "one most often most probable over the seeds; the last maze is the optimal policy, every optimal action an arrow";
        }

        @Override
        public Drawing draw(RunFolder run) {
            Look look = Look.of(run);
            String layout = run.provenance().path("layout").asText("");
            if (layout.isEmpty()) {
                throw new UserError(run.file(RunFolder.PROVENANCE) + " has no 'layout': the run does not come from the gridworld experiment.");
            }
            GridWorld grid = new GridWorld(layout, 0, -1, 0, 1, 1);
            int n = grid.rows() * grid.cols();
            boolean[] wall = new boolean[n];
            for (int c = 0; c < n; c++) {
                wall[c] = grid.wall(c);
            }
            MazeFigure.Maze maze = new MazeFigure.Maze(grid.rows(), grid.cols(), wall, grid.start(), grid.goal());
            List<PolicyTable.Row> rows = PolicyTable.read(run.file(PolicyTable.NAME));
            Map<String, List<PolicyTable.Row>> byLearner = new java.util.LinkedHashMap<>();
            for (PolicyTable.Row r : rows) {
                if (r.row() < 0 || r.row() >= grid.rows() || r.col() < 0 || r.col() >= grid.cols()) {
                    throw new UserError(run.file(PolicyTable.NAME) + ": cell (" + r.row() + ", " + r.col() + ") lies outside the "
                            + grid.rows() + " x " + grid.cols() + " maze of the provenance's layout.");
                }
                byLearner.computeIfAbsent(r.learner(), k -> new java.util.ArrayList<>()).add(r);
            }
            if (byLearner.isEmpty()) {
                throw new UserError(run.file(PolicyTable.NAME) + " has no rows: no learner of the run gives its policy.");
            }
            List<String> order = new java.util.ArrayList<>(Probes.order(look, byLearner.keySet()));
            order.sort(java.util.Comparator.comparing(look::family));
            List<MazeFigure.Panel> panels = new java.util.ArrayList<>();
            int seeds = 0;
            for (String l : order) {
                Learnt learnt = learnt(byLearner.get(l), grid.cols(), n);
                seeds = Math.max(seeds, learnt.seeds());
                panels.add(new MazeFigure.Panel(look.label(l), String.format(java.util.Locale.ROOT, "mean over the cells: %.2f",
                        learnt.meanOverCells()), learnt.shade(), learnt.arrows()));
            }
            double[] one = new double[n];
            boolean[][] optimal = new boolean[n][GridWorld.ACTIONS.size()];
            java.util.Arrays.fill(one, Double.NaN);
            for (PolicyTable.Row r : rows) {
                int c = r.row() * grid.cols() + r.col();
                one[c] = 1;
                optimal[c] = r.optimal();
            }
            double tolerance = run.provenance().path("optimal_tolerance").asDouble(0);
            panels.add(new MazeFigure.Panel(OPTIMAL, "1 by definition; every optimal action an arrow", one, optimal));
            String seedsText = seeds == 1 ? "1 seed" : seeds + " seeds";
            String how = seeds == 1 ? "colour: probability of an optimal action, 1 seed; arrow: the most probable action"
                    : "colour: probability of an optimal action, mean over " + seedsText + "; arrow: the most probable action (mode over "
                    + seedsText + ")";
            return new MazeFigure("What each learner learnt, cell by cell", how + "; slip "
                    + run.provenance().path("slip").asDouble(0), maze, panels, 3,
                    "probability that the policy takes an optimal action" + (tolerance > 0 ? String.format(java.util.Locale.ROOT,
                    " (action value within %s of the best)", tolerance) : "") + ", mean over seeds (0 to 1)");
        }

        /**
         * One learner's panel.
         *
         * @param shade per cell, the mean over seeds of the probability of an optimal action (NaN where there is no row)
         * @param arrows per cell, the action most often most probable over the seeds (ties: the larger mean probability)
         * @param seeds the seeds
         * @param meanOverCells the mean of the shade over the cells that have one
         */
        record Learnt(double[] shade, boolean[][] arrows, int seeds, double meanOverCells) {}

        static Learnt learnt(List<PolicyTable.Row> rows, int cols, int cells) {
            int k = GridWorld.ACTIONS.size();
            double[] sum = new double[cells];
            int[] count = new int[cells];
            int[][] mode = new int[cells][k];
            double[][] p = new double[cells][k];
            java.util.Set<Long> seeds = new java.util.HashSet<>();
            for (PolicyTable.Row r : rows) {
                int c = r.row() * cols + r.col();
                seeds.add(r.seed());
                sum[c] += r.pOptimal();
                count[c]++;
                mode[c][r.mostProbable()]++;
                for (int a = 0; a < k; a++) {
                    p[c][a] += r.p()[a];
                }
            }
            double[] shade = new double[cells];
            boolean[][] arrows = new boolean[cells][k];
            double total = 0;
            int shaded = 0;
            for (int c = 0; c < cells; c++) {
                if (count[c] == 0) {
                    shade[c] = Double.NaN;
                    continue;
                }
                shade[c] = sum[c] / count[c];
                total += shade[c];
                shaded++;
                int best = 0;
                for (int a = 1; a < k; a++) {
                    if (mode[c][a] > mode[c][best] || mode[c][a] == mode[c][best] && p[c][a] > p[c][best]) {
                        best = a;
                    }
                }
                arrows[c][best] = true;
            }
            return new Learnt(shade, arrows, seeds.size(), total / shaded);
        }
    }
}
