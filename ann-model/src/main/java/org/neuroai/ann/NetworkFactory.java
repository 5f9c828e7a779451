package org.neuroai.ann;

import java.util.List;
import org.neuroai.core.Footprint;
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

    /**
     * Declares the memory a network of these parameters will take, before it is built: by default
     * nothing, for a network whose size is bounded by its declared parameter ranges.
     *
     * @param f the run's footprint
     * @param params resolved parameters
     * @param nInputs input dimension
     * @param paramsKey where its parameters were given ("learners[0].params"), for messages
     * @param learner the learner's name
     * @param copies how many of it live at once (seeds run in parallel)
     */
    default void footprint(Footprint f, Params params, int nInputs, String paramsKey, String learner, int copies) {}
}
