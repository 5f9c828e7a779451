package org.neuroai.bio.spiking.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;

/**
 * The Aplysia gill-withdrawal sensory-to-motor synapse: habituation by repeated siphon stimuli,
 * dishabituation and sensitization by tail shocks, and their long-term forms.
 *
 * <p>A presynaptic spike ({@link SpikeSynapse#pre}) is one siphon stimulus and returns the EPSP
 * amplitude relative to a rested, naive synapse (1 for the first stimulus of a naive synapse). A
 * modulatory signal ({@link SpikeSynapse#modulate}) is one tail shock of the given strength.
 * Postsynaptic spikes are ignored: habituation is presynaptic, with fewer transmitter quanta per
 * impulse and an unchanged postsynaptic sensitivity (V. Castellucci & E. R. Kandel 1974, "A quantal
 * analysis of the synaptic depression underlying habituation of the gill-withdrawal reflex in
 * Aplysia", PNAS 71:5004-5008), so nothing in the model depends on the motor neuron's firing.
 *
 * <p>Five state variables, each with its own origin:
 * <ul>
 *   <li>x, the readily releasable pool (fraction of its rested size): a stimulus releases p·x
 *       and recovers with τ_fast. Fast homosynaptic depression; it dominates at 1 s between
 *       stimuli and recovers within seconds, which is why recovery after a train is faster after
 *       shorter intervals (J. H. Byrne 1982, "Analysis of synaptic depression contributing to
 *       habituation of gill-withdrawal reflex in Aplysia californica", J. Neurophysiol.
 *       48:431-438; presynaptic: Castellucci & Kandel 1974).</li>
 *   <li>d ∈ [d_min, 1], slow homosynaptic depression: each stimulus moves d a fraction q of the way
 *       to d_min, and d recovers with τ_slow (tens of minutes). It saturates within about ten
 *       stimuli whatever the interval, giving Byrne's finding that 3, 10 and 30 s intervals do not
 *       differ, and recovers enough between stimuli 100 s apart to leave the 10th response near
 *       65 % (Byrne 1982). Together x and d give the decrement and spontaneous recovery of
 *       H. Pinsker, I. Kupfermann, V. Castellucci & E. Kandel 1970, "Habituation and
 *       dishabituation of the gill-withdrawal reflex in Aplysia", Science 167:1740-1742.</li>
 *   <li>h ≥ 0, heterosynaptic (serotonergic) facilitation: a shock of strength s adds s and h
 *       decays with τ_facilitation; the response is multiplied by 1 + a·h. A shock leaves x and d
 *       untouched, so dishabituation is facilitation superimposed on habituation, not an undoing
 *       of it (T. J. Carew, V. F. Castellucci & E. R. Kandel 1971, "An analysis of dishabituation
 *       and sensitization of the gill-withdrawal reflex in Aplysia", Int. J. Neurosci. 2:79-98;
 *       dishabituation also in Pinsker et al. 1970).</li>
 *   <li>N ∈ [N_min, N_max], the number of active release sites relative to a naive neuron
 *       (1 = about 1300 varicosities). Stimuli move it towards N_min (long-term habituation), shocks
 *       towards N_max = 2700/1300 ≈ 2.08 (long-term sensitization roughly doubles the varicosities,
 *       and long-term habituation reduces them: C. H. Bailey & M. Chen 1983, "Morphological basis
 *       of long-term habituation and sensitization in Aplysia", Science 220:91-93). N relaxes back
 *       to 1 with τ_structural (weeks), so that five daily 10-trial sessions give habituation that
 *       builds across days and lasts at least three weeks (T. J. Carew, H. M. Pinsker &
 *       E. R. Kandel 1972, "Long-term habituation of a defensive withdrawal reflex in Aplysia",
 *       Science 175:451-454).</li>
 *   <li>R ∈ [0, 1], a consolidation resource that gates every change of N: each training event
 *       (stimulus or shock) uses a fraction c of it and it recovers with τ_resource (about an
 *       hour). Trials massed in one session find R exhausted after the first few, while sessions
 *       1.5 h apart find it mostly recovered, so spaced training changes N more than the same
 *       number of massed trials (T. J. Carew & E. R. Kandel 1973, "Acquisition and retention of
 *       long-term habituation in Aplysia: correlation of behavioral and cellular processes",
 *       Science 182:1158-1160). R is phenomenological: it stands for whatever limits consolidation
 *       and is not tied to one molecule.</li>
 * </ul>
 *
 * <p>Between events (Δt since the previous one) every variable relaxes exactly, in closed form:
 * <pre>
 *   x ← 1 − (1 − x)·e^(−Δt/τ_fast)        d ← 1 − (1 − d)·e^(−Δt/τ_slow)
 *   h ← h·e^(−Δt/τ_facilitation)          N ← 1 + (N − 1)·e^(−Δt/τ_structural)
 *   R ← 1 − (1 − R)·e^(−Δt/τ_resource)
 * </pre>
 * At a stimulus, in this order (the amplitude is read before any update):
 * <pre>
 *   A = N · x · d · (1 + a·h)               returned
 *   x ← x − p·x
 *   d ← d − q·(d − d_min)
 *   N ← N − k_hab · R · (N − N_min)
 *   R ← (1 − c)·R
 * </pre>
 * The release at a stimulus is p·x and p·1 for a rested pool, so x is the release relative to a
 * rested synapse and a naive, rested synapse (x = d = N = 1, h = 0) gives exactly A = 1. At a
 * shock of strength s ≥ 0 (1 = one standard shock):
 * <pre>
 *   h ← h + s
 *   N ← N + min(1, k_sens · s · R) · (N_max − N)
 *   R ← (1 − c)^s · R                       (s unit shocks use what one shock of strength s uses)
 * </pre>
 * {@link SpikeSynapse#weight()} is A for a stimulus at the time of the last event, after it.
 *
 * <p>Parameters (defaults chosen to reproduce Byrne 1982 and Carew & Kandel 1973, and checked
 * against Carew, Pinsker & Kandel 1972 and Carew, Castellucci & Kandel 1971):
 * {@code release_fraction} p = 0.65 (1); {@code tau_fast_s} τ_fast = 1 s;
 * {@code slow_step} q = 0.23 (1); {@code d_min} = 0.54 (1); {@code tau_slow_s} τ_slow = 1080 s
 * (18 min); {@code facilitation_gain} a = 1 (1 per unit shock); {@code tau_facilitation_min}
 * τ_facilitation = 30 min; {@code n_min} N_min = 0.6 (1); {@code n_max} N_max = 2.08 (1);
 * {@code habituation_step} k_hab = 0.06 (1); {@code sensitization_step} k_sens = 0.1 (1 per unit
 * shock); {@code resource_use} c = 0.3 (1); {@code tau_resource_min} τ_resource = 60 min;
 * {@code tau_structural_days} τ_structural = 21 days. With them a naive synapse gives: at 1 s
 * intervals a plateau near 36 % (x settles near (1 − E)/(1 − (1 − p)E) ≈ 0.73 with
 * E = e^(−1 s/τ_fast), times d near d_min); the 10th response near 53-58 % at 3, 10 and 30 s and
 * near 64 % at 100 s; four 10-trial sessions 1.5 h apart leave N near 0.8, against about 0.9 for
 * the same 40 trials massed. τ_fast is short enough (1 s) that the pool has recovered by the next
 * stimulus at 3 s intervals, which keeps 3 s from differing from 10 and 30 s. One 10-trial session
 * lowers N by about 7 %, a trace that also lasts weeks.
 *
 * <p>Times are in ms as everywhere in {@link SpikeRule}; the parameters use the unit their name
 * says (s, min or days).
 */
