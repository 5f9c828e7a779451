package org.neuroai.compare.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.Palette;
import org.neuroai.core.Params;

/**
 * The calcium rule (Graupner &amp; Brunel 2012, cortical fit) on 60 pairs at 1 Hz: the sign of the
 * STDP window, and the simulated UP/DOWN transition probabilities against the paper's analytic
 * approximation ({@link References#transitionProbabilities}), which holds here: 60 pairs average
 * the drive, and the cubic term (at most 0.05/τ) is small against the drive while calcium is above
 * a threshold.
 */
final class CalciumChecks {
    private CalciumChecks() {}

    /** Synapses in the simulated population: 1000 start DOWN, 1000 UP. */
    static final int SYNAPSES = 2000;
    private static final int PAIRS = 60;
    private static final double HZ = 1;

    static void run(Path out, Models m, List<Check> checks) throws IOException {
        SpikeRule rule = m.spike("calcium");
        SpikeSynapse s = rule.create(rule.params(null, Map.of("synapses", SYNAPSES, "beta", 0.5), "validate"));
        // the approximation uses the published parameters (the registered rule's default preset), not the model's
        SpikeRule published = org.neuroai.core.Registry.get(SpikeRule.class, "calcium", "rule");
        Params p = published.params(null, Map.of(), "validate");
        String model = "calcium " + rule.defaultPreset();
        String fig = "calcium_window";
        double[] dts = new double[17];
        double[] change = new double[dts.length];
        double[] pUp = new double[dts.length];
        double[] pDown = new double[dts.length];
        double[] aUp = new double[dts.length];
        double[] aDown = new double[dts.length];
        double[] aChange = new double[dts.length];
        double b = p.real("b");
        for (int i = 0; i < dts.length; i++) {
            dts[i] = -40 + 5 * i;
            change[i] = Pairing.pair(s, PAIRS, HZ, dts[i], rule.settleMs());
            pUp[i] = s.probe().get("p_up");
            pDown[i] = s.probe().get("p_down");
            double[] pr = probabilities(p, PAIRS, HZ, dts[i]);
            aUp[i] = pr[0];
            aDown[i] = pr[1];
            aChange[i] = change(pr, b, 0.5);
        }
        int minus10 = 6;
        int plus10 = 10;
        checks.add(new Check("Graupner & Brunel 2012: post-before-pre (Δt = −10 ms, 60 pairs at 1 Hz) depresses", model, "< 0",
                change[minus10], String.format(Locale.ROOT, "analytic %+.3f", aChange[minus10]), change[minus10] < 0, fig, Check.Role.FIT));
        checks.add(new Check("Graupner & Brunel 2012: pre-before-post (Δt = +10 ms, 60 pairs at 1 Hz) potentiates", model, "> 0",
                change[plus10], String.format(Locale.ROOT, "analytic %+.3f", aChange[plus10]), change[plus10] > 0, fig, Check.Role.FIT));
        for (int i : new int[] {minus10, plus10, plus10 + 2}) {
            for (boolean up : new boolean[] {true, false}) {
                double sim = up ? pUp[i] : pDown[i];
                double theory = up ? aUp[i] : aDown[i];
                if (theory < 0.01 || theory > 0.99) {
                    continue; // a probability of about 0 or 1 tests nothing
                }
                double se = Math.sqrt(Math.max(theory * (1 - theory), 0.01) / (SYNAPSES / 2.0));
                double tol = 3 * se + 0.03;
                checks.add(new Check(String.format(Locale.ROOT, "%s at Δt = %+.0f ms against the analytic approximation (60 pairs, 1 Hz)",
                        up ? "P_UP" : "P_DOWN", dts[i]), model, f(theory) + " ± " + f(tol) + " (3 binomial s.e. + 0.03)", sim,
                        String.format(Locale.ROOT, "%+.3f", sim - theory), Math.abs(sim - theory) <= tol, fig, Check.Role.THEORY));
            }
        }
        XYChart w = Charts.panel("Change in synaptic strength after 60 pairs at 1 Hz (β = 0.5)", "Δt = t_post − t_pre (ms)",
                "change (% of the initial strength)");
        Charts.line(w, "analytic approximation", dts, times100(aChange), Palette.GREY, 2f);
        XYSeries sim = Charts.line(w, "simulated, " + SYNAPSES + " synapses", dts, times100(change), Palette.BLUE, 2f);
        sim.setMarker(SeriesMarkers.CIRCLE);
        Charts.dashed(w, "no change", new double[] {dts[0], dts[dts.length - 1]}, new double[] {0, 0}, Palette.GREY, false);
        XYChart t = Charts.panel("UP/DOWN transition probabilities", "Δt = t_post − t_pre (ms)", "probability");
        Charts.dashed(t, "P_UP, analytic", dts, aUp, Palette.VERMILLION, true);
        Charts.dashed(t, "P_DOWN, analytic", dts, aDown, Palette.BLUISH_GREEN, true);
        Charts.line(t, "P_UP, simulated", dts, pUp, Palette.VERMILLION, 2f).setMarker(SeriesMarkers.CIRCLE);
        Charts.line(t, "P_DOWN, simulated", dts, pDown, Palette.BLUISH_GREEN, 2f).setMarker(SeriesMarkers.DIAMOND);
        new PanelFigure("Calcium rule (Graupner & Brunel 2012, cortical fit): depression before, potentiation just after Δt = 0",
                "a population with half its synapses UP; simulated against the paper's Ornstein-Uhlenbeck approximation",
                List.of(w, t), 1, 900, 380).save(out, fig);
        figureTwo(out, rule, published, checks);
    }

