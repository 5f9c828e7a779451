package org.neuroai.bio.rules;

import java.util.List;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Hopfield's outer-product storage: one-shot Hebbian learning of a pattern of ±1 units.
 *
 * <pre>
 *   Δw_ij = (η / N) · y_i · x_j      for i ≠ j,      w_ii stays 0
 * </pre>
 *
 * <p>Storing a pattern ξ is one presentation with ξ clamped on the units, so pre = post = ξ and
 * Δw_ij = ξ_i ξ_j / N (η = 1). After P patterns, w_ij = (1/N) Σ_μ ξ^μ_i ξ^μ_j: symmetric, with no
 * self-connections, which is what makes the energy of the network fall under asynchronous
 * updates (J. J. Hopfield 1982, "Neural networks and physical systems with emergent collective
 * computational abilities", PNAS 79:2554-2558; Hopfield wrote T_ij = Σ_μ (2V^μ_i − 1)(2V^μ_j − 1)
 * for 0/1 units, the same up to the factor 1/N). With that scale the field on a unit is of order 1
 * whatever N; random patterns are then recalled up to about 0.138 N patterns (D. J. Amit,
 * H. Gutfreund &amp; H. Sompolinsky 1985, "Storing infinite numbers of patterns in a
 * spin-glass model of neural networks", Phys. Rev. Lett. 55:1530-1533). See
 * {@link org.neuroai.bio.network.HopfieldNetwork} for the recall dynamics.
 *
 * <p>N is the number of inputs. The diagonal is kept at zero when the layer is square, where
 * input i and unit i are the same neuron of a recurrent network. In a layer with fewer or more
 * units than inputs the rule is the heteroassociative outer-product (correlation-matrix) memory
 * of the same form (T. Kohonen 1972, "Correlation matrix memories", IEEE Trans. Comput.
 * C-21:353-359).
 *
 * <p>Parameters: {@code eta}, the scale of one storage step (dimensionless; 1 gives Hopfield's
 * prescription, and a constant scale does not change recall, which depends on signs only).
 */
public final class HopfieldRule implements PlasticityRule {
    @Override
    public String name() {
        return "hopfield";
    }

    @Override
    public String description() {
        return "Hopfield 1982: one-shot outer-product storage w_ij += xi_i xi_j / N, zero diagonal";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("eta", 1.0, 1e6, "1", "scale of one storage step (1: w_ij += xi_i xi_j / N)"));
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        boolean recurrent = nPre == nPost;
        double perInput = 1.0 / nPre;
        return new Plasticity() {
            @Override
            public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                double scale = eta * perInput;
                for (int i = 0; i < w.length; i++) {
                    double[] wi = w[i];
                    double g = scale * post[i];
                    for (int j = 0; j < wi.length; j++) {
                        wi[j] += g * pre[j];
                    }
                    if (recurrent) {
                        wi[i] = 0;
                    }
                }
            }

            @Override
            public void reset() {
                // stateless
            }
        };
    }
}
