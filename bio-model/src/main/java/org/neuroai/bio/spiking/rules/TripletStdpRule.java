package org.neuroai.bio.spiking.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;

/**
 * Triplet spike-timing-dependent plasticity (Pfister &amp; Gerstner 2006, J Neurosci 26:9673),
 * event-driven and exact.
 *
 * <p>Two presynaptic traces r₁ (τ₊) and r₂ (τ_x) and two postsynaptic traces o₁ (τ₋) and o₂
 * (τ_y) decay exponentially between spikes and jump at their own neuron's spikes: by +1
 * (all-to-all) or to 1 (nearest-spike). The weight changes additively:
 *
 * <pre>
 *   pre  at t:  w ← w − o₁(t) · (A2₋ + A3₋ · r₂(t⁻));   then r₁, r₂ jump
 *   post at t:  w ← w + r₁(t) · (A2₊ + A3₊ · o₂(t⁻));   then o₁, o₂ jump
 * </pre>
 *
 * <p>The triplet trace (r₂ at a presynaptic spike, o₂ at a postsynaptic one) is read before its
 * own increment at that spike. A presynaptic spike transmits the weight it finds, before its own
 * depression. The weight is kept within [w_min, w_max] (by default [0, ∞):
 * only a floor, as the fits use no upper bound). Parameter names are those of the published
 * table (A2_plus, A3_plus, A2_minus, A3_minus, tau_plus_ms, tau_minus_ms, tau_x_ms, tau_y_ms);
 * the four visual-cortex sets fitted to Sjöström, Turrigiano &amp; Nelson 2001 are presets, the
 * all-to-all minimal one the default. Simultaneous spikes, presynaptic first: the pair counts on
 * the potentiation side with r₁ = 1 (all-to-all: plus earlier spikes).
 */
public final class TripletStdpRule implements SpikeRule {
    @Override
    public String name() {
        return "stdp-triplet";
    }

