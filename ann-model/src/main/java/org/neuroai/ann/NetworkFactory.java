package org.neuroai.ann;

import java.util.List;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registered;

/**
 * A registered kind of gradient-trained network. Like plasticity rules, networks are found by
 * name: one class plus one line in {@code META-INF/services/org.neuroai.ann.NetworkFactory}.
 */
public interface NetworkFactory extends Registered {
    /** The network's parameters (architecture, optimiser, learning rate) with defaults. */
    List<ParamSpec> parameters();

    /**
     * Builds a fresh network.
     *
     * @param name the learner's name in traces
     * @param params resolved parameters
     * @param nInputs input dimension
     * @param weightSeed seed of the initial weights (the order of samples is the task's business)
     * @return the network as a learner
     */
    Learner create(String name, Params params, int nInputs, long weightSeed);
}
