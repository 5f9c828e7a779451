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
 * Runs every model against the published numbers, the theorems it should satisfy and the papers'
 * equations written again apart from it ({@link References}), writing a figure per group of checks.
 * Used by {@code neuroai validate} and by the test suite. Every group takes the {@link Models} it
 * checks, so that the tests can hand it a deliberately wrong model and see a check fail; every row
 * says whether it is a fit, a prediction, theory or a reference ({@link Check.Role}).
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
        return runAll(out, Models.registered());
    }

    /**
     * Runs every check on the given models.
     *
     * @param out where the figures go
     * @param m the models (the registered ones, or with one replaced by a mutant)
     * @return the checks, in order
     * @throws IOException when a figure cannot be written
     */
    public static List<Check> runAll(Path out, Models m) throws IOException {
        List<Check> checks = new ArrayList<>();
        for (Group g : GROUPS) {
            g.run(out, m, checks);
        }
        return checks;
    }

    /** One group of checks and its figures. */
    @FunctionalInterface
    interface Group {
        void run(Path out, Models m, List<Check> checks) throws IOException;
    }

    /** Every group, in the order {@code validate} prints them. */
    static final List<Group> GROUPS = List.of(PairStdpChecks::run, Validation::triplet, Validation::tsodyksMarkram, CalciumChecks::run,
            NeuronChecks::run, Validation::aplysia, Validation::principalComponents, Validation::bcm, Validation::hopfield,
            Validation::krotovHopfield, SupervisedChecks::run);

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * Triplet STDP, every visual-cortex set, on Sjöström, Turrigiano &amp; Nelson 2001's protocol. Each
     * point must equal the explicit-sum reference ({@link References#triplet}) run with the published
     * parameters (Pfister &amp; Gerstner 2006, Table 4); the χ² of each set against Sjöström's ten
     * points must not exceed the χ² that the published parameters give by more than 5 %.
     */
    static void triplet(Path out, Models m, List<Check> checks) throws IOException {
        SpikeRule rule = m.spike("stdp-triplet");
        List<Published.SjostromPoint> data = Published.sjostrom2001();
        Map<String, Map<String, String>> table = Published.pfister2006();
        for (String preset : table.keySet()) {
            SpikeSynapse s = rule.create(rule.params(preset, Map.of(), "validate"));
            List<Pairing.Point> model = Pairing.sjostrom(s, 0);
            String fig = "triplet_" + preset;
            double chi2 = 0;
            double chi2Published = 0;
            for (Published.SjostromPoint d : data) {
                double got = model.stream().filter(p -> p.frequencyHz() == d.frequencyHz() && p.deltaTMs() == d.deltaTMs())
                        .findFirst().orElseThrow().weightChange();
                double[][] trains = pairingTrains(60, d.frequencyHz(), d.deltaTMs());
                double ref = References.triplet(table.get(preset), trains[0], trains[1]) - 1;
                double z = (got - d.change()) / d.sem();
                double zRef = (ref - d.change()) / d.sem();
                chi2 += z * z;
                chi2Published += zRef * zRef;
                checks.add(new Check(String.format(Locale.ROOT, "Sjöström protocol %s Hz, Δt = %+.0f ms: equals the explicit-sum reference",
                        ProtocolFigures.fmt(d.frequencyHz()), d.deltaTMs()), "stdp-triplet " + preset,
                        f(ref) + " (data " + f(d.change()) + " ± " + f(d.sem()) + ")", got, String.format(Locale.ROOT, "%.1e", Math.abs(got - ref)),
                        Math.abs(got - ref) <= 1e-9, fig, Check.Role.REFERENCE));
            }
            checks.add(new Check("Sjöström 2001: χ² over the 10 points, at most 5 % above the published parameters'", "stdp-triplet " + preset,
                    "≤ " + f(1.05 * chi2Published) + " (1.05 × " + f(chi2Published) + ", Pfister & Gerstner 2006 Table 4)", chi2,
                    String.format(Locale.ROOT, "%+.1f %%", 100 * (chi2 / chi2Published - 1)), chi2 <= 1.05 * chi2Published, fig,
                    Check.Role.FIT));
            ProtocolFigures.frequency(model, "stdp-triplet (" + preset + ")").save(out, fig);
        }
    }

    /**
     * The spike trains of {@link Pairing#pair}: presynaptic spikes at offset + k/f, postsynaptic ones
     * Δt later, offset = max(0, −Δt).
     *
     * @return {pre, post}
     */
    static double[][] pairingTrains(int pairs, double frequencyHz, double deltaTMs) {
        double[] pre = new double[pairs];
        double[] post = new double[pairs];
        double offset = Math.max(0, -deltaTMs);
        for (int k = 0; k < pairs; k++) {
            pre[k] = offset + k * 1000.0 / frequencyHz;
            post[k] = pre[k] + deltaTMs;
        }
        return new double[][] {pre, post};
    }

    /**
     * Tsodyks-Markram: every preset equals the recursion written from its paper's equations
     * ({@link References#tpm98}, {@link References#mwt98}) on a regular train with a recovery spike
     * and on random trains; the depressing preset's steady state equals the closed form of Tsodyks
     * &amp; Markram 1997 at every rate (its 1/f fall at high rates follows).
     */
    static void tsodyksMarkram(Path out, Models m, List<Check> checks) throws IOException {
        SpikeRule rule = m.spike("tsodyks-markram");
        for (Map.Entry<String, Map<String, String>> e : Published.tsodyksMarkram().entrySet()) {
            String preset = e.getKey();
            double bigU = Double.parseDouble(e.getValue().get("U"));
            double rec = Double.parseDouble(e.getValue().get("tau_rec_ms"));
            double facil = Double.parseDouble(e.getValue().get("tau_facil_ms"));
            boolean tpm = preset.startsWith("tpm98");
            SpikeSynapse s = rule.create(rule.params(preset, Map.of(), "validate"));
            double worst = 0;
            java.util.SplittableRandom r = new java.util.SplittableRandom(preset.hashCode());
            for (int train = 0; train < 21; train++) {
                double[] times = train == 0 ? burstThenProbe() : randomTrain(r, 40, 5 + 95 * r.nextDouble());
                double[] ref = tpm ? References.tpm98(bigU, rec, facil, times) : References.mwt98(bigU, rec, facil, times);
                s.reset();
                for (int k = 0; k < times.length; k++) {
                    worst = Math.max(worst, Math.abs(s.pre(times[k]) - ref[k]));
                }
            }
            checks.add(new Check("responses equal the " + (tpm ? "TPM 1998" : "MWT 1998") + " recursion (a 20 Hz burst and 20 random trains)",
                    "tsodyks-markram " + preset, "|difference| ≤ 1e-9", worst, String.format(Locale.ROOT, "%.1e", worst), worst <= 1e-9,
                    "tm_steady_state", Check.Role.REFERENCE));
        }
        double u = Double.parseDouble(Published.tsodyksMarkram().get("tpm98-depressing").get("U"));
        double tau = Double.parseDouble(Published.tsodyksMarkram().get("tpm98-depressing").get("tau_rec_ms"));
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
                    rel < 1e-6, "tm_steady_state", Check.Role.THEORY));
        }
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

    /** Ten spikes at 20 Hz, then one after 500 ms of recovery. */
    private static double[] burstThenProbe() {
        double[] t = new double[11];
        for (int k = 0; k < 10; k++) {
            t[k] = 50 * k;
        }
        t[10] = 450 + 500;
        return t;
    }

    /** Poisson-like spike times with exponential intervals of the given mean, in ms. */
    static double[] randomTrain(java.util.SplittableRandom r, int n, double meanIsiMs) {
        double[] t = new double[n];
        double now = 0;
        for (int k = 0; k < n; k++) {
            now -= meanIsiMs * Math.log1p(-r.nextDouble());
            t[k] = now;
        }
        return t;
    }

    /**
     * The Aplysia synapse. Its defaults were fitted to Byrne 1982's plateau at 1 s, 10th response at
     * 100 s and equal 10th responses at 3, 10 and 30 s, and to Carew &amp; Kandel 1973's spaced versus
     * massed training (rows marked fit); the rows marked prediction use data the parameters were not
     * fitted to: Byrne 1982's faster recovery after shorter intervals, Carew, Castellucci &amp; Kandel
     * 1971's dishabituation as facilitation superimposed on habituation, and Carew, Pinsker &amp; Kandel
     * 1972's long-term habituation that builds across days and lasts three weeks.
     */
    static void aplysia(Path out, Models m, List<Check> checks) throws IOException {
        SpikeRule rule = m.spike("aplysia");
        java.util.function.Supplier<SpikeSynapse> fresh = () -> rule.create(rule.params(null, Map.of(), "validate"));
        Map<Double, List<Habituation.Response>> byIsi = new java.util.LinkedHashMap<>();
        for (double isi : new double[] {1, 3, 10, 30, 100}) {
            byIsi.put(isi, Habituation.run(fresh.get(), Habituation.Protocol.of(isi, isi == 1 ? 30 : 10)));
        }
        String fig = "aplysia_habituation";
        String model = "aplysia (defaults)";
        double plateau = byIsi.get(1.0).subList(25, 30).stream().mapToDouble(Habituation.Response::amplitude).average().orElseThrow();
        checks.add(new Check("Byrne 1982: plateau at 1 s intervals (stimuli 26-30)", model, "0.30-0.42 (about 0.36)", plateau,
                String.format(Locale.ROOT, "%+.3f from 0.36", plateau - 0.36), plateau >= 0.30 && plateau <= 0.42, fig, Check.Role.FIT));
        double tenth100 = byIsi.get(100.0).get(9).amplitude();
        checks.add(new Check("Byrne 1982: 10th EPSP at 100 s intervals", model, "0.55-0.75 (about 0.65)", tenth100,
                String.format(Locale.ROOT, "%+.3f from 0.65", tenth100 - 0.65), tenth100 >= 0.55 && tenth100 <= 0.75, fig, Check.Role.FIT));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double isi : new double[] {3, 10, 30}) {
            double v = byIsi.get(isi).get(9).amplitude();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        checks.add(new Check("Byrne 1982: 10th EPSPs at 3, 10 and 30 s do not differ, and lie between the 1-s plateau and 100 s",
                model, "spread ≤ 0.05, all within (plateau, 10th at 100 s)", hi - lo, String.format(Locale.ROOT, "%.3f-%.3f", lo, hi),
                hi - lo <= 0.05 && lo > plateau && hi < tenth100, fig, Check.Role.FIT));
        // recovery after a 10-stimulus train: the fraction of the lost response regained 60 s after it
        double regained1 = regained(fresh.get(), 1);
        double regained30 = regained(fresh.get(), 30);
        checks.add(new Check("Byrne 1982: recovery after 10 stimuli is faster after shorter intervals (1 s vs 30 s, test 60 s later)",
                model, "fraction regained after 1 s intervals > after 30 s, by ≥ 0.1", regained1 - regained30,
                String.format(Locale.ROOT, "%.2f vs %.2f", regained1, regained30), regained1 - regained30 >= 0.1, fig,
                Check.Role.PREDICTION));
        // dishabituation: a shock after 10 stimuli at 10 s, against the same protocol without it, and
        // against the same shock given to a naive synapse
        List<Habituation.Response> dis = Habituation.run(fresh.get(),
                Habituation.Protocol.of(10, 11).withShock(new Habituation.Shock.After(10, 1)));
        List<Habituation.Response> plain = Habituation.run(fresh.get(), Habituation.Protocol.of(10, 11));
        SpikeSynapse naive = fresh.get();
        naive.reset();
        naive.modulate(0, 1);
        double naiveGain = naive.pre(10_000);
        double habituatedGain = dis.get(10).amplitude() / plain.get(10).amplitude();
        checks.add(new Check("Carew et al. 1971: a shock multiplies the habituated response by the factor it gives a naive one",
                model, "ratio of the two gains 1 ± 0.15 (superimposed, not undoing habituation; the shock's structural part "
                + "depends on the consolidation resource the train used)", habituatedGain / naiveGain,
                String.format(Locale.ROOT, "gains %.2f and %.2f", habituatedGain, naiveGain), Math.abs(habituatedGain / naiveGain - 1) <= 0.15
                && habituatedGain > 1.2, "aplysia_shock_and_spacing", Check.Role.PREDICTION));
        // long-term habituation: five daily sessions of 10 stimuli at 30 s, tests 1 and 21 days after
        List<Habituation.Response> daily = Habituation.run(fresh.get(), Habituation.Protocol.of(30, 10).withSessions(5, 86400)
                .withRest(21 * 86400));
        double day1 = daily.get(0).amplitude();
        double day5 = daily.get(40).amplitude();
        double weeks3 = daily.get(50).amplitude();
        checks.add(new Check("Carew, Pinsker & Kandel 1972: habituation builds across 5 daily sessions and lasts 3 weeks", model,
                "first response of day 5 < 0.9 × day 1's; test after 3 weeks < 0.95", weeks3,
                String.format(Locale.ROOT, "day 5 starts at %.2f of day 1", day5 / day1), day5 < 0.9 * day1 && weeks3 < 0.95, fig,
                Check.Role.PREDICTION));
        // spaced (4 x 10 trials, 1.5 h apart) against massed (40 trials), 30 s intervals, test a week later
        double week = 7 * 86400;
        Habituation.Protocol spacedP = Habituation.Protocol.of(30, 10).withSessions(4, 5400).withRest(week);
        Habituation.Protocol massedP = Habituation.Protocol.of(30, 40).withRest(week);
        List<Habituation.Response> spacedR = Habituation.run(fresh.get(), spacedP);
        List<Habituation.Response> massedR = Habituation.run(fresh.get(), massedP);
        double spaced = spacedR.get(40).amplitude();
        double massed = massedR.get(40).amplitude();
        checks.add(new Check("Carew & Kandel 1973: spaced beats massed, test after 7 days", model,
                "spaced < massed − 0.05, spaced < 0.9", spaced, String.format(Locale.ROOT, "massed %.3f", massed),
                spaced < massed - 0.05 && spaced < 0.9, "aplysia_shock_and_spacing", Check.Role.FIT));
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

    /**
     * The fraction of the response lost to a 10-stimulus train that is regained 60 s after it.
     *
     * @param isiS seconds between the stimuli of the train
     */
    private static double regained(SpikeSynapse s, double isiS) {
        List<Habituation.Response> r = Habituation.run(s, Habituation.Protocol.of(isiS, 10).withRest(60));
        double last = r.get(9).amplitude();
        return (r.get(10).amplitude() - last) / (1 - last);
    }

    /** Oja and Sanger against their convergence theorems. */
    static void principalComponents(Path out, Models m, List<Check> checks) throws IOException {
        GaussianTask g = new GaussianTask(10, 4.0, 0.6, 7, 10);
        PlasticityRule oja = m.rate("oja");
        RuleNetwork n = new RuleNetwork("oja", oja, oja.params(Map.of("eta", 0.01), "validate"), 10, 1, 500, 0.5, 0);
        double[][] ojaCurve = curve(n, g.stream(100), 20000, net -> {
            double[] w = net.weights().copy("w");
            return Math.toDegrees(Math.acos(Math.min(1, Math.abs(Linalg.dot(w, g.principalAxes(1)[0])) / Linalg.norm(w))));
        });
        double[] w = n.weights().copy("w");
        double cos = Math.abs(Linalg.dot(w, g.principalAxes(1)[0])) / Linalg.norm(w);
        checks.add(new Check("Oja 1982: cosine of w and u₁ (absolute) after 20000 samples", "oja", "> 0.99", cos,
                String.format(Locale.ROOT, "%.1f°", Math.toDegrees(Math.acos(Math.min(1, cos)))), cos > 0.99, "pca_rules", Check.Role.THEORY));
        checks.add(new Check("Oja 1982: norm of w → 1", "oja", "1 ± 0.01", Linalg.norm(w),
                String.format(Locale.ROOT, "%+.4f", Linalg.norm(w) - 1), Math.abs(Linalg.norm(w) - 1) < 0.01, "pca_rules", Check.Role.THEORY));
        DigitsTask d = new DigitsTask(Datasets.digits(), 0.2, 2024);
        double power = 0;
        for (double v : d.eigenvalues()) {
            power += v;
        }
        PlasticityRule gha = m.rate("gha");
        RuleNetwork m2 = new RuleNetwork("gha", gha, gha.params(Map.of("eta", 0.15 / power), "validate"), 64, 3, 500, 0.5, 0);
        double[][] ghaCurve = curve(m2, d.stream(100), 30000,
                net -> Linalg.largestPrincipalAngleDeg(net.weights().matrix("w"), d.principalAxes(3)));
        // Sanger's theorem: unit k converges to the k-th eigenvector, in order; eigenvectors from
        // commons-math, not from the project's own solver
        double[][] axes = eigenvectors(secondMoment(d.trainingSet().inputs()), 3);
        double[][] wg = m2.weights().matrix("w");
        for (int k = 0; k < 3; k++) {
            double cosK = Math.abs(Linalg.dot(wg[k], axes[k])) / Linalg.norm(wg[k]);
            double deg = Math.toDegrees(Math.acos(Math.min(1, cosK)));
            checks.add(new Check("Sanger 1989: unit " + (k + 1) + " of 3 against eigenvector " + (k + 1) + " of the digits' covariance",
                    "gha", "angle < 5°", deg, String.format(Locale.ROOT, "norm %.3f", Linalg.norm(wg[k])), deg < 5
                    && Math.abs(Linalg.norm(wg[k]) - 1) < 0.05, "pca_rules", Check.Role.THEORY));
        }
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
    }

    /**
     * The fraction of stored random patterns recalled (overlap ≥ 0.98) from a cue with 10 % of the
     * units flipped, over {@code trials} networks, each storing the patterns once through the training loop.
     */
    private static double recalled(PlasticityRule rule, int n, int patterns, int trials) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(patterns * 1000L + n);
        int ok = 0;
        int total = 0;
        for (int trial = 0; trial < trials; trial++) {
            org.neuroai.bio.network.HopfieldNetwork h = new org.neuroai.bio.network.HopfieldNetwork("hopfield", rule,
                    rule.params(Map.of(), "validate"), n, org.neuroai.bio.network.HopfieldNetwork.Update.ASYNCHRONOUS, 100,
                    patterns * 100L + trial);
            double[][] x = org.neuroai.bio.network.HopfieldNetwork.randomPatterns(patterns, n, r);
            new TrainingLoop(List.of(h), null, Schedule.uniform(patterns, patterns, patterns), Lanes.of(1))
                    .run(new PatternTasks.Storage(PatternTasks.Patterns.of("random", "random patterns", x), patterns).stream(0),
                            (step, mine, loop) -> { });
            for (double[] p : x) {
                double[] s = org.neuroai.bio.network.HopfieldNetwork.corrupt(p, n / 10, r);
                h.recall(s);
                ok += org.neuroai.bio.network.HopfieldNetwork.overlap(p, s) >= 0.98 ? 1 : 0;
                total++;
            }
        }
        return (double) ok / total;
    }

    /**
     * Krotov &amp; Hopfield's rule against the paper's equation written apart from it
     * ({@link References#krotovHopfield}): 12 units, 20 inputs, p = 3, k = 7, Δ = 0.4, 300
     * presentations of random inputs from random weights, every weight equal to 1e-9.
     */
    static void krotovHopfield(Path out, Models m, List<Check> checks) {
        PlasticityRule rule = m.rate("krotov-hopfield");
        org.neuroai.bio.Plasticity p = rule.create(rule.params(Map.of(), "validate"), 20, 12);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[][] w = new double[12][20];
        double[][] ref = new double[12][20];
        for (int mu = 0; mu < 12; mu++) {
            for (int i = 0; i < 20; i++) {
                w[mu][i] = 0.5 * (2 * r.nextDouble() - 1);
                ref[mu][i] = w[mu][i];
            }
        }
        double worst = 0;
        for (int t = 0; t < 300; t++) {
            double[] v = new double[20];
            for (int i = 0; i < 20; i++) {
                v[i] = r.nextDouble();
            }
            p.update(w, v, new double[12], new double[12], 0.02);
            References.krotovHopfield(ref, v, 3, 7, 0.4, 0.02);
            for (int mu = 0; mu < 12; mu++) {
                for (int i = 0; i < 20; i++) {
                    worst = Math.max(worst, Math.abs(w[mu][i] - ref[mu][i]));
                }
            }
        }
        checks.add(new Check("Krotov & Hopfield 2019 Eq. 3: 300 updates equal the paper's equation (p = 3, k = 7, Δ = 0.4)", "krotov-hopfield",
                "|difference| ≤ 1e-9", worst, String.format(Locale.ROOT, "%.1e", worst), worst <= 1e-9, "-", Check.Role.REFERENCE));
    }

    /** (1/n) Σ x xᵀ over the rows (the covariance of centred data). */
    static double[][] secondMoment(double[][] x) {
        int dim = x[0].length;
        double[][] c = new double[dim][dim];
        for (double[] row : x) {
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    c[i][j] += row[i] * row[j] / x.length;
                }
            }
        }
        return c;
    }

    /**
     * The leading eigenvectors of a symmetric matrix, largest eigenvalue first, from commons-math
     * (an eigen-solver independent of the project's {@link Linalg}).
     */
    static double[][] eigenvectors(double[][] symmetric, int k) {
        org.apache.commons.math3.linear.EigenDecomposition e =
                new org.apache.commons.math3.linear.EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(symmetric));
        double[] values = e.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = e.getEigenvector(order[i]).toArray();
        }
        return out;
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
    static void bcm(Path out, Models m, List<Check> checks) throws IOException {
        int k = 5;
        int d = 20;
        PatternsTask task = new PatternsTask(k, d, 3);
        double[][] x = task.heldOut().inputs();
        PlasticityRule bcm = m.rate("bcm");
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
        // the selective fixed point: θ = E[y²] = y_sel²/K and y_sel = θ give y_sel = K
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            double best = 0;
            for (int p = 0; p < k; p++) {
                best = Math.max(best, y[p][i]);
            }
            sum += best / 10;
        }
        checks.add(new Check("BCM fixed point (Intrator & Cooper 1992): a selective unit's response equals K = 5", "bcm",
                "mean over units of the best response, 5 ± 0.5", sum, String.format(Locale.ROOT, "%+.3f", sum - k),
                Math.abs(sum - k) <= 0.5, "bcm_selectivity", Check.Role.THEORY));
        checks.add(new Check("BCM 1982 / Intrator & Cooper 1992: units selective to one of 5 patterns", "bcm",
                "10 of 10 (other responses < 10 % of the best)", selective, "-", selective == 10, "bcm_selectivity", Check.Role.THEORY));
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

    /**
     * Hopfield 1982 capacity against Amit, Gutfreund &amp; Sompolinsky 1985: in the limit of many
     * units, random patterns stored by the outer-product rule (zero diagonal) are recalled up to
     * α = P/N ≈ 0.138 and not beyond. Finite networks smear the transition: at N = 100 recall from a
     * cue with 10 % of the units flipped falls through one half only near P = 18 (drawn, not checked);
     * at N = 400 the transition is sharp enough to check on both sides of α_c: recall above 90 % at
     * α = 0.10, below 10 % at α = 0.20, and the half-way point between α = 0.12 and 0.18.
     */
    static void hopfield(Path out, Models m, List<Check> checks) throws IOException {
        PlasticityRule rule = m.rate("hopfield");
        int maxP = 30;
        double[] ps = new double[maxP];
        double[] rates = new double[maxP];
        for (int patterns = 1; patterns <= maxP; patterns++) {
            ps[patterns - 1] = patterns / 100.0;
            rates[patterns - 1] = recalled(rule, 100, patterns, 10);
        }
        double[] alphas = {0.04, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.24};
        double[] big = new double[alphas.length];
        for (int i = 0; i < alphas.length; i++) {
            big[i] = recalled(rule, 400, (int) Math.round(alphas[i] * 400), 2);
        }
        double half = Double.NaN;
        for (int i = 1; i < alphas.length && Double.isNaN(half); i++) {
            if (big[i] < 0.5 && big[i - 1] >= 0.5) {
                half = alphas[i - 1] + (alphas[i] - alphas[i - 1]) * (big[i - 1] - 0.5) / (big[i - 1] - big[i]);
            }
        }
        checks.add(new Check("Hopfield 1982: recall at α = P/N = 0.10, N = 400, 10 % of the cue flipped", "hopfield", "> 90 % (below α_c = 0.138)",
                big[2], "-", big[2] > 0.9, "hopfield_capacity", Check.Role.THEORY));
        checks.add(new Check("Amit, Gutfreund & Sompolinsky 1985: recall at α = 0.20, N = 400", "hopfield", "< 10 % (above α_c = 0.138)",
                big[7], "-", big[7] < 0.1, "hopfield_capacity", Check.Role.THEORY));
        checks.add(new Check("Amit, Gutfreund & Sompolinsky 1985: α where recall falls through one half, N = 400", "hopfield",
                "0.12-0.18 (α_c = 0.138 for N → ∞; finite N smears it)", half, "-", half >= 0.12 && half <= 0.18, "hopfield_capacity",
                Check.Role.THEORY));
        XYChart c = Charts.panel("Fraction of stored patterns recalled from a cue with 10 % of the units flipped",
                "load α = patterns / units", "recalled (overlap ≥ 0.98)");
        XYSeries sr = Charts.line(c, "N = 100, asynchronous recall", ps, rates, Palette.BLUE, 2f);
        sr.setMarker(SeriesMarkers.CIRCLE);
        Charts.line(c, "N = 400", alphas, big, Palette.BLUISH_GREEN, 2f).setMarker(SeriesMarkers.DIAMOND);
        Charts.dashed(c, "α_c = 0.138 (Amit, Gutfreund & Sompolinsky 1985, N → ∞)", new double[] {0.138, 0.138}, new double[] {0, 1},
                new java.awt.Color(0xD55E00), true);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.05);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        new PanelFigure("Hopfield capacity: recall collapses near 0.14 N stored patterns",
                "checks at N = 400: above 90 % at α = 0.10, below 10 % at α = 0.20, half-way between 0.12 and 0.18", List.of(c), 1, 900, 420).save(out, "hopfield_capacity");
    }
}
