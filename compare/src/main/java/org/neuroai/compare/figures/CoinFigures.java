package org.neuroai.compare.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.bayes.BetaBernoulli;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of the coin: the Beta posterior's density over the bias after 0, 1, 5, 20 and 100
 * tosses and at the end, with the other learners' estimates at the same toss; and every learner's
 * estimate over the tosses against the coin's true bias, which changes half-way.
 */
public final class CoinFigures {
    /** Tosses after which the posterior is drawn, when the run has them; the last toss is added. */
    static final long[] AFTER = {0, 1, 5, 20, 100};

    private CoinFigures() {}

    private static double bias(RunFolder run, long toss) {
        var p = run.provenance();
        if (!p.path("bias").isNumber() || !p.path("change_at").isNumber()) {
            throw new UserError(run.file(RunFolder.PROVENANCE) + ": no coin bias (facts 'bias', 'bias_after', 'change_at'); "
                    + "the run does not come from the coin experiment.");
        }
        return toss < p.path("change_at").asLong() ? p.path("bias").asDouble() : p.path("bias_after").asDouble();
    }

    /** The posterior density after 0, 1, 5, 20, 100 tosses and at the end. */
    public static final class Posterior implements Figure {
        @Override
        public String name() {
            return "coin-posterior";
        }

        @Override
        public String description() {
            return "the Beta posterior over a coin's bias after 0, 1, 5, 20, 100 tosses and at the end, with the other learners' estimates";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.PROBES, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "The posterior density over the coin's bias after 0, 1, 5, 20 and 100 tosses and at the end (first seed), "
                    + "with the point estimates of the other learners (vertical lines) and the true bias (dashed)";
        }

        @Override
        public Drawing draw(RunFolder run) {
            Look look = Look.of(run);
            List<TraceRow> probes = TraceReader.read(run.file(Traces.PROBES), r -> true);
            if (probes.isEmpty()) {
                throw new UserError(run.file(Traces.PROBES) + ": no posterior counts (probes alpha, beta) to draw.");
            }
            long seed = probes.get(0).seed();
            // learner -> step -> {a, b}
            Map<String, TreeMap<Long, double[]>> counts = new java.util.LinkedHashMap<>();
            for (TraceRow r : probes) {
                if (r.seed() == seed && (r.metric().equals(BetaBernoulli.ALPHA) || r.metric().equals(BetaBernoulli.BETA)) && r.index() == 0) {
                    counts.computeIfAbsent(r.learner(), k -> new TreeMap<>()).computeIfAbsent(r.step(), k -> new double[2])
                            [r.metric().equals(BetaBernoulli.ALPHA) ? 0 : 1] = r.value();
                }
            }
            Map<String, TreeMap<Long, Double>> estimates = new java.util.LinkedHashMap<>();
            for (TraceRow r : TraceReader.read(run.file(Traces.CURVES), r -> r.metric().equals("p_heads"))) {
                if (r.seed() == seed) {
                    estimates.computeIfAbsent(r.learner(), k -> new TreeMap<>()).put(r.step(), r.value());
                }
            }
            long last = counts.values().stream().mapToLong(TreeMap::lastKey).max().orElse(0);
            List<Long> at = new ArrayList<>();
            for (long n : AFTER) {
                if (n <= last) {
                    at.add(n);
                }
            }
            if (!at.contains(last)) {
                at.add(last);
            }
            int grid = 151;
            double[] p = new double[grid];
            for (int i = 0; i < grid; i++) {
                p[i] = (i + 1.0) / (grid + 1);
            }
            List<XYChart> panels = new ArrayList<>();
            for (long n : at) {
                XYChart c = Charts.panel("After " + n + (n == 1 ? " toss" : " tosses"), "bias (probability of heads)", "density (per unit of bias)");
                double top = 0;
                for (String l : Probes.order(look, counts.keySet())) {
                    double[] ab = counts.get(l).get(n);
                    if (ab == null) {
                        continue;
                    }
                    double[] d = new double[grid];
                    for (int i = 0; i < grid; i++) {
                        d[i] = BetaBernoulli.density(ab[0], ab[1], p[i]);
                        top = Math.max(top, d[i]);
                    }
                    Charts.line(c, shortLabel(look.label(l)), p, d, look.colour(l), 2.2f);
                }
                top = Math.max(top * 1.08, 2);
                for (String l : Probes.order(look, estimates.keySet())) {
                    if (counts.containsKey(l) || estimates.get(l).get(n) == null) {
                        continue;
                    }
                    double e = estimates.get(l).get(n);
                    XYSeries s = Charts.line(c, shortLabel(look.label(l)) + ": estimate", new double[] {e, e}, new double[] {0, top}, look.colour(l),
                            look.family(l) == Family.BIO ? 3.5f : 2f);
                    s.setLineStyle(new BasicStroke(look.family(l) == Family.BIO ? 3.5f : 2f));
                }
                double truth = bias(run, n);
                Charts.dashed(c, "true bias", new double[] {truth, truth}, new double[] {0, top}, Color.BLACK, true);
                c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(top);
                c.getStyler().setXAxisDecimalPattern("0.0#").setYAxisDecimalPattern("0.#");
                c.getStyler().setLegendVisible(false);
                panels.add(c);
            }
            // one legend for all panels, under the last
            XYChart first = panels.get(panels.size() - 1);
            first.getStyler().setLegendVisible(true);
            first.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            first.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            return new PanelFigure("What the learners believe about the coin's bias", "Beta posterior density (Bayesian learners) "
                    + "and point estimates (vertical lines); the bias changes at toss " + run.provenance().path("change_at").asLong()
                    + "; seed " + seed, panels, 3, 420, 330);
        }
    }

