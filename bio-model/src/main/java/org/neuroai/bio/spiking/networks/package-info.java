/**
 * Networks of spiking neurons whose synapses learn by any registered spike rule, driven by the
 * windows of a task of spikes. Times are in milliseconds.
 */
package org.neuroai.bio.spiking.networks;
