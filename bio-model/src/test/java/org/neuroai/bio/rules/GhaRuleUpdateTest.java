package org.neuroai.bio.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Plasticity;

/** GhaRule's one-pass update against Sanger's rule written out term by term. */
class GhaRuleUpdateTest {
    /**
     * Δw_ij = η y_i (x_j − Σ_{k ≤ i} y_k w_kj), every term from the weights before the update, the sum
     * over k in increasing order: the straightforward form.
     */
    private static void straightforward(double[][] w, double[] x, double[] y, double eta) {
        double[][] old = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            old[i] = w[i].clone();
        }
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double s = 0;
                for (int k = 0; k <= i; k++) {
                    s += y[k] * old[k][j];
                }
                w[i][j] = old[i][j] + eta * y[i] * (x[j] - s);
            }
        }
    }

    @Test
    void theOnePassUpdateIsSangersRuleExactly() {
        SplittableRandom r = new SplittableRandom(5);
        int units = 7;
        int inputs = 31;
        double eta = 0.01;
        GhaRule rule = new GhaRule();
        Plasticity p = rule.create(rule.params(Map.of("eta", eta), "test"), inputs, units);
        double[][] fast = new double[units][inputs];
        double[][] plain = new double[units][inputs];
        for (int i = 0; i < units; i++) {
            for (int j = 0; j < inputs; j++) {
                fast[i][j] = r.nextDouble(-1, 1);
                plain[i][j] = fast[i][j];
            }
        }
        for (int step = 0; step < 200; step++) {
            double[] x = new double[inputs];
            for (int j = 0; j < inputs; j++) {
                x[j] = r.nextDouble(-1, 1);
            }
            double[] y = new double[units];
            for (int i = 0; i < units; i++) {
                for (int j = 0; j < inputs; j++) {
                    y[i] += fast[i][j] * x[j];
                }
            }
            p.update(fast, x, y, null, eta);
            straightforward(plain, x, y, eta);
            for (int i = 0; i < units; i++) {
                for (int j = 0; j < inputs; j++) {
                    // the same operations in the same order: equal to the last bit
                    assertEquals(plain[i][j], fast[i][j], 0.0, "step " + step + ", w[" + i + "][" + j + "]");
                }
            }
        }
    }
}
