/**
 * Networks of spiking neurons and learning synapses, written for speed: state in flat arrays,
 * traces decayed in closed form when read, inputs merged in time order. Times are in
 * milliseconds.
 */
package org.neuroai.bio.spiking.networks;