    /**
     * A learner's label without its parenthesis and formula ("Hebbian average (bio): Δw = ..."
     * becomes "Hebbian average"): the legend under one small panel has room for the name only,
     * and a longer entry would be cut short; the tracking figure beside it gives the whole label.
     */
    static String shortLabel(String label) {
        String s = label.replaceAll("\\s*\\([^)]*\\)", "");
        int colon = s.indexOf(':');
        return (colon > 0 ? s.substring(0, colon) : s).trim();
    }

    /** Every learner's estimate over tosses against the true bias. */
    public static final class Tracking implements Figure {
        @Override
        public String name() {
            return "coin-tracking";
        }

        @Override
        public String description() {
            return "each learner's estimate of the coin's bias over tosses, against the true bias that changes half-way";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Each learner's estimate of the probability of heads over tosses, " + SeedStats.caption(run.seeds())
                    + ", against the coin's true bias (dashed), which changes half-way";
        }

        @Override
        public Drawing draw(RunFolder run) {
            Look look = Look.of(run);
            List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> r.metric().equals("p_heads"));
            Map<String, SeedStats> st = SeedStats.byLearner(rows, "p_heads");
            if (st.isEmpty()) {
                throw new UserError(run.file(Traces.CURVES) + ": no estimates (p_heads) to draw.");
            }
            XYChart c = Charts.panel("Estimated probability of heads", look.xTitle(), "P(heads)");
            double last = 0;
            int seeds = 0;
            for (SeedStats s : st.values()) {
                last = Math.max(last, s.steps()[s.steps().length - 1]);
                seeds = Math.max(seeds, s.seeds());
            }
            long change = run.provenance().path("change_at").asLong();
            Charts.roundXTicks(c, 0, last, bias(run, 0));
            for (String l : Probes.order(look, st.keySet())) {
                Charts.mean(c, look.labelWithStops(l), st.get(l).clamped(0, 1), look.colour(l), look.family(l) == Family.BIO ? 3f : 2f);
            }
            Charts.dashed(c, "true bias", new double[] {0, change, change, last},
                    new double[] {bias(run, 0), bias(run, 0), bias(run, change), bias(run, change)}, Color.BLACK, true);
            c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            return new PanelFigure("Following a coin whose bias changes", SeedStats.caption(seeds)
                    + "; a learner that never forgets averages the two halves", List.of(c), 1, 900, 520);
        }
    }
}
