/**
 * Experimental protocols run on a {@link org.neuroai.bio.spiking.SpikeSynapse}: trains of
 * stimuli in sessions, rests and shocks, as in the papers the spiking models are checked against.
 * Protocols take their times in seconds and hand the synapse milliseconds.
 */
package org.neuroai.bio.spiking.protocols;
