package org.neuroai.compare.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.bio.spiking.rules.TsodyksMarkramRule;
import org.neuroai.bio.spiking.protocols.Habituation;
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.bio.spiking.protocols.Trains;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.HabituationFigures;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.ProtocolFigures;
import org.neuroai.core.Registry;
import org.neuroai.core.engine.Lanes;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.TrainingLoop;
import org.neuroai.core.tasks.PatternsTask;
import org.neuroai.compare.experiments.PatternTasks;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Task;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.data.Published;
import org.neuroai.core.linalg.Linalg;
import org.neuroai.core.tasks.DigitsTask;
import org.neuroai.core.tasks.GaussianTask;

/**
 * Runs every model against the published numbers and the theorems it should satisfy, writing a
 * figure per group of checks. Used by {@code neuroai validate} and by the test suite.
 */
public final class Validation {
    private Validation() {}

    /**
     * Runs every check.
     *
     * @param out where the figures go
     * @return the checks, in order
     * @throws IOException when a figure cannot be written
     */
    public static List<Check> runAll(Path out) throws IOException {
        List<Check> checks = new ArrayList<>();
        triplet(out, checks);
        tsodyksMarkram(out, checks);
        aplysia(out, checks);
        rateRules(out, checks);
        return checks;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Triplet STDP, every visual-cortex set, against Sjöström, Turrigiano &amp; Nelson 2001. */
    static void triplet(Path out, List<Check> checks) throws IOException {
        SpikeRule rule = Registry.get(SpikeRule.class, "stdp-triplet", "rule");
        List<Published.SjostromPoint> data = Published.sjostrom2001();
        for (String preset : rule.presets().keySet()) {
            SpikeSynapse s = rule.create(rule.params(preset, Map.of(), "validate"));
            List<Pairing.Point> model = Pairing.sjostrom(s, 0);
            String fig = "triplet_" + preset;
            double chi2 = 0;
            for (Published.SjostromPoint d : data) {
                double got = model.stream().filter(p -> p.frequencyHz() == d.frequencyHz() && p.deltaTMs() == d.deltaTMs())
                        .findFirst().orElseThrow().weightChange();
                double z = (got - d.change()) / d.sem();
                chi2 += z * z;
                checks.add(new Check(String.format(Locale.ROOT, "Sjöström 2001: %s Hz, Δt = %+.0f ms", ProtocolFigures.fmt(d.frequencyHz()),
                        d.deltaTMs()), "stdp-triplet " + preset, f(d.change()) + " ± " + f(d.sem()) + " (within 2 s.e.m.)", got,
                        String.format(Locale.ROOT, "%+.2f s.e.m.", z), Math.abs(z) <= 2, fig));
            }
            double perDof = chi2 / data.size();
            checks.add(new Check("Sjöström 2001: χ² per degree of freedom (10 points)", "stdp-triplet " + preset,
                    "reported (Pfister & Gerstner fits: about 0.2 to 0.4)", perDof, "-", true, fig));
            ProtocolFigures.frequency(model, "stdp-triplet (" + preset + ")").save(out, fig);
        }
    }

    /** Tsodyks-Markram depression: the closed-form steady state and the 1/f law (Tsodyks &amp; Markram 1997). */
    static void tsodyksMarkram(Path out, List<Check> checks) throws IOException {
        SpikeRule rule = Registry.get(SpikeRule.class, "tsodyks-markram", "rule");
        double u = 0.5;
        double tau = 800;
        double[] rates = {1, 2, 5, 10, 20, 40, 80, 160};
        double[] sim = new double[rates.length];
        double[] closed = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            List<Trains.Response> r = Trains.regular(rule.create(rule.params("tpm98-depressing", Map.of(), "validate")), rates[i], 300);
            sim[i] = r.get(r.size() - 1).response();
            closed[i] = u * TsodyksMarkramRule.steadyStateResource(u, tau, rates[i]);
            double rel = Math.abs(sim[i] - closed[i]) / closed[i];
            checks.add(new Check("steady-state response at " + ProtocolFigures.fmt(rates[i]) + " Hz (closed form)",
                    "tsodyks-markram tpm98-depressing", f(closed[i]), sim[i], String.format(Locale.ROOT, "%.1e relative", rel),
                    rel < 1e-6, "tm_steady_state"));
        }
        // 1/f law: the log-log slope of the steady-state response between 80 and 160 Hz (f τ_rec ≫ 1)
        double slope = Math.log(sim[7] / sim[6]) / Math.log(rates[7] / rates[6]);
        checks.add(new Check("1/f law: log-log slope of the steady state, 80-160 Hz", "tsodyks-markram tpm98-depressing",
                "-1 ± 0.05", slope, String.format(Locale.ROOT, "%+.3f", slope + 1), Math.abs(slope + 1) <= 0.05, "tm_steady_state"));
        XYChart c = Charts.panel("Steady-state response vs driving rate", "driving rate f (Hz, log scale)",
                "steady-state response u·x* (log scale)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        Charts.line(c, "closed form U (1 − E)/(1 − (1 − U)E)", rates, closed, Palette.GREY, 2f);
        double[] inv = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            inv[i] = 1000.0 / (rates[i] * tau);
        }
        Charts.dashed(c, "1/(f τ_rec)", rates, inv, new java.awt.Color(0xD55E00), true);
        XYSeries s = c.addSeries("simulated, 300 spikes", rates, sim);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(new java.awt.Color(0x0072B2));
        c.getStyler().setMarkerSize(9);
        c.getStyler().setXAxisDecimalPattern("0");
        new PanelFigure("Depressing synapse (Tsodyks & Markram 1997): the steady state falls as 1/f",
                "tpm98-depressing preset: U = 0.5, τ_rec = 800 ms", List.of(c), 1, 900, 440).save(out, "tm_steady_state");
    }

