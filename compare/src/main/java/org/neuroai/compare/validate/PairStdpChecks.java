package org.neuroai.compare.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.Palette;

/**
 * Pair STDP's window against its analytic form for periodic pairing (Song, Miller &amp; Abbott 2000;
 * Morrison, Diesmann &amp; Gerstner 2008 for the pairing schemes). N pairs with period T and lag
 * Δt (0 &lt; Δt &lt; T, pre first): all-to-all sums every pair, so the change in units of w_max is
 * A₊ e^(−Δt/τ₊) Σ_{m=0}^{N−1} (N − m) e^(−mT/τ₊) − A₋ Σ_{m=1}^{N−1} (N − m) e^(−(mT − Δt)/τ₋);
 * nearest-spike pairs each spike with the other neuron's latest one only,
 * N A₊ e^(−Δt/τ₊) − (N − 1) A₋ e^(−(T − Δt)/τ₋); for post first (Δt &lt; 0) the roles swap.
 * Additive, with bounds far away, Bi &amp; Poo's time constants (16.8 and 33.7 ms) so that the two
 * sides differ.
 */
final class PairStdpChecks {
    private PairStdpChecks() {}

    private static final double A_PLUS = 0.01;
    private static final double A_MINUS = 0.0105;
    private static final double TAU_PLUS = 16.8;
    private static final double TAU_MINUS = 33.7;
    private static final double W_MAX = 100;
    private static final int PAIRS = 60;

    /** The analytic change, in units of w_max. */
    static double analytic(boolean nearest, int n, double periodMs, double deltaT) {
        double lag = Math.abs(deltaT);
        // "same" pairs: the lag within a pair; "cross" pairs: the next pair's spike, T − lag later
        double sameTau = deltaT >= 0 ? TAU_PLUS : TAU_MINUS;
        double crossTau = deltaT >= 0 ? TAU_MINUS : TAU_PLUS;
        double same;
        double cross;
        if (nearest) {
            same = n * Math.exp(-lag / sameTau);
            cross = (n - 1) * Math.exp(-(periodMs - lag) / crossTau);
        } else {
            same = 0;
            cross = 0;
            for (int m = 0; m < n; m++) {
                same += (n - m) * Math.exp(-(m * periodMs + lag) / sameTau);
                if (m >= 1) {
                    cross += (n - m) * Math.exp(-(m * periodMs - lag) / crossTau);
                }
            }
        }
        return deltaT >= 0 ? A_PLUS * same - A_MINUS * cross : A_PLUS * cross - A_MINUS * same;
    }

    static void run(Path out, Models m, List<Check> checks) throws IOException {
        SpikeRule rule = m.spike("stdp-pair");
        XYChart c = Charts.panel("Weight change after 60 pairs at 20 Hz", "Δt = t_post − t_pre (ms)", "change (units of w_max)");
        int k = 0;
        for (String scheme : new String[] {"all-to-all", "nearest-spike"}) {
            boolean nearest = scheme.equals("nearest-spike");
            SpikeSynapse s = rule.create(rule.params(null, Map.of("pairing", scheme, "A_plus", A_PLUS, "A_minus", A_MINUS,
                    "tau_plus_ms", TAU_PLUS, "tau_minus_ms", TAU_MINUS, "w_max", W_MAX, "w_min", -W_MAX, "w0", 0.0), "validate"));
            for (double[] fd : new double[][] {{20, 10}, {20, -10}, {1, 10}, {1, -10}}) {
                Pairing.pair(s, PAIRS, fd[0], fd[1], 0);
                double got = s.weight() / W_MAX;
                double want = analytic(nearest, PAIRS, 1000 / fd[0], fd[1]);
                double err = Math.abs(got - want);
                checks.add(new Check(String.format(Locale.ROOT, "window, %s, 60 pairs at %.0f Hz, Δt = %+.0f ms: analytic sum over pairs", scheme,
                        fd[0], fd[1]), "stdp-pair", String.format(Locale.ROOT, "%.6g w_max ± 1e-9", want), got,
                        String.format(Locale.ROOT, "%.1e", err), err <= 1e-9, "pair_window", Check.Role.THEORY));
            }
            double[] dts = new double[25];
            double[] sim = new double[dts.length];
            double[] th = new double[dts.length];
            for (int i = 0; i < dts.length; i++) {
                dts[i] = -24 + 2 * i;
                Pairing.pair(s, PAIRS, 20, dts[i], 0);
                sim[i] = s.weight() / W_MAX;
                th[i] = analytic(nearest, PAIRS, 50, dts[i]);
            }
            Charts.dashed(c, scheme + ", analytic", dts, th, k == 0 ? Palette.BLUE : Palette.VERMILLION, true);
            Charts.line(c, scheme + ", simulated", dts, sim, k == 0 ? Palette.BLUE : Palette.VERMILLION, 1.5f)
                    .setMarker(k == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            k++;
        }
        new PanelFigure("Pair STDP: all-to-all and nearest-spike pairing against their analytic sums",
                "additive, A₊ = 0.01, A₋ = 0.0105, τ₊ = 16.8 ms, τ₋ = 33.7 ms; at 20 Hz neighbouring pairs interact", List.of(c), 1, 900, 420)
                .save(out, "pair_window");
    }
}
