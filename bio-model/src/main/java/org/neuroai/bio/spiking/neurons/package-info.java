/**
 * Spiking neurons and spike sources.
 *
 * <p>{@link org.neuroai.bio.spiking.neurons.LifNeuron} is the leaky integrate-and-fire neuron
 * with current-based input (integrated exactly between events) or conductance-based excitatory
 * input (integrated with a fixed step). Spike sources ({@link org.neuroai.bio.spiking.neurons.SpikeSource})
 * give spike times one by one: Poisson, regular, or a given list; {@link
 * org.neuroai.bio.spiking.neurons.SpikeQueue} merges many of them into one stream in time order.
 * Times are in milliseconds, potentials in millivolts, currents in nanoamperes.
 */
package org.neuroai.bio.spiking.neurons;
