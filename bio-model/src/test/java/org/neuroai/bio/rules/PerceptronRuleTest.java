package org.neuroai.bio.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.Split;
import org.neuroai.core.linalg.Linalg;
import org.neuroai.core.metrics.PredictionMetrics;

/** The perceptron against the convergence theorem and against XOR. */
class PerceptronRuleTest {
    private static RuleNetwork perceptron(int inputs, double eta, long seed) {
        PerceptronRule rule = new PerceptronRule();
        // w = 0 at the start (initial norm 0), as the theorem assumes
        return new RuleNetwork("perceptron", rule, rule.params(Map.of("eta", eta), "test"), inputs, 1, Activation.THRESHOLD,
                true, 0, 0, seed);
    }

    /** A linearly separable set: u·(x, 1) ≥ γ for class 1 and ≤ −γ for class 0, with |u| = 1. */
    private record Separable(double[][] x, double[][] t, double radius, double margin) {}

    private static Separable separable(long seed, int d, int n, double margin) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[d + 1];
        for (int j = 0; j <= d; j++) {
            u[j] = r.nextDouble(-1, 1);
        }
        u[d] *= 0.3;
        double un = Linalg.norm(u);
        for (int j = 0; j <= d; j++) {
            u[j] /= un;
        }
        List<double[]> xs = new ArrayList<>();
        List<double[]> ts = new ArrayList<>();
        double radius = 0;
        while (xs.size() < n) {
            double[] xb = new double[d + 1];
            for (int j = 0; j < d; j++) {
                xb[j] = r.nextDouble(-1, 1);
            }
            xb[d] = 1;
            double a = Linalg.dot(u, xb);
            if (Math.abs(a) < margin) {
                continue;
            }
            xs.add(java.util.Arrays.copyOf(xb, d));
            ts.add(new double[] {a > 0 ? 1 : 0});
            radius = Math.max(radius, Linalg.norm(xb));
        }
        return new Separable(xs.toArray(double[][]::new), ts.toArray(double[][]::new), radius, margin);
    }

    /** Presents the set epoch after epoch until an epoch without a mistake; returns the mistakes made. */
    private static int trainToZeroErrors(RuleNetwork n, Separable s, int maxEpochs) {
        int mistakes = 0;
        for (int epoch = 0; epoch < maxEpochs; epoch++) {
            int inEpoch = 0;
            for (int i = 0; i < s.x().length; i++) {
                double y = n.predict(new double[][] {s.x()[i]})[0][0];
                if (y != s.t()[i][0]) {
                    inEpoch++;
                }
                n.present(s.x()[i], s.t()[i]);
            }
            mistakes += inEpoch;
            if (inEpoch == 0) {
                return mistakes;
            }
        }
        throw new AssertionError("no error-free epoch in " + maxEpochs + " epochs");
    }

    @Test
    void convergesOnALinearlySeparableSetWithinNovikoffsBound() {
        // Novikoff (1962): from w = 0 at most (R/γ)² mistakes, for any order and any η > 0.
        for (long seed = 0; seed < 5; seed++) {
            Separable s = separable(seed, 5, 300, 0.1);
            double bound = Math.pow(s.radius() / s.margin(), 2);
            RuleNetwork n = perceptron(5, 0.1, seed);
            int mistakes = trainToZeroErrors(n, s, 10_000);
            assertTrue(mistakes <= bound, "seed " + seed + ": " + mistakes + " mistakes, bound " + bound);
            assertEquals(1.0, PredictionMetrics.accuracy(n, new Split("train", s.x(), s.t()), 0.5));

            // From w = 0 the learning rate only scales the weights: the same mistakes, weights × 20.
            RuleNetwork m = perceptron(5, 2.0, seed);
            assertEquals(mistakes, trainToZeroErrors(m, s, 10_000), "seed " + seed);
            double[] w1 = n.weights().copy("w");
            double[] w2 = m.weights().copy("w");
            for (int j = 0; j < w1.length; j++) {
                w1[j] *= 20;
            }
            assertArrayEquals(w1, w2, 1e-9);
        }
    }

    @Test
    void neverGetsAllFourXorPointsRight() {
        // XOR is not linearly separable (Minsky & Papert 1969): no weights classify all four points.
        // So in every epoch (the four points in a shuffled order) at least one is misclassified when
        // it comes (otherwise the weights would not change and would classify all four): the rule
        // never stops correcting. (The corrections can cancel: the four points weighted by ±1 sum
        // to zero, so the weights may return to where an epoch began.)
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] t = {{0}, {1}, {1}, {0}};
        Split xor = new Split("xor", x, t);
        for (long seed = 0; seed < 5; seed++) {
            PerceptronRule rule = new PerceptronRule();
            RuleNetwork n = new RuleNetwork("perceptron", rule, rule.params(Map.of(), "test"), 2, 1, Activation.THRESHOLD,
                    true, 0, 0.5, seed);
            SplittableRandom r = new SplittableRandom(seed);
            int[] order = {0, 1, 2, 3};
            for (int epoch = 0; epoch < 500; epoch++) {
                for (int k = 3; k > 0; k--) {
                    int j = r.nextInt(k + 1);
                    int tmp = order[k];
                    order[k] = order[j];
                    order[j] = tmp;
                }
                int mistakes = 0;
                for (int i : order) {
                    mistakes += n.predict(new double[][] {x[i]})[0][0] == t[i][0] ? 0 : 1;
                    n.present(x[i], t[i]);
                    assertTrue(PredictionMetrics.accuracy(n, xor, 0.5) <= 0.75, "seed " + seed + ", epoch " + epoch);
                }
                assertTrue(mistakes > 0, "seed " + seed + ": epoch " + epoch + " made no mistake");
            }
        }
    }
}
