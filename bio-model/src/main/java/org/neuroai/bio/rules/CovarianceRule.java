package org.neuroai.bio.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * Sejnowski's covariance rule: a synapse changes with the product of the fluctuations of its input
 * and its unit about their mean rates.
 *
 * <pre>
 *   Δw_ij = η · (y_i − ⟨y_i⟩) · (x_j − ⟨x_j⟩)
 *   ⟨x_j⟩ ← ⟨x_j⟩ + (x_j − ⟨x_j⟩) / τ,   ⟨y_i⟩ ← ⟨y_i⟩ + (y_i − ⟨y_i⟩) / τ
 * </pre>
 *
 * <p>On average the change is η Cov(y_i, x_j): it strengthens synapses whose input fluctuates with
 * the unit, weakens those that fluctuate against it, and leaves alone those whose fluctuations are
 * uncorrelated, however high their mean rates (plain Hebb would strengthen those too)
 * (T. J. Sejnowski 1977, "Storing covariance with nonlinearly interacting neurons", J. Math. Biol.
 * 4:303-321). The means are running averages with time constant τ; each update uses the means of
 * the presentations before it, so the current sample does not bias its own reference. After a
 * reset the means start from the first presentation, which therefore changes nothing.
 *
 * <p>Parameters: {@code eta} η, the learning rate per presentation (dimensionless); {@code tau}
 * τ, the time constant of the running means, in presentations.
 */
public final class CovarianceRule implements PlasticityRule {
    @Override
    public String name() {
        return "covariance";
    }

    @Override
    public String description() {
        return "Sejnowski 1977 covariance rule: dw = eta (y - <y>)(x - <x>) with running means";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("eta", 0.01, 1.0, "1", "learning rate per presentation"),
                ParamSpec.real("tau", 100, 1, 1e9, "presentations", "time constant of the running mean rates"));
    }

    /** The running means of the inputs and of the outputs. */
    @Override
    public List<String> probeable() {
        return List.of("mean_pre", "mean_post");
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        double rate = 1 / params.real("tau");
        double[] meanPre = new double[nPre];
        double[] meanPost = new double[nPost];
        return new Plasticity() {
            private boolean started;

            @Override
            public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                if (!started) {
                    System.arraycopy(pre, 0, meanPre, 0, nPre);
                    System.arraycopy(post, 0, meanPost, 0, nPost);
                    started = true;
                    return;
                }
                for (int i = 0; i < w.length; i++) {
                    double[] wi = w[i];
                    double dy = eta * (post[i] - meanPost[i]);
                    for (int j = 0; j < wi.length; j++) {
                        wi[j] += dy * (pre[j] - meanPre[j]);
                    }
                }
                for (int j = 0; j < nPre; j++) {
                    meanPre[j] += (pre[j] - meanPre[j]) * rate;
                }
                for (int i = 0; i < nPost; i++) {
                    meanPost[i] += (post[i] - meanPost[i]) * rate;
                }
            }

            @Override
            public void reset() {
                started = false;
                Arrays.fill(meanPre, 0);
                Arrays.fill(meanPost, 0);
            }

            @Override
            public Map<String, double[]> probe() {
                return Map.of("mean_pre", meanPre.clone(), "mean_post", meanPost.clone());
            }
        };
    }
}
