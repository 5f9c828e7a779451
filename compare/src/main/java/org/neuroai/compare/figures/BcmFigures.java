package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.compare.measures.Selectivity;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of selectivity by a sliding threshold ({@code bcm-selectivity}), drawn from the
 * run's {@code probes.csv} (the {@link Selectivity} vectors {@code response} and
 * {@code selectivity} of every unit, and the layer's probe {@code theta}) and learners.csv (the
 * learner's label and colour).
 */
public final class BcmFigures {
    /** Units whose responses are drawn. */
    static final int SHOWN = 4;

    private BcmFigures() {}

    /** Responses of a few units to each pattern over time, with each unit's threshold. */
    public static final class Responses implements Figure {
        @Override
        public String name() {
            return "bcm-responses";
        }

        @Override
        public String description() {
            return "responses of four units to each pattern over time, with each unit's sliding threshold (first seed)";
        }

        @Override
        public String file() {
            return "bcm_responses";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.PROBES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Responses of four units to each pattern over time, with each unit's sliding threshold";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return responses(Look.of(run), run.firstSeed());
        }
    }

    /** Thresholds over time, selectivity over time, and every unit's final selectivity. */
    public static final class Threshold implements Figure {
        @Override
        public String name() {
            return "bcm-threshold";
        }

        @Override
        public String description() {
            return "sliding thresholds over time, selectivity over time, and the final selectivity of every unit";
        }

        @Override
        public String file() {
            return "bcm_threshold";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.PROBES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Sliding thresholds over time, selectivity over time (" + SeedStats.caption(run.seeds())
                    + "), and the final selectivity of every unit";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return threshold(Look.of(run), run.firstSeed());
        }
    }

    /**
     * One seed's recordings: for every recorded step, responses [unit][pattern], thresholds and
     * selectivity per unit.
     */
    record Recording(double[] steps, double[][][] responses, double[][] theta, double[][] selectivity) {
        int units() {
            return theta[0].length;
        }

        int patterns() {
            return responses[0][0].length;
        }

        /** The pattern each unit responds to most at the last step. */
        int[] preferred() {
            double[][] last = responses[responses.length - 1];
            int[] out = new int[last.length];
            for (int i = 0; i < last.length; i++) {
                for (int p = 1; p < last[i].length; p++) {
                    out[i] = last[i][p] > last[i][out[i]] ? p : out[i];
                }
            }
            return out;
        }
    }

    /** The learner drawn: the first of learners.csv with responses in probes.csv. */
    static String learner(Look look, List<TraceRow> rows) {
        java.util.Set<String> with = new java.util.HashSet<>();
        for (TraceRow r : rows) {
            if (r.metric().equals(Selectivity.RESPONSE)) {
                with.add(r.learner());
            }
        }
        for (String l : look.run().learners().keySet()) {
            if (with.contains(l)) {
                return l;
            }
        }
        throw new UserError(look.run().file(Traces.PROBES) + ": no learner has '" + Selectivity.RESPONSE
                + "' rows, the responses of units to patterns this figure draws.");
    }

    /** Every seed's recordings of the learner drawn, by seed. */
    static Map<Long, Recording> read(Look look, String[] drawn) {
        List<TraceRow> rows = TraceReader.read(look.run().file(Traces.PROBES), r -> r.metric().equals(Selectivity.RESPONSE)
                || r.metric().equals(Selectivity.THETA) || r.metric().equals(Selectivity.SELECTIVITY));
        String learner = learner(look, rows);
        drawn[0] = learner;
        Map<Long, List<TraceRow>> bySeed = new TreeMap<>();
        for (TraceRow r : rows) {
            if (r.learner().equals(learner)) {
                bySeed.computeIfAbsent(r.seed(), s -> new ArrayList<>()).add(r);
            }
        }
        Map<Long, Recording> recs = new LinkedHashMap<>();
        for (Map.Entry<Long, List<TraceRow>> e : bySeed.entrySet()) {
            recs.put(e.getKey(), recording(e.getValue()));
        }
        return recs;
    }

