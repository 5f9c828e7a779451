/**
 * Spiking neurons.
 *
 * <p>{@link org.neuroai.bio.spiking.neurons.LifNeuron} is the leaky integrate-and-fire neuron
 * with current-based input (integrated exactly between events) or conductance-based excitatory
 * input (integrated with a fixed step). Times are in milliseconds, potentials in millivolts,
 * currents in nanoamperes.
 */
package org.neuroai.bio.spiking.neurons;
