package org.neuroai.core.tasks;

import java.util.SplittableRandom;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;

/**
 * Two noisy cues of one quantity, as in Ernst &amp; Banks (2002, Nature 415:429-433), where a bar's
 * height is seen and felt: on every trial a true value s is drawn from a Gaussian prior
 * N(0, σ_0²) (a deviation from a standard, so centred at 0), and each cue reports it with its own
 * Gaussian noise, c_i = s + σ_i ε_i. The inputs are (c_1, c_2); the target is s, shown as
 * feedback.
 *
 * <p>What an observer of s from the cues should do: with precisions r_i = 1/σ_i² the posterior
 * mean is ŝ = (r_1 c_1 + r_2 c_2) / (r_0 + r_1 + r_2), a linear estimate whose weights are the
 * least-squares weights of s on the cues as well; their ratio w_1/(w_1 + w_2) = σ_2²/(σ_1² + σ_2²)
 * is the reliability weight whatever the prior, and its expected squared error is
 * 1/(r_0 + r_1 + r_2), below either cue's alone. Under a broad prior (r_0 → 0) the weights sum to 1
 * and the error is σ_1²σ_2²/(σ_1² + σ_2²).
 */
public final class CueCombinationTask implements Task {
    private final double[] sd;
    private final Split heldOut;

    /**
     * @param priorSd σ_0, the spread of the true values
     * @param sd1 σ_1, the noise of cue 1
     * @param sd2 σ_2, the noise of cue 2
     * @param heldOutSeed seed of the held-out trials
     * @param heldOutSize held-out trials
     */
    public CueCombinationTask(double priorSd, double sd1, double sd2, long heldOutSeed, int heldOutSize) {
        this.sd = new double[] {priorSd, sd1, sd2};
        Batch b = stream(~heldOutSeed * 0x9E3779B97F4A7C15L).next(heldOutSize);
        this.heldOut = new Split("held-out trials", b.inputs(), b.targets());
    }

    @Override
    public String name() {
        return "cue-combination";
    }

    @Override
    public int inputDim() {
        return 2;
    }

    /** σ_0, the spread of the true values. */
    public double priorSd() {
        return sd[0];
    }

    /** σ_i, the noise of cue i (1 or 2). */
    public double cueSd(int i) {
        return sd[i];
    }

    /** The precisions r_0, r_1, r_2 of the prior and the two cues. */
    public double[] precisions() {
        return new double[] {1 / (sd[0] * sd[0]), 1 / (sd[1] * sd[1]), 1 / (sd[2] * sd[2])};
    }

    /** The optimal (posterior-mean and least-squares) weights of the two cues: r_i / (r_0 + r_1 + r_2). */
    public double[] optimalWeights() {
        double[] r = precisions();
        double sum = r[0] + r[1] + r[2];
        return new double[] {r[1] / sum, r[2] / sum};
    }

    /** The expected squared error of the optimal estimate: 1 / (r_0 + r_1 + r_2). */
    public double optimalVariance() {
        double[] r = precisions();
        return 1 / (r[0] + r[1] + r[2]);
    }

    @Override
    public SampleStream stream(long orderSeed) {
        SplittableRandom rng = new SplittableRandom(orderSeed);
        return new PositionStream() {
            /** The true size of the trial whose cues were drawn last: its target. */
            private double s;

            @Override
            protected double[] input(long position) {
                s = sd[0] * GaussianTask.gaussian(rng);
                return new double[] {s + sd[1] * GaussianTask.gaussian(rng), s + sd[2] * GaussianTask.gaussian(rng)};
            }

            @Override
            protected double[] target(long position) {
                return new double[] {s};
            }
        };
    }

    @Override
    public Split heldOut() {
        return heldOut;
    }
}
