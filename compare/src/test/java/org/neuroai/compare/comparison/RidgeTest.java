package org.neuroai.compare.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Predictor;
import org.neuroai.core.WeightView;

class RidgeTest {
    /** A "layer" whose outputs are its inputs. */
    private static final class Identity implements Learner, Predictor {
        @Override
        public String name() {
            return "identity";
        }

        @Override
        public Family family() {
            return Family.BIO;
        }

        @Override
        public void learn(Batch batch) {}

        @Override
        public WeightView weights() {
            return WeightView.of(new double[][] {{1, 0}, {0, 1}});
        }

        @Override
        public long presentations() {
            return 0;
        }

        @Override
        public double[][] predict(double[][] inputs) {
            return inputs;
        }
    }

    @Test
    void aReadoutOfLinearlyDeterminedTargetsIsExact() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[50][2];
        double[][] t = new double[50][2];
        for (int s = 0; s < 50; s++) {
            x[s][0] = r.nextGaussian();
            x[s][1] = r.nextGaussian();
            t[s][0] = 2 * x[s][0] - x[s][1] + 1;
            t[s][1] = x[s][0];
        }
        Ridge ridge = Ridge.fit(new Identity(), new Batch(x, t, 0));
        double[][] y = ridge.predict(new double[][] {{0.5, -3}, {0, 0}});
        assertEquals(2 * 0.5 + 3 + 1, y[0][0], 1e-4);
        assertEquals(0.5, y[0][1], 1e-4);
        assertEquals(1, y[1][0], 1e-4, "the constant feature carries the offset");
        assertEquals(0, y[1][1], 1e-4);
    }
}
