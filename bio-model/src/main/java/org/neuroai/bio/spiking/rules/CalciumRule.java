package org.neuroai.bio.spiking.rules;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;

/**
 * Calcium-based plasticity (Graupner &amp; Brunel 2012, PNAS 109:3991): the synaptic efficacy ρ
 * moves up when the calcium concentration c is above a potentiation threshold, down when it is
 * above a depression threshold, and otherwise relaxes to one of two stable states (bistable).
 *
 * <pre>
 *   c(t)   = Σ_pre C_pre e^(−(t − t_pre − D)/τ_Ca) + Σ_post C_post e^(−(t − t_post)/τ_Ca)
 *   τ dρ/dt = −ρ(1 − ρ)(ρ* − ρ) + γ_p (1 − ρ) Θ[c − θ_p] − γ_d ρ Θ[c − θ_d]
 *             + σ √τ √(Θ[c − θ_p] + Θ[c − θ_d]) η(t)
 * </pre>
 *
 * <p>The readout is the paper's: a population of {@code synapses} synapses sharing the calcium
 * trace (the same spikes) with independent noise, a fraction β ({@code beta}, 0.5 in all the
 * paper's fits) starting UP (ρ = 1) and the rest DOWN (ρ = 0). Each synapse counts as the stable
 * state it will relax to, UP when ρ &gt; ρ*, so the weight is the population's mean efficacy in
 * units of the DOWN state, w = 1 + (b − 1)·(fraction UP), b = w_UP / w_DOWN. After a protocol the
 * fraction UP is β(1 − P_DOWN) + (1 − β)P_UP, and the change a protocol reports,
 * (w_end − w₀)/w₀ with w₀ = 1 + (b − 1)β, is the paper's change in synaptic strength written
 * with the UP/DOWN transition probabilities; it can be negative (depression) or positive.
 * A single synapse starting DOWN (β = 0), as an earlier version read it, could never show
 * depression. Probes: {@code c}, the mean {@code rho}, the fraction {@code up}, and the transition
 * probabilities so far, {@code p_up} (of the synapses that started DOWN, the fraction now UP) and
 * {@code p_down} (of those that started UP, the fraction now DOWN).
 *
 * <p>Calcium is exact: it jumps by C_post at a postsynaptic spike and by C_pre a delay D after a
 * presynaptic one, and decays exponentially, so the times at which it crosses θ_p and θ_d are
 * computed in closed form. ρ has no closed form: while calcium is above a threshold it is
 * integrated by Euler-Maruyama with step {@code dt_ms}; below both thresholds (no drive, no noise)
 * by fourth-order Runge-Kutta with steps of up to one second, accurate for the slow cubic
 * relaxation (τ is hundreds of seconds). ρ is kept in [0, 1]. The noise is seeded
 * ({@code seed}), so runs are reproducible; {@code sigma} = 0 gives the deterministic mean
 * dynamics.
 *
 * <p>Defaults: the paper's fit to the cortical-slice data of Sjöström, Turrigiano &amp; Nelson
 * 2001 (SI Appendix Table S2). Presets: the seven STDP-curve sets of Table S1 (DP, DPD, DPD',
 * P, D, D', BCM) and the two other experimental fits of Table S2.
 */
public final class CalciumRule implements SpikeRule {
    @Override
    public String name() {
        return "calcium";
    }

