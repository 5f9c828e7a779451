package org.neuroai.bio.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * The BCM rule: Hebbian change whose sign depends on whether the response is above or below a
 * threshold that itself slides with the unit's recent activity.
 *
 * <pre>
 *   Δw_ij = η · x_j · y_i · (y_i − θ_i)
 *   θ_i  ← θ_i + (y_i² − θ_i) / τ_θ          (after each presentation)
 * </pre>
 *
 * <p>E. L. Bienenstock, L. N. Cooper &amp; P. W. Munro 1982, "Theory for the development of
 * neuron selectivity: orientation specificity and binocular interaction in visual cortex",
 * J. Neurosci. 2:32-48, in the form of N. Intrator &amp; L. N. Cooper 1992, "Objective function
 * formulation of the BCM theory of visual cortical plasticity", Neural Networks 5:3-17, where
 * θ is the running average of y² (here an exponential average over τ_θ presentations). A
 * response above θ potentiates the active synapses, one below it depresses them; as a unit
 * responds more, θ rises faster than the response (as y²), which stabilises the weights without
 * a normalisation.
 *
 * <p>With K linearly independent patterns presented with probability 1/K each, the stable fixed
 * points are selective: the unit responds to one pattern with y = θ = K and to every other one
 * with 0 (the mean drift Σ_k x^k y_k (y_k − θ) / K vanishes only when every y_k is 0 or θ, and
 * θ = E[y²] then gives y = K for a single non-zero response; states with several non-zero
 * responses are unstable). This needs θ faster than the weights, τ_θ well below the weights'
 * time constant 1/(η ||x||²), yet slow enough to average over many presentations.
 *
 * <p>Parameters: {@code eta}, the learning rate per presentation (dimensionless, for inputs of
 * about unit norm); {@code tau_theta}, the time constant of the threshold in presentations;
 * {@code theta0}, the threshold before the first presentation (in units of y², as θ is compared
 * with y in the rule it reads as a response level). The units may be linear or rectified (the
 * layer decides); θ is the rule's state, one per unit, probed as "theta".
 */
public final class BcmRule implements PlasticityRule {
    @Override
    public String name() {
        return "bcm";
    }

    @Override
    public String description() {
        return "Bienenstock-Cooper-Munro 1982 (Intrator-Cooper 1992 form): Hebb with a sliding threshold, units become selective";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("eta", 0.005, 1.0, "1", "learning rate per presentation"),
                ParamSpec.real("tau_theta", 50, 1, 1e9, "presentations",
                        "time constant of the sliding threshold (running average of y^2)"),
                ParamSpec.real("theta0", 0, 0, 1e6, "y^2", "threshold before the first presentation"));
    }

    /** θ, one per unit. */
    @Override
    public List<String> probeable() {
        return List.of("theta");
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        double rate = 1.0 / params.real("tau_theta");
        double theta0 = params.real("theta0");
        double[] theta = new double[nPost];
        Arrays.fill(theta, theta0);
        return new Plasticity() {
            @Override
            public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                for (int i = 0; i < w.length; i++) {
                    double y = post[i];
                    double[] wi = w[i];
                    double g = eta * y * (y - theta[i]);
                    for (int j = 0; j < wi.length; j++) {
                        wi[j] += g * pre[j];
                    }
                    theta[i] += rate * (y * y - theta[i]);
                }
            }

            @Override
            public void reset() {
                Arrays.fill(theta, theta0);
            }

            @Override
            public Map<String, double[]> probe() {
                return Map.of("theta", theta.clone());
            }
        };
    }
}
