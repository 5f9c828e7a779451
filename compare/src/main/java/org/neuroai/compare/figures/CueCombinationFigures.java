package org.neuroai.compare.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.engine.Stats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of cue combination (Ernst &amp; Banks 2002), drawn from a finished run's
 * {@code curves.csv} and learners.csv, with the conditions' noises from the run's fact
 * {@code cue_conditions} and the theory from its settings {@code prior_sd} and {@code cue_sd}.
 */
public final class CueCombinationFigures {
    /** Ink of the theory's lines. */
    private static final Color THEORY = new Color(0x222222);

    private CueCombinationFigures() {}

    /** Weights and spread of the estimate against the ratio of the cue noises. */
    public static final class Weights implements Figure {
        @Override
        public String name() {
            return "cue-combination-weights";
        }

        @Override
        public String description() {
            return "cue combination: each learner's final cue weights and the spread of its estimates against the ratio of cue noises, "
                    + "with the optimal observer's";
        }

        @Override
        public String file() {
            return "cue_weights";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Cue combination: the relative weight of cue 1, the sum of the weights and the spread of the estimate against the "
                    + "ratio of the cue noises, each learner's after its last trial (" + SeedStats.caption(run.seeds())
                    + "), beside the optimal observer's";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return weights(Look.of(run));
        }
    }

    /** The weight of cue 1 trial by trial, one panel per ratio. */
    public static final class Learning implements Figure {
        @Override
        public String name() {
            return "cue-combination-learning";
        }

        @Override
        public String description() {
            return "cue combination: the weight of cue 1 trial by trial under the Bayesian observer and gradient descent, one panel per "
                    + "ratio of cue noises";
        }

        @Override
        public String file() {
            return "cue_weight_learning";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Cue combination: the weight of cue 1 trial by trial, one panel per ratio of cue noises, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return learning(Look.of(run));
        }
    }

    /**
     * One condition of a run: its name, the ratio σ_1/σ_2 and the two noises.
     *
     * @param name the condition's name, the prefix of its metrics
     * @param ratio σ_1/σ_2
     * @param sd1 σ_1
     * @param sd2 σ_2
     */
    record Ratio(String name, double ratio, double sd1, double sd2) {}

    /** The conditions of a run, from its fact {@code cue_conditions}. */
    static List<Ratio> ratios(RunFolder run) {
        JsonNode cs = run.provenance().path("cue_conditions");
        if (!cs.isArray() || cs.isEmpty()) {
            throw new UserError(run.file(RunFolder.PROVENANCE) + ": no list 'cue_conditions'; the run does not come from experiment "
                    + "cue-combination.");
        }
        List<Ratio> out = new ArrayList<>();
        for (JsonNode c : cs) {
            out.add(new Ratio(c.path("name").asText(), c.path("ratio").asDouble(), c.path("sd_1").asDouble(), c.path("sd_2").asDouble()));
        }
        return out;
    }

    /** r_0 = 1/σ_0², the precision of the prior over the true size. */
    static double priorPrecision(RunFolder run) {
        double sd = run.setting("prior_sd").asDouble();
        return 1 / (sd * sd);
    }

    /** The optimal weight of cue 1 under the prior: r_1 / (r_0 + r_1 + r_2). */
    static double optimalWeight1(double r0, double sd1, double sd2) {
        double r1 = 1 / (sd1 * sd1);
        double r2 = 1 / (sd2 * sd2);
        return r1 / (r0 + r1 + r2);
    }

