package org.neuroai.bio.spiking.protocols;

import java.util.ArrayList;
import java.util.List;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.core.UserError;

/**
 * Pairing protocols for spike-timing-dependent rules: the STDP window and Sjöström's frequency
 * dependence. Presynaptic spikes at k/f, postsynaptic spikes at k/f + Δt (k = 0 .. pairs − 1);
 * when a pre- and a postsynaptic spike share a time the presynaptic one is delivered first.
 * The weight change is read a long time after the last spike (so that slow variables, such as
 * calcium, have settled) and reported as a fraction of the initial weight: (w_end − w₀)/w₀.
 */
public final class Pairing {
    private Pairing() {}

    /** One point of a window or frequency curve. */
    public record Point(double frequencyHz, double deltaTMs, double weightChange) {}

    /**
     * Pairs at one frequency and timing.
     *
     * @param synapse a fresh synapse (it is reset first)
     * @param pairs number of pairs (at least 1)
     * @param frequencyHz pairing frequency
     * @param deltaTMs t_post − t_pre in ms
     * @param settleMs time after the last spike before the weight is read
     * @return (w_end − w₀)/w₀
     */
    public static double pair(SpikeSynapse synapse, int pairs, double frequencyHz, double deltaTMs, double settleMs) {
        if (pairs < 1) {
            throw new UserError("--pairs: " + pairs + " is not a valid number of pairs; valid is an integer >= 1.");
        }
        if (!(frequencyHz > 0) || Double.isInfinite(frequencyHz)) {
            throw new UserError("frequency " + frequencyHz + " Hz is not valid; valid is a number above 0.");
        }
        synapse.reset();
        double w0 = synapse.weight();
        double period = 1000.0 / frequencyHz;
        // shift everything so that no spike falls before time 0
        double offset = Math.max(0, -deltaTMs);
        double last = 0;
        for (int k = 0; k < pairs; k++) {
            double tPre = offset + k * period;
            double tPost = tPre + deltaTMs;
            if (tPost < tPre) {
                synapse.post(tPost);
                synapse.pre(tPre);
            } else {
                synapse.pre(tPre);
                synapse.post(tPost);
            }
            last = Math.max(tPre, tPost);
        }
        synapse.advance(last + settleMs);
        return (synapse.weight() - w0) / w0;
    }

    /**
     * The STDP window: the weight change for each timing.
     *
     * @param synapse the synapse (reset for every timing)
     * @param fromMs first Δt
     * @param toMs last Δt
     * @param stepMs spacing of Δt
     * @param pairs pairs per timing
     * @param frequencyHz pairing frequency
     * @param settleMs settling time before the weight is read
     * @return one point per timing
     */
    public static List<Point> window(SpikeSynapse synapse, double fromMs, double toMs, double stepMs, int pairs,
                                     double frequencyHz, double settleMs) {
        if (!(stepMs > 0) || toMs < fromMs) {
            throw new UserError("the window needs from <= to and a step above 0; got from " + fromMs + ", to " + toMs
                    + ", step " + stepMs + " ms.");
        }
        List<Point> out = new ArrayList<>();
        int n = (int) Math.floor((toMs - fromMs) / stepMs + 1e-9);
        for (int i = 0; i <= n; i++) {
            double dt = fromMs + i * stepMs;
            out.add(new Point(frequencyHz, dt, pair(synapse, pairs, frequencyHz, dt, settleMs)));
        }
        return out;
    }

    /** The frequencies of Sjöström, Turrigiano &amp; Nelson 2001, in Hz. */
    public static final double[] SJOSTROM_FREQUENCIES = {0.1, 10, 20, 40, 50};

    /**
     * Sjöström's protocol: 60 pairs at each frequency, post 10 ms after and 10 ms before pre.
     *
     * @param synapse the synapse (reset for every point)
     * @param settleMs settling time before the weight is read
     * @return points for Δt = +10 then −10 ms at each frequency
     */
    public static List<Point> sjostrom(SpikeSynapse synapse, double settleMs) {
        List<Point> out = new ArrayList<>();
        for (double dt : new double[] {10, -10}) {
            for (double f : SJOSTROM_FREQUENCIES) {
                out.add(new Point(f, dt, pair(synapse, 60, f, dt, settleMs)));
            }
        }
        return out;
    }
}
