package org.neuroai.compare.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.bio.rules.HebbRule;
import org.neuroai.core.Batch;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.tasks.LinearTeacherTask;

/** Every analytic gradient against central finite differences, and the cosine against hand values. */
class GradientsTest {
    private static final double EPS = 1e-6;

    @Test
    void theCosineIsOneDownTheGradientMinusOneUpItZeroAcrossAndNanWithoutAChange() {
        double[][] g = {{1, -2}, {0, 2}};
        assertEquals(1.0, Alignment.withDescent(new double[][] {{-2, 4}, {0, -4}}, g), 1e-15);
        assertEquals(-1.0, Alignment.withDescent(new double[][] {{1, -2}, {0, 2}}, g), 1e-15);
        assertEquals(0.0, Alignment.withDescent(new double[][] {{2, 1}, {0, 0}}, g), 1e-15);
        // (−1, 0, 0, 0) against −g = (−1, 2, 0, −2): 1 / (1 · 3)
        assertEquals(1.0 / 3, Alignment.withDescent(new double[][] {{-1, 0}, {0, 0}}, g), 1e-15);
        assertTrue(Double.isNaN(Alignment.withDescent(new double[][] {{0, 0}, {0, 0}}, g)));
        assertTrue(Double.isNaN(Alignment.withDescent(g, new double[][] {{0, 0}, {0, 0}})));
    }

    @Test
    void theSquaredErrorGradientMatchesCentralDifferences() {
        LinearTeacherTask task = new LinearTeacherTask(5, 10, 0.3, 7, 10);
        Batch b = task.stream(1).next(30);
        double[] w = {0.3, -0.2, 1.1, 0.0, -0.7};
        double[] g = SquaredError.gradient(w, b.inputs(), b.targets())[0];
        for (int j = 0; j < w.length; j++) {
            double[] up = w.clone();
            double[] down = w.clone();
            up[j] += EPS;
            down[j] -= EPS;
            double fd = (SquaredError.loss(up, b.inputs(), b.targets()) - SquaredError.loss(down, b.inputs(), b.targets())) / (2 * EPS);
            assertEquals(fd, g[j], 1e-7, "w" + j);
        }
    }

    /** 20 digits, pixels in [0, 1], and their labels. */
    private static double[][] digits(int[] labels) {
        Dataset d = Datasets.digits();
        double[][] x = new double[labels.length][64];
        for (int s = 0; s < labels.length; s++) {
            for (int i = 0; i < 64; i++) {
                x[s][i] = d.inputs()[s][i] / 16.0;
            }
            labels[s] = d.labels()[s];
        }
        return x;
    }

    private static double[][] randomWeights(int units, int inputs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[units][inputs];
        for (double[] row : w) {
            for (int i = 0; i < inputs; i++) {
                row[i] = r.nextDouble(-0.5, 0.5);
            }
        }
        return w;
    }

    @Test
    void theHiddenGradientThroughTheReadoutMatchesCentralDifferences() {
        int[] labels = new int[20];
        double[][] x = digits(labels);
        for (double p : new double[] {2, 3, 4.5}) {
            CompetingReadout model = new CompetingReadout(p, 4.5, 6, 10, 3);
            double[][] w = randomWeights(6, 64, 11);
            double[][] g = model.hiddenGradient(w, x, labels);
            double largest = 0;
            for (double[] row : g) {
                for (double v : row) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            assertTrue(largest > 1e-3, "a gradient to test");
            for (int m = 0; m < 6; m++) {
                for (int i = 0; i < 64; i += 3) {
                    double keep = w[m][i];
                    w[m][i] = keep + EPS;
                    double up = model.loss(w, x, labels);
                    w[m][i] = keep - EPS;
                    double down = model.loss(w, x, labels);
                    w[m][i] = keep;
                    double fd = (up - down) / (2 * EPS);
                    assertEquals(fd, g[m][i], 1e-6 + 1e-5 * Math.abs(fd), "p=" + p + ", unit " + m + ", input " + i);
                }
            }
        }
    }

    @Test
    void theReadoutGradientMatchesCentralDifferencesAndOneStepFollowsIt() {
        int[] labels = new int[20];
        double[][] x = digits(labels);
        CompetingReadout model = new CompetingReadout(3, 4.5, 6, 10, 3);
        double[][] w = randomWeights(6, 64, 12);
        double[][] g = model.readoutGradient(w, x, labels);
        for (int c = 0; c < 10; c++) {
            for (int m = 0; m <= 6; m++) {
                double keep = model.get(c, m);
                model.set(c, m, keep + EPS);
                double up = model.loss(w, x, labels);
                model.set(c, m, keep - EPS);
                double down = model.loss(w, x, labels);
                model.set(c, m, keep);
                assertEquals((up - down) / (2 * EPS), g[c][m], 1e-7, "class " + c + ", weight " + m);
            }
        }
        double before = model.get(4, 2);
        model.learn(w, x, labels, 0.5);
        assertEquals(before - 0.5 * g[4][2], model.get(4, 2), 1e-15);
    }

    @Test
    void clampedHebbPointsDownTheGradientAtZeroWeightsAndTurnsAwayAsTheWeightsGrowAlongCwStar() {
        // Hebb with the output clamped to the target asks for Δw ∝ Σ t x, whatever w; gradient descent
        // on the squared error asks for −g ∝ Σ (t − w·x) x. At w = 0 the two are the same vector, on
        // any batch. In expectation Δw ∝ E[t x] = C w* and −g ∝ C (w* − w); Hebb grows w along C w*,
        // and at w = a C w* the cosine is cos(C w*, C w* − a C² w*), falling from 1 as a grows.
        LinearTeacherTask task = new LinearTeacherTask(6, 10, 0.1, 7, 10);
        Batch b = task.stream(2).next(20000);
        HebbRule rule = new HebbRule();
        RuleNetwork hebb = new RuleNetwork("hebb", rule, rule.params(Map.of("eta", 0.01, "clamp", true), "test"), 6, 1,
                Activation.LINEAR, false, 0, 0.0, 1);
        double[][] change = hebb.proposedUpdate(b.inputs(), b.targets());
        double[] zero = new double[6];
        assertEquals(1.0, Alignment.withDescent(change, SquaredError.gradient(zero, b.inputs(), b.targets())), 1e-12);

        double[] lambda = task.variances();
        double[] ws = task.teacher();
        double[] cw = new double[6];
        for (int j = 0; j < 6; j++) {
            cw[j] = lambda[j] * ws[j];
        }
        double previous = 1;
        for (double a : new double[] {0.5, 1, 2, 4}) {
            double[] w = new double[6];
            double[] descent = new double[6];
            for (int j = 0; j < 6; j++) {
                w[j] = a * cw[j];
                descent[j] = lambda[j] * (ws[j] - w[j]);
            }
            double theory = -Alignment.withDescent(new double[][] {cw}, new double[][] {descent});
            double measured = Alignment.withDescent(change, SquaredError.gradient(w, b.inputs(), b.targets()));
            assertEquals(theory, measured, 0.02, "a = " + a);
            assertTrue(measured < previous, "falls as w grows: " + measured + " after " + previous);
            previous = measured;
        }
        assertTrue(previous < 0, "far out along C w* Hebb climbs the error: " + previous);
    }
}
