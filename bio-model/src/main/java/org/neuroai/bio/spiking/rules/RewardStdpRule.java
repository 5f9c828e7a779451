package org.neuroai.bio.spiking.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/**
 * Reward-modulated STDP with an eligibility trace (E. M. Izhikevich 2007, "Solving the distal
 * reward problem through linkage of STDP and dopamine signaling", Cerebral Cortex 17:2443-2452):
 * a pre/post pairing does not change the weight; it leaves an eligibility trace c at the synapse,
 * which decays slowly, and the weight changes only while dopamine d is present:
 *
 * <pre>
 *   dc/dt = −c/τ_c + STDP(Δt) at each pairing       STDP(Δt) = A₊ e^(−Δt/τ₊) (pre before post)
 *                                                             −A₋ e^(−|Δt|/τ₋) (post before pre)
 *   dd/dt = −d/τ_d + (dopamine released)            a modulatory event of size u adds u · d_reward
 *   dw/dt = η c d                                   w kept in [w_min, w_max]
 * </pre>
 *
 * <p>The pairings are those of {@link PairStdpRule} with additive amplitudes, computed with the
 * same traces ({@link PairTraces}, all-to-all or nearest-spike); their sum goes to c instead of w.
 * Because c decays over about a second, a reward that arrives one to three seconds after a
 * pairing still finds it eligible, and only the synapses whose pairings came shortly before the
 * reward change much: the answer to the distal-reward (credit-assignment) problem.
 *
 * <p>Exact between events: with s the time since the last event,
 * c(s) = c₀ e^(−s/τ_c), d(s) = d₀ e^(−s/τ_d), and
 * w(s) = w₀ + η c₀ d₀ τ (1 − e^(−s/τ)) with 1/τ = 1/τ_c + 1/τ_d. The product c·d keeps its sign
 * between events, so w moves monotonically there, and clipping it to the bounds at the next event
 * is the same as clipping it continuously.
 *
 * <p>Units: times in ms (parameter names say so); c is dimensionless (a sum of STDP amplitudes);
 * d in μM (of dopamine); η in units of w per μM per second; w in the synapse's own units (the
 * paper's were mV of EPSP, with a maximum of 4 mV). The paper's values, used as defaults:
 * τ_c = 1 s, τ_d = 0.2 s, A₊ = 1, A₋ = 1.5, τ₊ = τ₋ = 20 ms, w_max = 4 (mV), and a reward that
 * raises d by 0.5 μM. The rate η, which sets how many rewards a synapse needs to cross its range,
 * is this toolkit's choice (the paper's weight change ran through its own simulation step): with
 * the defaults, one pairing at Δt = 0 followed by one reward after 1 s changes w by
 * 0.5 μM · e^(−1) · (1/6 s) · η ≈ 0.031 η, and η = 5 w/(μM s) takes the rewarded synapse of the
 * distal-reward experiment from 1 to 4 in 60 to 80 rewards ({@code RewardStdpRuleTest}).
 *
 * <p>{@link SpikeSynapse#modulate} is the dopamine: an event of size u raises d by u · d_reward
 * (u = 1 is one reward; a negative u, such as a negative temporal-difference error, lowers it).
 * Probes: {@code w}, {@code eligibility} (c), {@code modulator} (d, in μM), {@code trace_pre}
 * and {@code trace_post}. Pairing protocols alone (no dopamine) change no weight, so this rule
 * does not count as {@link #timingDependent()} for them.
 */
public final class RewardStdpRule implements SpikeRule {
    /** Probe: the eligibility trace c. */
    public static final String ELIGIBILITY = "eligibility";
    /** Probe: the dopamine concentration d, in μM. */
    public static final String MODULATOR = "modulator";

    @Override
    public String name() {
        return "r-stdp";
    }

