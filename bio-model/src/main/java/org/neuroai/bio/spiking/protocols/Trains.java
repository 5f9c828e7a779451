package org.neuroai.bio.spiking.protocols;

import java.util.ArrayList;
import java.util.List;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.core.UserError;

/** Spike-train protocols: a regular presynaptic train, and arbitrary pre/post spike times. */
public final class Trains {
    private Trains() {}

    /** The response to one spike of a train. */
    public record Response(int spike, double timeMs, double response) {}

    /** The weight after one event of a custom protocol. */
    public record Event(double timeMs, String kind, double weight) {}

    /**
     * A regular presynaptic train.
     *
     * @param synapse the synapse (reset first)
     * @param frequencyHz rate of the train
     * @param spikes number of spikes
     * @return the response of every spike (1-based)
     */
    public static List<Response> regular(SpikeSynapse synapse, double frequencyHz, int spikes) {
        if (!(frequencyHz > 0) || Double.isInfinite(frequencyHz)) {
            throw new UserError("--frequency: " + frequencyHz + " Hz is not valid; valid is a number above 0.");
        }
        if (spikes < 1) {
            throw new UserError("--spikes: " + spikes + " is not valid; valid is an integer >= 1.");
        }
        synapse.reset();
        List<Response> out = new ArrayList<>();
        for (int k = 0; k < spikes; k++) {
            double t = k * 1000.0 / frequencyHz;
            out.add(new Response(k + 1, t, synapse.pre(t)));
        }
        return out;
    }

    /**
     * Delivers given pre- and postsynaptic spike times in time order (pre first at equal times).
     *
     * @param synapse the synapse (reset first)
     * @param pre presynaptic spike times in ms, non-negative
     * @param post postsynaptic spike times in ms, non-negative
     * @return the weight after every spike
     */
    public static List<Event> custom(SpikeSynapse synapse, double[] pre, double[] post) {
        double[] a = sorted(pre, "--pre-spikes");
        double[] b = sorted(post, "--post-spikes");
        synapse.reset();
        List<Event> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] <= b[j])) {
                synapse.pre(a[i]);
                out.add(new Event(a[i], "pre", synapse.weight()));
                i++;
            } else {
                synapse.post(b[j]);
                out.add(new Event(b[j], "post", synapse.weight()));
                j++;
            }
        }
        return out;
    }

    private static double[] sorted(double[] times, String option) {
        for (int k = 0; k < times.length; k++) {
            if (!Double.isFinite(times[k]) || times[k] < 0) {
                throw new UserError(option + ": spike time " + times[k] + " is not valid; valid are finite times >= 0 in ms.");
            }
            if (k > 0 && times[k] < times[k - 1]) {
                throw new UserError(option + ": spike times must be in increasing order, but " + times[k] + " follows "
                        + times[k - 1] + ".");
            }
        }
        return times;
    }
}
