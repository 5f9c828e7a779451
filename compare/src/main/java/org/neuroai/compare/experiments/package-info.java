/** The built-in experiments. */
package org.neuroai.compare.experiments;
