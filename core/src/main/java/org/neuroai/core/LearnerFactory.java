package org.neuroai.core;

import java.util.List;

/**
 * A registered kind of learner that is built from declared parameters: a network trained by
 * gradient descent, a Bayesian model that updates a posterior. Found by name like the plasticity
 * rules, through its own service file.
 */
public interface LearnerFactory extends Registered {
    /** The learner's parameters with defaults and ranges. */
    List<ParamSpec> parameters();

    /**
     * Builds a fresh learner.
     *
     * @param name the learner's name in traces
     * @param params resolved parameters
     * @param nInputs input dimension
     * @param weightSeed seed of the initial weights (the order of samples is the task's business)
     * @return the learner
     */
    Learner create(String name, Params params, int nInputs, long weightSeed);

    /**
     * Declares the memory a learner of these parameters will take, before it is built: by default
     * nothing, for a learner whose size is bounded by its declared parameter ranges.
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
