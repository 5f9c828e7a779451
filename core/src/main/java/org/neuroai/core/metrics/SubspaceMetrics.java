package org.neuroai.core.metrics;

import org.neuroai.core.PrincipalSubspace;
import org.neuroai.core.Reconstructor;
import org.neuroai.core.Split;
import org.neuroai.core.SubspaceLearner;
import org.neuroai.core.WeightView;
import org.neuroai.core.linalg.Linalg;

/** Metrics of PCA-like learners, computed the same way for every family of learner. */
public final class SubspaceMetrics {
    private SubspaceMetrics() {}

    /**
     * Mean squared reconstruction error per input dimension on a split:
     * (1 / (n·d)) Σ_s ||x_s − x̂_s||².
     */
    public static double reconstructionMse(Reconstructor learner, Split split) {
        double[][] x = split.inputs();
        double[][] xh = learner.reconstruct(x);
        double sum = 0;
        for (int s = 0; s < x.length; s++) {
            for (int j = 0; j < x[s].length; j++) {
                double e = x[s][j] - xh[s][j];
                sum += e * e;
            }
        }
        return sum / ((double) x.length * x[0].length);
    }

    /**
     * The largest principal angle, in degrees, between the learner's subspace (of dimension m) and
     * the task's true top-m principal subspace. 0 when the learner has found it exactly; 90 when some
     * learned direction is orthogonal to it.
     */
    public static double principalAngleDeg(SubspaceLearner learner, PrincipalSubspace task) {
        double[][] basis = learner.subspaceBasis();
        return Linalg.largestPrincipalAngleDeg(basis, task.principalAxes(basis.length));
    }

    /** Euclidean norm of each unit's weight vector (each row of group "w"). */
    public static double[] unitNorms(WeightView w) {
        double[][] m = w.matrix("w");
        double[] norms = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            norms[i] = Linalg.norm(m[i]);
        }
        return norms;
    }

    /** Mean over units of {@link #unitNorms(WeightView)}. */
    public static double meanUnitNorm(WeightView w) {
        double[] n = unitNorms(w);
        double s = 0;
        for (double v : n) {
            s += v;
        }
        return s / n.length;
    }
}
