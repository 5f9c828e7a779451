package org.neuroai.bio.spiking.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;

/**
 * Tsodyks-Markram short-term plasticity: a fraction x of resources is available, a fraction u of
 * it is released by a spike; x recovers with τ_rec, u facilitates and relaxes with τ_facil.
 * Event-driven and exact between spikes. The response of a spike is A·u·x (the released fraction
 * when A = 1).
 *
 * <p>Two update conventions exist, differing in the order of facilitation and release; each
 * preset pins one (parameter {@code convention}):
 * <ul>
 *   <li>{@code tpm98} (Tsodyks, Pawelzik &amp; Markram 1998, Neural Comput 10:821): between spikes
 *       u → u·e^(−Δ/τ_facil) (towards 0) and x → 1 − (1 − x)·e^(−Δ/τ_rec); at a spike first
 *       u ← u + U(1 − u), then release r = u·x and x ← x − r. Without facilitation
 *       (τ_facil = 0) u = U at every spike.</li>
 *   <li>{@code mwt98} (Markram, Wang &amp; Tsodyks 1998, PNAS 95:5323; used by Gupta, Wang &amp;
 *       Markram 2000 and Maass &amp; Markram 2002): the n-th response is A·u_n·R_n with u₁ = U,
 *       R₁ = 1 and, for an interval Δ to the next spike, u_{n+1} = U + u_n(1 − U)e^(−Δ/τ_facil),
 *       R_{n+1} = 1 + (R_n − u_n R_n − 1)e^(−Δ/τ_rec): release uses u read before the update.</li>
 * </ul>
 * For a purely depressing synapse both agree, and periodic driving at rate f gives the steady
 * state x* = (1 − E)/(1 − (1 − U)E), E = e^(−1/(f τ_rec)), whose response falls as 1/f at high
 * rates (Tsodyks &amp; Markram 1997, PNAS 94:719).
 *
 * <p>The two conventions are the same model written in two ways: u of mwt98 is u of tpm98 after
 * the arriving spike's increment, and R is x, so both give identical responses to any train
 * ({@code validate} checks each against its paper's recursion). {@link SpikeSynapse#weight()} means
 * the same under both: the response A·u·R that a spike arriving at the time of the last event would
 * give (A·U before any spike).
 *
 * <p>Probes, the same under both conventions: {@code u}, the utilisation, and {@code R}, the
 * fraction of resources available, that a spike arriving at the time read would use; its response
 * would be A·u·R. At rest both conventions give u = U and R = 1. Read between spikes
 * ({@link SpikeSynapse#probe(double)}), R has recovered and u relaxed (and, under tpm98, been
 * facilitated by the arriving spike) exactly as the next spike would find them.
 *
 * <p>{@code tau_inact_ms} is the decay time of the postsynaptic current in the original model; it
 * does not affect the released fraction and is kept for completeness.
 */
public final class TsodyksMarkramRule implements SpikeRule {
    @Override
    public String name() {
        return "tsodyks-markram";
    }

