package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.compare.measures.Returns;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of learning from reward: a bandit's reward per trial and choice of the best arm,
 * over trials, around the change of the best arm; how long each learner balances the pole
 * against episodes; and the return of each episode in a grid world against the optimal return.
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
}
