package org.neuroai.bio.rules;

import java.util.List;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.Activation;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * The Widrow-Hoff delta rule (least mean squares, LMS): each synapse moves down the gradient of
 * the unit's squared error on the current sample.
 *
 * <pre>
 *   y_i = Σ_j w_ij x_j
 *   Δw_ij = η · (t_i − y_i) · x_j        (= −(η/2) ∂(t_i − y_i)² / ∂w_ij)
 * </pre>
 *
 * <p>The error is taken on the unit's linear sum, as in Widrow and Hoff's Adaline, whose answer was
 * the sign of that sum but whose learning used the sum itself (B. Widrow &amp; M. E. Hoff 1960,
 * "Adaptive switching circuits", IRE WESCON Convention Record 4:96-104). With a learning rate that
 * falls to zero (Σ η_t = ∞, Σ η_t² &lt; ∞) the weights converge to the least-squares solution, the
 * solution of the normal equations E[x xᵀ] w = E[x t]; with a constant rate they fluctuate about
 * it. The mean weights converge while η &lt; 2 / λ_max of E[x xᵀ]; the fluctuations stay small
 * while η E||x||² is well below 2 (B. Widrow &amp; S. D. Stearns 1985, <i>Adaptive Signal
 * Processing</i>, Prentice-Hall, ch. 6).
 *
 * <p>The rule computes the summed input itself, so it learns the same whatever the layer's units;
 * give the layer linear units so that its outputs are the least-squares predictions.
 *
 * <p>Parameters: {@code eta} η, the learning rate per presentation (dimensionless).
 */
public final class DeltaRule implements PlasticityRule {
    @Override
    public String name() {
        return "delta";
    }

    @Override
    public String description() {
        return "Widrow-Hoff 1960 delta rule (LMS), supervised: dw = eta (t - y) x with linear units";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("eta", 0.02, 1.0, "1", "learning rate per presentation"));
    }

    @Override
    public boolean supervised() {
        return true;
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        return new ErrorCorrection(Activation.LINEAR);
    }
}