    @Override
    public String description() {
        return "triplet STDP (Pfister & Gerstner 2006) with the four visual-cortex fits as presets";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("A2_plus", 0, 0, 10, "1", "pair potentiation amplitude"),
                ParamSpec.real("A3_plus", 6.5e-3, 0, 10, "1", "triplet potentiation amplitude"),
                ParamSpec.real("A2_minus", 7.1e-3, 0, 10, "1", "pair depression amplitude"),
                ParamSpec.real("A3_minus", 0, 0, 10, "1", "triplet depression amplitude"),
                ParamSpec.positive("tau_plus_ms", 16.8, 1e6, "ms", "time constant of r1"),
                ParamSpec.positive("tau_minus_ms", 33.7, 1e6, "ms", "time constant of o1"),
                ParamSpec.positive("tau_x_ms", 101, 1e6, "ms", "time constant of r2"),
                ParamSpec.positive("tau_y_ms", 114, 1e6, "ms", "time constant of o2"),
                ParamSpec.choice("pairing", "all-to-all", List.of("all-to-all", "nearest-spike"),
                        "traces jump by +1 (all-to-all) or to 1 (nearest-spike)"),
                ParamSpec.real("w0", 1, -1e9, 1e9, "1", "initial weight"),
                ParamSpec.real("w_min", 0, -1e9, 1e9, "1", "lower bound of the weight"),
                ParamSpec.real("w_max", 1e9, -1e9, 1e9, "1", "upper bound of the weight"));
    }

    /** The four visual-cortex sets of Pfister &amp; Gerstner 2006 (Table 4), by their published names. */
    @Override
    public Map<String, Map<String, Object>> presets() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("visual-cortex-all-to-all-full", set(5e-10, 6.2e-3, 7e-3, 2.3e-4, 101, 125, "all-to-all"));
        p.put("visual-cortex-all-to-all-minimal", set(0, 6.5e-3, 7.1e-3, 0, 101, 114, "all-to-all"));
        p.put("visual-cortex-nearest-full", set(8.8e-11, 5.3e-2, 6.6e-3, 3.1e-3, 714, 40, "nearest-spike"));
        p.put("visual-cortex-nearest-minimal", set(0, 5e-2, 8e-3, 0, 714, 40, "nearest-spike"));
        return p;
    }

    private static Map<String, Object> set(double a2p, double a3p, double a2m, double a3m, double tauX, double tauY,
                                           String scheme) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("A2_plus", a2p);
        m.put("A3_plus", a3p);
        m.put("A2_minus", a2m);
        m.put("A3_minus", a3m);
        m.put("tau_plus_ms", 16.8);
        m.put("tau_minus_ms", 33.7);
        m.put("tau_x_ms", tauX);
        m.put("tau_y_ms", tauY);
        m.put("pairing", scheme);
        return m;
    }

    @Override
    public String defaultPreset() {
        return "visual-cortex-all-to-all-minimal";
    }

    @Override
    public SpikeSynapse create(Params p) {
        return new Synapse(p);
    }

    private static final class Synapse implements SpikeSynapse {
        private final double a2p;
        private final double a3p;
        private final double a2m;
        private final double a3m;
        private final double tauPlus;
        private final double tauMinus;
        private final double tauX;
        private final double tauY;
        private final boolean nearest;
        private final double w0;
        private final double wMin;
        private final double wMax;
        private double w;
        private double r1;
        private double r2;
        private double o1;
        private double o2;
        private double tLast;

        Synapse(Params p) {
            a2p = p.real("A2_plus");
            a3p = p.real("A3_plus");
            a2m = p.real("A2_minus");
            a3m = p.real("A3_minus");
            tauPlus = p.real("tau_plus_ms");
            tauMinus = p.real("tau_minus_ms");
            tauX = p.real("tau_x_ms");
            tauY = p.real("tau_y_ms");
            nearest = p.string("pairing").equals("nearest-spike");
            w0 = p.real("w0");
            wMin = p.real("w_min");
            wMax = p.real("w_max");
            reset();
        }

        private void decayTo(double t) {
            double dt = t - tLast;
            if (dt < 0) {
                throw new IllegalArgumentException("spike at " + t + " ms comes before the last event at " + tLast + " ms");
            }
            if (dt > 0) {
                r1 *= Math.exp(-dt / tauPlus);
                r2 *= Math.exp(-dt / tauX);
                o1 *= Math.exp(-dt / tauMinus);
                o2 *= Math.exp(-dt / tauY);
                tLast = t;
            }
        }

        /** Depresses by o₁; returns the weight the spike found, before that change. */
        @Override
        public double pre(double tMs) {
            decayTo(tMs);
            double arrived = w;
            w = Math.max(wMin, Math.min(wMax, w - o1 * (a2m + a3m * r2)));
            r1 = nearest ? 1 : r1 + 1;
            r2 = nearest ? 1 : r2 + 1;
            return arrived;
        }

        @Override
        public void post(double tMs) {
            decayTo(tMs);
            w = Math.max(wMin, Math.min(wMax, w + r1 * (a2p + a3p * o2)));
            o1 = nearest ? 1 : o1 + 1;
            o2 = nearest ? 1 : o2 + 1;
        }

        @Override
        public double weight() {
            return w;
        }

        @Override
        public void reset() {
            w = w0;
            r1 = 0;
            r2 = 0;
            o1 = 0;
            o2 = 0;
            tLast = Double.NEGATIVE_INFINITY;
        }

        @Override
        public Map<String, Double> probe() {
            return Map.of("w", w, "r1", r1, "r2", r2, "o1", o1, "o2", o2);
        }

        /** The weight, and the four traces decayed to {@code tMs}. */
        @Override
        public Map<String, Double> probe(double tMs) {
            double dt = Math.max(0, tMs - tLast);
            return Map.of("w", w, "r1", r1 * Math.exp(-dt / tauPlus), "r2", r2 * Math.exp(-dt / tauX),
                    "o1", o1 * Math.exp(-dt / tauMinus), "o2", o2 * Math.exp(-dt / tauY));
        }
    }
}