    /** The values of each learner's metric after its last record, one per seed. */
    static Map<String, double[]> finals(List<TraceRow> rows, String metric, DoubleUnaryOperator f) {
        Map<String, TreeMap<Long, TraceRow>> last = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            if (r.metric().equals(metric)) {
                last.computeIfAbsent(r.learner(), k -> new TreeMap<>()).merge(r.seed(), r, (a, b) -> b.step() >= a.step() ? b : a);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        last.forEach((l, bySeed) -> out.put(l, bySeed.values().stream().mapToDouble(r -> f.applyAsDouble(r.value())).toArray()));
        return out;
    }

    /** A panel whose x axis is log2 of the ratio of the cue noises. */
    static XYChart ratioPanel(String title, String yTitle, double lo, double hi, double y) {
        XYChart c = Charts.panel(title, "log\u2082 of the noise ratio \u03c3\u2081/\u03c3\u2082 (1; 0: equal noises, 1: cue 1 twice as noisy)",
                yTitle);
        double pad = 0.06 * (hi - lo);
        Charts.roundXTicks(c, lo - pad, hi + pad, y);
        c.getStyler().setXAxisDecimalPattern("0.#");
        c.getStyler().setXAxisTickMarkSpacingHint(60);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return c;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /**
     * Each learner's points, mean over seeds with its 95 % t-interval as error bars, offset sideways by learner.
     *
     * @return the lowest and highest ends of the error bars
     */
    static double[] points(XYChart c, Look look, List<Ratio> ratios, Map<String, Map<String, double[]>> byCondition) {
        List<String> learners = new ArrayList<>();
        for (Map<String, double[]> m : byCondition.values()) {
            m.keySet().stream().filter(l -> !learners.contains(l)).forEach(learners::add);
        }
        learners.sort(java.util.Comparator.comparingInt(l -> {
            int i = new ArrayList<>(look.run().learners().keySet()).indexOf(l);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        double span = log2(ratios.get(ratios.size() - 1).ratio()) - log2(ratios.get(0).ratio());
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k < learners.size(); k++) {
            String l = learners.get(k);
            double shift = (k - (learners.size() - 1) / 2.0) * 0.02 * span;
            List<double[]> pts = new ArrayList<>();
            for (Ratio r : ratios) {
                double[] v = byCondition.getOrDefault(r.name(), Map.of()).get(l);
                if (v == null || v.length == 0) {
                    continue;
                }
                Stats.Summary s = Stats.Summary.of(v);
                double half = v.length > 1 ? (s.high() - s.low()) / 2 : 0;
                pts.add(new double[] {log2(r.ratio()) + shift, s.mean(), half});
                range[0] = Math.min(range[0], s.mean() - half);
                range[1] = Math.max(range[1], s.mean() + half);
            }
            if (pts.isEmpty()) {
                continue;
            }
            XYSeries s = c.addSeries(look.label(l), pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray(), pts.stream().mapToDouble(p -> p[2]).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(k % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            s.setMarkerColor(look.colour(l));
            s.setLineColor(look.colour(l));
        }
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setMarkerSize(8);
        return range;
    }

    /** Sets the y axis to span [lo, hi] and the error bars' ends, with a margin. */
    static void yRange(XYChart c, double lo, double hi, double[] bars) {
        double bottom = Math.min(lo, bars[0]);
        double top = Math.max(hi, bars[1]);
        double pad = 0.05 * (top - bottom);
        c.getStyler().setYAxisMin(bottom - pad);
        c.getStyler().setYAxisMax(top + pad);
    }

    /** The theory's line over a fine grid of ratios. */
    static XYSeries theory(XYChart c, String label, double lo, double hi, DoubleUnaryOperator y, Color colour, boolean dashed) {
        int n = 121;
        double[] x = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
            v[i] = y.applyAsDouble(Math.pow(2, x[i]));
        }
        if (dashed) {
            return Charts.dashed(c, label, x, v, colour, true);
        }
        return Charts.line(c, label, x, v, colour, 1.8f);
    }

    static PanelFigure weights(Look look) {
        RunFolder run = look.run();
        List<Ratio> ratios = ratios(run);
        double r0 = priorPrecision(run);
        double sigma = run.setting("cue_sd").asDouble();
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> true);
        Map<String, Map<String, double[]>> relative = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> sum = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> spread = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            Map<String, double[]> w1 = finals(rows, r.name() + ".w_1", x -> x);
            Map<String, double[]> w2 = finals(rows, r.name() + ".w_2", x -> x);
            Map<String, double[]> rel = new LinkedHashMap<>();
            Map<String, double[]> tot = new LinkedHashMap<>();
            w1.forEach((l, a) -> {
                double[] b = w2.get(l);
                if (b != null && b.length == a.length) {
                    double[] q = new double[a.length];
                    double[] t = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        t[i] = a[i] + b[i];
                        q[i] = t[i] == 0 ? 0.5 : a[i] / t[i];
                    }
                    rel.put(l, q);
                    tot.put(l, t);
                }
            });
            relative.put(r.name(), rel);
            sum.put(r.name(), tot);
            spread.put(r.name(), finals(rows, r.name() + ".mse", Math::sqrt));
        }
        if (relative.values().stream().allMatch(Map::isEmpty)) {
            throw new UserError(run.file(Traces.CURVES) + ": no cue weights (metrics ratio-N.w_1 and ratio-N.w_2) to draw.");
        }
        double lo = log2(ratios.get(0).ratio());
        double hi = log2(ratios.get(ratios.size() - 1).ratio());
        DoubleUnaryOperator sd1 = rho -> sigma * Math.sqrt(rho);
        DoubleUnaryOperator sd2 = rho -> sigma / Math.sqrt(rho);

        XYChart a = ratioPanel("Relative weight of cue 1, w\u2081/(w\u2081 + w\u2082), under any prior", "relative weight of cue 1 (fraction)", lo, hi, 0.5);
        theory(a, "optimal: \u03c3\u2082\u00b2/(\u03c3\u2081\u00b2 + \u03c3\u2082\u00b2)", lo, hi,
                rho -> 1 / (1 + rho * rho), THEORY, false);
        yRange(a, 0, 1, points(a, look, ratios, relative));
        a.getStyler().setYAxisDecimalPattern("0.0");

        XYChart b = ratioPanel("Sum of the weights, w\u2081 + w\u2082: the prior's shrinkage", "sum of the weights (1)", lo, hi, 1);
        DoubleUnaryOperator total = rho -> {
            double r1 = 1 / Math.pow(sd1.applyAsDouble(rho), 2);
            double r2 = 1 / Math.pow(sd2.applyAsDouble(rho), 2);
            return (r1 + r2) / (r0 + r1 + r2);
        };
        // two points, so that the dashes show (XChart strokes each segment on its own)
        Charts.dashed(b, "1: under a broad prior (r\u2080 \u2192 0)", new double[] {lo, hi}, new double[] {1, 1}, Palette.GREY, true);
        theory(b, "optimal: (r\u2081 + r\u2082)/(r\u2080 + r\u2081 + r\u2082)", lo, hi, total, THEORY, false);
        double least = Math.min(total.applyAsDouble(Math.pow(2, lo)), total.applyAsDouble(1));
        yRange(b, least, 1, points(b, look, ratios, sum));
        b.getStyler().setYAxisDecimalPattern("0.00");

        XYChart s = ratioPanel("Spread of the estimate", "sd of the estimate around the true size (mm)", lo, hi, sigma / 2);
        theory(s, "cue 1 alone, \u03c3\u2081", lo, hi, sd1, Palette.GREY, false).setLineWidth(1.2f);
        theory(s, "cue 2 alone, \u03c3\u2082", lo, hi, sd2, Palette.shade(Palette.GREY, 0.4), true)
                .setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 4f}, 0f));
        theory(s, "optimal: 1/\u221a(r\u2080 + r\u2081 + r\u2082)", lo, hi, rho -> 1 / Math.sqrt(r0 + 1 / Math.pow(sd1.applyAsDouble(rho), 2)
                + 1 / Math.pow(sd2.applyAsDouble(rho), 2)), THEORY, false);
        double[] bars = points(s, look, ratios, spread);
        yRange(s, 0, Math.max(sd1.applyAsDouble(Math.pow(2, hi)), sd2.applyAsDouble(Math.pow(2, lo))), bars);
        s.getStyler().setYAxisDecimalPattern("0.0");

