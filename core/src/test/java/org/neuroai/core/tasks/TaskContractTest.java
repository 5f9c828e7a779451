package org.neuroai.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;

/**
 * Contracts every registered task keeps, with its default parameters (a large data set cut down
 * to a few hundred samples, so the suite stays fast): the same seed gives the same samples in the
 * same order; held-out samples are not training samples; a task with a fixed training set names
 * the samples of every batch by their row in it, and an epoch visits every row once.
 */
class TaskContractTest {
    /** Parameters that keep a task small here; every other parameter keeps its default. */
    private static final Map<String, Map<String, Object>> SMALL = Map.of("mnist", Map.of("train_size", 300, "test_size", 120));
    private static final Map<String, Task> TASKS = new ConcurrentHashMap<>();

    static Stream<String> tasks() {
        return Registry.all(TaskFactory.class).stream().map(TaskFactory::name);
    }

    private static Task task(String name) {
        return TASKS.computeIfAbsent(name, n -> {
            TaskFactory f = Registry.get(TaskFactory.class, n, "task");
            return f.create(Params.resolve(f.parameters(), SMALL.getOrDefault(n, Map.of()), "task " + n));
        });
    }

    /** Chunks of uneven sizes that together run past the end of the first epoch (or to the task's end). */
    private static List<Batch> draw(Task t, SampleStream s) {
        long epoch = t.epochSize();
        long want = Math.min(t.length(), epoch > 0 ? epoch + 17 : 200);
        List<Batch> out = new java.util.ArrayList<>();
        int[] sizes = {7, 1, 30};
        long drawn = 0;
        for (int i = 0; drawn < want; i++) {
            int n = (int) Math.min(sizes[i % sizes.length], want - drawn);
            out.add(s.next(n));
            drawn += n;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void theSameSeedGivesTheSameSamplesInTheSameOrderAndAnotherSeedOthers(String name) {
        Task t = task(name);
        List<Batch> a = draw(t, t.stream(11));
        List<Batch> b = draw(t, t.stream(11));
        long position = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(position, a.get(i).first(), "a batch starts where the last one ended");
            assertEquals(a.get(i).first(), b.get(i).first());
            assertTrue(Arrays.deepEquals(a.get(i).inputs(), b.get(i).inputs()), "inputs of batch " + i);
            assertTrue(Arrays.deepEquals(a.get(i).targets(), b.get(i).targets()), "targets of batch " + i);
            assertArrayEquals(a.get(i).ids(), b.get(i).ids(), "ids of batch " + i);
            position += a.get(i).size();
        }
        int n = (int) Math.min(30, t.length());
        // a sample is its input and its target: a coin's tosses differ in their targets alone
        Batch other = t.stream(12).next(n);
        Batch first = t.stream(11).next(n);
        boolean same = Arrays.deepEquals(other.inputs(), first.inputs()) && Arrays.deepEquals(other.targets(), first.targets());
        assertEquals(t.seedOrdersSamples(), !same,
                t.seedOrdersSamples() ? "another seed gives other samples" : "a fixed schedule gives every seed the same trials");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void heldOutSamplesAreNotTrainingSamples(String name) {
        Task t = task(name);
        Split fixed = t.trainingSet();
        Split held = t.heldOut();
        assertTrue(held.size() > 0, "a task has held-out samples");
        if (t.scoresOnTrainingSamples()) {
            // a task that learns a small fixed set says so, and scores on that set: nothing is held out
            return;
        }
        double[][] training = fixed != null ? fixed.inputs() : t.stream(3).next((int) Math.min(5000, t.length())).inputs();
        Set<List<Double>> seen = new HashSet<>();
        for (double[] row : training) {
            seen.add(Arrays.stream(row).boxed().toList());
        }
        int again = 0;
        for (double[] row : held.inputs()) {
            again += seen.contains(Arrays.stream(row).boxed().toList()) ? 1 : 0;
        }
        // some data sets hold a few identical samples (two identical irises, a few identical 8x8
        // digits), which a split may put on both sides; a held-out split drawn from the training
        // samples would repeat far more of them
        assertTrue(again <= held.size() / 100 + 1, again + " of " + held.size() + " held-out samples of " + name + " are training samples");
        for (double[] row : held.inputs()) {
            for (double[] tr : training) {
                assertFalse(row == tr, "a held-out row is not a training row's array");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void idsNameTheTrainingRowsHandedOutAndAnEpochVisitsEachOnce(String name) {
        Task t = task(name);
        Split fixed = t.trainingSet();
        List<Batch> batches = draw(t, t.stream(5));
        if (fixed == null) {
            for (Batch b : batches) {
                assertNull(b.ids(), "a task without a fixed training set names no rows");
            }
            return;
        }
        assertEquals(t.epochSize(), fixed.size(), "an epoch is one pass over the training set");
        int[] visits = new int[fixed.size()];
        long position = 0;
        for (Batch b : batches) {
            assertNotNull(b.ids(), "every batch of a fixed training set names its rows");
            assertEquals(b.size(), b.ids().length);
            for (int s = 0; s < b.size(); s++) {
                int id = b.ids()[s];
                assertArrayEquals(fixed.inputs()[id], b.inputs()[s], "input of sample " + (position + s));
                if (fixed.targets() != null) {
                    assertArrayEquals(fixed.targets()[id], b.targets()[s], "target of sample " + (position + s));
                }
                if (position + s < t.epochSize()) {
                    visits[id]++;
                }
            }
            position += b.size();
        }
        for (int i = 0; i < visits.length; i++) {
            assertEquals(1, visits[i], "training row " + i + " in the first epoch");
        }
    }
}
