package org.neuroai.core.linalg;

import java.util.Arrays;

/**
 * Small dense linear algebra on {@code double[][]}: enough for covariance spectra and principal
 * angles of matrices up to a few hundred columns, with no native code.
 */
public final class Linalg {
    private Linalg() {}

    /** Result of a symmetric eigendecomposition, eigenvalues in decreasing order. */
    public record Eigen(double[] values, double[][] vectors) {
        /** The eigenvectors as rows, {@code vectors()[i]} belonging to {@code values()[i]}. */
        public double[][] rows() {
            return vectors;
        }
    }

    /**
     * Eigendecomposition of a symmetric matrix by cyclic Jacobi rotations.
     *
     * @param a a symmetric n x n matrix (not modified)
     * @return eigenvalues in decreasing order and the unit eigenvectors as rows
     */
    public static Eigen symmetricEigen(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[][] v = identity(n);
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p][q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (m[q][q] - m[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k][p];
                        double mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p][k];
                        double mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(m[j][j], m[i][i]));
        double[] values = new double[n];
        double[][] rows = new double[n][n];
        for (int r = 0; r < n; r++) {
            int col = order[r];
            values[r] = m[col][col];
            for (int k = 0; k < n; k++) {
                rows[r][k] = v[k][col];
            }
        }
        return new Eigen(values, rows);
    }

    /** The n x n identity. */
    public static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    /**
     * Orthonormal rows spanning the same space as the given rows (modified Gram-Schmidt, run twice
     * for stability). Rows that are numerically dependent on earlier ones are dropped.
     *
     * @param rows m x d
     * @return r x d with r &lt;= m orthonormal rows
     */
    public static double[][] orthonormalRows(double[][] rows) {
        double[][] q = new double[rows.length][];
        int r = 0;
        double scale = 0;
        for (double[] row : rows) {
            scale = Math.max(scale, norm(row));
        }
        for (double[] row : rows) {
            double[] v = row.clone();
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < r; j++) {
                    double d = dot(q[j], v);
                    for (int k = 0; k < v.length; k++) {
                        v[k] -= d * q[j][k];
                    }
                }
            }
            double nv = norm(v);
            if (nv > 1e-10 * Math.max(scale, 1e-300)) {
                for (int k = 0; k < v.length; k++) {
                    v[k] /= nv;
                }
                q[r++] = v;
            }
        }
        return Arrays.copyOf(q, r);
    }

    /**
     * Principal angles between the spaces spanned by the rows of {@code a} and of {@code b}
     * (Björck &amp; Golub 1973): the arc-cosines of the singular values of Qa Qbᵀ, where Qa and Qb
     * have orthonormal rows.
     *
     * @param a m x d
     * @param b n x d
     * @return min(rank a, rank b) angles in radians, in increasing order
     */
    public static double[] principalAngles(double[][] a, double[][] b) {
        double[][] qa = orthonormalRows(a);
        double[][] qb = orthonormalRows(b);
        if (qa.length == 0 || qb.length == 0) {
            return new double[] {Math.PI / 2};
        }
        if (qa.length > qb.length) {
            double[][] t = qa;
            qa = qb;
            qb = t;
        }
        int m = qa.length;
        double[][] c = new double[m][qb.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < qb.length; j++) {
                c[i][j] = dot(qa[i], qb[j]);
            }
        }
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                g[i][j] = dot(c[i], c[j]);
            }
        }
        double[] s2 = symmetricEigen(g).values();
        double[] angles = new double[m];
        for (int i = 0; i < m; i++) {
            double s = Math.sqrt(Math.max(0, Math.min(1, s2[i])));
            angles[i] = Math.acos(s);
        }
        Arrays.sort(angles);
        return angles;
    }

    /**
     * The largest principal angle between two subspaces, in degrees. When a rank-deficient
     * basis spans fewer dimensions than the other, the missing dimensions count as 90 degrees.
     */
    public static double largestPrincipalAngleDeg(double[][] learned, double[][] truth) {
        double[][] ql = orthonormalRows(learned);
        double[][] qt = orthonormalRows(truth);
        if (ql.length < qt.length) {
            return 90.0;
        }
        double[] angles = principalAngles(ql, qt);
        return Math.toDegrees(angles[angles.length - 1]);
    }

    /** Dot product. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Euclidean norm. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Column means of a data matrix. */
    public static double[] mean(double[][] x) {
        double[] mu = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += row[j];
            }
        }
        for (int j = 0; j < mu.length; j++) {
            mu[j] /= x.length;
        }
        return mu;
    }

    /**
     * Covariance (divided by n) of a data matrix about the given mean.
     *
     * @param x n x d
     * @param mean length d
     * @return d x d
     */
    public static double[][] covariance(double[][] x, double[] mean) {
        int d = mean.length;
        double[][] c = new double[d][d];
        double[] v = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                v[j] = row[j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
                double vi = v[i];
                if (vi == 0) {
                    continue;
                }
                for (int j = i; j < d; j++) {
                    c[i][j] += vi * v[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= x.length;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** Matrix product a (n x k) times b (k x m). */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                if (aip == 0) {
                    continue;
                }
                double[] bp = b[p];
                double[] ci = c[i];
                for (int j = 0; j < m; j++) {
                    ci[j] += aip * bp[j];
                }
            }
        }
        return c;
    }

    /** Transpose. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
