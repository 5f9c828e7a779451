/**
 * Neurons, synapses and plasticity rules that use only what a synapse can see.
 * A rule is a {@link org.neuroai.bio.PlasticityRule}, found by name through the registry.
 */
package org.neuroai.bio;
