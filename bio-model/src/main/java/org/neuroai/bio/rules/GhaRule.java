package org.neuroai.bio.rules;

import java.util.List;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Sanger's generalised Hebbian algorithm (GHA): Oja's rule with a Gram-Schmidt-like ordering, so
 * k linear units find the first k principal components in order.
 *
 * <pre>
 *   Δw_ij = η · y_i · (x_j − Σ_{k ≤ i} y_k · w_kj)
 * </pre>
 *
 * <p>Unit i sees the input minus what units 0..i reconstruct, so it learns the leading eigenvector
 * of what the earlier units leave. The rows of W converge to the top k unit eigenvectors of the
 * input covariance, in decreasing order of eigenvalue (T. D. Sanger 1989, "Optimal unsupervised
 * learning in a single-layer linear feedforward neural network", Neural Networks 2:459-473).
 * The rule is local in the sense that the correction term uses only the unit's own input and the
 * outputs of units with a lower index (lateral signals).
 *
 * <p>Parameters: {@code eta}, the learning rate per presentation (dimensionless).
 */
public final class GhaRule implements PlasticityRule {
    @Override
    public String name() {
        return "gha";
    }

    @Override
    public String description() {
        return "Sanger 1989 generalised Hebbian algorithm: k units find the top-k principal components";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("eta", 0.005, 1.0, "1", "learning rate per presentation"));
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        double[] acc = new double[nPre];
        return new Plasticity() {
            @Override
            public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                java.util.Arrays.fill(acc, 0);
                for (int i = 0; i < w.length; i++) {
                    double y = post[i];
                    double[] wi = w[i];
                    double ey = eta * y;
                    // one pass: each element's accumulator takes the weight before the weight changes, so this
                    // is the two-pass form (sum over k <= i first, then the step) operation for operation
                    for (int j = 0; j < wi.length; j++) {
                        double a = acc[j] + y * wi[j];
                        acc[j] = a;
                        wi[j] += ey * (pre[j] - a);
                    }
                }
            }

            @Override
            public void reset() {
                // stateless: the accumulator is scratch space
            }
        };
    }
}
