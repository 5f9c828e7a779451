package org.neuroai.bio.spiking.neurons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/**
 * The leaky integrate-and-fire neuron (Lapicque 1907; W. Gerstner &amp; W. M. Kistler 2002,
 * <i>Spiking Neuron Models</i>, Cambridge University Press, section 4.1):
 *
 * <pre>
 *   τ_m dV/dt = −(V − V_rest) + (input term)
 *   V &gt; V_th  →  a spike; V ← V_reset, held there for the absolute refractory period t_ref
 * </pre>
 *
 * <p>Two kinds of input, one subclass each:
 * <ul>
 *   <li>{@link CurrentBased}: a constant drive I_ext and a synaptic current I_syn that jumps at
 *       input events and decays with τ_syn; input term R (I_ext + I_syn). Integrated exactly,
 *       event to event, in closed form; spike times are exact to machine precision.</li>
 *   <li>{@link ConductanceBased}: an excitatory conductance g_e, in units of the leak
 *       conductance, that jumps at input events and decays with τ_e; input term g_e (E_e − V), as in
 *       S. Song, K. D. Miller &amp; L. F. Abbott 2000, "Competitive Hebbian learning through
 *       spike-timing-dependent synaptic plasticity", Nat. Neurosci. 3:919-926. Integrated with a
 *       fixed step.</li>
 * </ul>
 *
 * <p>Parameter names carry their unit: times in ms, potentials in mV, currents in nA, resistance
 * in MΩ (so that R·I is in mV). Every neuron starts at rest, V = V_rest, at time 0.
 */
public abstract sealed class LifNeuron permits LifNeuron.CurrentBased, LifNeuron.ConductanceBased {
    final double tauM;
    final double vRest;
    final double vThreshold;
    final double vReset;
    final double refractory;
    double time;
    double v;
    long spikes;

    LifNeuron(Params p) {
        tauM = p.real("tau_m_ms");
        vRest = p.real("v_rest_mv");
        vThreshold = p.real("v_threshold_mv");
        vReset = p.real("v_reset_mv");
        refractory = p.real("refractory_ms");
        if (vReset >= vThreshold) {
            throw new UserError(String.format(Locale.ROOT, "LIF parameters: v_reset_mv = %g must lie below v_threshold_mv = %g.",
                    vReset, vThreshold));
        }
        v = vRest;
    }

