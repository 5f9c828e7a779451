package org.neuroai.bio.rules;

import java.util.List;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Krotov and Hopfield's rule for hidden units that compete for their inputs: Hebbian learning for
 * the unit driven hardest by an input, anti-Hebbian learning for the unit ranked k-th, nothing for
 * the others, with a decay that keeps each unit's weights on the unit sphere of the Lebesgue
 * p-norm.
 *
 * <pre>
 *   I_μ    = Σ_i |W_μi|^(p−2) W_μi v_i                      the current into hidden unit μ
 *   g_μ    = 1 for the unit with the largest current,
 *            −Δ for the unit with the k-th largest, 0 for every other unit
 *   ΔW_μi  = η g_μ (v_i − I_μ W_μi)
 * </pre>
 *
 * <p>D. Krotov and J. J. Hopfield 2019, "Unsupervised learning by competing hidden units", PNAS
 * 116:7723-7731, eq. 3 with the ranking g of eqs. 9-10 (the steady state of their global
 * inhibition) and R = 1. A unit that keeps winning moves towards the inputs it wins, and since
 * Σ_i |W_μi|^(p−2) W_μi ΔW_μi = η g_μ I_μ (1 − ‖W_μ‖_p^p), the change of ‖W_μ‖_p^p is
 * p η g_μ I_μ (1 − ‖W_μ‖_p^p) to first order in η: the norm relaxes to 1 whenever the unit wins
 * with a positive current, whatever the inputs. The k-th unit is pushed away from the input,
 * which keeps units from crowding onto the same inputs. Their MNIST network used p = 3, k = 7,
 * Δ = 0.4 (the defaults here) with 2000 hidden units.
 *
 * <p>The rule is local in the paper's sense: unit μ's change uses only its own weights, the input
 * v, its own current I_μ and its rank signal g_μ; the ranking is the only thing the units share
 * (the global inhibition). The rule computes the currents itself from the weights and the input,
 * so it ignores the {@code post} activity a layer hands it (for p = 2 and linear units the two are the same).
 * With fewer than k units no unit is ranked k-th and learning is purely Hebbian. Ties in the
 * ranking go to the unit with the lower index.
 *
 * <p>Parameters: {@code eta}, the learning rate per presentation (dimensionless; the decay stays
 * stable while η·I_μ is well below 1); {@code p}, the Lebesgue exponent (dimensionless, ≥ 2);
 * {@code k}, the rank that learns anti-Hebbian (≥ 2); {@code delta}, the strength Δ of that
 * anti-Hebbian learning relative to the winner's (dimensionless). To train a large layer on
 * minibatches, as the paper does, see {@link org.neuroai.bio.network.CompetingLayer}.
 */
public final class KrotovHopfieldRule implements PlasticityRule {
    @Override
    public String name() {
        return "krotov-hopfield";
    }

    @Override
    public String description() {
        return "Krotov & Hopfield 2019: competing hidden units, Hebbian winner, anti-Hebbian k-th, weights on the unit p-sphere";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("eta", 0.02, 1.0, "1", "learning rate per presentation"),
                ParamSpec.real("p", 3.0, 2.0, 10.0, "1", "Lebesgue exponent of the weight norm"),
                ParamSpec.integer("k", 7, 2, 100_000, "rank of the unit that learns anti-Hebbian"),
                ParamSpec.real("delta", 0.4, 0.0, 1.0, "1", "strength of the anti-Hebbian learning"));
    }

    /**
     * The factor a synapse contributes to its unit's current per unit of input: |w|^(p−2) w.
     *
     * @param w the weight
     * @param p the Lebesgue exponent
     * @return |w|^(p−2) w
     */
    public static double synapticFactor(double w, double p) {
        if (p == 2) {
            return w;
        }
        if (p == 3) {
            return w * Math.abs(w);
        }
        return Math.copySign(Math.pow(Math.abs(w), p - 1), w);
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        double p = params.real("p");
        int k = params.integer("k");
        double delta = params.real("delta");
        double[] current = new double[nPost];
        return new Plasticity() {
            @Override
            public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                int first = -1;
                for (int m = 0; m < w.length; m++) {
                    double[] wm = w[m];
                    double s = 0;
                    for (int i = 0; i < wm.length; i++) {
                        s += synapticFactor(wm[i], p) * pre[i];
                    }
                    current[m] = s;
                    if (first < 0 || s > current[first]) {
                        first = m;
                    }
                }
                learn(w[first], pre, current[first], eta);
                if (w.length >= k) {
                    int kth = kthLargest(current, k);
                    learn(w[kth], pre, current[kth], -delta * eta);
                }
            }

            @Override
            public void reset() {
                // stateless: the currents are scratch space
            }
        };
    }

    /** W_μ += rate (v − I_μ W_μ). */
    private static void learn(double[] wm, double[] v, double current, double rate) {
        for (int i = 0; i < wm.length; i++) {
            wm[i] += rate * (v[i] - current * wm[i]);
        }
    }

    /**
     * The index of the k-th largest value, ties going to the lower index: the unit with exactly
     * k − 1 others ranked before it, where μ is ranked before ν when I_μ &gt; I_ν, or I_μ = I_ν and
     * μ &lt; ν.
     */
    static int kthLargest(double[] values, int k) {
        for (int m = 0; m < values.length; m++) {
            int before = 0;
            for (int n = 0; n < values.length && before < k; n++) {
                if (values[n] > values[m] || (values[n] == values[m] && n < m)) {
                    before++;
                }
            }
            if (before == k - 1) {
                return m;
            }
        }
        throw new IllegalArgumentException("fewer than " + k + " values");
    }
}
