package org.neuroai.compare.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.ann.FloatProduct;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.core.Params;
import org.neuroai.core.data.Datasets;

/** The two ways of computing the local layer's currents train it to the same weights. */
class CompetingLayerKernelsTest {
    @Test
    void nd4jAndPlainJavaKernelsTrainTheSameLayer() {
        double[][] x = Datasets.mnistTrain(400).inputs();
        float[] v = new float[x.length * 784];
        for (int s = 0; s < x.length; s++) {
            for (int i = 0; i < 784; i++) {
                v[s * 784 + i] = (float) x[s][i];
            }
        }
        KrotovHopfieldRule rule = new KrotovHopfieldRule();
        Params params = rule.params(Map.of(), "test");
        FloatProduct product = new FloatProduct();
        CompetingLayer java = new CompetingLayer(params, 784, 30, CompetingLayer.Step.NORMALISED, 1.0, 9, CompetingLayer.JAVA);
        CompetingLayer nd4j = new CompetingLayer(params, 784, 30, CompetingLayer.Step.NORMALISED, 1.0, 9, product::multiply);
        float[] batch = new float[50 * 784];
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int from = 0; from < 400; from += 50) {
                System.arraycopy(v, from * 784, batch, 0, batch.length);
                java.train(batch, 50, 0.05);
                nd4j.train(batch, 50, 0.05);
            }
        }
        // float sums in a different order differ in the last bits; the rankings, and so the weights, agree
        assertArrayEquals(java.weights().copy("w"), nd4j.weights().copy("w"), 1e-4);
        float[] a = new float[50 * 30];
        float[] b = new float[50 * 30];
        java.currents(batch, 50, a);
        nd4j.currents(batch, 50, b);
        assertArrayEquals(a, b, 1e-3f);
    }

    @Test
    void theReadoutReadsThePlainProductAsThePapersClassifierDoes() {
        // Krotov & Hopfield 2019: the classifier's hidden activity is f(Σ_i W_μi v_i); the p-weighted
        // current Σ_i |W_μi|^(p−2) W_μi v_i only ranks the units for learning (p = 3 here, so they differ)
        KrotovHopfieldRule rule = new KrotovHopfieldRule();
        CompetingLayer layer = new CompetingLayer(rule.params(Map.of(), "test"), 20, 6, CompetingLayer.Step.PLAIN, 1.0, 3,
                CompetingLayer.JAVA);
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        float[] v = new float[2 * 20];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble();
        }
        double[][] w = layer.weights().matrix("w");
        float[] products = new float[2 * 6];
        float[] currents = new float[2 * 6];
        layer.products(v, 2, products);
        layer.currents(v, 2, currents);
        double largestGap = 0;
        for (int s = 0; s < 2; s++) {
            for (int m = 0; m < 6; m++) {
                double plain = 0;
                double weighted = 0;
                for (int i = 0; i < 20; i++) {
                    plain += w[m][i] * v[s * 20 + i];
                    weighted += w[m][i] * Math.abs(w[m][i]) * v[s * 20 + i];
                }
                org.junit.jupiter.api.Assertions.assertEquals(plain, products[s * 6 + m], 1e-4);
                org.junit.jupiter.api.Assertions.assertEquals(weighted, currents[s * 6 + m], 1e-4);
                largestGap = Math.max(largestGap, Math.abs(plain - weighted));
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(largestGap > 0.1, "for p = 3 the two differ, so the test tells them apart");
    }
}
