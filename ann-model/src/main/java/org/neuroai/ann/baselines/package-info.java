/** Reference classifiers from Tribuo, with their provenance. */
package org.neuroai.ann.baselines;
