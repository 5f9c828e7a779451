package org.neuroai.ann.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroai.core.SampleStream;
import org.neuroai.core.linalg.Linalg;
import org.neuroai.core.metrics.SubspaceMetrics;
import org.neuroai.core.tasks.GaussianTask;

class LinearAutoencoderTest {
    private static final GaussianTask TASK = new GaussianTask(10, 4.0, 0.6, 7, 2000);

    @Test
    void theWeightViewMatchesWhatTheNetworkComputes() {
        // x̂ = Dᵀ (E x) with E = group "w" (one row per hidden unit) and D = group "decoder".
        LinearAutoencoder ae = new LinearAutoencoder("ae", 10, 3, "adam", 0.01, 0, 10, 5);
        SampleStream s = TASK.stream(2);
        for (int i = 0; i < 20; i++) {
            ae.learn(s.next(10));
        }
        double[][] e = ae.weights().matrix("w");
        double[][] d = ae.weights().matrix("decoder");
        double[][] x = TASK.heldOut().inputs();
        double[][] out = ae.reconstruct(x);
        for (int n = 0; n < 5; n++) {
            for (int j = 0; j < 10; j++) {
                double v = 0;
                for (int i = 0; i < 3; i++) {
                    v += Linalg.dot(e[i], x[n]) * d[i][j];
                }
                assertEquals(v, out[n][j], 1e-9);
            }
        }
    }

    @Test
    void gradientDescentFindsThePrincipalSubspace() {
        // Baldi & Hornik (1989): the mean-squared-error landscape of a linear autoencoder has its
        // global minimum on the top-k principal subspace and only saddles elsewhere, so training
        // from a random start must end there. 20000 presentations with Adam reach about 2 degrees
        // in the pca experiment; 5 degrees leaves room for the seed and still excludes any saddle
        // (which would leave one direction 90 degrees off).
        LinearAutoencoder ae = new LinearAutoencoder("ae", 10, 3, "adam", 0.01, 2000, 10, 11);
        SampleStream s = TASK.stream(12);
        while (s.position() < 20000) {
            ae.learn(s.next(10));
        }
        double angle = SubspaceMetrics.principalAngleDeg(ae, TASK);
        assertTrue(angle < 5, "largest principal angle " + angle);
        // Its reconstruction error reaches the PCA optimum (Σ_{i≥3} λ_i)/d. On 2000 held-out samples
        // the estimate's relative standard deviation is about sqrt(2 Σλ_i²)/(Σλ_i sqrt(2000)) ≈ 2 %,
        // and 2 degrees off the subspace add under 1 %: 10 % is several deviations away.
        double optimum = 0;
        for (int i = 3; i < 10; i++) {
            optimum += TASK.eigenvalues()[i];
        }
        optimum /= 10;
        assertEquals(optimum, SubspaceMetrics.reconstructionMse(ae, TASK.heldOut()), 0.1 * optimum);
    }
}
