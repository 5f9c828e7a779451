/**
 * Tasks of spikes: Poisson, periodic or given spike trains, handed out as windows of simulated
 * time ({@link org.neuroai.core.Spikes}), one step per ms, to learners made of spiking neurons.
 */
package org.neuroai.bio.spiking.tasks;
