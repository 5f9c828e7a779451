package org.neuroai.bio.rules;

import java.util.List;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/**
 * The Rescorla-Wagner model of Pavlovian conditioning: every cue present on a trial changes its
 * associative strength by the surprise, the difference between the reinforcement and what all
 * present cues together predict.
 *
 * <pre>
 *   ΔV_j = α_j · β · x_j · (λ − Σ_k V_k x_k)
 * </pre>
 *
 * <p>x_j is 1 when cue j is present and 0 when absent; λ is the target, the magnitude of the
 * unconditioned stimulus on the trial (1 when it comes, 0 when it does not); V_j is the weight from
 * cue j (R. A. Rescorla &amp; A. R. Wagner 1972, "A theory of Pavlovian conditioning: variations in
 * the effectiveness of reinforcement and nonreinforcement", in A. H. Black &amp; W. F. Prokasy
 * (eds.), <i>Classical Conditioning II</i>, Appleton-Century-Crofts, pp. 64-99). A single cue
 * reinforced on every trial acquires V_n = λ (1 − (1 − αβ)^n) and, unreinforced, extinguishes as
 * V_n = V_0 (1 − αβ)^n. Because the error is shared, a cue added to one that already predicts the
 * reinforcement learns almost nothing: Kamin's blocking (L. J. Kamin 1969, "Predictability,
 * surprise, attention, and conditioning", in B. A. Campbell &amp; R. M. Church (eds.),
 * <i>Punishment and Aversive Behavior</i>, pp. 279-296), which Hebbian rules do not show. The
 * model is the delta rule ({@link DeltaRule}) with a learning rate per input (Sutton &amp; Barto
 * 1981, Psychol. Rev. 88:135-170). The rule computes the prediction Σ V_k x_k itself, so it
 * learns the same whatever the layer's units; give the layer linear units so that its outputs are
 * the predictions. Several units learn independently, one per reinforcer.
 *
 * <p>Parameters: {@code eta} β, the learning-rate parameter of the reinforcer (dimensionless, in
 * (0, 1]); {@code alpha} α, the salience of every cue (dimensionless, in (0, 1]); {@code alphas},
 * optionally one salience per input (comma-separated, the bias input included when the layer has
 * one), replacing {@code alpha}. αβ ≤ 1 keeps a single cue from overshooting λ.
 */
public final class RescorlaWagnerRule implements PlasticityRule {
    @Override
    public String name() {
        return "rescorla-wagner";
    }

    @Override
    public String description() {
        return "Rescorla-Wagner 1972, supervised: dV = alpha beta x (lambda - sum V x); blocking, extinction";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("eta", 0.2, 1.0, "1", "beta, the learning-rate parameter of the reinforcer"),
                ParamSpec.positive("alpha", 0.5, 1.0, "1", "salience of every cue"),
                ParamSpec.text("alphas", "", "one salience per input in (0, 1], comma-separated; empty: alpha for every input"));
    }

    @Override
    public boolean supervised() {
        return true;
    }

    /**
     * The salience of each input.
     *
     * @param params resolved parameters
     * @param nPre inputs
     * @return α_j for j = 0..nPre-1
     * @throws UserError when {@code alphas} is not nPre numbers in (0, 1]
     */
    static double[] saliences(Params params, int nPre) {
        String text = params.string("alphas").trim();
        double[] a = new double[nPre];
        if (text.isEmpty()) {
            java.util.Arrays.fill(a, params.real("alpha"));
            return a;
        }
        String[] parts = text.split(",");
        String valid = "; valid is " + nPre + " numbers in (0, 1], comma-separated, one per input.";
        if (parts.length != nPre) {
            throw new UserError("rule 'rescorla-wagner': 'alphas' = '" + text + "' gives " + parts.length
                    + " saliences for " + nPre + " inputs" + valid);
        }
        for (int j = 0; j < nPre; j++) {
            try {
                a[j] = Double.parseDouble(parts[j].trim());
            } catch (NumberFormatException e) {
                a[j] = Double.NaN;
            }
            if (!(a[j] > 0 && a[j] <= 1)) {
                throw new UserError("rule 'rescorla-wagner': invalid salience '" + parts[j].trim() + "' in 'alphas'" + valid);
            }
        }
        return a;
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        double[] alpha = saliences(params, nPre);
        return new Plasticity() {
            @Override
            public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                for (int i = 0; i < w.length; i++) {
                    double[] v = w[i];
                    double prediction = 0;
                    for (int j = 0; j < v.length; j++) {
                        prediction += v[j] * pre[j];
                    }
                    double surprise = eta * (target[i] - prediction);
                    for (int j = 0; j < v.length; j++) {
                        v[j] += alpha[j] * surprise * pre[j];
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
