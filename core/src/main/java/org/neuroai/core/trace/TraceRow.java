package org.neuroai.core.trace;

/**
 * One row of a long-format trace.
 *
 * @param learner learner name
 * @param seed the run's seed
 * @param step presentations so far
 * @param metric metric or weight-group name
 * @param index element index (-1 for scalar metrics)
 * @param value the value
 */
public record TraceRow(String learner, long seed, long step, String metric, int index, double value) {}
