package org.neuroai.compare.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroai.ann.networks.Mlp;
import org.neuroai.core.Batch;
import org.neuroai.core.Split;
import org.neuroai.core.WeightView;
import org.neuroai.core.linalg.Linalg;
import org.neuroai.core.tasks.XorTask;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class LossesTest {
    /** A covariance with eigenvalues 4, 2, 1, 0.5 along a random rotation. */
    private static double[][] covariance(double[][] axes) {
        double[] lambda = {4, 2, 1, 0.5};
        double[][] c = new double[4][4];
        for (int m = 0; m < 4; m++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    c[i][j] += lambda[m] * axes[m][i] * axes[m][j];
                }
            }
        }
        return c;
    }

    private static double[][] rotation(long seed) {
        Random r = new Random(seed);
        double[][] m = new double[4][4];
        for (double[] row : m) {
            for (int j = 0; j < 4; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return Linalg.orthonormalRows(m);
    }

    private static double[] flat(double[][] m) {
        double[] f = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * m[0].length, m[0].length);
        }
        return f;
    }

    @Test
    void theTiedLossMatchesAHandComputedCase() {
        double[][] c = {{3, 0, 0}, {0, 2, 0}, {0, 0, 1}};
        // w along the first axis with norm 1: x - w w'x keeps the other two coordinates, variance 2 + 1
        assertEquals(3.0, Losses.tied(c, 1).applyAsDouble(new double[] {1, 0, 0}), 1e-12);
        // w = 0 reconstructs nothing: the whole variance
        assertEquals(6.0, Losses.tied(c, 1).applyAsDouble(new double[] {0, 0, 0}), 1e-12);
        // w = 2 e1: x1 - 4 x1 = -3 x1, so 9 * 3 + 2 + 1
        assertEquals(30.0, Losses.tied(c, 1).applyAsDouble(new double[] {2, 0, 0}), 1e-12);
    }

    @Test
    void theClosedFormAgreesWithAMonteCarloEstimate() {
        double[][] axes = rotation(1);
        double[][] c = covariance(axes);
        double[] lambda = {4, 2, 1, 0.5};
        Random r = new Random(2);
        double[] e = new double[8];
        double[] d = new double[8];
        for (int i = 0; i < 8; i++) {
            e[i] = 0.5 * r.nextGaussian();
            d[i] = 0.5 * r.nextGaussian();
        }
        double[] theta = new double[16];
        System.arraycopy(e, 0, theta, 0, 8);
        System.arraycopy(d, 0, theta, 8, 8);
        double exact = Losses.autoencoder(c, 2).applyAsDouble(theta);
        int n = 200_000;
        double sum = 0;
        double[] x = new double[4];
        for (int s = 0; s < n; s++) {
            java.util.Arrays.fill(x, 0);
            for (int m = 0; m < 4; m++) {
                double z = Math.sqrt(lambda[m]) * r.nextGaussian();
                for (int i = 0; i < 4; i++) {
                    x[i] += z * axes[m][i];
                }
            }
            double[] h = {0, 0};
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < 4; i++) {
                    h[k] += e[k * 4 + i] * x[i];
                }
            }
            for (int i = 0; i < 4; i++) {
                double xh = h[0] * d[i] + h[1] * d[4 + i];
                sum += (x[i] - xh) * (x[i] - xh);
            }
        }
        double mc = sum / n;
        assertEquals(exact, mc, 0.01 * exact, "closed form " + exact + " vs Monte Carlo " + mc);
        // tied: the same loss with the decoder equal to the encoder
        double[] tied = new double[16];
        System.arraycopy(e, 0, tied, 0, 8);
        System.arraycopy(e, 0, tied, 8, 8);
        assertEquals(Losses.autoencoder(c, 2).applyAsDouble(tied), Losses.tied(c, 2).applyAsDouble(e), 1e-12);
    }

    @Test
    void theTiedLossIsLowestOnThePrincipalSubspace() {
        double[][] axes = rotation(4);
        double[][] c = covariance(axes);
        double min = 4 + 2 + 1 + 0.5 - (4 + 2);
        double[] top = flat(new double[][] {axes[0], axes[1]});
        assertEquals(min, Losses.tied(c, 2).applyAsDouble(top), 1e-12, "tr C minus the two largest eigenvalues");
        // any orthonormal basis of the same subspace
        double a = 0.7;
        double[][] turned = new double[2][4];
        for (int i = 0; i < 4; i++) {
            turned[0][i] = Math.cos(a) * axes[0][i] + Math.sin(a) * axes[1][i];
            turned[1][i] = -Math.sin(a) * axes[0][i] + Math.cos(a) * axes[1][i];
        }
        assertEquals(min, Losses.tied(c, 2).applyAsDouble(flat(turned)), 1e-12);
        Random r = new Random(9);
        for (int trial = 0; trial < 50; trial++) {
            double[] w = top.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] += 0.05 * r.nextGaussian();
            }
            assertTrue(Losses.tied(c, 2).applyAsDouble(w) > min, "a perturbed W is worse");
        }
        assertEquals(7.5 - 4, Losses.tied(c, 1).applyAsDouble(axes[0]), 1e-12, "one unit: tr C minus the largest eigenvalue");
    }

    @Test
    void theMlpLossFromItsRecordedWeightsIsTheLossTheNetworkReports() {
        Mlp mlp = new Mlp("mlp", new Mlp.Config(2, new int[] {4}, 1, "tanh", "sigmoid-ce", "adam", 0.05, 0, 1, 0, 17));
        Split corners = new XorTask(0.1).heldOut();
        for (int step = 0; step < 30; step++) {
            mlp.learn(new Batch(corners.inputs(), corners.targets(), step * 4L));
        }
        WeightView v = mlp.weights();
        List<String> groups = List.of("w", "bias0", "layer1", "bias1");
        double[] theta = new double[4 * 2 + 4 + 4 + 1];
        int off = 0;
        for (String g : groups) {
            double[] part = v.copy(g);
            System.arraycopy(part, 0, theta, off, part.length);
            off += part.length;
        }
        assertEquals(theta.length, off, "the four groups are the whole parameter vector");
        assertEquals(mlp.network().numParams(), theta.length);
        double ours = Losses.mlpCrossEntropy(4, corners.inputs(), corners.targets()).applyAsDouble(theta);
        double dl4j = mlp.network().score(new DataSet(Nd4j.create(corners.inputs()).castTo(DataType.FLOAT),
                Nd4j.create(corners.targets()).castTo(DataType.FLOAT)));
        assertEquals(dl4j, ours, 1e-5 * Math.max(1, dl4j), "cross-entropy from the weights vs the network's own score");
        assertTrue(ours > 0.01 && ours < 0.7, "a network part-way through training: " + ours);
    }

    @Test
    void theLinearMseIsTheMeanSquaredErrorOnTheCorners() {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] t = {{0}, {1}, {1}, {0}};
        // the least-squares plane for XOR is flat at 0.5: error 0.25 at every corner
        assertEquals(0.25, Losses.linearMse(x, t).applyAsDouble(new double[] {0, 0, 0.5}), 1e-15);
        // y = x1: errors 0, -1, 0, 1
        assertEquals(0.5, Losses.linearMse(x, t).applyAsDouble(new double[] {1, 0, 0}), 1e-15);
    }
}
