package org.neuroai.bio.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.InitialWeights;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.linalg.Linalg;

/** The BCM rule against its selectivity theorem (Bienenstock, Cooper &amp; Munro 1982; Intrator &amp; Cooper 1992). */
class BcmRuleTest {
    private static final int K = 5;
    private static final int D = 20;
    private static final int UNITS = 10;

    /** K random positive patterns of unit norm in D dimensions. */
    static double[][] patterns(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[K][D];
        for (double[] p : x) {
            for (int j = 0; j < D; j++) {
                p[j] = r.nextDouble();
            }
            double norm = Linalg.norm(p);
            for (int j = 0; j < D; j++) {
                p[j] /= norm;
            }
        }
        return x;
    }

    /** Trains a layer on the patterns, each presented with probability 1/K, and returns its responses [unit][pattern]. */
    private static double[][] train(Activation units, long weightSeed, double[][] x, int presentations) {
        BcmRule rule = new BcmRule();
        RuleNetwork net = new RuleNetwork("bcm", rule, rule.params(Map.of(), "test"), D, UNITS, units, false, 0,
                InitialWeights.POSITIVE, 0.5, weightSeed);
        SplittableRandom order = new SplittableRandom(weightSeed + 1000);
        for (int t = 0; t < presentations; t++) {
            net.present(x[order.nextInt(K)], null);
        }
        double[] theta = net.plasticity().probe().get("theta");
        assertEquals(UNITS, theta.length);
        double[][] y = net.predict(x);
        double[][] byUnit = new double[UNITS][K];
        for (int k = 0; k < K; k++) {
            for (int i = 0; i < UNITS; i++) {
                byUnit[i][k] = y[k][i];
            }
        }
        return byUnit;
    }

    @Test
    void thePatternsAreLinearlyIndependent() {
        // the smallest eigenvalue of the Gram matrix is well away from 0
        double[][] x = patterns(3);
        double[][] gram = new double[K][K];
        for (int a = 0; a < K; a++) {
            for (int b = 0; b < K; b++) {
                gram[a][b] = Linalg.dot(x[a], x[b]);
            }
        }
        double[] eig = Linalg.symmetricEigen(gram).values();
        assertTrue(Arrays.stream(eig).min().orElseThrow() > 0.01, Arrays.toString(eig));
    }

    @Test
    void everyUnitBecomesSelectiveAndSeedsPickDifferentPatterns() {
        // At the selective fixed point a unit answers one pattern with y = theta = K and the others
        // with 0. With eta = 0.005 the weights' time constant is 1/(eta ||x||^2) = 200 presentations,
        // four times tau_theta = 50; the symmetric start takes about 40000 presentations to break
        // (correlated positive patterns, cosine about 0.75), so 100000 leave a wide margin.
        double[][] x = patterns(3);
        for (Activation units : new Activation[] {Activation.RECTIFIED, Activation.LINEAR}) {
            Set<Integer> chosen = new HashSet<>();
            int[][] preferred = new int[2][UNITS];
            for (int seed = 0; seed < 2; seed++) {
                double[][] y = train(units, seed, x, 100_000);
                for (int i = 0; i < UNITS; i++) {
                    int best = 0;
                    for (int k = 1; k < K; k++) {
                        best = y[i][k] > y[i][best] ? k : best;
                    }
                    preferred[seed][i] = best;
                    chosen.add(best);
                    String where = units + " seed " + seed + " unit " + i + ": " + Arrays.toString(y[i]);
                    // theta fluctuates by about sqrt(Var(y^2) / (2 tau_theta)) = 1 around K = 5
                    assertEquals(K, y[i][best], 1.5, where);
                    for (int k = 0; k < K; k++) {
                        if (k != best) {
                            assertTrue(Math.abs(y[i][k]) < 0.1 * y[i][best], where);
                        }
                    }
                }
            }
            assertTrue(chosen.size() >= 3, units + ": units pick different patterns, got " + chosen);
            assertNotEquals(Arrays.toString(preferred[0]), Arrays.toString(preferred[1]),
                    units + ": another weight seed picks other patterns");
        }
    }

    @Test
    void theThresholdTracksTheMeanSquaredResponse() {
        // one unit, one pattern repeated: y is constant, so theta relaxes to y^2 with time constant tau_theta
        BcmRule rule = new BcmRule();
        var p = rule.create(rule.params(Map.of("tau_theta", 10), "test"), 1, 1);
        double[][] w = {{0}};
        double[] theta = null;
        for (int t = 0; t < 10; t++) {
            p.update(w, new double[] {0}, new double[] {2}, null, 0.1);
            theta = p.probe().get("theta");
        }
        assertEquals(4 * (1 - Math.pow(0.9, 10)), theta[0], 1e-12);
        assertEquals(0, w[0][0], "no input, no weight change");
        p.reset();
        assertEquals(0, p.probe().get("theta")[0]);
    }
}
