package org.neuroai.core.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/**
 * Bayesian logistic regression given the same samples pass after pass: by Laplace propagation its
 * posterior converges to the batch Laplace approximation (the mode of the posterior given all
 * samples, and the inverse curvature there), computed here independently by Newton's method on
 * all the weights at once; a first pass is the online Laplace approximation; and a sample far on
 * the wrong side of a broad posterior, where plain Newton cycles, gets the mode of its one-sample
 * posterior.
 */
class LogisticPropagationTest {
    /** Overlapping classes: labels from a noisy linear score (or the largest of K noisy scores). */
    private static double[][][] problem(Random r, int n, int d, int units) {
        double[][] x = new double[n][d];
        double[][] y = new double[n][units];
        double[][] w = new double[Math.max(units, 2)][d + 1];
        for (double[] row : w) {
            for (int i = 0; i <= d; i++) {
                row[i] = r.nextGaussian();
            }
        }
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < d; i++) {
                x[s][i] = r.nextGaussian();
            }
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < w.length; k++) {
                double a = w[k][d] + r.nextGaussian();
                for (int i = 0; i < d; i++) {
                    a += w[k][i] * x[s][i];
                }
                if (a > top) {
                    top = a;
                    best = k;
                }
            }
            if (units == 1) {
                y[s][0] = best;
            } else {
                y[s][best] = 1;
            }
        }
        return new double[][][] {x, y};
    }

    /** The mode of the batch posterior and the inverse of its curvature, by damped Newton on all K(d+1) weights. */
    private static double[][] batchLaplace(double[][] x, double[][] y, int units, double priorSd, double[] mode) {
        int dim = x[0].length + 1;
        int size = units * dim;
        double[] w = new double[size];
        double[][] hessian = null;
        for (int it = 0; it < 200; it++) {
            double[] grad = new double[size];
            hessian = new double[size][size];
            for (int p = 0; p < size; p++) {
                grad[p] = w[p] / (priorSd * priorSd);
                hessian[p][p] = 1 / (priorSd * priorSd);
            }
            for (int s = 0; s < x.length; s++) {
                double[] xb = java.util.Arrays.copyOf(x[s], dim);
                xb[dim - 1] = 1;
                double[] pi = probabilities(w, xb, units);
                for (int p = 0; p < size; p++) {
                    int cp = p / dim;
                    grad[p] -= (y[s][cp] - pi[cp]) * xb[p % dim];
                    for (int q = 0; q < size; q++) {
                        int cq = q / dim;
                        double h = units == 1 ? pi[0] * (1 - pi[0]) : (cp == cq ? pi[cp] : 0) - pi[cp] * pi[cq];
                        hessian[p][q] += h * xb[p % dim] * xb[q % dim];
                    }
                }
            }
            double[] step = Gauss.solve(hessian, grad);
            double moved = 0;
            for (int p = 0; p < size; p++) {
                w[p] -= 0.5 * step[p];
                moved = Math.max(moved, Math.abs(step[p]));
            }
            if (moved < 1e-14) {
                break;
            }
        }
        System.arraycopy(w, 0, mode, 0, size);
        return Gauss.inverse(hessian);
    }

    private static double[] probabilities(double[] w, double[] xb, int units) {
        int dim = xb.length;
        double[] a = new double[units];
        for (int k = 0; k < units; k++) {
            for (int i = 0; i < dim; i++) {
                a[k] += w[k * dim + i] * xb[i];
            }
        }
        if (units == 1) {
            return new double[] {1 / (1 + Math.exp(-a[0]))};
        }
        double max = java.util.Arrays.stream(a).max().orElseThrow();
        double z = 0;
        for (int k = 0; k < units; k++) {
            a[k] = Math.exp(a[k] - max);
            z += a[k];
        }
        for (int k = 0; k < units; k++) {
            a[k] /= z;
        }
        return a;
    }

    /** One pass over the samples in a fresh order, each with its id. */
    private static void pass(LogisticLaplace l, double[][] x, double[][] y, Random order) {
        int[] ids = new int[x.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        for (int i = ids.length - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        for (int id : ids) {
            l.learn(new Batch(new double[][] {x[id]}, new double[][] {y[id]}, 0, new int[] {id}, null));
        }
    }

    @Test
    void passesConvergeToTheBatchLaplaceApproximation() {
        Random r = new Random(21);
        for (int units : new int[] {1, 3}) {
            for (int trial = 0; trial < 3; trial++) {
                int d = 2 + r.nextInt(3);
                double priorSd = 1 + 3 * r.nextDouble();
                double[][][] data = problem(r, 80, d, units);
                LogisticLaplace l = new LogisticLaplace("lp", d, units, priorSd, false, 1, true);
                Random order = new Random(trial);
                for (int p = 0; p < 30; p++) {
                    pass(l, data[0], data[1], order);
                }
                double[] mode = new double[units * (d + 1)];
                double[][] cov = batchLaplace(data[0], data[1], units, priorSd, mode);
                double[] m = l.posteriorMean();
                double[][] lc = l.covariance();
                for (int p = 0; p < mode.length; p++) {
                    assertEquals(mode[p], m[p], 1e-8 * (1 + Math.abs(mode[p])), units + " units, mean " + p);
                    for (int q = 0; q < mode.length; q++) {
                        assertEquals(cov[p][q], lc[p][q], 1e-8 * Math.sqrt(cov[p][p] * cov[q][q]), units + " units, covariance " + p + "," + q);
                    }
                }
            }
        }
    }

    @Test
    void withoutPropagationTheSamePassesMissTheBatchPosterior() {
        // the online learner multiplies every likelihood in again: after 30 passes its posterior is
        // that of 30 copies of the data, much narrower than the batch posterior
        Random r = new Random(22);
        double[][][] data = problem(r, 80, 3, 1);
        LogisticLaplace online = new LogisticLaplace("online", 3, 1, 2, false, 1, false);
        Random order = new Random(1);
        for (int p = 0; p < 30; p++) {
            pass(online, data[0], data[1], order);
        }
        double[] mode = new double[4];
        double[][] cov = batchLaplace(data[0], data[1], 1, 2, mode);
        assertTrue(online.covariance()[0][0] < 0.2 * cov[0][0], "online variance " + online.covariance()[0][0] + ", batch " + cov[0][0]);
    }

    @Test
    void aFirstPassIsTheOnlineLaplaceApproximation() {
        Random r = new Random(23);
        double[][][] data = problem(r, 40, 3, 3);
        LogisticLaplace propagated = new LogisticLaplace("lp", 3, 3, 2, false, 1, true);
        LogisticLaplace online = new LogisticLaplace("online", 3, 3, 2, false, 1, false);
        pass(propagated, data[0], data[1], new Random(5));
        pass(online, data[0], data[1], new Random(5));
        assertArrayEquals(online.posteriorMean(), propagated.posteriorMean());
        for (int p = 0; p < 12; p++) {
            assertArrayEquals(online.covariance()[p], propagated.covariance()[p]);
        }
        assertEquals(online.logEvidence(), propagated.logEvidence());
    }

    @Test
    void revisitedSamplesAddNoEvidence() {
        Random r = new Random(24);
        double[][][] data = problem(r, 40, 2, 1);
        LogisticLaplace l = new LogisticLaplace("lp", 2, 1, 2, false, 1, true);
        Random order = new Random(2);
        pass(l, data[0], data[1], order);
        double first = l.logEvidence();
        pass(l, data[0], data[1], order);
        pass(l, data[0], data[1], order);
        assertTrue(first < 0);
        assertEquals(first, l.logEvidence());
        assertEquals(120, l.presentations());
    }

    @Test
    void aSampleFarOnTheWrongSideOfABroadPosteriorGetsItsMode() {
        // prior sd 10 and x = (3, bias 1): after one positive sample at x the activation there is
        // about 5 with variance about 130; a negative sample at the same x then has its mode near
        // a = −2, and full Newton steps from a = 5 jump between 5 and −65 for ever
        for (double[] x : new double[][] {{3}, {3, -2}, {-4}}) {
            int d = x.length;
            LogisticLaplace l = new LogisticLaplace("bl", d, 1, 10, false);
            l.learn(new Batch(new double[][] {x}, new double[][] {{1}}, 0));
            double[] m0 = l.posteriorMean();
            double[][] c0 = l.covariance();
            double[] xb = java.util.Arrays.copyOf(x, d + 1);
            xb[d] = 1;
            double[] sx = new double[d + 1];
            double mu = 0;
            double v = 0;
            for (int i = 0; i <= d; i++) {
                mu += m0[i] * xb[i];
                for (int j = 0; j <= d; j++) {
                    sx[i] += c0[i][j] * xb[j];
                }
                v += xb[i] * sx[i];
            }
            assertTrue(mu > 3 && v > 50, "the case is the hard one: mu " + mu + ", v " + v);
            // the one-sample mode is m0 + Σx c with c = 0 − σ(μ + v c), the root of an increasing function: bisection
            double lo = -1;
            double hi = 0;
            for (int it = 0; it < 200; it++) {
                double c = 0.5 * (lo + hi);
                if (c + 1 / (1 + Math.exp(-(mu + v * c))) > 0) {
                    hi = c;
                } else {
                    lo = c;
                }
            }
            double c = 0.5 * (lo + hi);
            l.learn(new Batch(new double[][] {x}, new double[][] {{0}}, 1));
            double[] m = l.posteriorMean();
            for (int i = 0; i <= d; i++) {
                assertEquals(m0[i] + sx[i] * c, m[i], 1e-9 * (1 + Math.abs(m[i])), "mode " + i);
            }
        }
    }

    @Test
    void theModelChoosesPropagationWhereItIsExactAndRefusesItElsewhere() {
        LogisticLaplace.Model model = new LogisticLaplace.Model();
        Params full = Params.resolve(model.parameters(), Map.of("outputs", 3), "test");
        Learner l = model.create("b", full, 4, 1);
        assertTrue(LogisticLaplace.Model.propagate(full, 4));
        assertTrue(l instanceof LogisticLaplace);
        Params tempered = Params.resolve(model.parameters(), Map.of("outputs", 3, "temper", 0.1), "test");
        assertFalse(LogisticLaplace.Model.propagate(tempered, 4));
        Params big = Params.resolve(model.parameters(), Map.of("outputs", 10), "test");
        assertFalse(LogisticLaplace.Model.propagate(big, 784));
        UserError diagonal = assertThrows(UserError.class, () -> model.create("b",
                Params.resolve(model.parameters(), Map.of("outputs", 10, "method", "propagation"), "test"), 784, 1));
        assertTrue(diagonal.getMessage().contains("covariance: full"), diagonal.getMessage());
        UserError power = assertThrows(UserError.class, () -> model.create("b",
                Params.resolve(model.parameters(), Map.of("outputs", 3, "method", "propagation", "temper", 0.5), "test"), 4, 1));
        assertTrue(power.getMessage().contains("temper must be 1"), power.getMessage());
    }
}
