/** Built-in tasks: synthetic Gaussians with known covariance, and the vendored real data sets. */
package org.neuroai.core.tasks;
