package org.neuroai.bio.spiking.neurons;

import java.util.Locale;
import java.util.SplittableRandom;
import org.neuroai.core.UserError;

/**
 * A homogeneous Poisson spike train: independent, exponentially distributed inter-spike
 * intervals with mean 1/rate, drawn one at a time from a seeded {@link SplittableRandom}
 * (P. Dayan &amp; L. F. Abbott 2001, <i>Theoretical Neuroscience</i>, section 1.4). The spike
 * count in a window T has mean and variance rate·T, and the intervals have a coefficient of
 * variation of 1. The train starts at time 0; the same seed gives the same train.
 */
public final class PoissonSource implements SpikeSource {
    private final double meanIsiMs;
    private final SplittableRandom random;
    private double time;

    /**
     * @param rateHz the rate in Hz (0 gives no spikes)
     * @param seed the seed of the intervals
     * @throws UserError for a negative or non-finite rate
     */
    public PoissonSource(double rateHz, long seed) {
        this(rateHz, new SplittableRandom(seed));
    }

    /**
     * @param rateHz the rate in Hz (0 gives no spikes)
     * @param random the generator of the intervals, used by this source only
     * @throws UserError for a negative or non-finite rate
     */
    public PoissonSource(double rateHz, SplittableRandom random) {
        if (!(rateHz >= 0) || Double.isInfinite(rateHz)) {
            throw new UserError(String.format(Locale.ROOT, "Poisson source: invalid rate %s Hz; valid is a finite number >= 0.", rateHz));
        }
        this.meanIsiMs = rateHz == 0 ? Double.POSITIVE_INFINITY : 1000.0 / rateHz;
        this.random = random;
    }

    @Override
    public double next() {
        // 1 − u lies in (0, 1], so the logarithm is finite.
        time -= meanIsiMs * Math.log1p(-random.nextDouble());
        return time;
    }
}
