package org.neuroai.compare.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroai.bio.spiking.protocols.NeuronProtocols;
import org.neuroai.compare.charts.NeuronFigures;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.core.Params;

/**
 * The LIF neurons against closed forms: the f-I curve (current-based: exact; conductance-based:
 * within its integration step), the Siegert rate under many small Poisson inputs, and the PSP of
 * one synaptic event. The closed forms use the values the check intends (below), so a model whose
 * parameters or equations differ fails.
 */
final class NeuronChecks {
    private NeuronChecks() {}

    /** Gerstner &amp; Kistler-style defaults with a 2 ms refractory period. */
    static final double TAU = 10;
    static final double REST = -74;
    static final double THETA = -54;
    static final double RESET = -60;
    static final double REF = 2;
    static final double R = 10;

    static void run(Path out, Models m, List<Check> checks) throws IOException {
        Map<String, Object> common = Map.of("refractory_ms", REF);
        Params cur = m.lif(Models.LIF_CURRENT, common);
        double[] currents = {2.1, 2.5, 3, 4, 6, 10};
        double[] simI = new double[currents.length];
        double[] thI = new double[currents.length];
        for (int i = 0; i < currents.length; i++) {
            simI[i] = NeuronProtocols.currentRate(cur, currents[i], 3000);
            thI[i] = References.lifRateHz(TAU, REST + R * currents[i], THETA, RESET, REF);
            double rel = Math.abs(simI[i] - thI[i]) / thI[i];
            checks.add(new Check(String.format(Locale.ROOT, "LIF rate at I = %.3g nA: 1/(t_ref + τ ln(RI/(RI − θ)))", currents[i]),
                    "lif current-based", String.format(Locale.ROOT, "%.4g Hz, relative error ≤ 1e-6", thI[i]), simI[i],
                    String.format(Locale.ROOT, "%.1e", rel), rel <= 1e-6, "neuron_rates", Check.Role.THEORY));
        }
        Params cond = m.lif(Models.LIF_CONDUCTANCE, common);
        double dt = 0.1;
        double[] gs = {0.6, 1, 2, 4};
        double[] simG = new double[gs.length];
        double[] thG = new double[gs.length];
        for (int i = 0; i < gs.length; i++) {
            simG[i] = NeuronProtocols.conductanceRate(cond, gs[i], 3000);
            // constant g: V relaxes to (E_l + g E_e)/(1 + g) (E_e = 0) with time constant τ/(1 + g)
            thG[i] = References.lifRateHz(TAU / (1 + gs[i]), REST / (1 + gs[i]), THETA, RESET, REF);
            double isiError = simG[i] > 0 ? 1000 / simG[i] - 1000 / thG[i] : Double.POSITIVE_INFINITY;
            checks.add(new Check(String.format(Locale.ROOT, "LIF rate at constant g_e = %.3g: closed form with τ/(1+g), E_l/(1+g)", gs[i]),
                    "lif conductance-based", String.format(Locale.ROOT, "%.4g Hz; interval late by 0 to one step (0.1 ms)", thG[i]),
                    simG[i], String.format(Locale.ROOT, "%+.3f ms", isiError), isiError >= -1e-9 && isiError <= dt + 1e-9, "neuron_rates",
                    Check.Role.THEORY));
        }
        // Siegert: many small, fast inputs (J = 0.1 mV, τ_syn = 0.02 ms ≪ τ_m)
        double tauSyn = 0.02;
        double j = 0.1;
        double jump = j * TAU / (R * tauSyn);
        Params fast = m.lif(Models.LIF_CURRENT, Map.of("refractory_ms", REF, "tau_syn_ms", tauSyn));
        double[] inputKHz = {19, 21, 23, 25};
        double[] simS = new double[inputKHz.length];
        double[] thS = new double[inputKHz.length];
        double seconds = 10;
        for (int i = 0; i < inputKHz.length; i++) {
            NeuronProtocols.Trace t = NeuronProtocols.poisson(fast, inputKHz[i] * 1000, jump, seconds * 1000, 0, 7 + i);
            simS[i] = t.spikesMs().size() / seconds;
            double mu = REST + inputKHz[i] * TAU * j;
            double sigma = j * Math.sqrt(inputKHz[i] * TAU);
            thS[i] = References.siegertHz(TAU, mu, sigma, THETA, RESET, REF);
            double tol = 0.1 * thS[i] + 3 * Math.sqrt(thS[i] / seconds);
            checks.add(new Check(String.format(Locale.ROOT, "Siegert rate, Poisson input at %.0f kHz (μ = %.1f mV, σ = %.2f mV)",
                    inputKHz[i], mu, sigma), "lif current-based", String.format(Locale.ROOT, "%.3g Hz ± %.2g (10 %% + 3 s.e.)", thS[i], tol),
                    simS[i], String.format(Locale.ROOT, "%+.1f %%", 100 * (simS[i] / thS[i] - 1)), Math.abs(simS[i] - thS[i]) <= tol,
                    "neuron_rates", Check.Role.THEORY));
        }
        // one synaptic event: V(s) = R I₀ τ_s/(τ_m − τ_s) (e^(−s/τ_m) − e^(−s/τ_s)), peak at τ_s τ_m ln(τ_m/τ_s)/(τ_m − τ_s)
        double tauS = 5;
        Params psp = m.lif(Models.LIF_CURRENT, Map.of("tau_syn_ms", tauS));
        NeuronProtocols.Trace ev = NeuronProtocols.pspCurrent(psp, 1, 10, 80, 0.01);
        int peak = 0;
        for (int k = 0; k < ev.v().length; k++) {
            peak = ev.v()[k] > ev.v()[peak] ? k : peak;
        }
        double tPeak = tauS * TAU * Math.log(TAU / tauS) / (TAU - tauS);
        double vPeak = R * tauS / (TAU - tauS) * (Math.exp(-tPeak / TAU) - Math.exp(-tPeak / tauS));
        double gotT = ev.timeMs()[peak] - 10;
        double gotV = ev.v()[peak] - REST;
        checks.add(new Check("PSP of a 1 nA, τ_syn = 5 ms current: time of the peak", "lif current-based",
                String.format(Locale.ROOT, "%.4g ms ± 0.01 (sampling)", tPeak), gotT, String.format(Locale.ROOT, "%+.3f ms", gotT - tPeak),
                Math.abs(gotT - tPeak) <= 0.01, "neuron_psp", Check.Role.THEORY));
        checks.add(new Check("PSP of a 1 nA, τ_syn = 5 ms current: height of the peak", "lif current-based",
                String.format(Locale.ROOT, "%.4g mV ± 1e-4 relative", vPeak), gotV, String.format(Locale.ROOT, "%.1e", Math.abs(gotV / vPeak - 1)),
                Math.abs(gotV / vPeak - 1) <= 1e-4, "neuron_psp", Check.Role.THEORY));
        new PanelFigure("LIF neurons against their closed forms", "refractory period 2 ms; left: f-I curves; right: Siegert rate",
                List.of(NeuronFigures.fiPanel("Current-based: rate against current", "current I (nA)", currents, simI, thI,
                        "1/(t_ref + τ ln(RI/(RI − θ)))"),
                        NeuronFigures.fiPanel("Conductance-based: rate against g_e", "g_e (leak units)", gs, simG, thG,
                                "closed form, τ/(1+g) and E_l/(1+g)"),
                        NeuronFigures.fiPanel("Poisson input, J = 0.1 mV", "input rate (kHz)", inputKHz, simS, thS,
                                "Siegert (diffusion limit)")), 3, 420, 360).save(out, "neuron_rates");
        NeuronFigures.psp(ev, "1 nA jump, τ_syn = 5 ms", NeuronProtocols.pspConductance(m.lif(Models.LIF_CONDUCTANCE, Map.of()), 0.1, 10, 80),
                "jump of 0.1, τ_e = 5 ms").save(out, "neuron_psp");
    }
}
