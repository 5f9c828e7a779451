/**
 * Measures shared by experiments and comparison files: held-out scores (accuracy, squared error,
 * reconstruction error, principal angle), weight norms, training time and epochs. Each is an
 * {@link org.neuroai.core.engine.Measure}, made afresh for every learner of every run of the loop.
 */
package org.neuroai.compare.measures;
