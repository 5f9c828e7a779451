package org.neuroai.core.tasks;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.Batch;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.PrincipalSubspace;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.linalg.Linalg;

/**
 * Zero-mean Gaussian samples in d dimensions with a known covariance C = U diag(λ) Uᵀ.
 *
 * <p>The variances fall geometrically, λ_i = scale · decay^i (i = 0..d-1), so all are distinct and
 * the principal subspaces are well defined. U is a random rotation drawn once from
 * {@code basis_seed}; it is the same for every run seed, so the answer the learners should find is
 * the same across seeds while the samples they see differ.
 */
public final class GaussianTask implements Task, PrincipalSubspace {
    private final int d;
    private final double[] lambda;
    private final double[][] axes;
    private final Split heldOut;

    /** Registers the task under the name "gaussian". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "gaussian";
        }

        @Override
        public String description() {
            return "zero-mean correlated Gaussian with known covariance (distinct, geometrically falling variances)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.integer("d", 10, 2, 1000, "input dimension"),
                    ParamSpec.positive("scale", 4.0, 1e6, "1", "largest variance, λ_0"),
                    ParamSpec.real("decay", 0.6, 0.01, 0.99, "1", "ratio of successive variances, λ_{i+1}/λ_i"),
                    ParamSpec.integer("basis_seed", 7, 0, Integer.MAX_VALUE, "seed of the random rotation U"),
                    ParamSpec.integer("heldout", 1000, 10, 1_000_000, "held-out samples for evaluation"));
        }

        @Override
        public Task create(Params p) {
            return new GaussianTask(p.integer("d"), p.real("scale"), p.real("decay"), p.integer("basis_seed"),
                    p.integer("heldout"));
        }
    }

    /**
     * @param d dimension
     * @param scale largest variance
     * @param decay ratio of successive variances, in (0, 1)
     * @param basisSeed seed of the rotation
     * @param heldOutSize number of held-out samples
     */
    public GaussianTask(int d, double scale, double decay, long basisSeed, int heldOutSize) {
        this.d = d;
        this.lambda = new double[d];
        for (int i = 0; i < d; i++) {
            lambda[i] = scale * Math.pow(decay, i);
        }
        SplittableRandom r = new SplittableRandom(basisSeed);
        double[][] g = new double[d][d];
        for (double[] row : g) {
            for (int j = 0; j < d; j++) {
                row[j] = gaussian(r);
            }
        }
        this.axes = Linalg.orthonormalRows(g);
        SampleStream s = new Stream(~basisSeed * 0x9E3779B97F4A7C15L);
        this.heldOut = new Split("heldout", s.next(heldOutSize).inputs(), null);
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public int inputDim() {
        return d;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        return new Stream(orderSeed);
    }

    @Override
    public Split heldOut() {
        return heldOut;
    }

    @Override
    public double[][] principalAxes(int m) {
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            out[i] = axes[i].clone();
        }
        return out;
    }

    @Override
    public double[] eigenvalues() {
        return lambda.clone();
    }

    /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian on Java 17). */
    static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private final class Stream implements SampleStream {
        private final SplittableRandom rng;
        private final double[] z = new double[d];
        private long position;

        Stream(long seed) {
            rng = new SplittableRandom(seed);
        }

        @Override
        public Batch next(int n) {
            double[][] x = new double[n][d];
            for (int s = 0; s < n; s++) {
                for (int i = 0; i < d; i++) {
                    z[i] = gaussian(rng) * Math.sqrt(lambda[i]);
                }
                double[] xs = x[s];
                for (int i = 0; i < d; i++) {
                    double zi = z[i];
                    double[] ai = axes[i];
                    for (int j = 0; j < d; j++) {
                        xs[j] += zi * ai[j];
                    }
                }
            }
            Batch b = new Batch(x, null, position);
            position += n;
            return b;
        }

        @Override
        public long position() {
            return position;
        }
    }
}
