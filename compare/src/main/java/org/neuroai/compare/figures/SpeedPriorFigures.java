package org.neuroai.compare.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.engine.Stats;
import org.neuroai.compare.files.Csv;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of the slow-speed prior (Weiss, Simoncelli &amp; Adelson 2002), drawn from a finished
 * run's {@value #DENSITIES} and {@value #PERCEIVED} (closed forms written by the run) and its
 * {@code curves.csv} (the simulated observer), with each condition's contrast and speed from the
 * run's fact {@code speed_conditions}.
 */
public final class SpeedPriorFigures {
    /** Densities of prior, likelihood and posterior over speed, by contrast. */
    static final String DENSITIES = "speed_densities.csv";
    /** The expected percept of every contrast and true speed. */
    static final String PERCEIVED = "perceived_speed.csv";
    /** The posterior's colour: the observer's. */
    private static final Color POSTERIOR = new Color(0xAA4499);
    /** The likelihood's colour. */
    private static final Color LIKELIHOOD = Palette.BLUE;
    /** Contrasts from low to high: orange through purple to indigo. */
    private static final Color[] RAMP = {new Color(0xE69F00), new Color(0xAA4499), new Color(0x332288)};

    private SpeedPriorFigures() {}

    /** Prior, likelihood and posterior over speed, one panel per contrast. */
    public static final class Posterior implements Figure {
        @Override
        public String name() {
            return "speed-posterior";
        }

        @Override
        public String description() {
            return "slow-speed prior: prior, likelihood and posterior densities over speed, one panel per contrast";
        }

        @Override
        public String file() {
            return "speed_posterior";
        }

        @Override
        public List<String> reads() {
            return List.of(DENSITIES);
        }

        @Override
        public String caption(RunFolder run) {
            return "Slow-speed prior: the Gaussian prior over speed, the likelihood of one measurement and their product, the posterior, "
                    + "one panel per contrast";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return posterior(run);
        }
    }

    /** Perceived against true speed for every contrast, and the prior's pull over glimpses. */
    public static final class Perceived implements Figure {
        @Override
        public String name() {
            return "speed-perceived";
        }

        @Override
        public String description() {
            return "slow-speed prior: perceived against true speed at every contrast, and the prior's pull fading over glimpses";
        }

        @Override
        public String file() {
            return "perceived_speed";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES, PERCEIVED);
        }

