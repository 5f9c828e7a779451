package org.neuroai.core.tasks;

import java.util.SplittableRandom;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;

/**
 * Linear regression against a teacher: Gaussian inputs x with independent components of variances
 * λ_j falling geometrically from 1 to 1/{@code spread}, C = diag(λ), and the target
 * t = w*·x + σ ε with ε standard normal. The teacher w* is a random direction of unit norm drawn
 * once from {@code teacherSeed}, the same for every run seed.
 *
 * <p>What a learner of t from x should find: the least-squares weights are w* itself, and the
 * expected squared error of weights w is (w − w*)ᵀ C (w − w*) + σ².
 */
public final class LinearTeacherTask implements Task {
    private final int d;
    private final double[] sd;
    private final double[] teacher;
    private final double noise;
    private final Split heldOut;

    /**
     * @param d input dimension (at least 2)
     * @param spread ratio of the largest to the smallest input variance (at least 1)
     * @param noise standard deviation σ of the noise on the target
     * @param teacherSeed seed of the teacher's direction
     * @param heldOutSize held-out samples
     */
    public LinearTeacherTask(int d, double spread, double noise, long teacherSeed, int heldOutSize) {
        this.d = d;
        this.noise = noise;
        this.sd = new double[d];
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(Math.pow(spread, -(double) j / (d - 1)));
        }
        SplittableRandom r = new SplittableRandom(teacherSeed);
        double[] w = new double[d];
        double n2 = 0;
        for (int j = 0; j < d; j++) {
            w[j] = GaussianTask.gaussian(r);
            n2 += w[j] * w[j];
        }
        for (int j = 0; j < d; j++) {
            w[j] /= Math.sqrt(n2);
        }
        this.teacher = w;
        Batch b = stream(~teacherSeed * 0x9E3779B97F4A7C15L).next(heldOutSize);
        this.heldOut = new Split("heldout", b.inputs(), b.targets());
    }

    @Override
    public String name() {
        return "linear-teacher";
    }

    @Override
    public int inputDim() {
        return d;
    }

    /** The teacher's weights w* (a copy). */
    public double[] teacher() {
        return teacher.clone();
    }

    /** The variances λ_j of the inputs, the diagonal of C (a copy). */
    public double[] variances() {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = sd[j] * sd[j];
        }
        return v;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        SplittableRandom rng = new SplittableRandom(orderSeed);
        return new SampleStream() {
            private long position;

            @Override
            public Batch next(int n) {
                double[][] x = new double[n][d];
                double[][] t = new double[n][1];
                for (int s = 0; s < n; s++) {
                    double y = 0;
                    for (int j = 0; j < d; j++) {
                        x[s][j] = sd[j] * GaussianTask.gaussian(rng);
                        y += teacher[j] * x[s][j];
                    }
                    t[s][0] = y + noise * GaussianTask.gaussian(rng);
                }
                Batch b = new Batch(x, t, position);
                position += n;
                return b;
            }

            @Override
            public long position() {
                return position;
            }
        };
    }

    @Override
    public Split heldOut() {
        return heldOut;
    }
}
