package org.neuroai.bio.rules;

import java.util.List;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.Activation;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Rosenblatt's perceptron rule: a threshold unit changes its weights only when it is wrong.
 *
 * <pre>
 *   y_i = 1 if Σ_j w_ij x_j ≥ 0, else 0
 *   Δw_ij = η · (t_i − y_i) · x_j
 * </pre>
 *
 * <p>Targets t are 0 or 1. The rule is error-correcting: a correct answer changes nothing, a miss
 * adds η x, a false alarm subtracts it. A constant input of 1 (the layer's bias) makes the
 * threshold learnable (F. Rosenblatt 1958, "The perceptron: a probabilistic model for information
 * storage and organization in the brain", Psychol. Rev. 65:386-408). If some unit vector u
 * separates the classes with margin γ (u·x ≥ γ for targets 1, ≤ −γ for targets 0) and every input
 * has norm at most R, the rule started from w = 0 makes at most (R/γ)² mistakes, whatever η and the
 * order of presentation (the perceptron convergence theorem; A. B. J. Novikoff 1962, "On
 * convergence proofs on perceptrons", Symp. Math. Theory of Automata 12:615-622). When no such u
 * exists, as for XOR (Minsky &amp; Papert 1969, <i>Perceptrons</i>), it never stops making mistakes.
 *
 * <p>The rule thresholds the unit's summed input itself, as {@link Activation#THRESHOLD} does, so
 * it learns as a perceptron whatever the layer's units; give the layer threshold units so that its
 * outputs are the perceptron's answers.
 *
 * <p>Parameters: {@code eta} η, the learning rate per presentation (dimensionless; from w = 0 it
 * only scales the weights, not the answers).
 */
public final class PerceptronRule implements PlasticityRule {
    @Override
    public String name() {
        return "perceptron";
    }

    @Override
    public String description() {
        return "Rosenblatt 1958 perceptron, supervised: dw = eta (t - y) x with threshold units";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("eta", 0.1, 10.0, "1", "learning rate per presentation"));
    }

    @Override
    public boolean supervised() {
        return true;
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        return new ErrorCorrection(Activation.THRESHOLD);
    }
}
