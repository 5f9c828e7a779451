package org.neuroai.core;

import java.util.List;

/** A registered kind of task, made from parameters. */
public interface TaskFactory extends Registered {
    /** The parameters the task accepts, with defaults. */
    List<ParamSpec> parameters();

    /**
     * Makes the task.
     *
     * @param params resolved parameters
     * @return the task
     * @throws UserError when a data file is missing or malformed
     */
    Task create(Params params);
}
