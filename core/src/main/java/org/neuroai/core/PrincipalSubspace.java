package org.neuroai.core;

/**
 * A task whose input covariance is known, so the principal subspace a learner should find is known.
 */
public interface PrincipalSubspace {
    /**
     * The top principal axes of the training distribution, as rows, in order of decreasing variance.
     *
     * @param m how many axes (1 &lt;= m &lt;= input dimension)
     * @return an m x d matrix with orthonormal rows
     */
    double[][] principalAxes(int m);

    /** The variances along the principal axes, in decreasing order (length d). */
    double[] eigenvalues();
}
