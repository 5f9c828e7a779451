package org.neuroai.bio.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.core.Params;
import org.neuroai.core.data.Datasets;

/** The minibatch layer against the single-presentation rule it implements. */
class CompetingLayerTest {
    private static final KrotovHopfieldRule RULE = new KrotovHopfieldRule();
    private static final Params PARAMS = RULE.params(Map.of("k", 3), "test");
    /** The 8x8 digits, pixels in [0, 1], as floats. */
    private static final float[][] DIGITS = digits();

    private static float[][] digits() {
        double[][] x = Datasets.digits().inputs();
        float[][] out = new float[x.length][x[0].length];
        for (int s = 0; s < x.length; s++) {
            for (int i = 0; i < x[s].length; i++) {
                out[s][i] = (float) (x[s][i] / 16.0);
            }
        }
        return out;
    }

    private static float[] batch(int first, int size) {
        float[] v = new float[size * 64];
        for (int s = 0; s < size; s++) {
            System.arraycopy(DIGITS[first + s], 0, v, s * 64, 64);
        }
        return v;
    }

    private static double[] asDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static CompetingLayer layer(CompetingLayer.Step step, long seed) {
        return new CompetingLayer(PARAMS, 64, 10, step, 0.3, seed, CompetingLayer.JAVA);
    }

    @Test
    void theProposedChangeIsTheSumOfSinglePresentationChangesAtFixedWeightsAndChangesNothing() {
        CompetingLayer layer = layer(CompetingLayer.Step.NORMALISED, 5);
        double[][] w = layer.weights().matrix("w");
        float[] v = batch(40, 20);
        double[][] proposed = layer.proposedChange(v, 20);
        assertArrayEquals(asDouble(toFloat(w)), layer.weights().copy("w"), "the weights are untouched");
        // every input ranked against the same weights: the rule on a fresh copy for each, summed
        Plasticity rule = RULE.create(PARAMS, 64, 10);
        double[][] sum = new double[10][64];
        for (int s = 0; s < 20; s++) {
            double[][] copy = new double[10][];
            for (int m = 0; m < 10; m++) {
                copy[m] = w[m].clone();
            }
            rule.update(copy, asDouble(batch(40 + s, 1)), new double[10], null, 1.0);
            for (int m = 0; m < 10; m++) {
                for (int i = 0; i < 64; i++) {
                    sum[m][i] += copy[m][i] - w[m][i];
                }
            }
        }
        for (int m = 0; m < 10; m++) {
            assertArrayEquals(sum[m], proposed[m], 1e-4, "unit " + m);
        }
        // and a plain step of rate 0.01 adds 0.01 times it
        CompetingLayer plain = layer(CompetingLayer.Step.PLAIN, 5);
        plain.train(v, 20, 0.01);
        double[][] after = plain.weights().matrix("w");
        for (int m = 0; m < 10; m++) {
            for (int i = 0; i < 64; i++) {
                assertEquals(w[m][i] + 0.01 * proposed[m][i], after[m][i], 1e-6);
            }
        }
    }

    private static float[] toFloat(double[][] w) {
        float[] out = new float[w.length * w[0].length];
        for (int m = 0; m < w.length; m++) {
            for (int i = 0; i < w[m].length; i++) {
                out[m * w[m].length + i] = (float) w[m][i];
            }
        }
        return out;
    }

    @Test
    void oneInputPerMinibatchFollowsTheSinglePresentationRule() {
        CompetingLayer layer = layer(CompetingLayer.Step.PLAIN, 1);
        double[][] w = layer.weights().matrix("w");
        Plasticity rule = RULE.create(PARAMS, 64, 10);
        for (int s = 0; s < 300; s++) {
            float[] v = batch(s, 1);
            layer.train(v, 1, 0.02);
            rule.update(w, asDouble(v), new double[10], null, 0.02);
        }
        double[][] got = layer.weights().matrix("w");
        for (int m = 0; m < 10; m++) {
            assertArrayEquals(w[m], got[m], 1e-4, "unit " + m + " (float layer vs double rule)");
        }
        assertEquals(300, layer.presentations());
    }