public final class AplysiaRule implements SpikeRule {
    private static final double MS_PER_S = 1000.0;
    private static final double MS_PER_MIN = 60.0 * MS_PER_S;
    private static final double MS_PER_DAY = 24.0 * 60.0 * MS_PER_MIN;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.positive("release_fraction", 0.65, 1, "1",
                    "fraction p of the readily releasable pool released by one stimulus"),
            ParamSpec.positive("tau_fast_s", 1.0, 3600, "s", "recovery time constant of the releasable pool (fast depression)"),
            ParamSpec.real("slow_step", 0.23, 0, 1, "1", "fraction q of the way to d_min that slow depression moves per stimulus"),
            ParamSpec.real("d_min", 0.54, 0, 1, "1", "floor of slow depression"),
            ParamSpec.positive("tau_slow_s", 1080.0, 86400, "s", "recovery time constant of slow depression"),
            ParamSpec.real("facilitation_gain", 1.0, 0, 100, "1", "gain a of heterosynaptic facilitation per unit shock"),
            ParamSpec.positive("tau_facilitation_min", 30.0, 10080, "min", "decay time constant of heterosynaptic facilitation"),
            ParamSpec.real("n_min", 0.6, 0, 1, "1", "fewest active release sites after long-term habituation, relative to naive"),
            ParamSpec.real("n_max", 2.08, 1, 10, "1", "most active release sites after long-term sensitization, relative to naive"),
            ParamSpec.real("habituation_step", 0.06, 0, 1, "1",
                    "fraction k_hab of the way to n_min that one stimulus moves the release sites when the resource is full"),
            ParamSpec.real("sensitization_step", 0.1, 0, 1, "1",
                    "fraction k_sens of the way to n_max that one unit shock moves the release sites when the resource is full"),
            ParamSpec.real("resource_use", 0.3, 0, 1, "1", "fraction c of the consolidation resource used by one training event"),
            ParamSpec.positive("tau_resource_min", 60.0, 10080, "min", "recovery time constant of the consolidation resource"),
            ParamSpec.positive("tau_structural_days", 21.0, 3650, "days",
                    "time constant with which the release sites relax back to the naive number"));

    /** Creates the rule; parameters are given to {@link #create(Params)}. */
    public AplysiaRule() {
        // stateless declaration
    }

    @Override
    public String name() {
        return "aplysia";
    }

    @Override
    public String description() {
        return "Aplysia sensory-motor synapse: habituation, dishabituation, long-term habituation and sensitization";
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    /** Homosynaptic depression and heterosynaptic facilitation: postsynaptic spikes play no part. */
    @Override
    public boolean timingDependent() {
        return false;
    }

    @Override
    public SpikeSynapse create(Params params) {
        return new Synapse(params);
    }

    /** The running state: x, d, h, N, R and the time of the last event. */
    private static final class Synapse implements SpikeSynapse {
        private final double p;
        private final double q;
        private final double dMin;
        private final double a;
        private final double nMin;
        private final double nMax;
        private final double kHab;
        private final double kSens;
        private final double c;
        private final double rateFast;
        private final double rateSlow;
        private final double rateFacilitation;
        private final double rateResource;
        private final double rateStructural;

        private double x;
        private double d;
        private double h;
        private double n;
        private double r;
        private double tLast;

        Synapse(Params params) {
            p = params.real("release_fraction");
            q = params.real("slow_step");
            dMin = params.real("d_min");
            a = params.real("facilitation_gain");
            nMin = params.real("n_min");
            nMax = params.real("n_max");
            kHab = params.real("habituation_step");
            kSens = params.real("sensitization_step");
            c = params.real("resource_use");
            rateFast = 1.0 / (params.real("tau_fast_s") * MS_PER_S);
            rateSlow = 1.0 / (params.real("tau_slow_s") * MS_PER_S);
            rateFacilitation = 1.0 / (params.real("tau_facilitation_min") * MS_PER_MIN);
            rateResource = 1.0 / (params.real("tau_resource_min") * MS_PER_MIN);
            rateStructural = 1.0 / (params.real("tau_structural_days") * MS_PER_DAY);
            reset();
        }

        /** Relaxes every variable exactly from the last event to tMs; events at the same time see no decay. */
        @Override
        public void advance(double tMs) {
            if (!(tMs >= tLast) || Double.isInfinite(tMs)) {
                throw new IllegalArgumentException("events must come at finite, non-decreasing times; got " + tMs
                        + " ms after " + tLast + " ms");
            }
            if (tMs == tLast) {
                return;
            }
            double dt = tMs - tLast;
            x = 1.0 - (1.0 - x) * Math.exp(-dt * rateFast);
            d = 1.0 - (1.0 - d) * Math.exp(-dt * rateSlow);
            h = h * Math.exp(-dt * rateFacilitation);
            n = 1.0 + (n - 1.0) * Math.exp(-dt * rateStructural);
            r = 1.0 - (1.0 - r) * Math.exp(-dt * rateResource);
            tLast = tMs;
        }

        private double amplitude() {
            return n * x * d * (1.0 + a * h);
        }

        @Override
        public double pre(double tMs) {
            advance(tMs);
            double response = amplitude();
            x -= p * x;
            d -= q * (d - dMin);
            n -= kHab * r * (n - nMin);
            r -= c * r;
            return response;
        }

        /** Ignored: the model is presynaptic (Castellucci & Kandel 1974); does not even advance time. */
        @Override
        public void post(double tMs) {
            // nothing in the model depends on the motor neuron's spikes
        }

        /**
         * A tail shock of strength {@code amount} (1 = one standard shock).
         *
         * @throws IllegalArgumentException for a negative or non-finite amount, or a time earlier
         *     than the last event
         */
        @Override
        public void modulate(double tMs, double amount) {
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("a shock's amount must be a finite number >= 0; got " + amount);
            }
            advance(tMs);
            h += amount;
            n += Math.min(1.0, kSens * amount * r) * (nMax - n);
            r *= Math.pow(1.0 - c, amount);
        }

        @Override
        public double weight() {
            return amplitude();
        }

        @Override
        public void reset() {
            x = 1.0;
            d = 1.0;
            h = 0.0;
            n = 1.0;
            r = 1.0;
            tLast = Double.NEGATIVE_INFINITY;
        }

        /**
         * {@code x}, {@code d}, {@code h}, {@code n}, {@code r} as of the last event (after it),
         * and {@code t_last_ms}, its time (−∞ before the first event).
         */
        @Override
        public Map<String, Double> probe() {
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("x", x);
            out.put("d", d);
            out.put("h", h);
            out.put("n", n);
            out.put("r", r);
            out.put("t_last_ms", tLast);
            return out;
        }

        /** The five variables relaxed exactly to {@code tMs}, as the next event would find them; {@code t_last_ms} as before. */
        @Override
        public Map<String, Double> probe(double tMs) {
            if (!(tMs >= tLast) || Double.isInfinite(tMs)) {
                throw new IllegalArgumentException("cannot read the state at " + tMs + " ms, before the last event at " + tLast + " ms");
            }
            if (tMs == tLast) {
                return probe();
            }
            double dt = tMs - tLast;
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("x", 1.0 - (1.0 - x) * Math.exp(-dt * rateFast));
            out.put("d", 1.0 - (1.0 - d) * Math.exp(-dt * rateSlow));
            out.put("h", h * Math.exp(-dt * rateFacilitation));
            out.put("n", 1.0 + (n - 1.0) * Math.exp(-dt * rateStructural));
            out.put("r", 1.0 - (1.0 - r) * Math.exp(-dt * rateResource));
            out.put("t_last_ms", tLast);
            return out;
        }
    }
}
