/** The built-in networks. */
package org.neuroai.ann.networks;
