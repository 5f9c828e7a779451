/**
 * The engine: a {@link org.neuroai.compare.engine.Study} (conditions, each a task with learners, a
 * schedule, measures and what to record; a plug-in for what is particular to an experiment; the
 * figures to draw) is run for every seed through the one
 * {@link org.neuroai.core.engine.TrainingLoop} by {@link org.neuroai.compare.engine.Engine}, which
 * writes the traces and describes the run's learners. Built-in experiments and comparison files
 * both become studies; neither has a loop of its own.
 */
package org.neuroai.compare.engine;
