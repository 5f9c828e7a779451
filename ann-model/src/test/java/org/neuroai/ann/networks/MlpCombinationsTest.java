package org.neuroai.ann.networks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.core.Batch;
import org.neuroai.core.Predictor;

/**
 * Every optimiser with every output and loss trains on a small task it can solve and brings the
 * loss down to a stated level: a quarter of the loss of the untrained network.
 */
class MlpCombinationsTest {
    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (String opt : new String[] {"sgd", "nesterov", "adam", "rmsprop"}) {
            for (String output : new String[] {"softmax-ce", "sigmoid-ce", "sigmoid-mse", "linear-mse"}) {
                for (String act : new String[] {"relu", "tanh"}) {
                    out.add(Arguments.of(opt, output, act));
                }
            }
        }
        out.add(Arguments.of("adam", "sigmoid-ce", "sigmoid"));
        out.add(Arguments.of("adam", "linear-mse", "identity"));
        return out.stream();
    }

    /** Two Gaussian blobs in 4-D: class 1 around +1, class 0 around −1 (linearly separable). */
    private static Batch blobs(SplittableRandom r, int n, String output) {
        double[][] x = new double[n][4];
        double[][] y = new double[n][output.equals("softmax-ce") ? 2 : 1];
        for (int i = 0; i < n; i++) {
            int c = r.nextBoolean() ? 1 : 0;
            for (int j = 0; j < 4; j++) {
                x[i][j] = (c == 1 ? 1 : -1) + 0.5 * (r.nextDouble() * 2 - 1);
            }
            if (output.equals("softmax-ce")) {
                y[i][c] = 1;
            } else if (output.equals("linear-mse")) {
                y[i][0] = x[i][0] + x[i][1] - x[i][2];
            } else {
                y[i][0] = c;
            }
        }
        return new Batch(x, y, 0);
    }

    private static double loss(Predictor p, Batch b, String output) {
        double[][] y = p.predict(b.inputs());
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[i].length; j++) {
                double t = b.targets()[i][j];
                if (output.endsWith("-ce")) {
                    double q = Math.min(1 - 1e-7, Math.max(1e-7, y[i][j]));
                    sum -= output.equals("softmax-ce") ? t * Math.log(q) : t * Math.log(q) + (1 - t) * Math.log(1 - q);
                } else {
                    sum += (y[i][j] - t) * (y[i][j] - t);
                }
            }
        }
        return sum / y.length;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void trainsToAQuarterOfItsInitialLoss(String optimiser, String output, String activation) {
        double lr = optimiser.equals("sgd") || optimiser.equals("nesterov") ? 0.05 : 0.01;
        Mlp mlp = new Mlp("mlp", new Mlp.Config(4, new int[] {8}, output.equals("softmax-ce") ? 2 : 1, activation, output,
                optimiser, lr, 0, 16, 0, 5));
        SplittableRandom r = new SplittableRandom(9);
        Batch test = blobs(new SplittableRandom(1), 200, output);
        double before = loss(mlp, test, output);
        for (int i = 0; i < 300; i++) {
            mlp.learn(blobs(r, 16, output));
        }
        double after = loss(mlp, test, output);
        assertTrue(after < 0.25 * before, optimiser + " " + output + " " + activation + ": loss " + before + " -> " + after);
    }
}