    /** One seed's recording. */
    static Recording seed(Look look, Map<Long, Recording> recs, long seed) {
        Recording r = recs.get(seed);
        if (r == null) {
            throw new UserError(look.run().file(Traces.PROBES) + ": no recordings of seed " + seed + " to draw.");
        }
        return r;
    }

    private static Recording recording(List<TraceRow> rows) {
        TreeSet<Long> steps = new TreeSet<>();
        int units = 0;
        for (TraceRow r : rows) {
            steps.add(r.step());
            if (r.metric().equals(Selectivity.THETA)) {
                units = Math.max(units, r.index() + 1);
            }
        }
        int responses = 0;
        for (TraceRow r : rows) {
            if (r.metric().equals(Selectivity.RESPONSE)) {
                responses = Math.max(responses, r.index() + 1);
            }
        }
        int k = responses / units;
        Map<Long, Integer> at = new LinkedHashMap<>();
        double[] x = new double[steps.size()];
        for (long s : steps) {
            x[at.size()] = s;
            at.put(s, at.size());
        }
        double[][][] y = new double[x.length][units][k];
        double[][] theta = new double[x.length][units];
        double[][] sel = new double[x.length][units];
        for (TraceRow r : rows) {
            int t = at.get(r.step());
            switch (r.metric()) {
                case Selectivity.RESPONSE -> y[t][r.index() / k][r.index() % k] = r.value();
                case Selectivity.THETA -> theta[t][r.index()] = r.value();
                case Selectivity.SELECTIVITY -> sel[t][r.index()] = r.value();
                default -> { }
            }
        }
        return new Recording(x, y, theta, sel);
    }

    /**
     * The units to draw: the first unit preferring each pattern, in pattern order, then further
     * units in index order, {@link #SHOWN} at most.
     */
    static List<Integer> shownUnits(int[] preferred, int patterns) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < patterns && out.size() < SHOWN; p++) {
            for (int i = 0; i < preferred.length; i++) {
                if (preferred[i] == p) {
                    out.add(i);
                    break;
                }
            }
        }
        for (int i = 0; i < preferred.length && out.size() < SHOWN; i++) {
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }


    static Color patternColour(int p) {
        return Palette.SERIES[p % Palette.SERIES.length];
    }

    /** Responses of a few units to each pattern over time, with each unit's threshold. */
    static PanelFigure responses(Look look, long seed) {
        String[] drawn = new String[1];
        Recording rec = seed(look, read(look, drawn), seed);
        int k = rec.patterns();
        int[] preferred = rec.preferred();
        List<XYChart> panels = new ArrayList<>();
        for (int i : shownUnits(preferred, k)) {
            XYChart c = Charts.panel("Unit " + (i + 1) + ": ends selective for pattern " + (preferred[i] + 1),
                    "presentations (patterns seen)", "response y (rate units)");
            for (int p = 0; p < k; p++) {
                double[] y = new double[rec.steps().length];
                for (int t = 0; t < y.length; t++) {
                    y[t] = rec.responses()[t][i][p];
                }
                Charts.line(c, "to pattern " + (p + 1), rec.steps(), y, patternColour(p), 2f);
            }
            double[] th = new double[rec.steps().length];
            for (int t = 0; t < th.length; t++) {
                th[t] = rec.theta()[t][i];
            }
            Charts.dashed(c, "threshold \u03b8 (y\u00b2 units)", rec.steps(), th, Palette.GREY, true);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            panels.add(c);
        }
        String title = look.label(drawn[0]) + ": units become selective, responses to each of " + k + " patterns over time";
        String subtitle = "Patterns in random order (probability 1/" + k
                + " each); responses above \u03b8 grow, below \u03b8 shrink (seed " + seed + ")";
        return new PanelFigure(title, subtitle, panels, 1, 900, 230);
    }

