package org.neuroai.bio.rules;

import java.util.List;
import java.util.Map;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * A three-factor rule in rate form: the coincidence of presynaptic and postsynaptic activity
 * leaves an eligibility trace at the synapse, and a neuromodulator (dopamine, say) that arrives
 * later turns the trace into a change of weight (Frémaux &amp; Gerstner 2016, "Neuromodulated
 * spike-timing-dependent plasticity, and theory of three-factor learning rules", Front. Neural
 * Circuits 9:85):
 * <pre>
 *   e_ij ← δ e_ij + (1 − δ) post_i pre_j        (the first two factors, at every presentation)
 *   Δw_ij = η M_i e_ij                          (the third factor M)
 * </pre>
 * It is the rule of both elements of Barto, Sutton &amp; Anderson's (1983, IEEE Trans. Syst. Man
 * Cybern. SMC-13:834) actor-critic: the associative search element (ASE: post is the action the
 * unit took, M the critic's internal reinforcement, δ = 0.9) and the adaptive critic element (ACE:
 * post is 1, so the trace is the input's own trace, with λ = 0.8 in place of δ).
 *
 * <p>The third factor arrives where a supervised rule's target does: {@code target[i]} is the
 * modulator that unit i's synapses see (a global modulator is the same number for every unit), so
 * that the rule runs in any layer. Parameters: {@code eta} η, the learning rate per presentation
 * (dimensionless; BSA used α = 1000 for the ASE, β = 0.5 for the ACE); {@code decay} δ, the
 * trace's decay per presentation (dimensionless, in [0, 1); a time constant of −Δt/ln δ).
 * Probe {@code eligibility}: every synapse's trace, row by row.
 */
public final class ThreeFactorRule implements PlasticityRule {
    /** Probe: every synapse's eligibility trace, row-major. */
    public static final String ELIGIBILITY = "eligibility";

    @Override
    public String name() {
        return "three-factor";
    }

    @Override
    public String description() {
        return "three-factor rule (Fremaux & Gerstner 2016): e <- decay e + (1-decay) post pre, dw = eta M e, M the target";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("eta", 0.5, 1e6, "1", "learning rate per presentation"),
                ParamSpec.real("decay", 0.9, 0, 0.999999, "1", "the eligibility trace's decay per presentation"));
    }

    /** The third factor is given as the target of every presentation. */
    @Override
    public boolean supervised() {
        return true;
    }

    @Override
    public List<String> probeable() {
        return List.of(ELIGIBILITY);
    }

    @Override
    public Trace create(Params params, int nPre, int nPost) {
        return new Trace(params.real("decay"), nPre, nPost);
    }

    /** The per-layer state: one eligibility trace per synapse. */
    public static final class Trace implements Plasticity {
        private final double decay;
        private final double[][] e;

        Trace(double decay, int nPre, int nPost) {
            this.decay = decay;
            this.e = new double[nPost][nPre];
        }

        @Override
        public void update(double[][] w, double[] pre, double[] post, double[] modulator, double eta) {
            for (int i = 0; i < w.length; i++) {
                double[] ei = e[i];
                double[] wi = w[i];
                double p = (1 - decay) * post[i];
                double m = modulator == null ? 0 : eta * modulator[i];
                for (int j = 0; j < ei.length; j++) {
                    ei[j] = decay * ei[j] + p * pre[j];
                    wi[j] += m * ei[j];
                }
            }
        }

        @Override
        public void reset() {
            for (double[] row : e) {
                java.util.Arrays.fill(row, 0);
            }
        }

        @Override
        public Map<String, double[]> probe() {
            double[] flat = new double[e.length * (e.length == 0 ? 0 : e[0].length)];
            for (int i = 0; i < e.length; i++) {
                System.arraycopy(e[i], 0, flat, i * e[i].length, e[i].length);
            }
            return Map.of(ELIGIBILITY, flat);
        }
    }
}
