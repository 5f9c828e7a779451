package org.neuroai.core;

/**
 * Anything found by name: a plasticity rule, a network, a task, an experiment.
 *
 * <p>Implementations are listed in {@code META-INF/services/<interface>} files and found by
 * {@link java.util.ServiceLoader}, so a jar on the class path can add one without touching the
 * toolkit. They need a public no-argument constructor.
 */
public interface Registered {
    /** The name used on the command line and in specs: lower case, words joined by '-'. */
    String name();

    /** One line saying what it is, shown by {@code neuroai list}. */
    String description();
}
