package org.neuroai.compare.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.SampleStream;
import org.neuroai.core.tasks.CueCombinationTask;
import org.neuroai.core.tasks.SpeedMeasurementTask;

/** The Bayesian observers of the perception experiments against their conjugate closed forms. */
class BayesianObserversTest {
    @Test
    void trialByTrialUpdatingOfEachVarianceEqualsTheBatchInverseGammaPosterior() {
        CueCombinationTask task = new CueCombinationTask(3, 0.5, 2, 1, 10);
        ReliabilityObserver online = new ReliabilityObserver("bayes", 2, 1.5, 0.7);
        SampleStream stream = task.stream(42);
        double[][] x = new double[500][];
        double[][] t = new double[500][];
        for (int n = 0; n < 500; n++) {
            Batch b = stream.next(1);
            online.learn(b);
            x[n] = b.inputs()[0];
            t[n] = b.targets()[0];
        }
        // the normal with known mean 0: IG(a + n/2, b + Σ e²/2), the residuals taken all at once
        double[] sq = new double[3];
        for (int n = 0; n < 500; n++) {
            sq[0] += t[n][0] * t[n][0];
            sq[1] += (x[n][0] - t[n][0]) * (x[n][0] - t[n][0]);
            sq[2] += (x[n][1] - t[n][0]) * (x[n][1] - t[n][0]);
        }
        double[] r = new double[3];
        for (int j = 0; j < 3; j++) {
            double[] post = online.posterior(j);
            assertEquals(1.5 + 250, post[0], 1e-9 * post[0], "shape of variance " + j);
            assertEquals(0.7 + sq[j] / 2, post[1], 1e-9 * post[1], "rate of variance " + j);
            r[j] = (1.5 + 250) / (0.7 + sq[j] / 2);
        }
        double[] w = online.weights().copy("w");
        assertArrayEquals(new double[] {r[1] / (r[0] + r[1] + r[2]), r[2] / (r[0] + r[1] + r[2])}, w, 1e-12);
        assertEquals(w[0] * 2 + w[1] * -1, online.predict(new double[][] {{2, -1}})[0][0], 1e-12, "the estimate is the weighted sum");
        assertEquals(Family.BAYESIAN, online.family());
        assertEquals(500, online.presentations());
    }

    @Test
    void theObserverConvergesToTheOptimalWeightsWhoseRatioIsTheReliabilityWeight() {
        CueCombinationTask task = new CueCombinationTask(3, 0.5, 2, 1, 10);
        ReliabilityObserver o = new ReliabilityObserver("bayes", 2, 1, 1);
        double[] before = o.weights().copy("w");
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0}, before, 1e-12, "a naive observer trusts the prior and both cues alike");
        o.learn(task.stream(7).next(20_000));
        double[] w = o.weights().copy("w");
        double[] optimal = task.optimalWeights();
        assertArrayEquals(optimal, w, 0.01);
        // whatever the prior, the ratio is sigma_2^2 / (sigma_1^2 + sigma_2^2) = 4 / 4.25
        assertEquals(4 / 4.25, optimal[0] / (optimal[0] + optimal[1]), 1e-12);
        assertEquals(4 / 4.25, w[0] / (w[0] + w[1]), 0.01);
        assertTrue(optimal[0] + optimal[1] < 1, "a Gaussian prior shrinks the estimate towards its mean");
    }

    @Test
    void theOptimalWeightsAreTheLeastSquaresWeightsOfTheTrueValueOnTheCues() {
        // the normal equations of s on (c1, c2) from many samples give r_i / (r_0 + r_1 + r_2)
        CueCombinationTask task = new CueCombinationTask(2, 1, 1.5, 1, 10);
        Batch b = task.stream(3).next(400_000);
        double a11 = 0;
        double a12 = 0;
        double a22 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int n = 0; n < b.size(); n++) {
            double[] c = b.inputs()[n];
            double s = b.targets()[n][0];
            a11 += c[0] * c[0];
            a12 += c[0] * c[1];
            a22 += c[1] * c[1];
            y1 += c[0] * s;
            y2 += c[1] * s;
        }
        double det = a11 * a22 - a12 * a12;
        double[] ls = {(a22 * y1 - a12 * y2) / det, (a11 * y2 - a12 * y1) / det};
        assertArrayEquals(task.optimalWeights(), ls, 0.01);
        double r0 = 0.25;
        double r1 = 1;
        double r2 = 1 / 2.25;
        assertEquals(1 / (r0 + r1 + r2), task.optimalVariance(), 1e-12);
        assertTrue(task.optimalVariance() < Math.min(1, 2.25), "the combined estimate beats either cue");
    }

    @Test
    void theSpeedObserversPosteriorIsTheProductOfItsGaussians() {
        double priorSd = 2;
        double noiseSd = 3;
        SpeedObserver o = new SpeedObserver("observer", priorSd, noiseSd);
        assertEquals(0, o.mean(), 0);
        assertEquals(priorSd, o.sd(), 1e-12, "before any measurement the posterior is the prior");
        SampleStream stream = new SpeedMeasurementTask(4, noiseSd, 1).stream(5);
        double sum = 0;
        for (int n = 1; n <= 30; n++) {
            Batch b = stream.next(1);
            double m = b.inputs()[0][0];
            // the posterior so far, N(mu, s^2), times the likelihood N(m, noise^2): the product of two Gaussians
            double mu = o.mean();
            double s2 = o.sd() * o.sd();
            double expected = (mu * noiseSd * noiseSd + m * s2) / (s2 + noiseSd * noiseSd);
            double expectedSd = Math.sqrt(s2 * noiseSd * noiseSd / (s2 + noiseSd * noiseSd));
            o.learn(b);
            sum += m;
            assertEquals(expected, o.mean(), 1e-9, "posterior mean after " + n);
            assertEquals(expectedSd, o.sd(), 1e-9, "posterior sd after " + n);
            assertEquals(sum / (noiseSd * noiseSd) / (1 / (priorSd * priorSd) + n / (noiseSd * noiseSd)), o.mean(), 1e-9, "batch, after " + n);
            assertEquals(o.mean(), o.weights().copy("w")[0], 0);
        }
    }
}
