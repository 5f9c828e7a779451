/**
 * The one training loop: a {@link org.neuroai.core.engine.Schedule} says how long, in chunks of
 * what size and when to record; the {@link org.neuroai.core.engine.TrainingLoop} hands every
 * learner the same chunk of a task's stream, never lets a chunk run past a checkpoint, and calls
 * back at every checkpoint, where {@link org.neuroai.core.engine.Measure}s score the learners.
 * Every experiment and every comparison trains through it.
 */
package org.neuroai.core.engine;