    /** The Aplysia synapse against Byrne 1982, Carew et al. 1971 and Carew &amp; Kandel 1973. */
    static void aplysia(Path out, List<Check> checks) throws IOException {
        SpikeRule rule = Registry.get(SpikeRule.class, "aplysia", "rule");
        java.util.function.Supplier<SpikeSynapse> fresh = () -> rule.create(rule.params(null, Map.of(), "validate"));
        Map<Double, List<Habituation.Response>> byIsi = new java.util.LinkedHashMap<>();
        for (double isi : new double[] {1, 3, 10, 30, 100}) {
            byIsi.put(isi, Habituation.run(fresh.get(), Habituation.Protocol.of(isi, isi == 1 ? 30 : 10)));
        }
        String fig = "aplysia_habituation";
        String model = "aplysia (defaults)";
        double plateau = byIsi.get(1.0).subList(25, 30).stream().mapToDouble(Habituation.Response::amplitude).average().orElseThrow();
        checks.add(new Check("Byrne 1982: plateau at 1 s intervals (stimuli 26-30)", model, "0.30-0.42 (about 0.36)", plateau,
                String.format(Locale.ROOT, "%+.3f from 0.36", plateau - 0.36), plateau >= 0.30 && plateau <= 0.42, fig));
        double tenth100 = byIsi.get(100.0).get(9).amplitude();
        checks.add(new Check("Byrne 1982: 10th EPSP at 100 s intervals", model, "0.55-0.75 (about 0.65)", tenth100,
                String.format(Locale.ROOT, "%+.3f from 0.65", tenth100 - 0.65), tenth100 >= 0.55 && tenth100 <= 0.75, fig));
        for (double isi : new double[] {3, 10, 30}) {
            double v = byIsi.get(isi).get(9).amplitude();
            checks.add(new Check("Byrne 1982: 10th EPSP at " + ProtocolFigures.fmt(isi) + " s lies between", model,
                    "between the 1-s plateau and 0.75", v, "-", v > plateau && v <= 0.75, fig));
        }
        // dishabituation: a shock after 10 stimuli at 10 s; the next response against the last one before it
        List<Habituation.Response> dis = Habituation.run(fresh.get(),
                Habituation.Protocol.of(10, 11).withShock(new Habituation.Shock.After(10, 1)));
        double ratio = dis.get(10).amplitude() / dis.get(9).amplitude();
        checks.add(new Check("Pinsker 1970, Carew 1971: dishabituation by a tail shock", model,
                "next response >= 1.2 x the last before the shock", ratio, "-", ratio >= 1.2, "aplysia_shock_and_spacing"));
        // spaced (4 x 10 trials, 1.5 h apart) against massed (40 trials), 30 s intervals, test a week later
        double week = 7 * 86400;
        Habituation.Protocol spacedP = Habituation.Protocol.of(30, 10).withSessions(4, 5400).withRest(week);
        Habituation.Protocol massedP = Habituation.Protocol.of(30, 40).withRest(week);
        List<Habituation.Response> spacedR = Habituation.run(fresh.get(), spacedP);
        List<Habituation.Response> massedR = Habituation.run(fresh.get(), massedP);
        double spaced = spacedR.get(40).amplitude();
        double massed = massedR.get(40).amplitude();
        checks.add(new Check("Carew & Kandel 1973: spaced beats massed, test after 7 days", model,
                "spaced < massed, spaced < 0.9", spaced, String.format(Locale.ROOT, "massed %.3f", massed),
                spaced < massed && spaced < 0.9, "aplysia_shock_and_spacing"));
        XYChart shock = HabituationFigures.protocol(dis, "aplysia, 10 s intervals, tail shock after stimulus 10",
                Habituation.Protocol.of(10, 11)).panels().get(0);
        shock.setTitle("Dishabituation: a tail shock after stimulus 10");
        shock.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        XYChart spacing = Charts.panel("Spaced (4 x 10, 1.5 h apart) vs massed (40) training; stimulus 41 is a test 7 days later",
                "stimulus number", "amplitude (fraction of the first)");
        Charts.line(spacing, "spaced", spacedR.stream().mapToDouble(Habituation.Response::stimulus).toArray(),
                spacedR.stream().mapToDouble(Habituation.Response::amplitude).toArray(), new java.awt.Color(0x0072B2), 2f)
                .setMarker(SeriesMarkers.CIRCLE);
        Charts.line(spacing, "massed", massedR.stream().mapToDouble(Habituation.Response::stimulus).toArray(),
                massedR.stream().mapToDouble(Habituation.Response::amplitude).toArray(), new java.awt.Color(0xD55E00), 2f)
                .setMarker(SeriesMarkers.DIAMOND);
        spacing.getStyler().setMarkerSize(6);
        spacing.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        new PanelFigure("Aplysia: dishabituation by a shock, and spaced training retained longer than massed",
                "Pinsker et al. 1970, Carew et al. 1971; Carew & Kandel 1973", List.of(shock, spacing), 1, 900, 380)
                .save(out, "aplysia_shock_and_spacing");
        HabituationFigures.byrne(byIsi).save(out, fig);
    }

