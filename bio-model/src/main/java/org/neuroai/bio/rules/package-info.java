/** The built-in rate-based plasticity rules, each with its equation and paper. */
package org.neuroai.bio.rules;
