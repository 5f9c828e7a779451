package org.neuroai.core.tasks;

import java.util.SplittableRandom;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;

/**
 * Noisy measurements of the speed of one moving stimulus, as the motion model of Weiss, Simoncelli
 * &amp; Adelson (2002, Nat Neurosci 5:598-604) takes them: the stimulus moves at a true speed v, and
 * each trial is one measurement m = v + σ ε, ε standard normal, where σ, the width of the
 * likelihood, grows as the stimulus's contrast falls. The input is m; the target is v.
 *
 * <p>Nothing is held out: the stimulus is the task, and its one held-out sample is the stimulus
 * itself (input and target v).
 */
public final class SpeedMeasurementTask implements Task {
    private final double speed;
    private final double noise;
    private final long stimulus;

    /**
     * @param speed the true speed v
     * @param noise σ, the measurement noise (the likelihood's standard deviation)
     * @param stimulus which stimulus of an experiment this is: mixed into the seed, so that stimuli
     *     shown under one run seed get independent noise
     */
    public SpeedMeasurementTask(double speed, double noise, long stimulus) {
        this.speed = speed;
        this.noise = noise;
        this.stimulus = stimulus;
    }

    @Override
    public String name() {
        return "speed-measurement";
    }

    @Override
    public int inputDim() {
        return 1;
    }

    /** The true speed v. */
    public double speed() {
        return speed;
    }

    /** σ, the measurement noise. */
    public double noise() {
        return noise;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        SplittableRandom rng = new SplittableRandom(orderSeed ^ (stimulus * 0x9E3779B97F4A7C15L));
        return new PositionStream() {
            @Override
            protected double[] input(long position) {
                return new double[] {speed + noise * GaussianTask.gaussian(rng)};
            }

            @Override
            protected double[] target(long position) {
                return new double[] {speed};
            }
        };
    }

    /** The stimulus itself. */
    @Override
    public Split heldOut() {
        return new Split("the stimulus", new double[][] {{speed}}, new double[][] {{speed}});
    }

    /** The one held-out sample is the stimulus the measurements come from. */
    @Override
    public boolean scoresOnTrainingSamples() {
        return true;
    }
}