    /** Oja and Sanger against their convergence theorems. */
    static void rateRules(Path out, List<Check> checks) throws IOException {
        GaussianTask g = new GaussianTask(10, 4.0, 0.6, 7, 10);
        PlasticityRule oja = Registry.get(PlasticityRule.class, "oja", "rule");
        RuleNetwork n = new RuleNetwork("oja", oja, oja.params(Map.of("eta", 0.01), "validate"), 10, 1, 500, 0.5, 0);
        double[][] ojaCurve = curve(n, g.stream(100), 20000, net -> {
            double[] w = net.weights().copy("w");
            return Math.toDegrees(Math.acos(Math.min(1, Math.abs(Linalg.dot(w, g.principalAxes(1)[0])) / Linalg.norm(w))));
        });
        double[] w = n.weights().copy("w");
        double cos = Math.abs(Linalg.dot(w, g.principalAxes(1)[0])) / Linalg.norm(w);
        checks.add(new Check("Oja 1982: cosine of w and u₁ (absolute) after 20000 samples", "oja", "> 0.99", cos,
                String.format(Locale.ROOT, "%.1f°", Math.toDegrees(Math.acos(Math.min(1, cos)))), cos > 0.99, "pca_rules"));
        checks.add(new Check("Oja 1982: norm of w → 1", "oja", "1 ± 0.01", Linalg.norm(w),
                String.format(Locale.ROOT, "%+.4f", Linalg.norm(w) - 1), Math.abs(Linalg.norm(w) - 1) < 0.01, "pca_rules"));
        DigitsTask d = new DigitsTask(Datasets.digits(), 0.2, 2024);
        double power = 0;
        for (double v : d.eigenvalues()) {
            power += v;
        }
        PlasticityRule gha = Registry.get(PlasticityRule.class, "gha", "rule");
        RuleNetwork m = new RuleNetwork("gha", gha, gha.params(Map.of("eta", 0.15 / power), "validate"), 64, 3, 500, 0.5, 0);
        double[][] ghaCurve = curve(m, d.stream(100), 30000,
                net -> Linalg.largestPrincipalAngleDeg(net.weights().matrix("w"), d.principalAxes(3)));
        double angle = Linalg.largestPrincipalAngleDeg(m.weights().matrix("w"), d.principalAxes(3));
        checks.add(new Check("Sanger 1989: top-3 subspace of the digits, largest principal angle", "gha", "< 5°", angle,
                String.format(Locale.ROOT, "%.2f°", angle), angle < 5, "pca_rules"));
        XYChart c = Charts.panel("Angle to the true principal subspace while learning", "presentations (samples seen)",
                "angle (degrees, log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        Charts.line(c, "Oja's rule, 1 unit, Gaussian (angle to u₁)", ojaCurve[0], ojaCurve[1], Palette.BLUE, 2f);
        Charts.line(c, "Sanger's GHA, 3 units, digits (largest principal angle)", ghaCurve[0], ghaCurve[1],
                Palette.BLUISH_GREEN, 2f);
        Charts.dashed(c, "Oja check: |cos| > 0.99 (8.1°)", new double[] {0, 30000}, new double[] {8.11, 8.11}, Palette.GREY, true);
        Charts.dashed(c, "GHA check: 5°", new double[] {0, 30000}, new double[] {5, 5}, new java.awt.Color(0xD55E00), true);
        new PanelFigure("Oja's and Sanger's rules converge to the principal subspace, as their theorems say",
                "Oja 1982; Sanger 1989; the dashed lines are the checks' thresholds", List.of(c), 1, 900, 420).save(out, "pca_rules");
        bcm(out, checks);
        hopfield(out, checks);
    }

    /**
     * Trains a layer through the training loop, returning (presentations, metric) at the start and at
     * {@value #POINTS} evenly spaced checkpoints.
     *
     * @param steps presentations in all, a multiple of {@value #POINTS}
     */
    private static double[][] curve(RuleNetwork net, SampleStream stream, int steps,
                                    java.util.function.ToDoubleFunction<RuleNetwork> metric) {
        double[][] xy = new double[2][POINTS + 1];
        int[] k = {0};
        Schedule s = Schedule.uniform(steps, 256, steps / POINTS);
        new TrainingLoop(List.of(net), null, s, Lanes.of(1)).run(stream, (step, mine, loop) -> {
            if (s.due(Schedule.Record.METRICS, step, steps)) {
                xy[0][k[0]] = step;
                xy[1][k[0]] = step == 0 ? metric.applyAsDouble(net) : Math.max(1e-3, metric.applyAsDouble(net));
                k[0]++;
            }
        });
        return xy;
    }

    /** Checkpoints of a learning curve drawn by validate. */
    private static final int POINTS = 50;

    /**
     * BCM (Intrator &amp; Cooper 1992 form): with K equiprobable linearly independent patterns, every
     * unit ends selective, answering one pattern with about θ = K and the others with about 0.
     */
    static void bcm(Path out, List<Check> checks) throws IOException {
        int k = 5;
        int d = 20;
        PatternsTask task = new PatternsTask(k, d, 3);
        double[][] x = task.heldOut().inputs();
        PlasticityRule bcm = Registry.get(PlasticityRule.class, "bcm", "rule");
        RuleNetwork net = new RuleNetwork("bcm", bcm, bcm.params(Map.of(), "validate"), d, 10,
                org.neuroai.bio.Activation.RECTIFIED, false, 0, org.neuroai.bio.network.InitialWeights.POSITIVE, 0.5, 0);
        Schedule s = Schedule.uniform(100_000, 1000, 100_000);
        new TrainingLoop(List.of(net), null, s, Lanes.of(1)).run(task.stream(1000), (step, mine, loop) -> { });
        double[][] y = net.predict(x);
        int selective = 0;
        for (int i = 0; i < 10; i++) {
            double best = 0;
            double others = 0;
            for (int p = 0; p < k; p++) {
                best = Math.max(best, y[p][i]);
            }
            for (int p = 0; p < k; p++) {
                others = y[p][i] == best ? others : Math.max(others, Math.abs(y[p][i]));
            }
            selective += others < 0.1 * best ? 1 : 0;
        }
        checks.add(new Check("BCM 1982 / Intrator & Cooper 1992: units selective to one of 5 patterns", "bcm",
                "10 of 10 (other responses < 10 % of the best)", selective, "-", selective == 10, "bcm_selectivity"));
        XYChart c = Charts.panel("Response of each unit to each pattern after 100000 presentations", "unit",
                "response y (rectified)");
        for (int p = 0; p < k; p++) {
            double[] units = new double[10];
            double[] resp = new double[10];
            for (int i = 0; i < 10; i++) {
                units[i] = i + 1;
                resp[i] = y[p][i];
            }
            XYSeries sr = c.addSeries("pattern " + (p + 1), units, resp);
            sr.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            sr.setMarker(SeriesMarkers.CIRCLE);
            sr.setMarkerColor(Palette.SERIES[p % Palette.SERIES.length]);
        }
        c.getStyler().setMarkerSize(10);
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        new PanelFigure("BCM units become selective: each answers one pattern, the others hardly at all",
                "10 rectified units, 5 positive patterns presented at random; θ settles near K = 5", List.of(c), 1, 900, 420)
                .save(out, "bcm_selectivity");
    }

    /** Hopfield 1982 capacity (Amit, Gutfreund &amp; Sompolinsky 1985: about 0.138 N). */
    static void hopfield(Path out, List<Check> checks) throws IOException {
        PlasticityRule rule = Registry.get(PlasticityRule.class, "hopfield", "rule");
        int maxP = 30;
        double[] ps = new double[maxP];
        double[] rates = new double[maxP];
        for (int patterns = 1; patterns <= maxP; patterns++) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(patterns);
            int ok = 0;
            int total = 0;
            int trials = patterns == 5 || patterns == 25 ? 20 : 6;
            for (int trial = 0; trial < trials; trial++) {
                org.neuroai.bio.network.HopfieldNetwork h = new org.neuroai.bio.network.HopfieldNetwork("hopfield", rule,
                        rule.params(Map.of(), "validate"), 100, org.neuroai.bio.network.HopfieldNetwork.Update.ASYNCHRONOUS, 100,
                        patterns * 100L + trial);
                double[][] x = org.neuroai.bio.network.HopfieldNetwork.randomPatterns(patterns, 100, r);
                // one presentation of each pattern, in order, through the training loop
                new TrainingLoop(List.of(h), null, Schedule.uniform(patterns, patterns, patterns), Lanes.of(1))
                        .run(new PatternTasks.Storage(PatternTasks.Patterns.of("random", "random patterns", x), patterns).stream(0),
                                (step, mine, loop) -> { });
                for (double[] p : x) {
                    double[] s = org.neuroai.bio.network.HopfieldNetwork.corrupt(p, 10, r);
                    h.recall(s);
                    ok += org.neuroai.bio.network.HopfieldNetwork.overlap(p, s) >= 0.98 ? 1 : 0;
                    total++;
                }
            }
            ps[patterns - 1] = patterns;
            rates[patterns - 1] = (double) ok / total;
            if (patterns == 5 || patterns == 25) {
                boolean pass = patterns == 5 ? rates[patterns - 1] > 0.95 : rates[patterns - 1] < 0.5;
                checks.add(new Check("Hopfield 1982: recall of " + patterns + " random patterns, N = 100, 10 % flipped", "hopfield",
                        patterns == 5 ? "> 95 % (below 0.138 N)" : "< 50 % (above 0.138 N)", rates[patterns - 1], "-", pass,
                        "hopfield_capacity"));
            }
        }
        XYChart c = Charts.panel("Fraction of stored patterns recalled from a cue with 10 % of the units flipped",
                "patterns stored", "recalled (overlap ≥ 0.98)");
        XYSeries sr = Charts.line(c, "Hopfield network, N = 100, asynchronous recall", ps, rates,
                Palette.BLUE, 2f);
        sr.setMarker(SeriesMarkers.CIRCLE);
        Charts.dashed(c, "0.138 N (Amit, Gutfreund & Sompolinsky 1985)", new double[] {13.8, 13.8}, new double[] {0, 1},
                new java.awt.Color(0xD55E00), true);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.05);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        new PanelFigure("Hopfield capacity: recall collapses near 0.14 N stored patterns",
                "checks: above 95 % at 5 patterns, below 50 % at 25", List.of(c), 1, 900, 420).save(out, "hopfield_capacity");
    }
}
