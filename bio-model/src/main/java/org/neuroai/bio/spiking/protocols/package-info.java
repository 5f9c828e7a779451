/** Stimulation protocols for spike-driven synapses: pairings, trains, habituation. */
package org.neuroai.bio.spiking.protocols;
