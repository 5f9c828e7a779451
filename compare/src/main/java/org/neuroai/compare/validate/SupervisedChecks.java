package org.neuroai.compare.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.knowm.xchart.XYChart;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.Palette;

/**
 * The error-correcting rules against their theorems, driven sample by sample through the rule's
 * own update: Rescorla-Wagner's blocking and overshadowing against the closed forms, the
 * perceptron's mistake bound on a separable set, and the delta rule's limit, the least-squares
 * solution (from commons-math's QR decomposition).
 */
final class SupervisedChecks {
    private SupervisedChecks() {}

    static void run(Path out, Models m, List<Check> checks) throws IOException {
        XYChart rw = rescorlaWagner(m, checks);
        XYChart perceptron = perceptron(m, checks);
        XYChart delta = delta(m, checks);
        new PanelFigure("Error-correcting rules against their theorems", "Rescorla & Wagner 1972; Novikoff 1962; Widrow & Hoff 1960",
                List.of(rw, perceptron, delta), 3, 420, 360).save(out, "supervised_rules");
    }

    /**
     * Kamin's blocking: 100 trials of A+ then 100 of AB+ (α = 0.5, β = 0.2). During the compound
     * phase the summed strength S = V_A + V_B closes its gap to λ by the factor (1 − 2αβ) per trial and
     * each cue takes half, so V_B = (λ − V_A,1)(1 − (1 − 2αβ)^100)/2 with V_A,1 = λ(1 − (1 − αβ)^100):
     * about 1e-5, blocked. Overshadowing: 300 trials of AB+ with saliences α_A = 0.5, α_B = 0.1: the
     * increments keep V_A/V_B = α_A/α_B and the sum reaches λ, so V_A → λ α_A/(α_A + α_B),
     * V_B → λ α_B/(α_A + α_B).
     */
    private static XYChart rescorlaWagner(Models m, List<Check> checks) {
        PlasticityRule rule = m.rate("rescorla-wagner");
        double beta = 0.2;
        double alpha = 0.5;
        Plasticity p = rule.create(rule.params(Map.of("eta", beta, "alpha", alpha), "validate"), 2, 1);
        double[][] w = new double[1][2];
        double[] vb = new double[201];
        double[] va = new double[201];
        for (int t = 0; t < 200; t++) {
            double[] x = t < 100 ? new double[] {1, 0} : new double[] {1, 1};
            p.update(w, x, new double[] {w[0][0] * x[0] + w[0][1] * x[1]}, new double[] {1}, beta);
            va[t + 1] = w[0][0];
            vb[t + 1] = w[0][1];
        }
        double va1 = 1 - Math.pow(1 - alpha * beta, 100);
        double blocked = (1 - va1) * (1 - Math.pow(1 - 2 * alpha * beta, 100)) / 2;
        checks.add(new Check("Kamin 1969 blocking (Rescorla & Wagner 1972): V_B after 100 A+ then 100 AB+ trials", "rescorla-wagner",
                "closed form " + String.format(Locale.ROOT, "%.3g", blocked) + " ± 1e-12 (a trained B alone would reach 1)", w[0][1],
                String.format(Locale.ROOT, "%.1e", Math.abs(w[0][1] - blocked)), Math.abs(w[0][1] - blocked) <= 1e-12, "supervised_rules",
                Check.Role.THEORY));
        Plasticity q = rule.create(rule.params(Map.of("eta", beta, "alphas", "0.5,0.1"), "validate"), 2, 1);
        double[][] v = new double[1][2];
        for (int t = 0; t < 300; t++) {
            q.update(v, new double[] {1, 1}, new double[] {v[0][0] + v[0][1]}, new double[] {1}, beta);
        }
        double[] expected = {0.5 / 0.6, 0.1 / 0.6};
        for (int j = 0; j < 2; j++) {
            checks.add(new Check("Overshadowing (Rescorla & Wagner 1972): V_" + (j == 0 ? "A" : "B") + " after 300 AB+ trials, α_A = 0.5, α_B = 0.1",
                    "rescorla-wagner", String.format(Locale.ROOT, "λ α/(α_A + α_B) = %.4f ± 1e-6", expected[j]), v[0][j],
                    String.format(Locale.ROOT, "%.1e", Math.abs(v[0][j] - expected[j])), Math.abs(v[0][j] - expected[j]) <= 1e-6,
                    "supervised_rules", Check.Role.THEORY));
        }
        double[] trials = new double[201];
        for (int t = 0; t <= 200; t++) {
            trials[t] = t;
        }
        XYChart c = Charts.panel("Blocking: A+ for 100 trials, then AB+", "trial", "associative strength V");
        Charts.roundXTicks(c, 0, 200, 0.5);
        Charts.line(c, "V_A", trials, va, Palette.BLUE, 2f);
        Charts.line(c, "V_B (blocked)", trials, vb, Palette.VERMILLION, 2f);
        return c;
    }

