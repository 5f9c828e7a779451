/**
 * Spiking models: synapses driven by spike events (STDP, short-term plasticity, calcium, Aplysia),
 * neurons and spike sources. Times are in milliseconds.
 */
package org.neuroai.bio.spiking;
