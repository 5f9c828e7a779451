package org.neuroai.bio.spiking.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroai.bio.spiking.neurons.RegularSource;
import org.neuroai.bio.spiking.neurons.SpikeSource;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/**
 * Periodic trains, one per input, all at one rate ({@link RegularSource}): input i fires at
 * φ_i + k / rate for k = 0, 1, 2, ..., where the phases φ_i (the times of the first spikes) are
 * given, or 0 for all. The trains do not depend on the seed.
 */
public final class RegularTask extends SpikeTask {
    private final double rateHz;
    private final double[] phasesMs;

    /** Registers the task under the name "regular". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "regular";
        }

        @Override
        public String description() {
            return "periodic spike trains, one per input, at one rate with optional phase offsets (steps are ms)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.integer("inputs", 1, 1, 1_000_000, "inputs, each a periodic train"),
                    ParamSpec.positive("rate_hz", 20, 1000, "Hz", "rate of every input"),
                    ParamSpec.text("phases_ms", "", "time of each input's first spike in ms, comma-separated: one value for all "
                            + "inputs or one per input; empty: 0 for all"));
        }

        @Override
        public Task create(Params p) {
            int n = p.integer("inputs");
            return new RegularTask(n, p.real("rate_hz"), phases(p.string("phases_ms"), n));
        }
    }

    /**
     * @param inputs number of inputs
     * @param rateHz rate of every input, in Hz
     * @param phasesMs the time of each input's first spike, in ms (one per input)
     */
    public RegularTask(int inputs, double rateHz, double[] phasesMs) {
        super("regular", inputs);
        if (phasesMs.length != inputs) {
            throw new IllegalArgumentException(phasesMs.length + " phases for " + inputs + " inputs");
        }
        this.rateHz = rateHz;
        this.phasesMs = phasesMs.clone();
        for (double phase : phasesMs) {
            new RegularSource(rateHz, phase); // refuses a negative or infinite phase now, not at the first window
        }
    }

    /**
     * Reads the phases setting.
     *
     * @param text comma-separated times in ms, or empty
     * @param inputs number of inputs
     * @return one phase per input
     * @throws UserError naming the setting and what is valid
     */
    static double[] phases(String text, int inputs) {
        double[] out = new double[inputs];
        if (text.isBlank()) {
            return out;
        }
        List<Double> given = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                double v = Double.parseDouble(part.trim());
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new NumberFormatException(part);
                }
                given.add(v);
            } catch (NumberFormatException e) {
                throw new UserError(String.format(Locale.ROOT, "task regular: phases_ms value '%s' is not valid; valid are finite "
                        + "times in ms >= 0, comma-separated.", part.trim()));
            }
        }
        if (given.size() != 1 && given.size() != inputs) {
            throw new UserError(String.format(Locale.ROOT, "task regular: phases_ms has %d values for %d inputs; give one value "
                    + "for all inputs or one per input.", given.size(), inputs));
        }
        for (int i = 0; i < inputs; i++) {
            out[i] = given.get(given.size() == 1 ? 0 : i);
        }
        return out;
    }

    /** The rate of every input, in Hz. */
    public double rateHz() {
        return rateHz;
    }

    @Override
    protected SpikeSource[] sources(long seed) {
        SpikeSource[] out = new SpikeSource[inputDim()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new RegularSource(rateHz, phasesMs[i]);
        }
        return out;
    }
}
