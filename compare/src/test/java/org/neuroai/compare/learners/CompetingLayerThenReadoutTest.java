package org.neuroai.compare.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.engine.Lanes;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.TrainingLoop;
import org.neuroai.core.tasks.MnistTask;

class CompetingLayerThenReadoutTest {
    private static final int N = 200;
    private static final int BATCH = 50;
    private final Params rule = new KrotovHopfieldRule().params(Map.of("eta", 0.1), "test");
    private final CompetingLayerThenReadout.Config config = new CompetingLayerThenReadout.Config(rule, 12,
            CompetingLayer.Step.NORMALISED, 0.5, false, 4.5, 2, 0.01, 0, BATCH, 10);

    @Test
    void theLayerLearnsEpochEWithRateEtaTimesOneMinusEOverTheEpochsAndIsFrozenForTheReadout() {
        MnistTask task = new MnistTask(N, 100, false);
        CompetingLayerThenReadout learner = new CompetingLayerThenReadout("local", config, task, 9);
        // by hand: the same layer on the images of each epoch's order, minibatch by minibatch
        CompetingLayer byHand = new CompetingLayer(rule, 784, 12, CompetingLayer.Step.NORMALISED, 0.5, 9, CompetingLayer.JAVA);
        double[][] images = task.trainingSet().inputs();
        float[] v = new float[BATCH * 784];
        for (int e = 0; e < 2; e++) {
            int[] order = MnistTask.epochOrder(3, e, N);
            for (int from = 0; from < N; from += BATCH) {
                for (int s = 0; s < BATCH; s++) {
                    for (int i = 0; i < 784; i++) {
                        v[s * 784 + i] = (float) images[order[from + s]][i];
                    }
                }
                byHand.train(v, BATCH, 0.1 * (1 - e / 2.0));
            }
        }
        Map<Schedule.Record, Long> every = Map.of(Schedule.Record.METRICS, (long) N);
        List<Boolean> predicted = new java.util.ArrayList<>();
        try (Lanes lanes = Lanes.of(1)) {
            new TrainingLoop(List.of(learner), null, new Schedule(3L * N, BATCH, every, false), lanes)
                    .run(task.stream(3), (step, mine, loop) -> {
                        predicted.add(learner.predicts());
                        if (step == 2L * N) {
                            assertArrayEquals(byHand.weights().copy("w"), learner.weights().copy("w"), 0.0);
                        }
                    });
        }
        assertArrayEquals(byHand.weights().copy("w"), learner.weights().copy("w"), 0.0, "frozen during the readout's epoch");
        // no readout during the two unsupervised epochs (boundaries 50 .. 400), one from the first sample after
        assertEquals(8, predicted.indexOf(true), predicted.toString());
        double[][] p = learner.predict(task.heldOut().inputs());
        assertEquals(100, p.length);
        assertEquals(1.0, java.util.Arrays.stream(p[0]).sum(), 1e-5, "class probabilities");
        assertTrue(learner.unitsOnSphere() >= 0 && learner.unitsOnSphere() <= 1);
        assertEquals(3L * N, learner.presentations());
    }

    @Test
    void itHasNothingToPredictBeforeItsReadoutAndRefusesAChunkAcrossAnEpoch() {
        MnistTask task = new MnistTask(N, 100, false);
        CompetingLayerThenReadout learner = new CompetingLayerThenReadout("local", config, task, 9);
        assertFalse(learner.predicts());
        assertThrows(IllegalStateException.class, () -> learner.predict(task.heldOut().inputs()));
        Batch across = task.stream(0).next(N + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> learner.learn(across));
        assertTrue(e.getMessage().contains("epoch"), e.getMessage());
    }
}
