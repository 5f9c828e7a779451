package org.neuroai.core;

/** A learner whose knowledge is a linear subspace of input space (PCA-like learners). */
public interface SubspaceLearner {
    /**
     * Vectors spanning the learned subspace, as rows (not necessarily orthonormal).
     *
     * @return m x d
     */
    double[][] subspaceBasis();
}