        @Override
        public String caption(RunFolder run) {
            return "Slow-speed prior: perceived against true speed at every contrast, expected (lines) and simulated (points, "
                    + SeedStats.caption(run.seeds()) + "), and the perceived share of the true speed over glimpses";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return perceived(Look.of(run));
        }
    }

    /** Rows of a CSV file with a header, as maps from column to number. */
    static List<Map<String, Double>> read(RunFolder run, String name) {
        Path file = run.file(name);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read (" + e.getMessage() + ").");
        }
        if (lines.isEmpty()) {
            throw new UserError(file + ": empty; it should start with a header line.");
        }
        List<String> header = Csv.split(lines.get(0));
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> f = Csv.split(lines.get(n));
            if (f.size() != header.size()) {
                throw new UserError(file + ", line " + (n + 1) + ": " + f.size() + " fields where the header has " + header.size() + ".");
            }
            Map<String, Double> row = new LinkedHashMap<>();
            for (int k = 0; k < f.size(); k++) {
                try {
                    row.put(header.get(k), Double.parseDouble(f.get(k)));
                } catch (NumberFormatException e) {
                    throw new UserError(file + ", line " + (n + 1) + ": '" + f.get(k) + "' in column " + header.get(k) + " is not a number.");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** A column of a file's rows, checked. */
    static double get(Map<String, Double> row, String column, RunFolder run, String name) {
        Double v = row.get(column);
        if (v == null) {
            throw new UserError(run.file(name) + ": no column '" + column + "'.");
        }
        return v;
    }

    /** The colour of the k-th of n contrasts, from low to high. */
    static Color contrastColour(int k, int n) {
        double t = n == 1 ? 1 : (double) k / (n - 1) * (RAMP.length - 1);
        int i = Math.min((int) t, RAMP.length - 2);
        double f = t - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())), (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    static String percent(double contrast) {
        return CueCombinationFigures.fmt(100 * contrast) + " %";
    }

    static PanelFigure posterior(RunFolder run) {
        Map<Double, List<Map<String, Double>>> byContrast = new TreeMap<>();
        for (Map<String, Double> r : read(run, DENSITIES)) {
            byContrast.computeIfAbsent(get(r, "contrast", run, DENSITIES), k -> new ArrayList<>()).add(r);
        }
        if (byContrast.isEmpty()) {
            throw new UserError(run.file(DENSITIES) + ": no densities to draw.");
        }
        double shown = run.provenance().path("shown_speed").asDouble(Double.NaN);
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<Double, List<Map<String, Double>>> e : byContrast.entrySet()) {
            List<Map<String, Double>> rows = e.getValue();
            double[] v = rows.stream().mapToDouble(r -> r.get("speed")).toArray();
            double[] prior = rows.stream().mapToDouble(r -> get(r, "prior", run, DENSITIES)).toArray();
            double[] like = rows.stream().mapToDouble(r -> get(r, "likelihood", run, DENSITIES)).toArray();
            double[] post = rows.stream().mapToDouble(r -> get(r, "posterior", run, DENSITIES)).toArray();
            double dv = v.length > 1 ? v[1] - v[0] : 1;
            double mean = 0;
            double mass = 0;
            double top = 0;
            for (int k = 0; k < v.length; k++) {
                mean += v[k] * post[k] * dv;
                mass += post[k] * dv;
                top = Math.max(top, Math.max(post[k], Math.max(prior[k], like[k])));
            }
            mean /= mass;
            double sd = 0;
            for (int k = 0; k < v.length; k++) {
                sd += (v[k] - mean) * (v[k] - mean) * post[k] * dv;
            }
            sd = Math.sqrt(sd / mass);
            XYChart c = Charts.panel("contrast " + percent(e.getKey()), "speed (deg/s)", "probability density (1/(deg/s))");
            Charts.dashed(c, "prior, favours slow speeds", v, prior, Palette.GREY, true);
            Charts.line(c, "likelihood", v, like, LIKELIHOOD, 1.8f);
            Charts.line(c, "posterior \u221d prior \u00d7 likelihood", v, post, POSTERIOR, 2.6f);
            // the first panel carries the legend, above its curves
            double ceiling = (panels.isEmpty() ? 2.0 : 1.35) * top;
            if (Double.isFinite(shown)) {
                Charts.dashed(c, "true speed = measurement", new double[] {shown, shown}, new double[] {0, ceiling}, LIKELIHOOD, true)
                        .setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 3f}, 0f));
            }
            XYSeries m = Charts.dashed(c, "percept: posterior mean", new double[] {mean, mean}, new double[] {0, ceiling}, POSTERIOR,
                    true);
            m.setLineWidth(1.5f);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(ceiling);
            c.getStyler().setXAxisMin(v[0]);
            c.getStyler().setXAxisMax(v[v.length - 1]);
            c.getStyler().setXAxisTickMarkSpacingHint(70);
            c.getStyler().setYAxisDecimalPattern("0.##");
            c.getStyler().setLegendVisible(panels.isEmpty());
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            c.setTitle("contrast " + percent(e.getKey()) + ": perceived " + CueCombinationFigures.fmt(mean) + " deg/s (sd "
                    + CueCombinationFigures.fmt(sd) + ")");
            panels.add(c);
        }
        int columns = panels.size() <= 3 ? panels.size() : (panels.size() + 1) / 2;
        String at = Double.isFinite(shown) ? "a stimulus at " + CueCombinationFigures.fmt(shown) + " deg/s, measured at its true speed" : "one measurement";
        return new PanelFigure("Perception as inference: the lower the contrast, the wider the likelihood and the slower the percept",
                "Weiss, Simoncelli & Adelson 2002: Gaussian prior over speed centred at 0 times a Gaussian likelihood whose sd is \u03c3\u2081/contrast; "
                        + at + "; parameters illustrative, not fitted",
                panels, columns, 460, 360);
    }

    static PanelFigure perceived(Look look) {
        RunFolder run = look.run();
        List<Map<String, Double>> rows = read(run, PERCEIVED);
        if (rows.isEmpty()) {
            throw new UserError(run.file(PERCEIVED) + ": no percepts to draw.");
        }
        TreeMap<Double, List<double[]>> lines = new TreeMap<>();
        for (Map<String, Double> r : rows) {
            lines.computeIfAbsent(get(r, "contrast", run, PERCEIVED), k -> new ArrayList<>())
                    .add(new double[] {get(r, "true_speed", run, PERCEIVED), get(r, "perceived_speed", run, PERCEIVED), get(r, "gain", run, PERCEIVED),
                        get(r, "likelihood_sd", run, PERCEIVED)});
        }
        // each condition's contrast and speed
        Map<String, double[]> conditions = new LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode c : run.provenance().path("speed_conditions")) {
            conditions.put(c.path("name").asText(), new double[] {c.path("contrast").asDouble(), c.path("speed").asDouble()});
        }
        List<TraceRow> curves = TraceReader.read(run.file(Traces.CURVES), r -> r.metric().endsWith(".perceived_speed"));
        double vmax = lines.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(1);

        XYChart a = Charts.panel("Perceived against true speed, one glimpse", "true speed (deg/s)", "perceived speed (deg/s)");
        Charts.dashed(a, "veridical", new double[] {0, vmax}, new double[] {0, vmax}, Palette.GREY, true);
        XYChart b = Charts.panel("The prior's pull fades as glimpses accumulate", "glimpses of the stimulus (count)",
                "perceived / true speed (fraction)");
        int n = lines.size();
        int k = 0;
        double glimpses = 1;
        for (Map.Entry<Double, List<double[]>> e : lines.entrySet()) {
            double contrast = e.getKey();
            Color col = contrastColour(k++, n);
            List<double[]> pts = e.getValue();
            pts.sort((p, q) -> Double.compare(p[0], q[0]));
            double[] x = new double[pts.size() + 1];
            double[] y = new double[pts.size() + 1];
            for (int i = 0; i < pts.size(); i++) {
                x[i + 1] = pts.get(i)[0];
                y[i + 1] = pts.get(i)[1];
            }
            String label = "contrast " + percent(contrast) + " (gain " + CueCombinationFigures.fmt(pts.get(0)[2]) + ")";
            Charts.line(a, label, x, y, col, 1.8f);
            // the observer after its first glimpse, at every speed of this contrast: mean over seeds
            List<double[]> seen = new ArrayList<>();
            TreeMap<Double, List<Double>> share = new TreeMap<>();
            for (Map.Entry<String, double[]> c : conditions.entrySet()) {
                if (c.getValue()[0] != contrast) {
                    continue;
                }
                double speed = c.getValue()[1];
                String metric = c.getKey() + ".perceived_speed";
                List<Double> first = new ArrayList<>();
                for (TraceRow r : curves) {
                    if (r.metric().equals(metric) && r.learner().equals(look.run().learners().keySet().iterator().next())) {
                        if (r.step() == 1) {
                            first.add(r.value());
                        }
                        if (r.step() >= 1) {
                            share.computeIfAbsent((double) r.step(), s -> new ArrayList<>()).add(r.value() / speed);
                            glimpses = Math.max(glimpses, r.step());
                        }
                    }
                }
                if (!first.isEmpty()) {
                    Stats.Summary s = Stats.Summary.of(first.stream().mapToDouble(Double::doubleValue).toArray());
                    seen.add(new double[] {speed, s.mean(), first.size() > 1 ? (s.high() - s.low()) / 2 : 0});
                }
            }
            if (!seen.isEmpty()) {
                XYSeries p = a.addSeries(label + ", simulated", seen.stream().mapToDouble(q -> q[0]).toArray(),
                        seen.stream().mapToDouble(q -> q[1]).toArray(), seen.stream().mapToDouble(q -> q[2]).toArray());
                p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                p.setMarker(SeriesMarkers.CIRCLE);
                p.setMarkerColor(col);
                p.setLineColor(col);
                p.setShowInLegend(false);
            }
            if (!share.isEmpty()) {
                SeedStats st = SeedStats.of(share, run.seeds());
                XYSeries sim = Charts.line(b, label + ", simulated", st.steps(), st.mean(), col, 1.2f);
                sim.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                sim.setMarker(SeriesMarkers.CIRCLE);
                sim.setShowInLegend(false);
            }
        }
        // the expected share after n glimpses: n σ_p² / (n σ_p² + σ_l²), from the gain of one: σ_l²/σ_p² = 1/gain − 1
        k = 0;
        for (Map.Entry<Double, List<double[]>> e : lines.entrySet()) {
            double ratio = 1 / e.getValue().get(0)[2] - 1;
            int steps = (int) Math.max(1, glimpses);
            double[] x = new double[steps];
            double[] y = new double[steps];
            for (int i = 0; i < steps; i++) {
                x[i] = i + 1;
                y[i] = (i + 1) / (i + 1 + ratio);
            }
            Charts.line(b, "contrast " + percent(e.getKey()), x, y, contrastColour(k++, n), 1.8f);
        }
        Charts.dashed(b, "veridical", new double[] {1, Math.max(2, glimpses)}, new double[] {1, 1}, Palette.GREY, true);
        a.getStyler().setMarkerSize(7);
        a.getStyler().setErrorBarsColorSeriesColor(true);
        a.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        a.getStyler().setXAxisMin(0.0);
        a.getStyler().setYAxisMin(0.0);
        a.getStyler().setXAxisDecimalPattern("0.#");
        a.getStyler().setYAxisDecimalPattern("0.#");
        b.getStyler().setMarkerSize(6);
        b.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        b.getStyler().setYAxisMin(0.0);
        b.getStyler().setYAxisMax(1.1);
        b.getStyler().setXAxisMin(1.0);
        b.getStyler().setXAxisMax(Math.max(2, glimpses));
        b.getStyler().setYAxisDecimalPattern("0.0");
        return new PanelFigure("Low-contrast motion looks slower: a prior for slow speeds pulls the percept the more, the weaker the evidence",
                "Lines: the posterior mean in closed form (left, expected over measurements; right, after n glimpses); points: the simulated "
                        + "observer, left after one glimpse, " + SeedStats.caption(run.seeds()) + "; right, mean over seeds and speeds of the perceived share of the true speed",
                List.of(a, b), 2, 640, 480);
    }
}
