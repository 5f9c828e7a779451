package org.neuroai.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.data.DataFiles;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.metrics.PredictionMetrics;

class MnistTaskTest {
    @Test
    void everyLearnerGetsTheSameOrderInAnEpochAndANewOneInTheNext() {
        int[] a = MnistTask.epochOrder(3, 4, 1000);
        assertArrayEquals(a, MnistTask.epochOrder(3, 4, 1000));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i], "a permutation");
        }
        assertFalse(Arrays.equals(a, MnistTask.epochOrder(3, 5, 1000)));
        assertFalse(Arrays.equals(a, MnistTask.epochOrder(4, 4, 1000)));
    }

    @Test
    void theStreamPresentsEpochEInTheOrderOfEpochOrderWithTheImagesOfTheFiles() {
        int n = 200;
        MnistTask task = new MnistTask(n, 100, false);
        Dataset files = Datasets.mnistTrain(n);
        SampleStream s = task.stream(7);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] order = MnistTask.epochOrder(7, epoch, n);
            // chunks of 30 leave a shorter one at the end of each epoch, as the engine cuts them
            for (int from = 0; from < n; from += 30) {
                Batch b = s.next(Math.min(30, n - from));
                assertEquals((long) epoch * n + from, b.first());
                for (int k = 0; k < b.size(); k++) {
                    int image = order[from + k];
                    assertEquals(image, b.ids()[k]);
                    assertArrayEquals(files.inputs()[image], b.inputs()[k], 0.0, "pixels x/255 exactly as the files give them");
                    assertEquals(files.labels()[image], PredictionMetrics.argmax(b.targets()[k]));
                    assertEquals(1.0, Arrays.stream(b.targets()[k]).sum(), 0.0, "one-hot");
                }
            }
        }
    }

    @Test
    void theHeldOutImagesAreTheFirstTestImagesAndCentringSubtractsTheTrainingMeanFromBoth() {
        TaskFactory f = Registry.get(TaskFactory.class, "mnist", "task");
        Task plain = f.create(Params.resolve(f.parameters(), Map.of("train_size", 500, "test_size", 150), "test"));
        Task centred = f.create(Params.resolve(f.parameters(), Map.of("train_size", 500, "test_size", 150, "centre", true), "test"));
        Dataset test = Datasets.mnistTest(150);
        assertEquals(150, plain.heldOut().size());
        assertEquals(500, plain.epochSize());
        assertEquals(784, plain.inputDim());
        for (int i = 0; i < 150; i++) {
            assertArrayEquals(test.inputs()[i], plain.heldOut().inputs()[i], 0.0);
            assertEquals(test.labels()[i], PredictionMetrics.argmax(plain.heldOut().targets()[i]));
        }
        // the training mean over the 500 images, pixel by pixel: zero after centring
        Split train = centred.trainingSet();
        double[] mu = new double[784];
        for (double[] row : plain.trainingSet().inputs()) {
            for (int p = 0; p < 784; p++) {
                mu[p] += row[p] / 500;
            }
        }
        double largest = 0;
        for (int p = 0; p < 784; p++) {
            double m = 0;
            for (double[] row : train.inputs()) {
                m += row[p] / 500;
            }
            assertEquals(0, m, 1e-12, "pixel " + p + " is centred");
            largest = Math.max(largest, mu[p]);
        }
        assertTrue(largest > 0.4, "MNIST's centre pixels are inked in many images: a mean of " + largest);
        for (int i = 0; i < 150; i++) {
            for (int p = 0; p < 784; p++) {
                assertEquals(plain.heldOut().inputs()[i][p] - mu[p], centred.heldOut().inputs()[i][p], 1e-12);
            }
        }
        assertArrayEquals(centred.trainingSet().inputs()[17], centred.stream(0).next(500).inputs()[
                Arrays.stream(MnistTask.epochOrder(0, 0, 500)).boxed().toList().indexOf(17)], 0.0, "the stream hands out centred rows");
    }

    @Test
    void aRunThatUsesTheTaskLogsMnistsFourFiles() {
        try (DataFiles.Log log = DataFiles.log()) {
            MnistTask task = new MnistTask(100, 100, true);
            task.stream(0).next(10);
            task.heldOut();
            assertEquals(4, log.files().keySet().stream().filter(k -> k.contains("mnist")).count(), log.files().toString());
        }
    }
}
