package org.neuroai.core.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;

/**
 * Every online conjugate update against the batch posterior computed from all samples at once,
 * written here from the textbook formulas (Murphy 2007; Bishop 2006, §3.3), and the sequential log
 * evidence against the closed-form marginal likelihood.
 */
class ConjugateUpdatesTest {
    private static final double TOL = 1e-9;

    private static void assertRel(double expected, double actual, String what) {
        double scale = Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, TOL * scale, what);
    }

    /** Feeds samples one at a time, as the training loop does with batches of one. */
    private static void feed(BayesianLearner l, double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            l.learn(new Batch(new double[][] {x[i]}, new double[][] {y[i]}, i));
        }
    }

    private static double logBeta(double a, double b) {
        return Special.logGamma(a) + Special.logGamma(b) - Special.logGamma(a + b);
    }

    @Test
    void logGammaMatchesFactorialsAndHalfIntegers() {
        double fact = 0;
        for (int n = 1; n < 30; n++) {
            assertEquals(fact, Special.logGamma(n), 1e-12 * Math.max(1, fact), "log Γ(" + n + ")");
            fact += Math.log(n);
        }
        assertEquals(0.5 * Math.log(Math.PI), Special.logGamma(0.5), 1e-13);
        assertEquals(Math.log(0.75 * Math.sqrt(Math.PI)), Special.logGamma(2.5), 1e-13);
        assertEquals(Math.log(Math.PI / Math.sin(Math.PI * 0.1)) - Special.logGamma(0.9), Special.logGamma(0.1), 1e-12);
    }

    @Test
    void betaBernoulliEqualsBatchPosteriorAndEvidence() {
        Random r = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(200);
            double a0 = 0.5 + 3 * r.nextDouble();
            double b0 = 0.5 + 3 * r.nextDouble();
            double bias = r.nextDouble();
            double[][] x = new double[n][0];
            double[][] y = new double[n][1];
            int heads = 0;
            for (int i = 0; i < n; i++) {
                y[i][0] = r.nextDouble() < bias ? 1 : 0;
                heads += (int) y[i][0];
            }
            BetaBernoulli l = new BetaBernoulli("b", a0, b0, 0, 1);
            feed(l, x, y);
            double a = a0 + heads;
            double b = b0 + n - heads;
            assertRel(a, l.alpha()[0], "a");
            assertRel(b, l.beta()[0], "b");
            assertRel(a / (a + b), l.posteriorMean()[0], "mean");
            assertRel(Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1))), l.posteriorSd()[0], "sd");
            assertRel(logBeta(a, b) - logBeta(a0, b0), l.logEvidence(), "log evidence");
        }
    }

    @Test
    void forgettingBetaFollowsAChangedCoinAndExactOneDoesNot() {
        BetaBernoulli exact = new BetaBernoulli("exact", 1, 1, 0, 1);
        BetaBernoulli forgetting = new BetaBernoulli("forgetting", 1, 1, 0.05, 1);
        Random r = new Random(3);
        double[][] x = new double[1][0];
        for (int i = 0; i < 400; i++) {
            double p = i < 200 ? 0.8 : 0.2;
            double[][] y = {{r.nextDouble() < p ? 1 : 0}};
            exact.learn(new Batch(x, y, i));
            forgetting.learn(new Batch(x, y, i));
        }
        assertEquals(0.2, forgetting.posteriorMean()[0], 0.12, "the forgetting learner tracks the new bias");
        assertEquals(0.5, exact.posteriorMean()[0], 0.1, "the exact learner averages both halves");
    }

    @Test
    void dirichletEqualsBatchPosteriorAndEvidence() {
        Random r = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            int k = 2 + r.nextInt(6);
            int n = 1 + r.nextInt(300);
            double a0 = 0.3 + 2 * r.nextDouble();
            double[][] y = new double[n][k];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                int c = r.nextInt(k);
                y[i][c] = 1;
                counts[c]++;
            }
            DirichletCategorical l = new DirichletCategorical("d", a0, k);
            feed(l, new double[n][0], y);
            double evidence = Special.logGamma(k * a0) - Special.logGamma(k * a0 + n);
            for (int c = 0; c < k; c++) {
                assertRel(a0 + counts[c], l.alpha()[c], "alpha");
                assertRel((a0 + counts[c]) / (k * a0 + n), l.posteriorMean()[c], "mean");
                evidence += Special.logGamma(a0 + counts[c]) - Special.logGamma(a0);
            }
            assertRel(evidence, l.logEvidence(), "log evidence");
        }
    }

    @Test
    void normalKnownVarianceEqualsBatchPosterior() {
        Random r = new Random(4);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(100);
            double mu0 = r.nextGaussian();
            double sd0 = 0.2 + 2 * r.nextDouble();
            double sigma = 0.1 + r.nextDouble();
            double[][] y = new double[n][1];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                y[i][0] = 1.5 + sigma * r.nextGaussian();
                sum += y[i][0];
            }
            NormalKnownVariance l = new NormalKnownVariance("n", mu0, sd0, sigma, 1);
            feed(l, new double[n][0], y);
            double precision = 1 / (sd0 * sd0) + n / (sigma * sigma);
            assertRel((mu0 / (sd0 * sd0) + sum / (sigma * sigma)) / precision, l.posteriorMean()[0], "mean");
            assertRel(Math.sqrt(1 / precision), l.posteriorSd()[0], "sd");
            // evidence: y ~ N(mu0 1, sigma² I + sd0² 1 1ᵀ)
            double[][] cov = new double[n][n];
            double[] mean = new double[n];
            for (int i = 0; i < n; i++) {
                mean[i] = mu0;
                for (int j = 0; j < n; j++) {
                    cov[i][j] = sd0 * sd0 + (i == j ? sigma * sigma : 0);
                }
            }
            assertRel(Gauss.logDensity(column(y), mean, cov), l.logEvidence(), "log evidence");
        }
    }

    @Test
    void normalInverseGammaEqualsBatchPosteriorAndEvidence() {
        Random r = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(100);
            double m0 = r.nextGaussian();
            double k0 = 0.1 + 3 * r.nextDouble();
            double a0 = 1 + 3 * r.nextDouble();
            double b0 = 0.2 + 2 * r.nextDouble();
            double[][] y = new double[n][1];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                y[i][0] = -2 + 0.7 * r.nextGaussian();
                sum += y[i][0];
            }
            double mean = sum / n;
            double ss = 0;
            for (double[] v : y) {
                ss += (v[0] - mean) * (v[0] - mean);
            }
            NormalInverseGamma l = new NormalInverseGamma("nig", m0, k0, a0, b0, 1);
            feed(l, new double[n][0], y);
            double kn = k0 + n;
            double mn = (k0 * m0 + n * mean) / kn;
            double an = a0 + n / 2.0;
            double bn = b0 + 0.5 * ss + k0 * n * (mean - m0) * (mean - m0) / (2 * kn);
            double[] h = l.hyperparameters(0);
            assertRel(mn, h[0], "m");
            assertRel(kn, h[1], "kappa");
            assertRel(an, h[2], "alpha");
            assertRel(bn, h[3], "beta");
            double evidence = Special.logGamma(an) - Special.logGamma(a0) + a0 * Math.log(b0) - an * Math.log(bn)
                    + 0.5 * Math.log(k0 / kn) - n / 2.0 * Math.log(2 * Math.PI);
            assertRel(evidence, l.logEvidence(), "log evidence");
        }
    }

    @Test
    void bayesianLinearRegressionEqualsBatchPosteriorAndEvidence() {
        Random r = new Random(6);
        for (int trial = 0; trial < 20; trial++) {
            int d = 1 + r.nextInt(5);
            int n = 1 + r.nextInt(60);
            int k = 1 + r.nextInt(3);
            double s0 = 0.3 + 2 * r.nextDouble();
            double sigma = 0.1 + r.nextDouble();
            double[][] x = new double[n][d];
            double[][] y = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = r.nextGaussian();
                }
                for (int j = 0; j < k; j++) {
                    y[i][j] = r.nextGaussian() * 2;
                }
            }
            LinearGaussian l = new LinearGaussian("blr", d, k, true, s0, sigma, 0);
            feed(l, x, y);
            int dim = d + 1;
            double[][] xb = new double[n][dim];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[i], 0, xb[i], 0, d);
                xb[i][d] = 1;
            }
            // Σ⁻¹ = I/s0² + XᵀX/σ²
            double[][] precision = new double[dim][dim];
            for (int a = 0; a < dim; a++) {
                precision[a][a] = 1 / (s0 * s0);
                for (int b = 0; b < dim; b++) {
                    for (double[] row : xb) {
                        precision[a][b] += row[a] * row[b] / (sigma * sigma);
                    }
                }
            }
            double[][] cov = Gauss.inverse(precision);
            double[][] lc = l.covariance();
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    assertEquals(cov[a][b], lc[a][b], TOL * Math.max(1e-3, Math.abs(cov[a][a])), "covariance");
                }
            }
            double[] m = l.posteriorMean();
            double evidence = 0;
            for (int j = 0; j < k; j++) {
                double[] xty = new double[dim];
                double[] yj = new double[n];
                for (int i = 0; i < n; i++) {
                    yj[i] = y[i][j];
                    for (int a = 0; a < dim; a++) {
                        xty[a] += xb[i][a] * y[i][j] / (sigma * sigma);
                    }
                }
                for (int a = 0; a < dim; a++) {
                    double expected = 0;
                    for (int b = 0; b < dim; b++) {
                        expected += cov[a][b] * xty[b];
                    }
                    assertRel(expected, m[j * dim + a], "mean");
                }
                // y_j ~ N(0, σ² I + s0² X Xᵀ)
                double[][] marginal = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int i2 = 0; i2 < n; i2++) {
                        double dot = 0;
                        for (int a = 0; a < dim; a++) {
                            dot += xb[i][a] * xb[i2][a];
                        }
                        marginal[i][i2] = s0 * s0 * dot + (i == i2 ? sigma * sigma : 0);
                    }
                }
                evidence += Gauss.logDensity(yj, new double[n], marginal);
            }
            assertRel(evidence, l.logEvidence(), "log evidence");
        }
    }

    @Test
    void recursiveLeastSquaresWithTheMatchingPriorEqualsThePosteriorMean() {
        Random r = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int d = 1 + r.nextInt(6);
            int n = 1 + r.nextInt(80);
            double s0 = 0.2 + 3 * r.nextDouble();
            double sigma = 0.05 + r.nextDouble();
            // classical RLS (Haykin, Adaptive Filter Theory, ch. 10): P₀ = δ I, w₀ = 0, no forgetting;
            // it minimises Σ (y − wᵀx)² + |w|²/δ, the negative log posterior when δ = s0²/σ²
            double delta = s0 * s0 / (sigma * sigma);
            double[][] p = new double[d][d];
            for (int i = 0; i < d; i++) {
                p[i][i] = delta;
            }
            double[] w = new double[d];
            LinearGaussian l = new LinearGaussian("blr", d, 1, false, s0, sigma, 0);
            for (int t = 0; t < n; t++) {
                double[] x = new double[d];
                for (int i = 0; i < d; i++) {
                    x[i] = r.nextGaussian();
                }
                double y = 0.5 * x[0] - 0.3 + 0.2 * r.nextGaussian();
                double[] px = new double[d];
                double xpx = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        px[i] += p[i][j] * x[j];
                    }
                    xpx += x[i] * px[i];
                }
                double err = y;
                for (int i = 0; i < d; i++) {
                    err -= w[i] * x[i];
                }
                for (int i = 0; i < d; i++) {
                    w[i] += px[i] * err / (1 + xpx);
                }
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        p[i][j] -= px[i] * px[j] / (1 + xpx);
                    }
                }
                l.learn(new Batch(new double[][] {x}, new double[][] {{y}}, t));
            }
            double[] m = l.posteriorMean();
            for (int i = 0; i < d; i++) {
                assertRel(w[i], m[i], "RLS weight " + i);
            }
        }
    }

    @Test
    void laplaceStepIsTheModeAndCurvatureOfTheOneSamplePosterior() {
        Random r = new Random(8);
        for (int trial = 0; trial < 20; trial++) {
            int d = 1 + r.nextInt(4);
            LogisticLaplace l = new LogisticLaplace("bl", d, 1, 0.5 + 2 * r.nextDouble(), false);
            // a few samples first, so the prior is a full Gaussian
            for (int t = 0; t < 5; t++) {
                double[] x = gaussian(r, d);
                l.learn(new Batch(new double[][] {x}, new double[][] {{r.nextBoolean() ? 1 : 0}}, t));
            }
            double[] m0 = l.posteriorMean();
            double[][] precision0 = Gauss.inverse(fullCov(l, d + 1));
            double[] x = gaussian(r, d);
            double y = r.nextBoolean() ? 1 : 0;
            l.learn(new Batch(new double[][] {x}, new double[][] {{y}}, 5));
            // the mode of N(w; m0, Σ0) σ(wᵀx)^y (1-σ(wᵀx))^(1-y), by Newton in the full space
            double[] xb = java.util.Arrays.copyOf(x, d + 1);
            xb[d] = 1;
            double[] w = m0.clone();
            double[][] hessian = null;
            for (int it = 0; it < 100; it++) {
                double a = 0;
                for (int i = 0; i <= d; i++) {
                    a += w[i] * xb[i];
                }
                double p = Special.sigmoid(a);
                double[] grad = new double[d + 1];
                hessian = new double[d + 1][d + 1];
                for (int i = 0; i <= d; i++) {
                    double pr = 0;
                    for (int j = 0; j <= d; j++) {
                        pr += precision0[i][j] * (w[j] - m0[j]);
                        hessian[i][j] = precision0[i][j] + p * (1 - p) * xb[i] * xb[j];
                    }
                    grad[i] = pr - (y - p) * xb[i];
                }
                double[] step = Gauss.solve(hessian, grad);
                for (int i = 0; i <= d; i++) {
                    w[i] -= step[i];
                }
            }
            double[] m = l.posteriorMean();
            for (int i = 0; i <= d; i++) {
                assertRel(w[i], m[i], "mode " + i);
            }
            double[][] cov = Gauss.inverse(hessian);
            double[][] lc = fullCov(l, d + 1);
            for (int i = 0; i <= d; i++) {
                for (int j = 0; j <= d; j++) {
                    assertEquals(cov[i][j], lc[i][j], 1e-8 * Math.max(1, Math.abs(cov[i][i])), "covariance");
                }
            }
        }
    }

    @Test
    void softmaxLaplaceStepIsTheModeAndCurvatureOfTheOneSamplePosterior() {
        Random r = new Random(10);
        for (int trial = 0; trial < 20; trial++) {
            int d = 1 + r.nextInt(3);
            int k = 2 + r.nextInt(3);
            int dim = d + 1;
            int size = k * dim;
            LogisticLaplace l = new LogisticLaplace("softmax", d, k, 0.5 + 2 * r.nextDouble(), false);
            for (int t = 0; t < 6; t++) {
                double[] y = new double[k];
                y[r.nextInt(k)] = 1;
                l.learn(new Batch(new double[][] {gaussian(r, d)}, new double[][] {y}, t));
            }
            double[] m0 = l.posteriorMean();
            double[][] precision0 = Gauss.inverse(l.covariance());
            double[] x = gaussian(r, d);
            double[] y = new double[k];
            y[r.nextInt(k)] = 1;
            l.learn(new Batch(new double[][] {x}, new double[][] {y}, 6));
            double[] xb = java.util.Arrays.copyOf(x, dim);
            xb[d] = 1;
            // Newton in the full space of K·(d+1) weights on −log N(w; m0, Σ0) − Σ_k y_k log softmax(Wx)_k
            double[] w = m0.clone();
            double[][] hessian = null;
            for (int it = 0; it < 100; it++) {
                double[] a = new double[k];
                for (int c = 0; c < k; c++) {
                    for (int i = 0; i < dim; i++) {
                        a[c] += w[c * dim + i] * xb[i];
                    }
                }
                double max = java.util.Arrays.stream(a).max().orElseThrow();
                double z = 0;
                double[] pi = new double[k];
                for (int c = 0; c < k; c++) {
                    pi[c] = Math.exp(a[c] - max);
                    z += pi[c];
                }
                for (int c = 0; c < k; c++) {
                    pi[c] /= z;
                }
                double[] grad = new double[size];
                hessian = new double[size][size];
                for (int p = 0; p < size; p++) {
                    int cp = p / dim;
                    int ip = p % dim;
                    double pr = 0;
                    for (int q = 0; q < size; q++) {
                        pr += precision0[p][q] * (w[q] - m0[q]);
                        int cq = q / dim;
                        int iq = q % dim;
                        double h = (cp == cq ? pi[cp] : 0) - pi[cp] * pi[cq];
                        hessian[p][q] = precision0[p][q] + h * xb[ip] * xb[iq];
                    }
                    grad[p] = pr - (y[cp] - pi[cp]) * xb[ip];
                }
                double[] step = Gauss.solve(hessian, grad);
                for (int p = 0; p < size; p++) {
                    w[p] -= step[p];
                }
            }
            double[] m = l.posteriorMean();
            for (int p = 0; p < size; p++) {
                assertRel(w[p], m[p], "mode " + p);
            }
            double[][] cov = Gauss.inverse(hessian);
            double[][] lc = l.covariance();
            for (int p = 0; p < size; p++) {
                for (int q = 0; q < size; q++) {
                    assertEquals(cov[p][q], lc[p][q], 1e-8 * Math.max(1, Math.abs(cov[p][p])), "covariance");
                }
            }
        }
    }

    @Test
    void logisticLearnsASeparableProblemAndIsUnsureFarFromData() {
        Random r = new Random(9);
        LogisticLaplace l = new LogisticLaplace("bl", 2, 1, 3, false);
        for (int t = 0; t < 400; t++) {
            double[] x = gaussian(r, 2);
            double y = x[0] + x[1] > 0 ? 1 : 0;
            l.learn(new Batch(new double[][] {x}, new double[][] {{y}}, t));
        }
        assertTrue(l.predict(new double[][] {{1, 1}})[0][0] > 0.9);
        assertTrue(l.predict(new double[][] {{-1, -1}})[0][0] < 0.1);
        // on the boundary the moderated probability is ½ whatever the distance
        assertEquals(0.5, l.predict(new double[][] {{30, -30}})[0][0], 0.2);
    }

    private static double[][] fullCov(LogisticLaplace l, int dim) {
        return l.covariance();
    }

    private static double[] gaussian(Random r, int d) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    private static double[] column(double[][] y) {
        double[] c = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i][0];
        }
        return c;
    }
}
