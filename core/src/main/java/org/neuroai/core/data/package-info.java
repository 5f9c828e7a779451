/** Loaders for the vendored data sets (CSV and MNIST IDX), with a log of what was read for provenance. */
package org.neuroai.core.data;
