package org.neuroai.compare.comparison;

import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.Predictor;
import org.neuroai.core.linalg.Linalg;

/**
 * A least-squares readout of a layer's outputs: the linear map β (with a constant feature) that
 * minimises Σ‖t − [h, 1] β‖² + λ‖β‖² over training samples, in closed form,
 * β = (HᵀH + λI)⁻¹ HᵀT. It scores what an unsupervised layer has learned by how well its outputs
 * separate the classes; it changes nothing in the layer. λ is 10⁻⁶ of the mean diagonal of HᵀH,
 * just enough to keep the solve well posed when outputs are collinear.
 */
final class Ridge implements Predictor {
    private final Predictor layer;
    private final double[][] beta;

    private Ridge(Predictor layer, double[][] beta) {
        this.layer = layer;
        this.beta = beta;
    }

    /**
     * Fits a readout of a learner's outputs to the targets of some samples.
     *
     * @param learner a learner whose outputs are its features (a {@link Predictor})
     * @param samples training samples with targets
     * @return the layer followed by the readout
     */
    static Ridge fit(Learner learner, Batch samples) {
        Predictor layer = (Predictor) learner;
        double[][] h = features(layer.predict(samples.inputs()));
        double[][] t = samples.targets();
        int p = h[0].length;
        double[][] a = Linalg.multiply(Linalg.transpose(h), h);
        double mean = 0;
        for (int i = 0; i < p; i++) {
            mean += a[i][i] / p;
        }
        double lambda = 1e-6 * mean + 1e-12;
        for (int i = 0; i < p; i++) {
            a[i][i] += lambda;
        }
        Linalg.Eigen e = Linalg.symmetricEigen(a);
        double[][] inverse = new double[p][p];
        for (int k = 0; k < p; k++) {
            double[] v = e.rows()[k];
            double s = 1 / e.values()[k];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    inverse[i][j] += s * v[i] * v[j];
                }
            }
        }
        return new Ridge(layer, Linalg.multiply(inverse, Linalg.multiply(Linalg.transpose(h), t)));
    }

    /** The outputs with a constant 1 appended. */
    private static double[][] features(double[][] y) {
        double[][] h = new double[y.length][];
        for (int s = 0; s < y.length; s++) {
            h[s] = java.util.Arrays.copyOf(y[s], y[s].length + 1);
            h[s][y[s].length] = 1;
        }
        return h;
    }

    @Override
    public double[][] predict(double[][] inputs) {
        return Linalg.multiply(features(layer.predict(inputs)), beta);
    }
}