    @Override
    public String description() {
        return "calcium-based bistable plasticity (Graupner & Brunel 2012), cortical-slice fit by default";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("tau_ca_ms", 22.6936, 1e6, "ms", "calcium decay time"),
                ParamSpec.real("c_pre", 0.5617539, 0, 100, "1 (threshold units)", "calcium jump after a presynaptic spike"),
                ParamSpec.real("c_post", 1.23964, 0, 100, "1 (threshold units)", "calcium jump at a postsynaptic spike"),
                ParamSpec.real("delay_ms", 4.6098, 0, 1e4, "ms", "delay of the presynaptic calcium transient"),
                ParamSpec.positive("theta_d", 1.0, 100, "1", "depression threshold"),
                ParamSpec.positive("theta_p", 1.3, 100, "1", "potentiation threshold"),
                ParamSpec.real("gamma_d", 331.909, 0, 1e6, "1", "depression rate"),
                ParamSpec.real("gamma_p", 725.085, 0, 1e6, "1", "potentiation rate"),
                ParamSpec.positive("tau_s", 346.3615, 1e6, "s", "time constant of the efficacy"),
                ParamSpec.real("rho_star", 0.5, 0, 1, "1", "unstable fixed point between DOWN (0) and UP (1)"),
                ParamSpec.real("sigma", 3.3501, 0, 100, "1", "noise amplitude (0 = deterministic)"),
                ParamSpec.positive("b", 5.40988, 1e6, "1", "ratio of UP to DOWN efficacy"),
                ParamSpec.real("beta", 0.5, 0, 1, "1", "fraction of the synapses that start UP (0.5 in the paper's fits)"),
                ParamSpec.integer("synapses", 1000, 1, 1_000_000, "synapses in the population read out"),
                ParamSpec.positive("dt_ms", 0.1, 10, "ms", "integration step while calcium is above a threshold"),
                ParamSpec.integer("seed", 1, 0, Integer.MAX_VALUE, "seed of the noise"));
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("gb2012-cortex-sjostrom2001", set(0.5617539, 1.23964, 22.6936, 4.6098, 1.3, 331.909, 725.085, 3.3501, 346.3615, 5.40988));
        p.put("gb2012-hippocampus-wittenberg2006", set(1.0, 0.275865, 48.8373, 18.8008, 1.3, 313.0965, 1645.59, 9.1844, 688.355, 5.28145));
        p.put("gb2012-culture-wang2005", set(0.58156, 1.76444, 11.9536, 10.0, 1.3, 61.141, 113.6545, 2.5654, 33.7596, 36.0263));
        p.put("gb2012-DP", set(1.0, 2.0, 20, 13.7, 1.3, 200, 321.808, 2.8284, 150, 5));
        p.put("gb2012-DPD", set(0.9, 0.9, 20, 4.6, 1.3, 250, 550, 2.8284, 150, 5));
        p.put("gb2012-DPD-prime", set(1.0, 2.0, 20, 2.2, 2.5, 50, 600, 2.8284, 150, 5));
        p.put("gb2012-P", set(2.0, 2.0, 20, 0, 1.3, 160, 257.447, 2.8284, 150, 5));
        p.put("gb2012-D", set(0.6, 0.6, 20, 0, 1.3, 500, 550, 5.6568, 150, 5));
        p.put("gb2012-D-prime", set(1.0, 2.0, 20, 0, 3.5, 60, 600, 2.8284, 150, 5));
        p.put("gb2012-BCM", set(1.0, 1.0, 20, 0, 1.3, 200, 400, 2.8284, 150, 5));
        return p;
    }

    private static Map<String, Object> set(double cPre, double cPost, double tauCa, double d, double thetaP, double gd,
                                           double gp, double sigma, double tauS, double b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("c_pre", cPre);
        m.put("c_post", cPost);
        m.put("tau_ca_ms", tauCa);
        m.put("delay_ms", d);
        m.put("theta_d", 1.0);
        m.put("theta_p", thetaP);
        m.put("gamma_d", gd);
        m.put("gamma_p", gp);
        m.put("sigma", sigma);
        m.put("tau_s", tauS);
        m.put("rho_star", 0.5);
        m.put("b", b);
        return m;
    }

    @Override
    public String defaultPreset() {
        return "gb2012-cortex-sjostrom2001";
    }

    /** Five seconds: long enough for calcium (τ_Ca about 20 ms) to fall below both thresholds after the last spike. */
    @Override
    public double settleMs() {
        return 5000;
    }

    @Override
    public SpikeSynapse create(Params p) {
        return new Synapse(p);
    }

    /**
     * A population of synapses sharing one calcium trace (the same spikes) with independent noise.
     * Each synapse's efficacy is read out as the stable state it relaxes to: UP if ρ &gt; ρ*, DOWN
     * otherwise (Graupner &amp; Brunel 2012: after the protocol, calcium is below both thresholds,
     * there is no noise, and ρ relaxes deterministically away from ρ*).
     */
    private static final class Synapse implements SpikeSynapse {
        private final double tauCa;
        private final double cPre;
        private final double cPost;
        private final double delay;
        private final double thetaD;
        private final double thetaP;
        private final double gammaD;
        private final double gammaP;
        private final double tauMs;
        private final double rhoStar;
        private final double sigma;
        private final double b;
        private final int startUp;
        private final double dt;
        private final long seed;
        private final double[] rho;
        private final ArrayDeque<Double> pendingPre = new ArrayDeque<>();
        private SplittableRandom rng;
        private double c;
        private double t;

        Synapse(Params p) {
            tauCa = p.real("tau_ca_ms");
            cPre = p.real("c_pre");
            cPost = p.real("c_post");
            delay = p.real("delay_ms");
            thetaD = p.real("theta_d");
            thetaP = p.real("theta_p");
            gammaD = p.real("gamma_d");
            gammaP = p.real("gamma_p");
            tauMs = p.real("tau_s") * 1000;
            rhoStar = p.real("rho_star");
            sigma = p.real("sigma");
            b = p.real("b");
            rho = new double[p.integer("synapses")];
            startUp = (int) Math.round(p.real("beta") * rho.length);
            dt = p.real("dt_ms");
            seed = p.integer("seed");
            reset();
        }

        /** dρ/dt without noise, given which thresholds calcium exceeds. */
        private double drift(double r, boolean aboveP, boolean aboveD) {
            double v = -r * (1 - r) * (rhoStar - r);
            if (aboveP) {
                v += gammaP * (1 - r);
            }
            if (aboveD) {
                v -= gammaD * r;
            }
            return v / tauMs;
        }

        /** Integrates every ρ for {@code span} ms while calcium decays from its current value, then decays c. */
        private void evolve(double span) {
            double left = span;
            while (left > 0) {
                boolean aboveP = c > thetaP;
                boolean aboveD = c > thetaD;
                if (!aboveP && !aboveD) {
                    for (int i = 0; i < rho.length; i++) {
                        rho[i] = relax(rho[i], left);
                    }
                    c *= Math.exp(-left / tauCa);
                    return;
                }
                // time until calcium falls to the next threshold below it (closed form)
                double next = aboveP ? thetaP : thetaD;
                double toCross = tauCa * Math.log(c / next);
                double seg = Math.min(left, Math.max(toCross, 0));
                int steps = Math.max(1, (int) Math.ceil(seg / dt));
                double h = seg / steps;
                int noiseLevel = (aboveP ? 1 : 0) + (aboveD ? 1 : 0);
                double kick = sigma * Math.sqrt(noiseLevel) / Math.sqrt(tauMs) * Math.sqrt(h);
                for (int i = 0; i < rho.length; i++) {
                    double r = rho[i];
                    for (int k = 0; k < steps; k++) {
                        r += drift(r, aboveP, aboveD) * h;
                        if (kick > 0) {
                            r += kick * rng.nextGaussian();
                        }
                        r = Math.max(0, Math.min(1, r));
                    }
                    rho[i] = r;
                }
                c *= Math.exp(-seg / tauCa);
                if (seg == toCross || seg < left) {
                    c = Math.min(c, next * (1 - 1e-15));
                }
                left -= seg;
            }
        }

        /** Fourth-order Runge-Kutta on the cubic relaxation alone (calcium below both thresholds). */
        private double relax(double r0, double span) {
            int steps = Math.max(1, (int) Math.ceil(span / 1000.0));
            double h = span / steps;
            double r = r0;
            for (int i = 0; i < steps; i++) {
                double k1 = drift(r, false, false);
                double k2 = drift(r + h / 2 * k1, false, false);
                double k3 = drift(r + h / 2 * k2, false, false);
                double k4 = drift(r + h * k3, false, false);
                r = Math.max(0, Math.min(1, r + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)));
            }
            return r;
        }

        @Override
        public void advance(double tMs) {
            if (tMs < t) {
                throw new IllegalArgumentException("time " + tMs + " ms is before the last event at " + t + " ms");
            }
            while (!pendingPre.isEmpty() && pendingPre.peekFirst() <= tMs) {
                double arrival = pendingPre.pollFirst();
                evolve(arrival - t);
                t = arrival;
                c += cPre;
            }
            evolve(tMs - t);
            t = tMs;
        }

        @Override
        public double pre(double tMs) {
            advance(tMs);
            pendingPre.addLast(tMs + delay);
            return weight();
        }

        @Override
        public void post(double tMs) {
            advance(tMs);
            c += cPost;
        }

        /** The fraction of the population whose ρ lies above ρ*, the synapses that will settle UP. */
        private double upFraction() {
            int up = 0;
            for (double r : rho) {
                up += r > rhoStar ? 1 : 0;
            }
            return (double) up / rho.length;
        }

        /** Mean efficacy in units of the DOWN state: 1 + (b − 1) × (fraction UP). */
        @Override
        public double weight() {
            return 1 + (b - 1) * upFraction();
        }

        @Override
        public void reset() {
            pendingPre.clear();
            rng = new SplittableRandom(seed);
            c = 0;
            for (int i = 0; i < rho.length; i++) {
                rho[i] = i < startUp ? 1 : 0;
            }
            t = 0;
        }

        @Override
        public Map<String, Double> probe() {
            double mean = 0;
            for (double r : rho) {
                mean += r / rho.length;
            }
            int leftDown = 0;
            int leftUp = 0;
            for (int i = 0; i < rho.length; i++) {
                leftDown += i >= startUp && rho[i] > rhoStar ? 1 : 0;
                leftUp += i < startUp && rho[i] <= rhoStar ? 1 : 0;
            }
            return Map.of("c", c, "rho", mean, "up", upFraction(), "w", weight(),
                    "p_up", startUp == rho.length ? 0.0 : (double) leftDown / (rho.length - startUp),
                    "p_down", startUp == 0 ? 0.0 : (double) leftUp / startUp);
        }
    }
}
