package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.compare.measures.CredibleCoverage;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.bayes.BayesianLearner;
import org.neuroai.core.bayes.LinearGaussian;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of a Bayesian learner beside the others on a regression with known true weights
 * (the run's fact {@code teacher}), from the first seed: each weight over samples, the posterior
 * mean with its 95 % credible band and the other learners' weights; and the posterior's 95 %
 * ellipse in the plane of the first two weights after more and more samples, with the other
 * learners' paths through that plane.
 */
public final class BayesFigures {
    /** Panels of single weights, at most. */
    static final int PANELS = 4;
    /** √(χ²₂ quantile at 0.95): the 95 % ellipse of a 2-D Gaussian is at this many standard deviations. */
    static final double ELLIPSE_95 = Math.sqrt(5.991464547107979);
    /** The numbers of samples after which an ellipse is drawn, when recorded. */
    static final long[] ELLIPSE_AT = {0, 1, 3, 10, 30, 100, 300, 1000, 3000, 10_000};

    private BayesFigures() {}

    /** step -> values of a probe or weight row, of one learner and the first seed. */
    private static Map<String, TreeMap<Long, double[]>> byLearner(List<TraceRow> rows, long seed, String metric, int length) {
        Map<String, TreeMap<Long, double[]>> out = new LinkedHashMap<>();
        Map<String, String> group = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            if (r.seed() != seed || r.index() >= length || metric != null && !r.metric().equals(metric)) {
                continue;
            }
            // weights: each learner's first group (a network's layer, a rule's w)
            if (!group.computeIfAbsent(r.learner(), k -> r.metric()).equals(r.metric())) {
                continue;
            }
            out.computeIfAbsent(r.learner(), k -> new TreeMap<>()).computeIfAbsent(r.step(), k -> fill(length))[r.index()] = r.value();
        }
        return out;
    }

    private static double[] fill(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static double[] teacher(RunFolder run) {
        var t = run.provenance().path("teacher");
        if (!t.isArray() || t.size() == 0) {
            throw new UserError(run.file(RunFolder.PROVENANCE) + ": no true weights (fact 'teacher') to draw the weights against.");
        }
        double[] w = new double[t.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = t.get(i).asDouble();
        }
        return w;
    }

    private static String bayesian(Look look, Map<String, TreeMap<Long, double[]>> means) {
        for (String l : means.keySet()) {
            if (look.family(l) == Family.BAYESIAN) {
                return l;
            }
        }
        throw new UserError(look.run().file(Traces.PROBES) + ": no Bayesian learner's " + BayesianLearner.MEAN + " recorded.");
    }

    private static double[] column(TreeMap<Long, double[]> m, int i) {
        double[] v = new double[m.size()];
        int k = 0;
        for (double[] row : m.values()) {
            v[k++] = row[i];
        }
        return v;
    }

    private static double[] steps(TreeMap<Long, double[]> m) {
        return m.keySet().stream().mapToDouble(Long::doubleValue).toArray();
    }

    /** Each weight over samples: the posterior mean with its 95 % band, the other learners, the truth. */
    public static final class Weights implements Figure {
        @Override
        public String name() {
            return "bayes-weights";
        }

        @Override
        public String description() {
            return "each weight over samples: the posterior mean with its 95 % credible band, the other learners' weights, the true weight";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.PROBES, Traces.WEIGHTS);
        }

        @Override
        public String caption(RunFolder run) {
            return "Each weight over samples, first seed: the Bayesian posterior mean with its 95 % credible band (mean \u00b1 1.96 sd), "
                    + "the other learners' weights, and the true weight (dashed)";
        }

        @Override
        public Drawing draw(RunFolder run) {
            Look look = Look.of(run);
            double[] truth = teacher(run);
            int d = truth.length;
            List<TraceRow> probes = TraceReader.read(run.file(Traces.PROBES), r -> true);
            if (probes.isEmpty()) {
                throw new UserError(run.file(Traces.PROBES) + ": no probes recorded to draw.");
            }
            long seed = probes.get(0).seed();
            Map<String, TreeMap<Long, double[]>> means = byLearner(probes, seed, BayesianLearner.MEAN, d);
            Map<String, TreeMap<Long, double[]>> sds = byLearner(probes, seed, BayesianLearner.SD, d);
            String bayes = bayesian(look, means);
            Map<String, TreeMap<Long, double[]>> weights = byLearner(TraceReader.read(run.file(Traces.WEIGHTS), r -> true), seed, null, d);
            List<XYChart> panels = new ArrayList<>();
            for (int i = 0; i < Math.min(d, PANELS); i++) {
                XYChart c = Charts.panel("Weight w" + (i + 1), look.xTitle(), "w" + (i + 1) + " (target units per input unit)");
                TreeMap<Long, double[]> m = means.get(bayes);
                double[] x = look.x(steps(m));
                double[] mu = column(m, i);
                double[] sd = column(sds.get(bayes), i);
                double[] lo = new double[mu.length];
                double[] hi = new double[mu.length];
                Charts.roundXTicks(c, x[0], x[x.length - 1], truth[i]);
                for (int k = 0; k < mu.length; k++) {
                    lo[k] = mu[k] - CredibleCoverage.Z * sd[k];
                    hi[k] = mu[k] + CredibleCoverage.Z * sd[k];
                }
                Color colour = look.colour(bayes);
                Charts.band(c, bayes + " credible band", x, lo, hi, colour);
                for (String l : Probes.order(look, weights.keySet())) {
                    if (!l.equals(bayes)) {
                        TreeMap<Long, double[]> w = weights.get(l);
                        // a local rule drawn wide beneath: SGD with lr = eta/2 takes its very steps
                        Charts.line(c, look.labelWithStops(l), look.x(steps(w)), column(w, i), look.colour(l),
                                look.family(l) == Family.BIO ? 4.5f : 1.6f);
                    }
                }
                Charts.line(c, look.labelWithStops(bayes) + " (band: 95 % credible)", x, mu, colour, 2.4f);
                Charts.dashed(c, "true weight", new double[] {x[0], x[x.length - 1]}, new double[] {truth[i], truth[i]}, Palette.GREY, true);
                c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
                c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
                c.getStyler().setYAxisMin(Math.min(-0.2, truth[i] - 1.5)).setYAxisMax(Math.max(0.2, truth[i] + 1.5));
                panels.add(c);
            }
            int columns = panels.size() > 1 ? 2 : 1;
            return new PanelFigure("Weights over samples " + look.onTask(), "posterior mean \u00b1 1.96 sd (band) beside the "
                    + "point estimates of the other learners; seed " + seed, panels, columns, columns == 1 ? 760 : 520, 440);
        }
    }

    /** The posterior's 95 % ellipse in the plane of the first two weights, contracting with samples. */
    public static final class Ellipse implements Figure {
        @Override
        public String name() {
            return "posterior-ellipse";
        }

        @Override
        public String description() {
            return "the posterior's 95 % ellipse in the plane of the first two weights after more and more samples, with the other learners' paths";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.PROBES, Traces.WEIGHTS);
        }

        @Override
        public String caption(RunFolder run) {
            return "The Bayesian posterior's 95 % ellipse over the first two weights after 0, 1, 3, 10, 30, 100, ... samples (first seed), "
                    + "the other learners' paths through the same plane, and the true weights (diamond)";
        }

        @Override
        public Drawing draw(RunFolder run) {
            Look look = Look.of(run);
            double[] truth = teacher(run);
            List<TraceRow> probes = TraceReader.read(run.file(Traces.PROBES), r -> true);
            if (probes.isEmpty()) {
                throw new UserError(run.file(Traces.PROBES) + ": no probes recorded to draw.");
            }
            long seed = probes.get(0).seed();
            Map<String, TreeMap<Long, double[]>> means = byLearner(probes, seed, BayesianLearner.MEAN, 2);
            Map<String, TreeMap<Long, double[]>> covs = byLearner(probes, seed, LinearGaussian.COV2, 3);
            String bayes = bayesian(look, means);
            Map<String, TreeMap<Long, double[]>> weights = byLearner(TraceReader.read(run.file(Traces.WEIGHTS), r -> true), seed, null, 2);
            XYChart c = Charts.panel("Posterior over (w1, w2)", "w1 (target units per input unit)", "w2 (target units per input unit)");
            Color colour = look.colour(bayes);
            TreeMap<Long, double[]> m = means.get(bayes);
            TreeMap<Long, double[]> cv = covs.get(bayes);
            List<Long> at = new ArrayList<>();
            for (long n : ELLIPSE_AT) {
                if (m.containsKey(n) && cv != null && cv.containsKey(n)) {
                    at.add(n);
                }
            }
            double lo = Math.min(truth[0], truth[1]) - 0.5;
            double hi = Math.max(truth[0], truth[1]) + 0.5;
            for (int k = 0; k < at.size(); k++) {
                long n = at.get(k);
                double[] mu = m.get(n);
                double[] s = cv.get(n);
                double[][] e = ellipse(mu[0], mu[1], s[0], s[1], s[2]);
                Color shade = Palette.tint(colour, 0.3 + 0.7 * k / Math.max(1, at.size() - 1));
                XYSeries line = c.addSeries("after " + n + (n == 1 ? " sample" : " samples"), e[0], e[1]);
                line.setLineColor(shade);
                line.setLineStyle(new java.awt.BasicStroke(k == at.size() - 1 ? 2.4f : 1.6f));
                line.setMarker(SeriesMarkers.NONE);
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                for (int i = 0; i < e[0].length; i++) {
                    lo = Math.min(lo, Math.min(e[0][i], e[1][i]));
                    hi = Math.max(hi, Math.max(e[0][i], e[1][i]));
                }
            }
            // the path of the posterior mean and of the other learners
            Charts.line(c, "posterior mean, path", column(m, 0), column(m, 1), colour, 1.2f);
            for (String l : Probes.order(look, weights.keySet())) {
                if (!l.equals(bayes)) {
                    TreeMap<Long, double[]> w = weights.get(l);
                    Charts.line(c, look.labelWithStops(l) + ", path", column(w, 0), column(w, 1), look.colour(l),
                            look.family(l) == Family.BIO ? 4.5f : 1.6f);
                }
            }
            XYSeries star = c.addSeries("true weights", new double[] {truth[0]}, new double[] {truth[1]});
            star.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            star.setMarker(SeriesMarkers.DIAMOND);
            star.setMarkerColor(Color.BLACK);
            c.getStyler().setMarkerSize(10);
            // one scale on both axes, so that a circle looks round
            lo = Math.max(lo, -4);
            hi = Math.min(hi, 4);
            c.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(lo).setYAxisMax(hi);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            return new PanelFigure("The posterior contracts " + look.onTask(), "95 % ellipses of the posterior over the first two "
                    + "weights, lighter for fewer samples; seed " + seed, List.of(c), 1, 940, 620);
        }
    }

    /**
     * Points on the ellipse (x − μ)ᵀ S⁻¹ (x − μ) = {@link #ELLIPSE_95}² of the covariance
     * S = [[a, b], [b, c]].
     */
    static double[][] ellipse(double mx, double my, double a, double b, double c) {
        double mid = (a + c) / 2;
        double r = Math.sqrt(Math.max(0, (a - c) * (a - c) / 4 + b * b));
        double l1 = Math.max(0, mid + r);
        double l2 = Math.max(0, mid - r);
        double angle = 0.5 * Math.atan2(2 * b, a - c);
        int n = 97;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / (n - 1);
            double u = ELLIPSE_95 * Math.sqrt(l1) * Math.cos(t);
            double v = ELLIPSE_95 * Math.sqrt(l2) * Math.sin(t);
            x[i] = mx + u * Math.cos(angle) - v * Math.sin(angle);
            y[i] = my + u * Math.sin(angle) + v * Math.cos(angle);
        }
        return new double[][] {x, y};
    }
}