    @Override
    public String description() {
        return "reward-modulated STDP (Izhikevich 2007): pairings feed an eligibility trace c, dopamine d gates dw/dt = eta c d";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("A_plus", 1.0, 0, 1e6, "1", "eligibility added per pre-before-post pair at Δt = 0+"),
                ParamSpec.real("A_minus", 1.5, 0, 1e6, "1", "eligibility removed per post-before-pre pair at Δt = 0−"),
                ParamSpec.positive("tau_plus_ms", 20, 1e6, "ms", "time constant of the potentiation side of the window"),
                ParamSpec.positive("tau_minus_ms", 20, 1e6, "ms", "time constant of the depression side of the window"),
                ParamSpec.choice("pairing", "all-to-all", List.of("all-to-all", "nearest-spike"), "which spikes pair"),
                ParamSpec.positive("tau_c_ms", 1000, 1e9, "ms", "time constant of the eligibility trace"),
                ParamSpec.positive("tau_d_ms", 200, 1e9, "ms", "time constant of dopamine uptake"),
                ParamSpec.real("d_reward_um", 0.5, -1e6, 1e6, "uM", "dopamine released by a modulatory event of size 1 (one reward)"),
                ParamSpec.real("eta", 5.0, 0, 1e9, "w per uM per s", "rate of the weight change dw/dt = eta c d"),
                ParamSpec.real("w_min", 0, -1e9, 1e9, "w", "lower bound of the weight"),
                ParamSpec.real("w_max", 4, -1e9, 1e9, "w", "upper bound of the weight (the paper: 4 mV)"),
                ParamSpec.real("w0", 1, -1e9, 1e9, "w", "initial weight"));
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        // Izhikevich 2007: τ_c = 1 s, τ_d = 0.2 s, A+ = 1, A− = 1.5, τ+ = τ− = 20 ms, s_max = 4 mV, 0.5 μM per reward
        p.put("izhikevich-2007", Map.of("A_plus", 1.0, "A_minus", 1.5, "tau_plus_ms", 20.0, "tau_minus_ms", 20.0, "tau_c_ms", 1000.0,
                "tau_d_ms", 200.0, "d_reward_um", 0.5, "w_max", 4.0));
        return p;
    }

    @Override
    public String defaultPreset() {
        return "izhikevich-2007";
    }

    /** Pairings alone leave only an eligibility trace; without dopamine a pairing protocol shows no change. */
    @Override
    public boolean timingDependent() {
        return false;
    }

    @Override
    public SpikeSynapse create(Params p) {
        double lo = p.real("w_min");
        double hi = p.real("w_max");
        double w0 = p.real("w0");
        if (!(lo <= w0 && w0 <= hi)) {
            throw new UserError("r-stdp: w_min = " + lo + ", w0 = " + w0 + ", w_max = " + hi + "; valid is w_min <= w0 <= w_max.");
        }
        return new Synapse(p);
    }

    /** One synapse's state: the pair traces, c, d and w, all as of the last event. */
    private static final class Synapse implements SpikeSynapse {
        private final double aPlus;
        private final double aMinus;
        private final double tauC;
        private final double tauD;
        private final double tauCd;
        private final double dReward;
        private final double etaPerMs;
        private final double wMin;
        private final double wMax;
        private final double w0;
        private final PairTraces traces;
        private double c;
        private double d;
        private double w;
        private double tLast;

        Synapse(Params p) {
            aPlus = p.real("A_plus");
            aMinus = p.real("A_minus");
            tauC = p.real("tau_c_ms");
            tauD = p.real("tau_d_ms");
            tauCd = tauC * tauD / (tauC + tauD);
            dReward = p.real("d_reward_um");
            etaPerMs = p.real("eta") / 1000;
            wMin = p.real("w_min");
            wMax = p.real("w_max");
            w0 = p.real("w0");
            traces = new PairTraces(p.real("tau_plus_ms"), p.real("tau_minus_ms"), p.string("pairing").equals("nearest-spike"));
            reset();
        }

        /** The weight change of a stretch of s ms without events, from c and d at its start. */
        private double drift(double s) {
            return c == 0 || d == 0 ? 0 : etaPerMs * c * d * tauCd * -Math.expm1(-s / tauCd);
        }

        private void evolveTo(double t) {
            double s = t - tLast;
            if (s < 0) {
                throw new IllegalArgumentException("event at " + t + " ms comes before the last event at " + tLast + " ms");
            }
            if (s > 0 && tLast > Double.NEGATIVE_INFINITY) {
                w = Math.max(wMin, Math.min(wMax, w + drift(s)));
                c *= Math.exp(-s / tauC);
                d *= Math.exp(-s / tauD);
            }
            tLast = t;
        }

        /** Returns the weight the spike finds; the pairing with earlier postsynaptic spikes lowers c. */
        @Override
        public double pre(double tMs) {
            evolveTo(tMs);
            c -= aMinus * traces.pre(tMs);
            return w;
        }

        @Override
        public void post(double tMs) {
            evolveTo(tMs);
            c += aPlus * traces.post(tMs);
        }

        /** Dopamine: d rises by {@code amount} · d_reward (μM). */
        @Override
        public void modulate(double tMs, double amount) {
            evolveTo(tMs);
            d += amount * dReward;
        }

        @Override
        public void advance(double tMs) {
            evolveTo(tMs);
        }

        /** Moves w by dw at tMs, within [w_min, w_max]; c and d are untouched. */
        @Override
        public void shift(double tMs, double dw) {
            evolveTo(tMs);
            w = Math.max(wMin, Math.min(wMax, w + dw));
        }

        @Override
        public double weight() {
            return w;
        }

        @Override
        public void reset() {
            traces.reset();
            c = 0;
            d = 0;
            w = w0;
            tLast = Double.NEGATIVE_INFINITY;
        }

        @Override
        public Map<String, Double> probe() {
            return Map.of("w", w, ELIGIBILITY, c, MODULATOR, d, "trace_pre", traces.pre(), "trace_post", traces.post());
        }

        /** Everything evolved to {@code tMs} without further events; reading changes nothing. */
        @Override
        public Map<String, Double> probe(double tMs) {
            double s = Math.max(0, tMs - tLast);
            if (s == 0 || tLast == Double.NEGATIVE_INFINITY) {
                return Map.of("w", w, ELIGIBILITY, c, MODULATOR, d, "trace_pre", traces.preAt(tMs), "trace_post", traces.postAt(tMs));
            }
            return Map.of("w", Math.max(wMin, Math.min(wMax, w + drift(s))), ELIGIBILITY, c * Math.exp(-s / tauC), MODULATOR,
                    d * Math.exp(-s / tauD), "trace_pre", traces.preAt(tMs), "trace_post", traces.postAt(tMs));
        }
    }
}
