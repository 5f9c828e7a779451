package org.neuroai.bench;

import java.util.SplittableRandom;
import org.neuroai.core.data.Datasets;

/** Inputs the benchmarks share: random unit vectors, and MNIST images scaled to [0, 1]. */
final class Inputs {
    private Inputs() {}

    /**
     * Random directions in {@code dim} dimensions, each of unit norm, so that a rule's weights
     * stay bounded over the millions of updates of a benchmark (Hebb's rule grows by at most a
     * factor 1 + η per update).
     */
    static double[][] unitVectors(int count, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[count][dim];
        for (double[] row : x) {
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                double u1 = 1.0 - r.nextDouble();
                row[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
                norm += row[i] * row[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < dim; i++) {
                row[i] /= norm;
            }
        }
        return x;
    }

    /** The first {@code count} MNIST training images as rows of 784 values in [0, 1]. */
    static double[][] mnist(int count) {
        return Datasets.mnistTrain(count).inputs();
    }
}
