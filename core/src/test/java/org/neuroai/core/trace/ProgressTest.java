package org.neuroai.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void workIsTheLargestStepOfEachLearnerAndSeedSummed() {
        Progress p = Progress.begin(40);
        try {
            Progress.report("a", 0, 5);
            Progress.report("a", 0, 10);
            Progress.report("a", 0, 10); // a repeat (weights after metrics) counts once
            Progress.report("a", 0, 7); // never backwards
            Progress.report("b", 0, 10);
            Progress.report("a", 1, 20);
            assertEquals(40, p.done());
            assertEquals(40, p.total());
        } finally {
            p.end();
        }
        assertNull(Progress.current());
    }

    @Test
    void reportingWithoutATrackedRunDoesNothingAndALaterRunReplacesAnEarlierOne() {
        Progress.report("a", 0, 5);
        Progress first = Progress.begin(1);
        Progress second = Progress.begin(2);
        first.end(); // must not stop the newer run
        assertSame(second, Progress.current());
        second.end();
        assertNull(Progress.current());
    }
}