    /** Thresholds over time, selectivity over time, and every unit's final selectivity. */
    static PanelFigure threshold(Look look, long seed) {
        String[] drawn = new String[1];
        Map<Long, Recording> recs = read(look, drawn);
        Recording rec = seed(look, recs, seed);
        int k = rec.patterns();
        int[] preferred = rec.preferred();
        double[] x = rec.steps();

        XYChart theta = Charts.panel("Sliding threshold \u03b8 of every unit (seed " + seed + "), coloured by the pattern it ends preferring",
                "presentations (patterns seen)", "\u03b8 (y\u00b2 units)");
        for (int p = 0; p < k; p++) {
            boolean named = false;
            for (int i = 0; i < rec.units(); i++) {
                if (preferred[i] != p) {
                    continue;
                }
                double[] th = new double[x.length];
                for (int t = 0; t < x.length; t++) {
                    th[t] = rec.theta()[t][i];
                }
                XYSeries sr = Charts.line(theta, "unit " + (i + 1), x, th, patternColour(p), 1.6f);
                sr.setShowInLegend(!named);
                sr.setLabel("units preferring pattern " + (p + 1));
                named = true;
            }
        }
        Charts.dashed(theta, "selective fixed point \u03b8 = K = " + k, new double[] {0, x[x.length - 1]},
                new double[] {k, k}, Palette.GREY, true);
        theta.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);

        XYChart sel = Charts.panel("Selectivity 1 \u2212 mean/max response, mean over the units of a seed", "presentations (patterns seen)",
                "selectivity (dimensionless)");
        // a seed's units share its pattern order, so the seed (not the unit) is the independent sample
        TreeMap<Double, List<Double>> bySeedMean = new TreeMap<>();
        for (Recording r : recs.values()) {
            for (int t = 0; t < r.steps().length; t++) {
                double sum = 0;
                for (double v : r.selectivity()[t]) {
                    sum += v;
                }
                bySeedMean.computeIfAbsent(r.steps()[t], s -> new ArrayList<>()).add(sum / r.units());
            }
        }
        SeedStats st = SeedStats.of(bySeedMean, recs.size()).clamped(0, 1);
        Charts.mean(sel, "mean of a seed's units", st, look.colour(drawn[0]), 2.2f);
        Charts.dashed(sel, "one pattern only: 1 \u2212 1/K = " + String.format(Locale.ROOT, "%.2f", 1 - 1.0 / k),
                new double[] {0, x[x.length - 1]}, new double[] {1 - 1.0 / k, 1 - 1.0 / k}, Palette.GREY, true);
        sel.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        sel.getStyler().setYAxisMin(0.0);
        sel.getStyler().setYAxisMax(1.0);

        XYChart last = Charts.panel("Final selectivity of every unit", "unit (index; the seeds side by side)", "selectivity (dimensionless)");
        int s = 0;
        for (Map.Entry<Long, Recording> e : recs.entrySet()) {
            Recording r = e.getValue();
            double[] ux = new double[r.units()];
            double[] uy = r.selectivity()[r.steps().length - 1].clone();
            // seeds side by side around each unit, so equal values stay visible
            double offset = (s - (recs.size() - 1) / 2.0) * 0.4 / Math.max(1, recs.size() - 1);
            for (int i = 0; i < ux.length; i++) {
                ux[i] = i + 1 + offset;
            }
            XYSeries sr = last.addSeries("seed " + e.getKey(), ux, uy);
            sr.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            sr.setMarker(SeriesMarkers.CIRCLE);
            sr.setMarkerColor(Palette.SERIES[s++ % Palette.SERIES.length]);
        }
        Charts.dashed(last, "1 \u2212 1/K", new double[] {0.5, rec.units() + 0.5}, new double[] {1 - 1.0 / k, 1 - 1.0 / k},
                Palette.GREY, false);
        last.getStyler().setMarkerSize(9);
        last.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        last.getStyler().setYAxisMin(0.0);
        last.getStyler().setYAxisMax(1.0);
        last.getStyler().setXAxisMin(0.5);
        last.getStyler().setXAxisMax(rec.units() + 0.5);

        String title = look.label(drawn[0]) + ": the sliding threshold and the selectivity it produces (" + k + " patterns)";
        String subtitle = "At the selective fixed point a unit answers one pattern with y = \u03b8 = K and the others with 0; "
                + recs.size() + " seed" + (recs.size() == 1 ? "" : "s") + " \u00d7 " + rec.units() + " units; selectivity: "
                + SeedStats.caption(recs.size());
        return new PanelFigure(title, subtitle, List.of(theta, sel, last), 1, 900, 280);
    }
}
