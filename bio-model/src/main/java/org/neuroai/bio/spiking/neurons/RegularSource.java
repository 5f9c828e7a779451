package org.neuroai.bio.spiking.neurons;

import java.util.Locale;
import org.neuroai.core.UserError;

/**
 * A periodic spike train: spikes at phase + k / rate for k = 0, 1, 2, ... Each time is computed
 * from k, not by adding up intervals, so it does not drift over long trains.
 */
public final class RegularSource implements SpikeSource {
    private final double periodMs;
    private final double phaseMs;
    private long k;

    /**
     * @param rateHz the rate in Hz, positive
     * @param phaseMs the time of the first spike in ms, not negative
     * @throws UserError for a rate or phase outside those ranges
     */
    public RegularSource(double rateHz, double phaseMs) {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new UserError(String.format(Locale.ROOT, "regular source: invalid rate %s Hz; valid is a finite number > 0.", rateHz));
        }
        if (!(phaseMs >= 0) || Double.isInfinite(phaseMs)) {
            throw new UserError(String.format(Locale.ROOT, "regular source: invalid phase %s ms; valid is a finite number >= 0.", phaseMs));
        }
        this.periodMs = 1000.0 / rateHz;
        this.phaseMs = phaseMs;
    }

    @Override
    public double next() {
        return phaseMs + periodMs * k++;
    }
}
