package org.neuroai.bio.spiking.tasks;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.bio.spiking.neurons.PoissonSource;
import org.neuroai.bio.spiking.neurons.SpikeSource;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;

/**
 * Independent homogeneous Poisson trains, one per input, all at one rate ({@link PoissonSource}),
 * as in S. Song, K. D. Miller &amp; L. F. Abbott 2000 (Nat. Neurosci. 3:919-926).
 *
 * <p>Seeds: the trains of seed s come from one root, {@code new SplittableRandom(s)}; its first
 * split is left to the initial weights of a network grown from the same seed
 * ({@link org.neuroai.bio.spiking.networks.SpikingNetwork#weightRandom(long)}), and input i draws its
 * intervals from the split after that, in input order. So a network and its inputs made from one
 * seed draw from independent streams of one root.
 */
public final class PoissonTask extends SpikeTask {
    private final double rateHz;

    /** Registers the task under the name "poisson". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "poisson";
        }

        @Override
        public String description() {
            return "independent Poisson spike trains, one per input, all at one rate (steps are ms)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.integer("inputs", 1000, 1, 1_000_000, "inputs, each an independent Poisson train"),
                    ParamSpec.real("rate_hz", 15, 0, 1000, "Hz", "rate of every input"));
        }

        @Override
        public Task create(Params p) {
            return new PoissonTask(p.integer("inputs"), p.real("rate_hz"));
        }
    }

    /**
     * @param inputs number of inputs
     * @param rateHz rate of every input, in Hz
     */
    public PoissonTask(int inputs, double rateHz) {
        super("poisson", inputs);
        this.rateHz = rateHz;
    }

    /** The rate of every input, in Hz. */
    public double rateHz() {
        return rateHz;
    }

    @Override
    protected SpikeSource[] sources(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split(); // the initial weights' stream of a network of the same seed
        SpikeSource[] out = new SpikeSource[inputDim()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new PoissonSource(rateHz, root.split());
        }
        return out;
    }
}
