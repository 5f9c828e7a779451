package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.Spiking;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;

/**
 * Firing rates of a spiking learner over the window since its previous checkpoint (steps are ms):
 * {@code output_rate_hz}, the spikes of its output neurons per neuron and second, and
 * {@code input_rate_hz}, the spikes it received per input and second. Nothing at the first
 * checkpoint, which has no window before it; nothing for a learner that does not spike. It keeps
 * the counts of the previous checkpoint, so a fresh one is made for every run.
 */
public final class FiringRates implements Measure {
    /** Output spikes per neuron and second. */
    public static final String OUTPUT = "output_rate_hz";
    /** Input spikes per input and second. */
    public static final String INPUT = "input_rate_hz";
    private long outputs;
    private long inputs;

    @Override
    public void measure(Learner learner, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        if (!(learner instanceof Spiking s)) {
            return;
        }
        if (at.previous() >= 0) {
            double window = (at.step() - at.previous()) / 1000.0;
            metrics.put(OUTPUT, (s.outputSpikes() - outputs) / (double) s.outputs() / window);
            metrics.put(INPUT, (s.inputSpikes() - inputs) / (double) s.inputs() / window);
        }
        outputs = s.outputSpikes();
        inputs = s.inputSpikes();
    }
}
