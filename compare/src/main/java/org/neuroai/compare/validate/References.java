package org.neuroai.compare.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;

/**
 * The models' equations written again from the papers, sharing nothing with the model classes:
 * explicit sums over spike pairs and triplets instead of traces, the Tsodyks-Markram recursions
 * spike by spike, the LIF firing rate in closed form and in the diffusion limit, and Graupner &amp;
 * Brunel's analytic approximation of the calcium rule's transition probabilities. {@code validate}
 * and the tests compare the models with these.
 *
 * <p>Spike times are in ms. When a pre- and a postsynaptic spike share a time, the presynaptic one
 * counts as earlier, as the protocols deliver it first.
 */
public final class References {
    private References() {}

    /**
     * Triplet STDP (Pfister &amp; Gerstner 2006, Eqs. 1-3) as explicit sums over earlier spikes.
     * At a presynaptic spike t: Δw = −Σ_{post t_j &lt; t} e^(−(t − t_j)/τ₋) · (A2₋ + A3₋ Σ_{pre t_k &lt; t}
     * e^(−(t − t_k)/τ_x)); at a postsynaptic spike t: Δw = +Σ_{pre t_i ≤ t} e^(−(t − t_i)/τ₊) ·
     * (A2₊ + A3₊ Σ_{post t_k &lt; t} e^(−(t − t_k)/τ_y)). Nearest-spike: each sum keeps only its most
     * recent term. The weight is kept at or above 0, starting at 1.
     *
     * @param set a row of the published table (A2_plus, A3_plus, A2_minus, A3_minus, tau_plus_ms, tau_minus_ms,
     *     tau_x_ms, tau_y_ms, pairing_scheme)
     * @param pre presynaptic spike times, increasing
     * @param post postsynaptic spike times, increasing
     * @return the final weight
     */
    public static double triplet(Map<String, String> set, double[] pre, double[] post) {
        double a2p = num(set, "A2_plus");
        double a3p = num(set, "A3_plus");
        double a2m = num(set, "A2_minus");
        double a3m = num(set, "A3_minus");
        double tp = num(set, "tau_plus_ms");
        double tm = num(set, "tau_minus_ms");
        double tx = num(set, "tau_x_ms");
        double ty = num(set, "tau_y_ms");
        boolean nearest = set.get("pairing_scheme").equals("nearest-spike");
        double w = 1;
        for (Event e : merge(pre, post)) {
            if (e.pre) {
                double o1 = kernel(post, e.t, tm, false, nearest);
                double r2 = kernel(pre, e.t, tx, false, nearest);
                w = Math.max(0, w - o1 * (a2m + a3m * r2));
            } else {
                double r1 = kernel(pre, e.t, tp, true, nearest);
                double o2 = kernel(post, e.t, ty, false, nearest);
                w = Math.max(0, w + r1 * (a2p + a3p * o2));
            }
        }
        return w;
    }

    /**
     * Pair STDP, additive with hard bounds (Song, Miller &amp; Abbott 2000): at a presynaptic spike t,
     * Δw = −A₋ w_max Σ_{post t_j &lt; t} e^(−(t − t_j)/τ₋); at a postsynaptic spike t,
     * Δw = +A₊ w_max Σ_{pre t_i ≤ t} e^(−(t − t_i)/τ₊); nearest-spike keeps the most recent term only.
     *
     * @return the final weight, clipped to [w_min, w_max] after every change
     */
    public static double pair(double aPlus, double aMinus, double tauPlus, double tauMinus, boolean nearest, double w0,
                              double wMin, double wMax, double[] pre, double[] post) {
        double w = w0;
        for (Event e : merge(pre, post)) {
            double dw = e.pre ? -aMinus * wMax * kernel(post, e.t, tauMinus, false, nearest)
                    : aPlus * wMax * kernel(pre, e.t, tauPlus, true, nearest);
            w = Math.max(wMin, Math.min(wMax, w + dw));
        }
        return w;
    }

    /**
     * Sum of e^(−(t − s)/τ) over the spikes s of a train before t (or at or before it when
     * {@code inclusive}); only the most recent one when {@code nearest}.
     */
    private static double kernel(double[] train, double t, double tau, boolean inclusive, boolean nearest) {
        double sum = 0;
        for (int k = train.length - 1; k >= 0; k--) {
            double s = train[k];
            if (s < t || (inclusive && s == t)) {
                sum += Math.exp(-(t - s) / tau);
                if (nearest) {
                    return sum;
                }
            }
        }
        return sum;
    }

    private record Event(double t, boolean pre) {}

