package org.neuroai.bio.spiking.neurons;

import java.util.Locale;
import org.neuroai.core.UserError;

/** A given spike train, such as recorded spike times or a pairing protocol. */
public final class SpikeTimesSource implements SpikeSource {
    private final double[] times;
    private int next;

    /**
     * @param timesMs spike times in ms: finite, not negative, in increasing order (a neuron cannot
     *     fire twice at one instant); copied
     * @param where the file or option the times came from, for the error message
     * @throws UserError naming {@code where} and the first offending time
     */
    public SpikeTimesSource(double[] timesMs, String where) {
        for (int i = 0; i < timesMs.length; i++) {
            double t = timesMs[i];
            if (!Double.isFinite(t)) {
                throw new UserError(String.format(Locale.ROOT, "%s: spike time at index %d is %s; every spike time must be a finite number of ms.",
                        where, i, t));
            }
            if (t < 0) {
                throw new UserError(String.format(Locale.ROOT, "%s: spike time at index %d is %s ms; spike times must not be negative.",
                        where, i, t));
            }
            if (i > 0 && t <= timesMs[i - 1]) {
                throw new UserError(String.format(Locale.ROOT,
                        "%s: spike time at index %d (%s ms) does not come after the one before it (%s ms); give the times in increasing order.",
                        where, i, t, timesMs[i - 1]));
            }
        }
        this.times = timesMs.clone();
    }

    @Override
    public double next() {
        return next < times.length ? times[next++] : Double.POSITIVE_INFINITY;
    }
}
