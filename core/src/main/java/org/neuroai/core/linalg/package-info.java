/** Small dense linear algebra on Java arrays: eigendecomposition, principal angles. */
package org.neuroai.core.linalg;
