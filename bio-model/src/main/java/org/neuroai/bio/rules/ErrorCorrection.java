package org.neuroai.bio.rules;

import org.neuroai.bio.Plasticity;
import org.neuroai.bio.Activation;

/**
 * The error-correcting update shared by the perceptron and the delta rule,
 * Δw_ij = η (t_i − f(Σ_k w_ik x_k)) x_j: each unit compares its own answer with its target. The
 * rules differ only in the unit f that gives the answer (threshold or linear), which the rule
 * fixes whatever unit type the layer has, so that each learns as its equation says.
 */
final class ErrorCorrection implements Plasticity {
    private final Activation unit;

    ErrorCorrection(Activation unit) {
        this.unit = unit;
    }

    @Override
    public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
        for (int i = 0; i < w.length; i++) {
            double[] wi = w[i];
            double s = 0;
            for (int j = 0; j < wi.length; j++) {
                s += wi[j] * pre[j];
            }
            double err = target[i] - unit.apply(s);
            if (err != 0) {
                double e = eta * err;
                for (int j = 0; j < wi.length; j++) {
                    wi[j] += e * pre[j];
                }
            }
        }
    }

    @Override
    public void reset() {
        // stateless
    }
}