        String subtitle = "Points: each learner after its last trial, " + SeedStats.caption(run.seeds()) + "; lines: theory, with \u03c3\u2080 = "
                + fmt(1 / Math.sqrt(r0)) + " mm prior sd and r = 1/\u03c3\u00b2; the two learners' points are set slightly apart";
        return new PanelFigure("Cue combination: both learners weight each cue by its reliability, and both learn the prior's shrinkage",
                subtitle, List.of(a, b, s), 3, 520, 560);
    }

    static PanelFigure learning(Look look) {
        RunFolder run = look.run();
        List<Ratio> ratios = ratios(run);
        double r0 = priorPrecision(run);
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES), r -> r.metric().endsWith(".w_1") && r.step() > 0);
        if (rows.isEmpty()) {
            throw new UserError(run.file(Traces.CURVES) + ": no weights of cue 1 (metrics ratio-N.w_1) after trial 0 to draw.");
        }
        List<XYChart> panels = new ArrayList<>();
        double first = rows.stream().mapToLong(TraceRow::step).min().orElse(1);
        double last = rows.stream().mapToLong(TraceRow::step).max().orElse(1);
        for (Ratio r : ratios) {
            Map<String, SeedStats> st = SeedStats.byLearner(rows, r.name() + ".w_1");
            XYChart c = Charts.panel("\u03c3\u2081/\u03c3\u2082 = " + fmt(r.ratio()) + " (\u03c3\u2081 = " + fmt(r.sd1()) + ", \u03c3\u2082 = "
                    + fmt(r.sd2()) + " mm)", "trials with feedback (count, log scale)", "weight of cue 1 (1)");
            c.getStyler().setXAxisLogarithmic(last > first);
            double reliability = r.sd2() * r.sd2() / (r.sd1() * r.sd1() + r.sd2() * r.sd2());
            double optimal = optimalWeight1(r0, r.sd1(), r.sd2());
            Charts.dashed(c, "reliability weight", new double[] {first, last},
                    new double[] {reliability, reliability}, Palette.GREY, true);
            Charts.line(c, "optimal under the prior", new double[] {first, last},
                    new double[] {optimal, optimal}, THEORY, 1.2f);
            for (String l : run.learners().keySet()) {
                SeedStats s = st.get(l);
                if (s != null) {
                    Charts.mean(c, look.label(l), s, look.colour(l), 2f);
                }
            }
            c.getStyler().setYAxisMin(-0.05);
            c.getStyler().setYAxisMax(1.1);
            c.getStyler().setYAxisDecimalPattern("0.0");
            c.getStyler().setLegendVisible(panels.isEmpty());
            // the first panel's weight is near 1 at the end, so its lower right is free
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            panels.add(c);
        }
        // rows of at most four panels, as full as they can be
        int panelRows = (panels.size() + 3) / 4;
        int columns = (panels.size() + panelRows - 1) / panelRows;
        return new PanelFigure("Learning to weight the cues: the weight of cue 1 under the Bayesian observer and under gradient descent",
                "The weight of cue 1 trial by trial, one panel per ratio of the cue noises, " + SeedStats.caption(run.seeds())
                        + "; both learners see the same trials; reliability weight \u03c3\u2082\u00b2/(\u03c3\u2081\u00b2 + \u03c3\u2082\u00b2), "
                        + "optimal under the prior r\u2081/(r\u2080 + r\u2081 + r\u2082)", panels, columns, 460, 320);
    }

    static String fmt(double x) {
        return new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(x);
    }
}
