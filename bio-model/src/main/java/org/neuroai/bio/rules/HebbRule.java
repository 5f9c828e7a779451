package org.neuroai.bio.rules;

import java.util.List;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;
import org.neuroai.core.linalg.Linalg;

/**
 * Hebb's rule: a synapse grows when its input and its unit are active together.
 *
 * <pre>
 *   Δw_ij = η · (y_i · x_j − γ · w_ij)
 * </pre>
 *
 * <p>"When an axon of cell A is near enough to excite a cell B and repeatedly or persistently
 * takes part in firing it, some growth process or metabolic change takes place in one or both
 * cells such that A's efficiency, as one of the cells firing B, is increased" (D. O. Hebb 1949,
 * <i>The Organization of Behavior</i>, Wiley, p. 62). For a linear unit y = w·x on zero-mean
 * inputs with covariance C the mean change is E[Δw] = η (C − γ I) w, so without decay (γ = 0) the
 * weight vector grows without bound, by a factor of about (1 + η λ_max) per presentation, while its
 * direction turns to the principal eigenvector of C; Oja's rule ({@link OjaRule}) is the
 * normalised version that stops the growth.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code decay} γ: passive decay of every weight in proportion to itself; the norm then
 *       grows only along directions with eigenvalue above γ.</li>
 *   <li>{@code normalise}: after each update every unit's weight vector is rescaled to the norm it
 *       had at the first presentation after a reset, so only its direction learns (the explicit
 *       normalisation from which Oja 1982 derived his rule).</li>
 *   <li>{@code clamp}: supervised Hebb. The postsynaptic activity is the target instead of the
 *       unit's own output, as when a teacher (or an unconditioned stimulus) drives the cell:
 *       Δw_ij = η t_i x_j. The weights then become the correlation of input and target,
 *       E[t x] / γ with decay, or grow along it without. Needs a task with targets.</li>
 * </ul>
 *
 * <p>Parameters: {@code eta} η, the learning rate per presentation (dimensionless); {@code decay}
 * γ (dimensionless: a fraction of the weight lost per unit of η); {@code normalise} and
 * {@code clamp}, switches.
 */
public final class HebbRule implements PlasticityRule {
    @Override
    public String name() {
        return "hebb";
    }

    @Override
    public String description() {
        return "Hebb 1949: dw = eta (y x - decay w); optional normalisation, or post clamped to the target";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("eta", 0.01, 1.0, "1", "learning rate per presentation"),
                ParamSpec.real("decay", 0, 0, 100, "1", "weight decay gamma: dw = eta (y x - gamma w)"),
                ParamSpec.flag("normalise", false, "rescale each unit's weight vector to its initial norm after every update"),
                ParamSpec.flag("clamp", false, "use the target as the postsynaptic activity (supervised Hebb)"));
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        double gamma = params.real("decay");
        boolean normalise = params.flag("normalise");
        boolean clamp = params.flag("clamp");
        double[] norm0 = new double[nPost];
        return new Plasticity() {
            private boolean started;

            @Override
            public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                if (clamp && target == null) {
                    throw new UserError("rule 'hebb' with clamp=true takes its postsynaptic activity from the target, "
                            + "but the task gives none; use a task with targets or clamp=false.");
                }
                double[] y = clamp ? target : post;
                if (normalise && !started) {
                    for (int i = 0; i < w.length; i++) {
                        norm0[i] = Linalg.norm(w[i]);
                    }
                }
                started = true;
                for (int i = 0; i < w.length; i++) {
                    double[] wi = w[i];
                    double ey = eta * y[i];
                    double eg = eta * gamma;
                    for (int j = 0; j < wi.length; j++) {
                        wi[j] += ey * pre[j] - eg * wi[j];
                    }
                    if (normalise) {
                        double n = Linalg.norm(wi);
                        if (n > 0) {
                            double s = norm0[i] / n;
                            for (int j = 0; j < wi.length; j++) {
                                wi[j] *= s;
                            }
                        }
                    }
                }
            }

            @Override
            public void reset() {
                started = false;
                java.util.Arrays.fill(norm0, 0);
            }
        };
    }
}