    /** The analytic P_UP and P_DOWN of a pairing protocol under the parameters p. */
    static double[] probabilities(Params p, int pairs, double hz, double dt) {
        double[][] trains = Validation.pairingTrains(pairs, hz, dt);
        double[] above = References.timeAbove(p.real("tau_ca_ms"), p.real("c_pre"), p.real("c_post"), p.real("delay_ms"),
                p.real("theta_d"), p.real("theta_p"), trains[0], trains[1]);
        return References.transitionProbabilities(above[0], above[1], p.real("gamma_d"), p.real("gamma_p"), p.real("sigma"),
                p.real("tau_s") * 1000, p.real("rho_star"));
    }

    /** Graupner &amp; Brunel's change in synaptic strength for a fraction β UP, from the transition probabilities. */
    static double change(double[] pr, double b, double beta) {
        double upAfter = beta * (1 - pr[1]) + (1 - beta) * pr[0];
        return (1 + (b - 1) * upAfter) / (1 + (b - 1) * beta) - 1;
    }

    /** Graupner &amp; Brunel 2012 Fig. 2: the six STDP-curve sets, 60 pairs at 1 Hz, named by their signs along Δt. */
    private static final String[][] FIG2 = {{"DP", "gb2012-DP"}, {"DPD", "gb2012-DPD"}, {"DPD'", "gb2012-DPD-prime"},
        {"P", "gb2012-P"}, {"D", "gb2012-D"}, {"D'", "gb2012-D-prime"}};

    /**
     * For each Fig. 2 set, the analytic window (with the published parameters) is cut into stretches of
     * one sign (|change| &gt; 1 %); their sequence must spell the set's name, and the model, simulated at
     * the most extreme Δt of each stretch, must change with that stretch's sign.
     */
    private static void figureTwo(Path out, SpikeRule rule, SpikeRule published, List<Check> checks) throws IOException {
        List<XYChart> panels = new java.util.ArrayList<>();
        for (String[] set : FIG2) {
            Params p = published.params(set[1], Map.of(), "validate");
            double b = p.real("b");
            double[] dts = new double[201];
            double[] th = new double[dts.length];
            for (int i = 0; i < dts.length; i++) {
                dts[i] = -100 + i;
                th[i] = change(probabilities(p, PAIRS, HZ, dts[i]), b, 0.5);
            }
            // stretches of one sign and the most extreme point of each
            StringBuilder letters = new StringBuilder();
            List<Integer> extremes = new java.util.ArrayList<>();
            int sign = 0;
            for (int i = 0; i < dts.length; i++) {
                int si = th[i] > 0.01 ? 1 : th[i] < -0.01 ? -1 : 0;
                if (si == 0) {
                    continue;
                }
                if (si != sign) {
                    letters.append(si > 0 ? 'P' : 'D');
                    extremes.add(i);
                    sign = si;
                } else if (Math.abs(th[i]) > Math.abs(th[extremes.get(extremes.size() - 1)])) {
                    extremes.set(extremes.size() - 1, i);
                }
            }
            String name = set[0].replace("'", "");
            SpikeSynapse s = rule.create(rule.params(set[1], Map.of("synapses", 1000), "validate"));
            double[] simX = new double[extremes.size()];
            double[] simY = new double[extremes.size()];
            boolean all = letters.toString().equals(name);
            StringBuilder got = new StringBuilder();
            for (int e = 0; e < extremes.size(); e++) {
                int i = extremes.get(e);
                simX[e] = dts[i];
                simY[e] = Pairing.pair(s, PAIRS, HZ, dts[i], rule.settleMs());
                boolean ok = Math.signum(simY[e]) == Math.signum(th[i]);
                all &= ok;
                got.append(String.format(Locale.ROOT, "%s%+.0f ms: %+.3f (analytic %+.3f)", e == 0 ? "" : "; ", dts[i], simY[e], th[i]));
            }
            checks.add(new Check("Graupner & Brunel 2012 Fig. 2, set " + set[0] + ": the window's signs along Δt spell its name",
                    "calcium " + set[1], name + " (analytic, published parameters), simulated signs alike at each extreme",
                    extremes.size(), letters + "; " + got, all, "calcium_fig2", Check.Role.FIT));
            XYChart c = Charts.panel(set[0], "Δt (ms)", "change (%)");
            Charts.line(c, "analytic", dts, times100(th), Palette.GREY, 2f);
            org.knowm.xchart.XYSeries pts = c.addSeries("simulated", simX, times100(simY));
            pts.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            pts.setMarker(SeriesMarkers.CIRCLE);
            pts.setMarkerColor(Palette.BLUE);
            c.getStyler().setMarkerSize(9);
            panels.add(c);
        }
        new PanelFigure("Graupner & Brunel 2012 Fig. 2: six parameter sets, six shapes of the STDP window",
                "60 pairs at 1 Hz, β = 0.5; lines: the paper's analytic approximation; points: the model at each stretch's extreme",
                panels, 3, 400, 300).save(out, "calcium_fig2");
    }

    private static double[] times100(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = 100 * v[i];
        }
        return o;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
