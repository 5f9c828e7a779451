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
}
