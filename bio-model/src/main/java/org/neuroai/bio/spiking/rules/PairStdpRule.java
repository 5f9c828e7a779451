package org.neuroai.bio.spiking.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;

/**
 * Pair-based spike-timing-dependent plasticity, computed with traces (event-driven, exact).
 *
 * <p>A presynaptic trace a_pre and a postsynaptic trace a_post decay as exp(−Δt/τ₊) and
 * exp(−Δt/τ₋) between spikes. At a presynaptic spike the weight is depressed by the
 * postsynaptic trace, then a_pre jumps; at a postsynaptic spike the weight is potentiated by the
 * presynaptic trace, then a_post jumps:
 *
 * <pre>
 *   pre  at t:  w ← w − A₋ · f₋(w) · a_post(t);   a_pre  ← a_pre + 1   (all-to-all)  or 1 (nearest)
 *   post at t:  w ← w + A₊ · f₊(w) · a_pre(t);    a_post ← a_post + 1  (all-to-all)  or 1 (nearest)
 * </pre>
 *
 * <p>Weight dependence: additive, f₊ = f₋ = w_max (amplitudes are fractions of w_max; Song,
 * Miller &amp; Abbott 2000, Nat Neurosci 3:919), with the weight clipped to [w_min, w_max] after
 * every change (hard bounds); multiplicative (soft bounds), f₊ = w_max − w and f₋ = w − w_min
 * (van Rossum, Bi &amp; Turrigiano 2000, J Neurosci 20:8812; Rubin, Lee &amp; Sompolinsky 2001).
 *
 * <p>A presynaptic spike transmits the weight it finds (its return value from {@code pre}), before
 * its own depression, as in Brian2's example of Song, Miller &amp; Abbott, where the conductance
 * jumps by w before w is updated.
 *
 * <p>Which spikes pair. All-to-all: every postsynaptic spike pairs with every earlier
 * presynaptic spike and vice versa; the trace form equals the explicit sum
 * Σ_pairs A₊ exp(−(t_post − t_pre)/τ₊) − A₋ exp(−(t_pre − t_post)/τ₋) as long as no bound is hit.
 * Nearest-spike ("symmetric nearest neighbour", Morrison, Diesmann &amp; Gerstner 2008, Biol Cybern
 * 98:459): each spike pairs only with the most recent spike of the other neuron, because the
 * traces are reset to 1 instead of incremented. Simultaneous spikes: when a pre- and a
 * postsynaptic spike share a time and the presynaptic one is delivered first (as the protocols
 * do), the pair counts as Δt = 0 on the potentiation side, with the full amplitude A₊.
 *
 * <p>Defaults: Brian2's example of Song, Miller &amp; Abbott 2000 (preset {@code brian2-song-2000}):
 * τ₊ = τ₋ = 20 ms, A₊ = 0.01, A₋/A₊ = 1.05. The paper itself used A₊ = 0.005 (preset
 * {@code song-miller-abbott-2000}), with g_max = 0.015, a 20 ms membrane and 200 inhibitory inputs
 * in its network.
 * Bi &amp; Poo 1998 (J Neurosci 18:10464) measured window time constants of about 16.8 and 33.7 ms,
 * available as the preset {@code bi-poo-1998-taus} (time constants only, amplitudes kept).
 */
public final class PairStdpRule implements SpikeRule {
    @Override
    public String name() {
        return "stdp-pair";
    }

    @Override
    public String description() {
        return "pair STDP with traces: additive or multiplicative, all-to-all or nearest-spike, hard bounds";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("A_plus", 0.01, 0, 10, "fraction of w_max", "potentiation amplitude per pair at Δt = 0+"),
                ParamSpec.real("A_minus", 0.0105, 0, 10, "fraction of w_max", "depression amplitude per pair at Δt = 0−"),
                ParamSpec.positive("tau_plus_ms", 20, 1e6, "ms", "time constant of the potentiation side"),
                ParamSpec.positive("tau_minus_ms", 20, 1e6, "ms", "time constant of the depression side"),
                ParamSpec.choice("weight_dependence", "additive", List.of("additive", "multiplicative"),
                        "additive (hard bounds) or multiplicative (soft bounds)"),
                ParamSpec.choice("pairing", "all-to-all", List.of("all-to-all", "nearest-spike"), "which spikes pair"),
                ParamSpec.real("w_min", 0, -1e9, 1e9, "1", "lower bound of the weight"),
                ParamSpec.real("w_max", 1, -1e9, 1e9, "1", "upper bound of the weight"),
                ParamSpec.real("w0", 0.5, -1e9, 1e9, "1", "initial weight"));
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        // Brian2's example of Song, Miller & Abbott: dA_pre = 0.01 g_max, dA_post = −1.05 dA_pre
        p.put("brian2-song-2000", Map.of("A_plus", 0.01, "A_minus", 0.0105, "tau_plus_ms", 20.0, "tau_minus_ms", 20.0));
        // the paper's values: A+ = 0.005 (of g_max), A−/A+ = 1.05, τ+ = τ− = 20 ms
        p.put("song-miller-abbott-2000", Map.of("A_plus", 0.005, "A_minus", 0.00525, "tau_plus_ms", 20.0, "tau_minus_ms", 20.0));
        p.put("bi-poo-1998-taus", Map.of("tau_plus_ms", 16.8, "tau_minus_ms", 33.7));
        return p;
    }

    @Override
    public String defaultPreset() {
        return "brian2-song-2000";
    }

    @Override
    public SpikeSynapse create(Params p) {
        if (p.real("w_min") > p.real("w_max")) {
            throw new org.neuroai.core.UserError("stdp-pair: w_min = " + p.real("w_min") + " exceeds w_max = " + p.real("w_max")
                    + "; valid is w_min <= w0 <= w_max.");
        }
        return new Synapse(p);
    }

    private static final class Synapse implements SpikeSynapse {
        private final double aPlus;
        private final double aMinus;
        private final boolean additive;
        private final double wMin;
        private final double wMax;
        private final double w0;
        private final PairTraces traces;
        private double w;

        Synapse(Params p) {
            aPlus = p.real("A_plus");
            aMinus = p.real("A_minus");
            additive = p.string("weight_dependence").equals("additive");
            wMin = p.real("w_min");
            wMax = p.real("w_max");
            w0 = p.real("w0");
            traces = new PairTraces(p.real("tau_plus_ms"), p.real("tau_minus_ms"), p.string("pairing").equals("nearest-spike"));
            reset();
        }

        private double clip(double v) {
            return Math.max(wMin, Math.min(wMax, v));
        }

        /** Depresses by the postsynaptic trace; returns the weight the spike found, before that change. */
        @Override
        public double pre(double tMs) {
            double post = traces.pre(tMs);
            double arrived = w;
            double f = additive ? wMax : w - wMin;
            w = clip(w - aMinus * f * post);
            return arrived;
        }

        @Override
        public void post(double tMs) {
            double pre = traces.post(tMs);
            double f = additive ? wMax : wMax - w;
            w = clip(w + aPlus * f * pre);
        }

        @Override
        public double weight() {
            return w;
        }

        @Override
        public void reset() {
            w = w0;
            traces.reset();
        }

        @Override
        public Map<String, Double> probe() {
            return Map.of("w", w, "trace_pre", traces.pre(), "trace_post", traces.post());
        }

        /** The weight, and the traces decayed to {@code tMs}. */
        @Override
        public Map<String, Double> probe(double tMs) {
            return Map.of("w", w, "trace_pre", traces.preAt(tMs), "trace_post", traces.postAt(tMs));
        }
    }
}
