/** Layers of units whose weights change by a plasticity rule; they are learners to an experiment. */
package org.neuroai.bio.network;