    /**
     * Novikoff 1962: on 200 points in 10 dimensions separated through the origin by a unit vector u
     * with margin γ (|u·x| ≥ γ) and radius R (|x| ≤ R), the perceptron started at w = 0 makes at most
     * (R/γ)² mistakes before it classifies every point, whatever the order.
     */
    private static XYChart perceptron(Models m, List<Check> checks) {
        PlasticityRule rule = m.rate("perceptron");
        SplittableRandom r = new SplittableRandom(11);
        int d = 10;
        double[] u = new double[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            u[j] = r.nextDouble() - 0.5;
            norm += u[j] * u[j];
        }
        for (int j = 0; j < d; j++) {
            u[j] /= Math.sqrt(norm);
        }
        double gamma = 0.1;
        double[][] x = new double[200][];
        double[] t = new double[200];
        double radius = 0;
        for (int i = 0; i < x.length; i++) {
            double[] xi;
            double proj;
            do {
                xi = new double[d];
                for (int j = 0; j < d; j++) {
                    xi[j] = 2 * r.nextDouble() - 1;
                }
                proj = dot(u, xi);
            } while (Math.abs(proj) < gamma);
            x[i] = xi;
            t[i] = proj > 0 ? 1 : 0;
            radius = Math.max(radius, Math.sqrt(dot(xi, xi)));
        }
        double bound = (radius / gamma) * (radius / gamma);
        Plasticity p = rule.create(rule.params(Map.of(), "validate"), d, 1);
        double[][] w = new double[1][d];
        int mistakes = 0;
        int epochs = 0;
        List<Double> curve = new java.util.ArrayList<>();
        boolean clean = false;
        while (!clean && mistakes <= 2 * bound) {
            clean = true;
            for (int i = 0; i < x.length; i++) {
                double y = dot(w[0], x[i]) >= 0 ? 1 : 0;
                if (y != t[i]) {
                    mistakes++;
                    clean = false;
                }
                p.update(w, x[i], new double[] {y}, new double[] {t[i]}, 0.1);
            }
            epochs++;
            curve.add((double) mistakes);
        }
        checks.add(new Check("Novikoff 1962: perceptron mistakes on a separable set (200 points, margin 0.1), from w = 0", "perceptron",
                String.format(Locale.ROOT, "≤ (R/γ)² = %.0f, then none", bound), mistakes, String.format(Locale.ROOT, "%d epochs", epochs),
                clean && mistakes <= bound, "supervised_rules", Check.Role.THEORY));
        double[] e = new double[curve.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = i + 1;
        }
        XYChart c = Charts.panel("Perceptron: mistakes so far", "epoch", "mistakes (cumulative)");
        Charts.line(c, "perceptron", e, curve.stream().mapToDouble(Double::doubleValue).toArray(), Palette.BLUE, 2f);
        Charts.dashed(c, "Novikoff bound (R/γ)²", new double[] {1, Math.max(2, e.length)}, new double[] {bound, bound}, Palette.GREY, true);
        return c;
    }

    /**
     * Widrow &amp; Hoff 1960: with a learning rate falling as η_k = 0.05/(1 + k/10) over epochs k
     * (Σ η = ∞, Σ η² &lt; ∞), the delta rule converges to the least-squares solution of a noisy
     * linear problem (300 samples, 5 inputs and a bias), computed here by QR.
     */
    private static XYChart delta(Models m, List<Check> checks) {
        PlasticityRule rule = m.rate("delta");
        SplittableRandom r = new SplittableRandom(5);
        int n = 300;
        int d = 6;
        double[][] x = new double[n][d];
        double[] t = new double[n];
        double[] truth = {0.5, -1, 2, 0.25, -0.75, 0.3};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d - 1; j++) {
                x[i][j] = 2 * r.nextDouble() - 1;
            }
            x[i][d - 1] = 1;
            t[i] = dot(truth, x[i]) + 0.3 * (r.nextDouble() - 0.5);
        }
        double[] ls = new QRDecomposition(new Array2DRowRealMatrix(x)).getSolver().solve(new ArrayRealVector(t)).toArray();
        Plasticity p = rule.create(rule.params(Map.of(), "validate"), d, 1);
        double[][] w = new double[1][d];
        int epochs = 2000;
        double[] dist = new double[epochs];
        double[] ep = new double[epochs];
        for (int k = 0; k < epochs; k++) {
            double eta = 0.05 / (1 + k / 10.0);
            for (int i = 0; i < n; i++) {
                p.update(w, x[i], new double[] {dot(w[0], x[i])}, new double[] {t[i]}, eta);
            }
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += (w[0][j] - ls[j]) * (w[0][j] - ls[j]);
            }
            dist[k] = Math.max(1e-12, Math.sqrt(s));
            ep[k] = k + 1;
        }
        double scale = Math.sqrt(dot(ls, ls));
        checks.add(new Check("Widrow & Hoff 1960: delta-rule weights against the least-squares solution (QR), falling rate", "delta",
                "‖w − w_LS‖ ≤ 1e-3 ‖w_LS‖", dist[epochs - 1] / scale, String.format(Locale.ROOT, "%.1e relative", dist[epochs - 1] / scale),
                dist[epochs - 1] / scale <= 1e-3, "supervised_rules", Check.Role.THEORY));
        XYChart c = Charts.panel("Delta rule: distance to w_LS", "epoch", "‖w − w_LS‖ (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        Charts.roundXTicks(c, 0, epochs, dist[epochs - 1]);
        Charts.line(c, "η = 0.05/(1 + epoch/10)", ep, dist, Palette.BLUE, 2f);
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
