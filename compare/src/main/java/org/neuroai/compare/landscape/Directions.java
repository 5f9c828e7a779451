package org.neuroai.compare.landscape;

import java.util.List;
import java.util.Random;
import org.neuroai.core.linalg.Linalg;

/**
 * The two kinds of plane of Li et al. (2018): filter-normalised random directions (their Sec. 4)
 * and the principal components of a weight trajectory (their Sec. 7).
 */
public final class Directions {
    private Directions() {}

    /**
     * A Gaussian random direction, filter-normalised: every filter (one unit's incoming weights, see
     * {@link Block.Filters}) of the direction is scaled to the norm of the same filter of
     * {@code theta}. Biases in blocks of their own ({@link Block.Filters#BIAS}) get 0 in the
     * direction, as in Li et al., so a plane through θ keeps them at their value in θ. A filter of θ
     * that is all zero gets a zero filter.
     *
     * @param theta the parameters the direction is normalised against (the final weights)
     * @param layout the blocks of {@code theta}, in order
     * @param rng the source of the Gaussian draws (seeded, so a redraw gives the same plane)
     * @return the direction, laid out as {@code theta}
     */
    public static double[] filterNormalised(double[] theta, List<Block> layout, Random rng) {
        double[] d = new double[theta.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        int off = 0;
        for (Block b : layout) {
            switch (b.filters()) {
                case ROWS -> {
                    for (int r = 0; r < b.rows(); r++) {
                        scale(theta, d, off + r * b.cols(), 1, b.cols());
                    }
                }
                case COLUMNS -> {
                    for (int c = 0; c < b.cols(); c++) {
                        scale(theta, d, off + c, b.cols(), b.rows());
                    }
                }
                case BIAS -> java.util.Arrays.fill(d, off, off + b.size(), 0.0);
            }
            off += b.size();
        }
        return d;
    }

    /** Scales the filter {@code start, start + stride, ...} (n entries) of d to the norm of the same filter of theta. */
    private static void scale(double[] theta, double[] d, int start, int stride, int n) {
        double nt = 0;
        double nd = 0;
        for (int i = 0; i < n; i++) {
            nt += theta[start + i * stride] * theta[start + i * stride];
            nd += d[start + i * stride] * d[start + i * stride];
        }
        double f = nd > 0 ? Math.sqrt(nt / nd) : 0;
        for (int i = 0; i < n; i++) {
            d[start + i * stride] *= f;
        }
    }

    /**
     * The plane of a trajectory's first two principal components.
     *
     * @param d1 first component, a unit vector
     * @param d2 second component, a unit vector orthogonal to d1
     * @param explained the fraction of the trajectory's variance each explains
     */
    public record Plane(double[] d1, double[] d2, double[] explained) {
        /**
         * Coordinates of θ − origin along d1 and d2 (its orthogonal projection onto the plane).
         *
         * @param theta a parameter vector
         * @param origin the plane's origin
         * @return {a, b}
         */
        public double[] project(double[] theta, double[] origin) {
            double a = 0;
            double b = 0;
            for (int i = 0; i < theta.length; i++) {
                double x = theta[i] - origin[i];
                a += x * d1[i];
                b += x * d2[i];
            }
            return new double[] {a, b};
        }
    }

    /**
     * The first two principal components of the trajectory {θ_t − θ_T} (Li et al. Sec. 7): the
     * differences are centred (as in a PCA) and the components taken from their Gram matrix.
     * Signs are fixed so that the start θ_0 lies at a non-negative coordinate on each.
     *
     * @param trajectory the recorded parameter vectors in time order, the last being θ_T
     * @return the plane; a trajectory that moves in fewer than two directions gets zero components
     *     for what it lacks, with 0 explained
     */
    public static Plane pca(double[][] trajectory) {
        int n = trajectory.length;
        int p = trajectory[0].length;
        double[] end = trajectory[n - 1];
        double[][] m = new double[n][p];
        double[] mean = new double[p];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < p; i++) {
                m[t][i] = trajectory[t][i] - end[i];
                mean[i] += m[t][i] / n;
            }
        }
        for (double[] row : m) {
            for (int i = 0; i < p; i++) {
                row[i] -= mean[i];
            }
        }
        double[][] gram = new double[n][n];
        for (int s = 0; s < n; s++) {
            for (int t = s; t < n; t++) {
                gram[s][t] = Linalg.dot(m[s], m[t]);
                gram[t][s] = gram[s][t];
            }
        }
        Linalg.Eigen e = Linalg.symmetricEigen(gram);
        double total = 0;
        for (double v : e.values()) {
            total += Math.max(v, 0);
        }
        double[][] dirs = new double[2][p];
        double[] explained = new double[2];
        for (int c = 0; c < 2 && c < n; c++) {
            double lambda = e.values()[c];
            if (lambda <= 1e-12 * Math.max(total, Double.MIN_NORMAL)) {
                continue;
            }
            double[] u = e.rows()[c];
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < p; i++) {
                    dirs[c][i] += m[t][i] * u[t];
                }
            }
            double norm = Linalg.norm(dirs[c]);
            double start = 0;
            for (int i = 0; i < p; i++) {
                dirs[c][i] /= norm;
                start += (trajectory[0][i] - end[i]) * dirs[c][i];
            }
            if (start < 0) {
                for (int i = 0; i < p; i++) {
                    dirs[c][i] = -dirs[c][i];
                }
            }
            explained[c] = lambda / total;
        }
        return new Plane(dirs[0], dirs[1], explained);
    }
}