    @Override
    public String description() {
        return "Tsodyks-Markram short-term depression and facilitation, presets from TPM 1998 and Gupta et al. 2000";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("U", 0.5, 1.0, "1", "utilisation of resources by a spike"),
                ParamSpec.positive("tau_rec_ms", 800, 1e9, "ms", "recovery time of resources"),
                ParamSpec.real("tau_facilitation_ms", 0, 0, 1e9, "ms", "facilitation time constant (0 = no facilitation)"),
                ParamSpec.real("tau_inact_ms", 3, 0, 1e9, "ms", "postsynaptic current decay (does not affect release)"),
                ParamSpec.real("A", 1, 0, 1e9, "1", "absolute efficacy: response = A u x"),
                ParamSpec.choice("convention", "tpm98", List.of("tpm98", "mwt98"), "update order (see the rule's documentation)"));
    }

    /** The presets of the published table, each with its pinned convention. */
    @Override
    public Map<String, Map<String, Object>> presets() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("tpm98-depressing", set(0.5, 800, 0, 3, "tpm98"));
        p.put("tpm98-facilitating", set(0.03, 130, 530, 1.5, "tpm98"));
        p.put("gupta-EE", set(0.5, 1100, 50, 3, "mwt98"));
        p.put("gupta-EI", set(0.05, 125, 1200, 3, "mwt98"));
        p.put("gupta-IE", set(0.25, 700, 20, 6, "mwt98"));
        p.put("gupta-II", set(0.32, 144, 60, 6, "mwt98"));
        return p;
    }

    private static Map<String, Object> set(double u, double rec, double facil, double inact, String convention) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("U", u);
        m.put("tau_rec_ms", rec);
        m.put("tau_facilitation_ms", facil);
        m.put("tau_inact_ms", inact);
        m.put("convention", convention);
        return m;
    }

    @Override
    public String defaultPreset() {
        return "tpm98-depressing";
    }

    /** Presynaptic: postsynaptic spikes play no part. */
    @Override
    public boolean timingDependent() {
        return false;
    }

    @Override
    public SpikeSynapse create(Params p) {
        return p.string("convention").equals("tpm98") ? new Tpm98(p) : new Mwt98(p);
    }

    /**
     * Steady-state resource of a depressing synapse driven at a fixed rate, the closed form of
     * Tsodyks &amp; Markram 1997.
     *
     * @param u the utilisation U
     * @param tauRecMs recovery time in ms
     * @param rateHz the driving rate in Hz
     * @return x* = (1 − E)/(1 − (1 − U)E), E = exp(−1/(f τ_rec))
     */
    public static double steadyStateResource(double u, double tauRecMs, double rateHz) {
        double e = Math.exp(-1000.0 / (rateHz * tauRecMs));
        return (1 - e) / (1 - (1 - u) * e);
    }

    /** Common parameters of both conventions. */
    private abstract static class Base implements SpikeSynapse {
        final double bigU;
        final double tauRec;
        final double tauFacil;
        final double a;
        double tLast;

        Base(Params p) {
            bigU = p.real("U");
            tauRec = p.real("tau_rec_ms");
            tauFacil = p.real("tau_facilitation_ms");
            a = p.real("A");
        }

        double interval(double t) {
            double dt = t - tLast;
            if (dt < 0) {
                throw new IllegalArgumentException("spike at " + t + " ms comes before the last one at " + tLast + " ms");
            }
            return dt;
        }

        double facilDecay(double dt) {
            return tauFacil > 0 ? Math.exp(-dt / tauFacil) : 0;
        }

        @Override
        public void post(double tMs) {
            // presynaptic short-term plasticity: postsynaptic spikes play no part
        }
    }

    /** The TPM 1998 order: facilitate, then release. */
    private static final class Tpm98 extends Base {
        private double u;
        private double x;

        Tpm98(Params p) {
            super(p);
            reset();
        }

        @Override
        public double pre(double tMs) {
            double dt = interval(tMs);
            u = u * facilDecay(dt);
            x = 1 - (1 - x) * Math.exp(-dt / tauRec);
            u = u + bigU * (1 - u);
            double r = u * x;
            x -= r;
            tLast = tMs;
            return a * r;
        }

        /** The response a spike arriving at the time of the last event would give (u has no time to decay, unless τ_facil = 0). */
        @Override
        public double weight() {
            double found = u * facilDecay(0);
            return a * (found + bigU * (1 - found)) * x;
        }

        @Override
        public void reset() {
            u = 0;
            x = 1;
            tLast = Double.NEGATIVE_INFINITY;
        }

        @Override
        public Map<String, Double> probe() {
            return probe(tLast);
        }

        /** u after the arriving spike's facilitation, and x recovered to {@code tMs}: what that spike would release from. */
        @Override
        public Map<String, Double> probe(double tMs) {
            double dt = tMs == tLast ? 0 : interval(tMs);
            double decayed = u * facilDecay(dt);
            return Map.of("u", decayed + bigU * (1 - decayed), "R", 1 - (1 - x) * Math.exp(-dt / tauRec));
        }
    }

    /** The MWT 1998 order: release with the current u, then update for the next spike. */
    private static final class Mwt98 extends Base {
        private double u;
        private double r;
        private boolean first;

        Mwt98(Params p) {
            super(p);
            reset();
        }

        @Override
        public double pre(double tMs) {
            if (!first) {
                double dt = interval(tMs);
                double uNext = bigU + u * (1 - bigU) * facilDecay(dt);
                r = 1 + (r - u * r - 1) * Math.exp(-dt / tauRec);
                u = uNext;
            }
            first = false;
            tLast = tMs;
            return a * u * r;
        }

        /** The response a spike arriving at the time of the last event would give: A u_{n+1} R_{n+1} with Δ = 0. */
        @Override
        public double weight() {
            if (first) {
                return a * u * r;
            }
            return a * (bigU + u * (1 - bigU) * facilDecay(0)) * (r - u * r);
        }

        @Override
        public void reset() {
            u = bigU;
            r = 1;
            first = true;
            tLast = Double.NEGATIVE_INFINITY;
        }

        @Override
        public Map<String, Double> probe() {
            return probe(tLast);
        }

        /** u_{n+1} and R_{n+1} for a next spike at {@code tMs}; U and 1 before the first spike. */
        @Override
        public Map<String, Double> probe(double tMs) {
            if (first) {
                return Map.of("u", u, "R", r);
            }
            double dt = interval(tMs);
            return Map.of("u", bigU + u * (1 - bigU) * facilDecay(dt), "R", 1 + (r - u * r - 1) * Math.exp(-dt / tauRec));
        }
    }
}
