/**
 * The shared language of neuroai: {@link org.neuroai.core.Task}, {@link org.neuroai.core.Learner},
 * parameters, the {@link org.neuroai.core.Registry} and {@link org.neuroai.core.Provenance}.
 * No Deeplearning4j here, so the biological and the gradient modules never depend on each other.
 */
package org.neuroai.core;
