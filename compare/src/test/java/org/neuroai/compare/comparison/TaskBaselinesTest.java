package org.neuroai.compare.comparison;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroai.core.Split;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.tasks.GaussianTask;
import org.neuroai.core.tasks.LinearTeacherTask;
import org.neuroai.core.tasks.XorTask;

/** Which tasks get Tribuo's baselines, and on which samples. */
class TaskBaselinesTest {
    @Test
    void classTargetsAreOneHotRowsOrASingleZeroOrOne() {
        assertTrue(TaskBaselines.classTargets(new XorTask(0.1)));
        assertTrue(TaskBaselines.classTargets(ExampleSpecs.spec("iris-linear").plan().task()));
        assertTrue(TaskBaselines.classTargets(ExampleSpecs.spec("digits-features").plan().task()));
        assertFalse(TaskBaselines.classTargets(new LinearTeacherTask(3, 2, 0.1, 1, 20)), "regression: real-valued targets");
        assertFalse(TaskBaselines.classTargets(new GaussianTask(5, 1, 0.5, 1, 20)), "no targets at all");
    }

    @Test
    void labelsAreThePositionOfTheOneOrTheValue() {
        Dataset d = TaskBaselines.labelled(new Split("s", new double[3][2], new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}), "s");
        assertArrayEquals(new int[] {2, 0, 1}, d.labels());
        assertEquals(java.util.List.of("0", "1", "2"), d.classNames());
        Dataset x = TaskBaselines.labelled(new XorTask(0).heldOut(), "xor");
        assertArrayEquals(new int[] {0, 1, 1, 0}, x.labels());
        assertEquals(2, x.classNames().size());
    }

    @Test
    void aFixedSplitIsUsedWholeAndANoisyTaskGivesTheFirstSeedsPresentations() {
        Plan iris = ExampleSpecs.spec("iris-linear").plan();
        assertSame(iris.task().trainingSet().inputs(), TaskBaselines.training(iris, 0).inputs());
        assertEquals(105, TaskBaselines.training(iris, 0).size(), "150 flowers less round(0.3 x 150) held out");
        Plan xor = ExampleSpecs.spec("xor-depth").plan();
        Split drawn = TaskBaselines.training(xor, 3);
        assertEquals(xor.total(), drawn.size());
        double[][] first = xor.task().stream(3).next(5).inputs();
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(first[i], drawn.inputs()[i], 0.0, "sample " + i + " is the seed's own presentation");
        }
    }
}
