/**
 * Spike-driven synapse models, one class per rule, each a {@link org.neuroai.bio.spiking.SpikeRule}:
 * pair and triplet STDP, Tsodyks-Markram short-term plasticity, calcium-based plasticity and the
 * Aplysia sensory-motor synapse. Named as the rate rules of {@code org.neuroai.bio.rules} are.
 */
package org.neuroai.bio.spiking.rules;