    @Test
    void aMinibatchAppliesTheSumOfTheRulesChangesFromTheSameStart() {
        CompetingLayer layer = layer(CompetingLayer.Step.PLAIN, 2);
        double[][] w0 = layer.weights().matrix("w");
        Plasticity rule = RULE.create(PARAMS, 64, 10);
        double[][] expected = copy(w0);
        for (int s = 0; s < 20; s++) {
            double[][] w = copy(w0);
            rule.update(w, asDouble(DIGITS[100 + s]), new double[10], null, 0.02);
            for (int m = 0; m < 10; m++) {
                for (int i = 0; i < 64; i++) {
                    expected[m][i] += w[m][i] - w0[m][i];
                }
            }
        }
        layer.train(batch(100, 20), 20, 0.02);
        double[][] got = layer.weights().matrix("w");
        for (int m = 0; m < 10; m++) {
            assertArrayEquals(expected[m], got[m], 1e-5, "unit " + m);
        }
    }

    @Test
    void theNormalisedStepIsThePlainStepScaledSoTheLargestChangeIsEta() {
        CompetingLayer plain = layer(CompetingLayer.Step.PLAIN, 3);
        CompetingLayer normalised = layer(CompetingLayer.Step.NORMALISED, 3);
        double[] w0 = plain.weights().copy("w");
        plain.train(batch(0, 50), 50, 1.0);
        normalised.train(batch(0, 50), 50, 0.01);
        double[] dp = plain.weights().copy("w");
        double[] dn = normalised.weights().copy("w");
        double largest = 0;
        for (int i = 0; i < w0.length; i++) {
            dp[i] -= w0[i];
            dn[i] -= w0[i];
            largest = Math.max(largest, Math.abs(dp[i]));
        }
        double largestN = 0;
        for (int i = 0; i < w0.length; i++) {
            assertEquals(0.01 * dp[i] / largest, dn[i], 1e-6, "synapse " + i);
            largestN = Math.max(largestN, Math.abs(dn[i]));
        }
        assertEquals(0.01, largestN, 1e-6);
    }

    @Test
    void theJavaKernelIsTheProductOfInputsAndFactors() {
        SplittableRandom r = new SplittableRandom(5);
        int batch = 3;
        int inputs = 7;
        int units = 5;
        float[] v = new float[batch * inputs];
        float[] f = new float[inputs * units];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() < 0.4 ? 0f : (float) r.nextDouble();
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextGaussian();
        }
        float[] out = new float[batch * units];
        CompetingLayer.JAVA.compute(v, batch, f, inputs, units, out);
        for (int s = 0; s < batch; s++) {
            for (int m = 0; m < units; m++) {
                double e = 0;
                for (int i = 0; i < inputs; i++) {
                    e += v[s * inputs + i] * f[i * units + m];
                }
                assertEquals(e, out[s * units + m], 1e-5);
            }
        }
    }

    @Test
    void unitsThatWinSettleOnTheUnitPSphereAndOthersNeverMove() {
        // Competition over the digits with p = 3 and no anti-Hebbian term (Δ = 0), from weights of
        // p-norm about 4.3 (σ = 1). A winner with a positive current moves its norm towards 1 on
        // every step, and a unit that never wins keeps its weights exactly; so every unit either
        // never moved or has come most of the way to the sphere (a unit that first wins late, when
        // η has been annealed almost to 0, may not get all the way).
        CompetingLayer layer = new CompetingLayer(RULE.params(Map.of("k", 3, "delta", 0.0), "test"), 64, 16,
                CompetingLayer.Step.NORMALISED, 1.0, 7, CompetingLayer.JAVA);
        double[] initial = layer.pNorms();
        int epochs = 40;
        for (int e = 0; e < epochs; e++) {
            double eta = 0.05 * (1 - (double) e / epochs);
            for (int b = 0; b < 1700; b += 100) {
                layer.train(batch(b, 100), 100, eta);
            }
        }
        double[] norms = layer.pNorms();
        int onSphere = 0;
        for (int m = 0; m < norms.length; m++) {
            if (norms[m] != initial[m]) {
                assertTrue(Math.abs(norms[m] - 1) < 0.05 * Math.abs(initial[m] - 1),
                        "unit " + m + " went from ‖W‖_3 = " + initial[m] + " to " + norms[m]);
            }
            if (Math.abs(norms[m] - 1) < 0.01) {
                onSphere++;
            }
        }
        assertTrue(onSphere >= 8, onSphere + " of 16 units won and settled within 1 % of the sphere");
    }

    private static double[][] copy(double[][] w) {
        double[][] out = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i].clone();
        }
        return out;
    }
}
