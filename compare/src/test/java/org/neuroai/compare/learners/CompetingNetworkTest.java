package org.neuroai.compare.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.compare.alignment.CompetingReadout;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;

class CompetingNetworkTest {
    private static CompetingNetwork network(long epochSize) {
        Params p = new KrotovHopfieldRule().params(Map.of("eta", 0.02, "p", 3.0, "k", 2, "delta", 0.4), "test");
        return new CompetingNetwork("kh", new CompetingLayer(p, 4, 3, CompetingLayer.Step.NORMALISED, 0.5, 11, CompetingLayer.JAVA),
                new CompetingReadout(3.0, 4.5, 3, 2, 12), 0.02, 2, epochSize, 0.5);
    }

    private static Batch batch(double[][] x, double[][] t, long first) {
        return new Batch(x, t, first);
    }

    @Test
    void aChunkThatSpansTwoEpochsIsLearntAsOneMinibatchOfEachAtItsEpochsRate() {
        double[][] x = {{1, 0.2, 0, 0.1}, {0, 1, 0.3, 0}, {0.2, 0, 1, 0.5}, {0.4, 0.1, 0, 1}, {1, 1, 0, 0}};
        double[][] t = {{1, 0}, {0, 1}, {1, 0}, {0, 1}, {1, 0}};
        // an epoch of 3 samples: the chunk from sample 1 to 5 holds samples 1-2 of epoch 0 and 3-5 of epoch 1
        CompetingNetwork whole = network(3);
        whole.learn(batch(Arrays.copyOfRange(x, 0, 1), Arrays.copyOfRange(t, 0, 1), 0));
        whole.learn(batch(Arrays.copyOfRange(x, 1, 5), Arrays.copyOfRange(t, 1, 5), 1));
        CompetingNetwork apart = network(3);
        apart.learn(batch(Arrays.copyOfRange(x, 0, 1), Arrays.copyOfRange(t, 0, 1), 0));
        apart.learn(batch(Arrays.copyOfRange(x, 1, 3), Arrays.copyOfRange(t, 1, 3), 1));
        apart.learn(batch(Arrays.copyOfRange(x, 3, 5), Arrays.copyOfRange(t, 3, 5), 3));
        assertArrayEquals(apart.weights().copy("w"), whole.weights().copy("w"), 0.0);
        assertEquals(5, whole.presentations());
        // the rate falls linearly over the 2 epochs: η in the first, η/2 in the second
        assertEquals(0.02, whole.rate(0), 1e-15);
        assertEquals(0.01, whole.rate(1), 1e-15);
    }

    @Test
    void proposingAChangeLeavesTheWeightsAlone() {
        CompetingNetwork n = network(10);
        double[] before = n.weights().copy("w");
        double[][] change = n.proposedUpdate(batch(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}}, null, 0));
        assertEquals(3, change.length);
        assertArrayEquals(before, n.weights().copy("w"), 0.0);
        assertArrayEquals(new int[] {1, 0}, CompetingNetwork.labels(new double[][] {{0, 1}, {1, 0}}, 0, 2));
    }
}
