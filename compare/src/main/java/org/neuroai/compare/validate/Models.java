package org.neuroai.compare.validate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.neurons.LifNeuron;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;

/**
 * The models {@code validate} checks, by name: the registered ones unless replaced. A test
 * replaces one with a deliberately wrong model (a mutant) and asserts that some check fails.
 *
 * @param spike spike rules replacing the registered ones, by name
 * @param rate rate rules replacing the registered ones, by name
 * @param neuron parameter values forced on the LIF neurons, by kind ({@value #LIF_CURRENT}, {@value #LIF_CONDUCTANCE})
 */
public record Models(Map<String, SpikeRule> spike, Map<String, PlasticityRule> rate, Map<String, Map<String, Object>> neuron) {
    /** The current-based LIF. */
    public static final String LIF_CURRENT = "lif-current";
    /** The conductance-based LIF. */
    public static final String LIF_CONDUCTANCE = "lif-conductance";

    /** The registered models, unchanged. */
    public static Models registered() {
        return new Models(Map.of(), Map.of(), Map.of());
    }

    /** These models with a spike rule replaced (by its name). */
    public Models with(SpikeRule r) {
        Map<String, SpikeRule> m = new HashMap<>(spike);
        m.put(r.name(), r);
        return new Models(m, rate, neuron);
    }

    /** These models with a rate rule replaced (by its name). */
    public Models with(PlasticityRule r) {
        Map<String, PlasticityRule> m = new HashMap<>(rate);
        m.put(r.name(), r);
        return new Models(spike, m, neuron);
    }

    /** These models with parameter values forced on a LIF neuron kind, whatever a check asks for. */
    public Models withNeuron(String kind, Map<String, Object> forced) {
        Map<String, Map<String, Object>> m = new HashMap<>(neuron);
        m.put(kind, forced);
        return new Models(spike, rate, m);
    }

    SpikeRule spike(String name) {
        return spike.containsKey(name) ? spike.get(name) : Registry.get(SpikeRule.class, name, "rule");
    }

    PlasticityRule rate(String name) {
        return rate.containsKey(name) ? rate.get(name) : Registry.get(PlasticityRule.class, name, "rule");
    }

    /** A LIF kind's parameters: defaults, then what the check asks for, then any forced values. */
    Params lif(String kind, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(neuron.getOrDefault(kind, Map.of()));
        return Params.resolve(kind.equals(LIF_CURRENT) ? LifNeuron.CurrentBased.currentParameters()
                : LifNeuron.ConductanceBased.conductanceParameters(), all, "validate");
    }
}
