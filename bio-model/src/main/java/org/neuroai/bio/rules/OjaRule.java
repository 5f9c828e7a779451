package org.neuroai.bio.rules;

import java.util.List;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Oja's rule: Hebbian growth with a decay that keeps the weight vector's norm at one.
 *
 * <pre>
 *   Δw_ij = η · y_i · (x_j − y_i · w_ij)
 * </pre>
 *
 * <p>For a linear unit y = w·x fed zero-mean inputs with covariance C, w converges to ± the unit
 * eigenvector of C with the largest eigenvalue, and ||w|| → 1 (E. Oja 1982, "A simplified neuron
 * model as a principal component analyzer", J. Math. Biol. 15:267-273). Each unit of a layer
 * learns independently, so every unit finds the same first component; Sanger's rule
 * ({@link GhaRule}) is the version that separates them.
 *
 * <p>Parameters: {@code eta}, the learning rate per presentation (dimensionless; stable while
 * η·λ_max is well below 1).
 */
public final class OjaRule implements PlasticityRule {
    @Override
    public String name() {
        return "oja";
    }

    @Override
    public String description() {
        return "Oja 1982: normalised Hebb, one unit finds the first principal component";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("eta", 0.005, 1.0, "1", "learning rate per presentation"));
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        return new Plasticity() {
            @Override
            public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                for (int i = 0; i < w.length; i++) {
                    double y = post[i];
                    double[] wi = w[i];
                    double ey = eta * y;
                    for (int j = 0; j < wi.length; j++) {
                        wi[j] += ey * (pre[j] - y * wi[j]);
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