    /**
     * The parameters every LIF neuron has, with the defaults of Brian2's example of Song, Miller
     * &amp; Abbott (2000): τ_m = 10 ms, V_rest = −74 mV, V_th = −54 mV, V_reset = −60 mV, no
     * refractory period.
     */
    public static List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("tau_m_ms", 10, 1e6, "ms", "membrane time constant"),
                ParamSpec.real("v_rest_mv", -74, -200, 200, "mV", "resting potential (reversal potential of the leak, E_l)"),
                ParamSpec.real("v_threshold_mv", -54, -200, 200, "mV", "firing threshold"),
                ParamSpec.real("v_reset_mv", -60, -200, 200, "mV", "potential right after a spike"),
                ParamSpec.real("refractory_ms", 0, 0, 1e6, "ms", "absolute refractory period: V is held at reset"));
    }

    /** Current time of the neuron, in ms. */
    public double time() {
        return time;
    }

    /** Membrane potential now, in mV. */
    public double v() {
        return v;
    }

    /** Spikes fired so far. */
    public long spikeCount() {
        return spikes;
    }

    private static List<ParamSpec> concat(List<ParamSpec> extra) {
        List<ParamSpec> all = new ArrayList<>(parameters());
        all.addAll(extra);
        return List.copyOf(all);
    }

    /**
     * A LIF neuron driven by currents, integrated exactly between events:
     *
     * <pre>
     *   τ_m dV/dt = −(V − V_rest) + R (I_ext + I_syn),     τ_syn dI_syn/dt = −I_syn
     * </pre>
     *
     * <p>From a state (V_0, I_0) the solution after a time s with no events is, with
     * V_∞ = V_rest + R I_ext,
     *
     * <pre>
     *   V(s) = V_∞ + (V_0 − V_∞) e^(−s/τ_m) + R I_0 τ_syn / (τ_syn − τ_m) · (e^(−s/τ_syn) − e^(−s/τ_m))
     * </pre>
     *
     * (R I_0 (s/τ_m) e^(−s/τ_m) for the last term when τ_syn = τ_m; Gerstner &amp; Kistler 2002,
     * section 4.1). V is the sum of a constant and two exponentials, so it has at most one extremum
     * between events; the first threshold crossing is bracketed on the rising side and found by
     * bisection to machine precision. With a constant drive and no synaptic current, the time from
     * reset to the next spike is T = τ_m ln((R I − (V_reset − V_rest)) / (R I − (V_th − V_rest)))
     * when R I &gt; V_th − V_rest, and there is no spike otherwise; the rate is 1 / (t_ref + T).
     *
     * <p>Use: {@link #advance(double)} until it returns false, then apply the event
     * ({@link #inject(double)}, {@link #setDrive(double)}).
     */
    public static final class CurrentBased extends LifNeuron {
        private final double resistance;
        private final double tauSyn;
        private double drive;
        private double iSyn;
        private double refractoryEnd = Double.NEGATIVE_INFINITY;

        /** @param p resolved {@link #currentParameters()} */
        public CurrentBased(Params p) {
            super(p);
            resistance = p.real("r_m_mohm");
            tauSyn = p.real("tau_syn_ms");
        }

        /** The common parameters plus membrane resistance {@code r_m_mohm} and synaptic decay {@code tau_syn_ms}. */
        public static List<ParamSpec> currentParameters() {
            return concat(List.of(
                    ParamSpec.positive("r_m_mohm", 10, 1e6, "MOhm", "membrane resistance: R I is in mV for I in nA"),
                    ParamSpec.positive("tau_syn_ms", 5, 1e6, "ms", "decay time constant of the synaptic current")));
        }

        /** Sets the constant external current from now on, in nA. */
        public void setDrive(double nA) {
            drive = nA;
        }

        /** An input event now: the synaptic current jumps by {@code nA} (negative for inhibition). */
        public void inject(double nA) {
            iSyn += nA;
        }

        /** The synaptic current now, in nA. */
        public double synapticCurrent() {
            return iSyn;
        }

        /**
         * Integrates up to {@code untilMs} or up to the first spike before it, whichever comes first.
         *
         * @param untilMs the time to reach, not before {@link #time()}
         * @return true if the neuron fired: {@link #time()} is then the spike time and V is at reset;
         *     false if it reached {@code untilMs} without firing
         */
        public boolean advance(double untilMs) {
            if (!(untilMs >= time)) {
                throw new IllegalArgumentException("cannot advance from " + time + " ms back to " + untilMs + " ms");
            }
            if (time < refractoryEnd) {
                double end = Math.min(untilMs, refractoryEnd);
                iSyn *= Math.exp(-(end - time) / tauSyn);
                time = end;
            }
            double h = untilMs - time;
            if (h <= 0) {
                return false;
            }
            double s = firstCrossing(h);
            if (Double.isNaN(s)) {
                v = potential(h);
                iSyn *= Math.exp(-h / tauSyn);
                time = untilMs;
                return false;
            }
            iSyn *= Math.exp(-s / tauSyn);
            time += s;
            v = vReset;
            refractoryEnd = time + refractory;
            spikes++;
            return true;
        }

        /** V after a time s without events, from the current state. */
        private double potential(double s) {
            double vInf = vRest + resistance * drive;
            double em = Math.exp(-s / tauM);
            double syn = 0;
            if (iSyn != 0) {
                double d = tauSyn - tauM;
                if (d == 0) {
                    syn = resistance * iSyn * (s / tauM) * em;
                } else {
                    // e^(−s/τ_syn) − e^(−s/τ_m) = e^(−s/τ_m) expm1(x): the expm1 form avoids cancellation
                    // when τ_syn is close to τ_m, the plain difference avoids overflow far from it.
                    double x = s * d / (tauM * tauSyn);
                    double diff = Math.abs(x) < 0.5 ? em * Math.expm1(x) : Math.exp(-s / tauSyn) - em;
                    syn = resistance * iSyn * tauSyn / d * diff;
                }
            }
            return vInf + (v - vInf) * em + syn;
        }

        /** The sign of dV/ds after a time s: τ_m dV/ds = −(V − V_rest) + R (I_ext + I_syn(s)). */
        private double slope(double s) {
            return -(potential(s) - vRest) + resistance * (drive + iSyn * Math.exp(-s / tauSyn));
        }

        /** The first s in (0, h] with V(s) &gt; V_th, or NaN when V does not exceed the threshold. */
        private double firstCrossing(double h) {
            if (potential(h) > vThreshold) {
                return bisect(0, h);
            }
            // V(h) is not above threshold: it can only have crossed if it rose to a maximum inside (0, h).
            if (slope(0) <= 0 || slope(h) >= 0) {
                return Double.NaN;
            }
            double lo = 0;
            double hi = h;
            for (int k = 0; k < 200; k++) {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                if (slope(mid) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return potential(lo) > vThreshold ? bisect(0, lo) : Double.NaN;
        }

        /** The crossing in (lo, hi], given V(lo) ≤ V_th &lt; V(hi) and a single crossing between. */
        private double bisect(double lo, double hi) {
            for (int k = 0; k < 200; k++) {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                if (potential(mid) > vThreshold) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return hi;
        }
    }

    /**
     * A LIF neuron with conductance-based excitatory input (Song, Miller &amp; Abbott 2000):
     *
     * <pre>
     *   τ_m dV/dt = (E_l − V) + g_e (E_e − V),     τ_e dg_e/dt = −g_e,
     * </pre>
     *
     * <p>with E_l = {@code v_rest_mv} and g_e in units of the leak conductance; an input of weight
     * w makes g_e jump by w. Because the conductance multiplies V, the trajectory between events has
     * no elementary closed form (it involves the incomplete gamma function), so V is integrated
     * with a fixed step Δt = {@code dt_ms}: over each step, g_e is replaced by its exact mean ḡ over
     * the step (including inputs that arrive inside it), and the linear equation with ḡ held
     * constant is solved exactly:
     *
     * <pre>
     *   V(t+Δt) = V_∞ + (V(t) − V_∞) e^(−Δt (1 + ḡ)/τ_m),     V_∞ = (E_l + ḡ E_e) / (1 + ḡ).
     * </pre>
     *
     * <p>This is the first term of the Magnus expansion: exact for a constant conductance (V then
     * relaxes to (E_l + g E_e) / (1 + g)), and second order in Δt otherwise. g_e itself decays
     * exactly. The threshold is checked at the end of each step, so a spike is reported at the end
     * of the step in which V crossed: at most one step late. The refractory period is rounded up to
     * whole steps.
     *
     * <p>Use: {@link #excite(double, double)} for each input inside the step [t, t + Δt), then
     * {@link #step()}.
     */
    public static final class ConductanceBased extends LifNeuron {
        private final double tauE;
        private final double eE;
        private final double dt;
        private final double decayE;
        private final double meanOfDecay;
        private final long refractorySteps;
        private double g;
        private double tonic;
        private double arrivedAtEnd;
        private double arrivedMeanSum;
        private long step;
        private long clampedUntilStep = -1;

        /** @param p resolved {@link #conductanceParameters()} */
        public ConductanceBased(Params p) {
            super(p);
            tauE = p.real("tau_e_ms");
            eE = p.real("e_e_mv");
            dt = p.real("dt_ms");
            decayE = Math.exp(-dt / tauE);
            meanOfDecay = -Math.expm1(-dt / tauE) * tauE / dt;
            refractorySteps = (long) Math.ceil(refractory / dt - 1e-9);
        }

        /**
         * The common parameters plus {@code tau_e_ms} = 5, {@code e_e_mv} = 0 and {@code dt_ms} = 0.1,
         * as in Brian2's example of Song, Miller &amp; Abbott (2000).
         */
        public static List<ParamSpec> conductanceParameters() {
            return concat(List.of(
                    ParamSpec.positive("tau_e_ms", 5, 1e12, "ms", "decay time constant of the excitatory conductance"),
                    ParamSpec.real("e_e_mv", 0, -200, 200, "mV", "reversal potential of the excitatory conductance"),
                    ParamSpec.positive("dt_ms", 0.1, 10, "ms", "integration step")));
        }

        /** The integration step, in ms. */
        public double dt() {
            return dt;
        }

        /** The excitatory conductance now, in units of the leak conductance, tonic part included. */
        public double conductance() {
            return g + tonic;
        }

        /**
         * A constant excitatory conductance from now on, in units of the leak conductance, added to
         * the decaying one: with it alone V relaxes to (E_l + g E_e)/(1 + g) with time constant
         * τ_m/(1 + g), so the firing rate has the closed form of a current-based LIF with those
         * values (the f-I curve of a conductance-based neuron).
         */
        public void setTonic(double gTonic) {
            tonic = gTonic;
        }

        /**
         * The end of the current step, in ms: k Δt after k steps, computed the same way every time,
         * so inputs before it belong to this step and inputs at or after it to a later one.
         */
        public double stepEnd() {
            return (step + 1) * dt;
        }

        /**
         * An input arriving inside the current step: g_e jumps by {@code dg} at {@code tMs}.
         *
         * @param tMs the arrival time, in [{@link #time()}, {@link #stepEnd()})
         * @param dg the jump, in units of the leak conductance
         */
        public void excite(double tMs, double dg) {
            double end = stepEnd();
            if (!(tMs >= time && tMs < end)) {
                throw new IllegalArgumentException("input at " + tMs + " ms is outside the step [" + time + ", " + end + ") ms");
            }
            double fall = -Math.expm1(-(end - tMs) / tauE);
            arrivedAtEnd += dg * (1 - fall);
            arrivedMeanSum += dg * fall;
        }

        /**
         * Integrates one step.
         *
         * @return true if the neuron fired at the end of the step ({@link #time()}); V is then at reset
         */
        public boolean step() {
            double gMean = g * meanOfDecay + arrivedMeanSum * tauE / dt + tonic;
            g = g * decayE + arrivedAtEnd;
            arrivedAtEnd = 0;
            arrivedMeanSum = 0;
            step++;
            time = step * dt;
            if (step <= clampedUntilStep) {
                return false;
            }
            double a = 1 + gMean;
            double vInf = (vRest + gMean * eE) / a;
            v = vInf + (v - vInf) * Math.exp(-dt * a / tauM);
            if (v > vThreshold) {
                v = vReset;
                clampedUntilStep = step + refractorySteps;
                spikes++;
                return true;
            }
            return false;
        }
    }
}
