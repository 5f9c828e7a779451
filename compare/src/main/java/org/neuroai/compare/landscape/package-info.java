/**
 * Loss landscapes of finished runs, after Li, Xu, Taylor, Studer &amp; Goldstein (2018),
 * "Visualizing the loss landscape of neural nets" (NeurIPS): the loss along the line from a
 * learner's initial to its final weights, on a plane of two filter-normalised random directions
 * through the final weights, and on the plane of the first two principal components of the
 * recorded weight trajectory, with the trajectories drawn on it. Computed from a run's weights.csv
 * into the files of {@link org.neuroai.compare.files.LandscapeFiles}; the registered landscape
 * figures draw those files.
 */
package org.neuroai.compare.landscape;