    /** Both trains in time order, a presynaptic spike before a postsynaptic one at the same time. */
    private static List<Event> merge(double[] pre, double[] post) {
        List<Event> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < pre.length || j < post.length) {
            if (j >= post.length || (i < pre.length && pre[i] <= post[j])) {
                out.add(new Event(pre[i++], true));
            } else {
                out.add(new Event(post[j++], false));
            }
        }
        return out;
    }

    private static double num(Map<String, String> set, String key) {
        return Double.parseDouble(set.get(key));
    }

    /**
     * Tsodyks, Pawelzik &amp; Markram 1998 (Neural Comput 10:821, Eqs. 2.1-2.4), spike by spike. The
     * utilisation u decays to 0 with τ_F between spikes and each spike first raises it by U(1 − u)
     * (with no facilitation, τ_F = 0, u = U at every spike); the spike then releases u·x and x recovers
     * towards 1 with τ_rec.
     *
     * @param times presynaptic spike times, increasing
     * @return the released fraction of each spike
     */
    public static double[] tpm98(double bigU, double tauRec, double tauF, double[] times) {
        double[] out = new double[times.length];
        double uBefore = 0;
        double xBefore = 1;
        for (int n = 0; n < times.length; n++) {
            if (n > 0) {
                double gap = times[n] - times[n - 1];
                double uAfterLast = uBefore + bigU * (1 - uBefore);
                double xAfterLast = xBefore * (1 - uAfterLast);
                uBefore = tauF == 0 ? 0 : uAfterLast * Math.exp(-gap / tauF);
                xBefore = 1 + (xAfterLast - 1) * Math.exp(-gap / tauRec);
            }
            out[n] = (uBefore + bigU * (1 - uBefore)) * xBefore;
        }
        return out;
    }

    /**
     * Markram, Wang &amp; Tsodyks 1998 (PNAS 95:5323, Eqs. 1-3): EPSP_n ∝ u_n R_n with u₁ = U,
     * R₁ = 1, u_{n+1} = U + u_n (1 − U) e^(−Δ/τ_F), R_{n+1} = 1 + (R_n − u_n R_n − 1) e^(−Δ/τ_rec);
     * with τ_F = 0, u_n = U.
     *
     * @param times presynaptic spike times, increasing
     * @return u_n R_n for each spike
     */
    public static double[] mwt98(double bigU, double tauRec, double tauF, double[] times) {
        double[] out = new double[times.length];
        double u = bigU;
        double r = 1;
        for (int n = 0; n < times.length; n++) {
            if (n > 0) {
                double gap = times[n] - times[n - 1];
                double facil = tauF == 0 ? 0 : Math.exp(-gap / tauF);
                double rNext = 1 + (r - u * r - 1) * Math.exp(-gap / tauRec);
                u = bigU + u * (1 - bigU) * facil;
                r = rNext;
            }
            out[n] = u * r;
        }
        return out;
    }

    /**
     * The LIF firing rate under a constant drive (Gerstner &amp; Kistler 2002, Eq. 4.11 with a reset
     * below threshold): with the drive's steady potential μ above rest and τ the membrane time constant,
     * T = τ ln((μ − V_reset)/(μ − θ)) from reset to threshold, rate = 1/(t_ref + T), 0 when μ ≤ θ.
     *
     * @param tauMs effective membrane time constant
     * @param muMv the potential the drive would hold V at without a threshold
     * @param thetaMv threshold
     * @param resetMv reset
     * @param refMs absolute refractory period
     * @return the rate in Hz
     */
    public static double lifRateHz(double tauMs, double muMv, double thetaMv, double resetMv, double refMs) {
        if (muMv <= thetaMv) {
            return 0;
        }
        return 1000.0 / (refMs + tauMs * Math.log((muMv - resetMv) / (muMv - thetaMv)));
    }

    /**
     * The Siegert formula: the rate of a LIF neuron driven by white noise, τ dV/dt = −(V − μ) + σ√τ η(t)
     * (so the free potential has mean μ and standard deviation σ/√2), the diffusion limit of many
     * small Poisson inputs: ν inputs per ms of jump J give μ = V_rest + J ν τ and σ² = J² ν τ
     * (Siegert 1951; Brunel 2000, J Comput Neurosci 8:183, Eq. 21):
     * 1/ν = t_ref + τ √π ∫ from (V_r − μ)/σ to (θ − μ)/σ of e^(u²)(1 + erf u) du.
     * Valid when each input's jump J is small against σ and against θ − V_r, and synaptic currents
     * are fast against τ.
     *
     * @return the rate in Hz
     */
    public static double siegertHz(double tauMs, double muMv, double sigmaMv, double thetaMv, double resetMv, double refMs) {
        double lo = (resetMv - muMv) / sigmaMv;
        double hi = (thetaMv - muMv) / sigmaMv;
        int n = 20000;
        double h = (hi - lo) / n;
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            double u = lo + k * h;
            double weight = k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += weight * integrand(u);
        }
        double integral = sum * h / 3;
        return 1000.0 / (refMs + tauMs * Math.sqrt(Math.PI) * integral);
    }

    /** e^(u²)(1 + erf u) = e^(u²) erfc(−u), computed without overflow or cancellation. */
    private static double integrand(double u) {
        if (u < -5) {
            // asymptotic series of the scaled complementary error function of |u|
            double a = -u;
            double inv = 1 / (2 * a * a);
            return (1 - inv + 3 * inv * inv - 15 * inv * inv * inv) / (a * Math.sqrt(Math.PI));
        }
        return Math.exp(u * u) * Erf.erfc(-u);
    }

    /**
     * Times that the calcium of a pairing protocol spends above two thresholds, computed exactly:
     * calcium jumps by C_pre a delay D after each presynaptic spike and by C_post at each postsynaptic
     * one and decays with τ_Ca between jumps, so it falls monotonically between jumps and each
     * stretch's time above θ is min(stretch, τ_Ca ln(c/θ)).
     *
     * @return {time above θ_d, time above θ_p} in ms
     */
    public static double[] timeAbove(double tauCa, double cPre, double cPost, double delay, double thetaD, double thetaP,
                                     double[] pre, double[] post) {
        List<double[]> jumps = new ArrayList<>();
        for (double t : pre) {
            jumps.add(new double[] {t + delay, cPre});
        }
        for (double t : post) {
            jumps.add(new double[] {t, cPost});
        }
        jumps.sort((a, b) -> Double.compare(a[0], b[0]));
        double c = 0;
        double[] above = new double[2];
        for (int k = 0; k < jumps.size(); k++) {
            c += jumps.get(k)[1];
            double stretch = k + 1 < jumps.size() ? jumps.get(k + 1)[0] - jumps.get(k)[0] : Double.POSITIVE_INFINITY;
            above[0] += c > thetaD ? Math.min(stretch, tauCa * Math.log(c / thetaD)) : 0;
            above[1] += c > thetaP ? Math.min(stretch, tauCa * Math.log(c / thetaP)) : 0;
            c *= Math.exp(-Math.min(stretch, 1e9) / tauCa);
        }
        return above;
    }

    /**
     * Graupner &amp; Brunel 2012's approximation of the transition probabilities: neglecting the
     * cubic term during the protocol and spreading the drive over the time calcium spends above the
     * thresholds (t_d above θ_d, t_p above θ_p), ρ is an Ornstein-Uhlenbeck process. With
     * Γ_d = γ_d t_d and Γ_p = γ_p t_p it relaxes towards ρ̄ = Γ_p/(Γ_p + Γ_d) by the factor
     * e = exp(−(Γ_p + Γ_d)/τ), and its variance grows to σ_ρ² (1 − e²) with
     * σ_ρ² = σ² (t_p + t_d) / (2 (Γ_p + Γ_d)) (the noise σ√τ√(Θ_p + Θ_d) η of the model, integrated).
     * P_UP is the chance that a synapse starting at 0 ends above ρ*, P_DOWN that one starting at 1
     * ends below it.
     *
     * @param tdMs time above θ_d
     * @param tpMs time above θ_p
     * @param tauMs the time constant τ of ρ, in ms
     * @return {P_UP, P_DOWN}
     */
    public static double[] transitionProbabilities(double tdMs, double tpMs, double gammaD, double gammaP, double sigma,
                                                   double tauMs, double rhoStar) {
        double gd = gammaD * tdMs;
        double gp = gammaP * tpMs;
        double rate = gd + gp;
        double rhoBar = gp / rate;
        double e = Math.exp(-rate / tauMs);
        double var = sigma * sigma * (tdMs + tpMs) / (2 * rate) * (1 - e * e);
        double sd = Math.sqrt(var);
        double meanFromDown = rhoBar * (1 - e);
        double meanFromUp = rhoBar + (1 - rhoBar) * e;
        double pUp = 0.5 * Erf.erfc((rhoStar - meanFromDown) / (sd * Math.sqrt(2)));
        double pDown = 0.5 * Erf.erfc((meanFromUp - rhoStar) / (sd * Math.sqrt(2)));
        return new double[] {pUp, pDown};
    }

    /**
     * One presentation of Krotov &amp; Hopfield's rule (2019, PNAS 116:7723, Eq. 3 with the ranking of
     * their Eqs. 9-10 and R = 1): with ⟨W_μ, v⟩_μ = Σ_i sign(W_μi)|W_μi|^(p−1) v_i, the unit with the
     * largest ⟨W_μ, v⟩_μ gets g = 1, the one ranked k-th g = −Δ, the others 0, and
     * ΔW_μi = η g_μ (v_i − ⟨W_μ, v⟩_μ W_μi). Ties are broken towards the lower index.
     *
     * @param w weights, one row per hidden unit; changed in place
     */
    public static void krotovHopfield(double[][] w, double[] v, double p, int k, double delta, double eta) {
        int n = w.length;
        double[] drive = new double[n];
        Integer[] order = new Integer[n];
        for (int mu = 0; mu < n; mu++) {
            order[mu] = mu;
            for (int i = 0; i < v.length; i++) {
                drive[mu] += Math.signum(w[mu][i]) * Math.pow(Math.abs(w[mu][i]), p - 1) * v[i];
            }
        }
        java.util.Arrays.sort(order, (a, b) -> drive[a] != drive[b] ? Double.compare(drive[b], drive[a]) : Integer.compare(a, b));
        double[] g = new double[n];
        g[order[0]] = 1;
        if (n >= k) {
            g[order[k - 1]] = -delta;
        }
        for (int mu = 0; mu < n; mu++) {
            if (g[mu] != 0) {
                for (int i = 0; i < v.length; i++) {
                    w[mu][i] += eta * g[mu] * (v[i] - drive[mu] * w[mu][i]);
                }
            }
        }
    }
}
