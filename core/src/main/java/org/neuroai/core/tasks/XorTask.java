package org.neuroai.core.tasks;

import java.util.List;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;

/**
 * Exclusive or: the four corners of the unit square, labelled 1 where exactly one input is 1.
 *
 * <p>No line separates the two classes (Minsky &amp; Papert 1969, <i>Perceptrons</i>), so a single
 * layer of units gets at most three of the four right, while one hidden layer suffices (Rumelhart,
 * Hinton &amp; Williams 1986, Nature 323:533-536). Training samples visit the four corners in epochs,
 * each in a fresh order drawn from the order seed, with Gaussian noise of standard deviation
 * {@code noise} added to each input (the targets stay exact), so that learners see points near
 * the corners rather than four points repeated. The held-out split is the four exact corners.
 */
public final class XorTask implements Task {
    /** The four corners. */
    private static final double[][] POINTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    /** XOR of each corner. */
    private static final double[][] LABELS = {{0}, {1}, {1}, {0}};

    private final double noise;
    private final Split heldOut = new Split("corners", copy(POINTS), copy(LABELS));

    /** Registers the task under the name "xor". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "xor";
        }

        @Override
        public String description() {
            return "exclusive or of two inputs: the four corners of the unit square, with input noise";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("noise", 0.1, 0, 1, "input units",
                    "standard deviation of the Gaussian noise added to each training input"));
        }

        @Override
        public Task create(Params p) {
            return new XorTask(p.real("noise"));
        }
    }

    /** @param noise standard deviation of the noise added to each training input */
    public XorTask(double noise) {
        this.noise = noise;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public int inputDim() {
        return 2;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        return new EpochStream(POINTS.length, orderSeed) {
            @Override
            protected double[] input(int i) {
                double[] x = new double[2];
                for (int j = 0; j < 2; j++) {
                    x[j] = POINTS[i][j] + noise * GaussianTask.gaussian(rng);
                }
                return x;
            }

            @Override
            protected double[] target(int i) {
                return LABELS[i].clone();
            }
        };
    }

    /** An epoch visits the four corners once. */
    @Override
    public long epochSize() {
        return POINTS.length;
    }

    /** The four exact corners with their labels. */
    @Override
    public Split heldOut() {
        return heldOut;
    }
}
