/**
 * Networks trained by gradient descent on Deeplearning4j/ND4J. A network is a
 * {@link org.neuroai.ann.NetworkFactory}, found by name through the registry.
 */
package org.neuroai.ann;
