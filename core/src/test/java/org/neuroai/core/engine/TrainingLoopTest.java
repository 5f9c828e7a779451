package org.neuroai.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.SampleStream;
import org.neuroai.core.WeightView;
import org.neuroai.core.engine.Schedule.Record;

class TrainingLoopTest {
    /** A stream whose samples are their own positions. */
    static final class Counting implements SampleStream {
        private long position;

        @Override
        public Batch next(int n) {
            double[][] x = new double[n][1];
            for (int i = 0; i < n; i++) {
                x[i][0] = position + i;
            }
            Batch b = new Batch(x, null, position);
            position += n;
            return b;
        }

        @Override
        public long position() {
            return position;
        }
    }

    /** Remembers the first sample of every chunk it was given, and their sizes. */
    static final class Recording implements Learner {
        final List<long[]> chunks = new ArrayList<>();
        long seen;

        @Override
        public String name() {
            return "r";
        }

        @Override
        public Family family() {
            return Family.BIO;
        }

        @Override
        public void learn(Batch batch) {
            chunks.add(new long[] {(long) batch.inputs()[0][0], batch.size()});
            seen += batch.size();
        }

        @Override
        public WeightView weights() {
            return WeightView.of(new double[][] {{seen}});
        }

        @Override
        public long presentations() {
            return seen;
        }
    }

    @Test
    void aBatchThatDoesNotDivideTheStrideIsCutAtEveryCheckpoint() {
        Schedule s = new Schedule(250, 30, Map.of(Record.METRICS, 100L, Record.WEIGHTS, 100L), true);
        Recording r = new Recording();
        List<Long> weightsDue = new ArrayList<>();
        List<Long> boundaries = new ArrayList<>();
        new TrainingLoop(List.of(r), null, s, Lanes.of(1)).run(new Counting(), (step, mine, loop) -> {
            boundaries.add(step);
            if (s.due(Record.WEIGHTS, step, 250)) {
                weightsDue.add(step);
            }
        });
        assertEquals(List.of(0L, 100L, 200L, 250L), weightsDue, "every multiple of the stride, and the end");
        // chunks of 30 start afresh after each cut: 0, 30, 60, 90 (10 long), 100, 130, 160, 190 (10), 200, 230 (20)
        List<Long> starts = r.chunks.stream().map(c -> c[0]).toList();
        assertEquals(List.of(0L, 30L, 60L, 90L, 100L, 130L, 160L, 190L, 200L, 230L), starts);
        assertEquals(250, r.seen);
        assertEquals(List.of(0L, 30L, 60L, 90L, 100L, 130L, 160L, 190L, 200L, 230L, 250L), boundaries);
    }

    @Test
    void aLearnerWithAnEarlierEndStopsThereAndIsRecordedThere() {
        Schedule s = new Schedule(100, 10, Map.of(Record.METRICS, 40L), false);
        Recording early = new Recording();
        Recording late = new Recording();
        List<String> due = new ArrayList<>();
        new TrainingLoop(List.of(early, late), new long[] {50, 100}, s, Lanes.of(1)).run(new Counting(), (step, mine, loop) -> {
            for (int i : mine) {
                if (s.due(Record.METRICS, step, loop.until(i))) {
                    due.add(i + "@" + step);
                }
            }
        });
        assertEquals(50, early.seen);
        assertEquals(100, late.seen);
        assertEquals(List.of("0@40", "1@40", "0@50", "1@80", "1@100"), due);
        assertFalse(s.due(Record.METRICS, 0, 100), "no record at the start when the schedule says so");
    }

    @Test
    void learnersOnSeveralLanesSeeTheSameChunksAsOnOne() {
        Schedule s = Schedule.uniform(97, 8, 25);
        List<List<long[]>> seen = new ArrayList<>();
        long[] until = {97, 40, 97, 61};
        for (int lanes : new int[] {1, 3}) {
            List<Recording> ls = List.of(new Recording(), new Recording(), new Recording(), new Recording());
            List<List<Long>> boundaries = new ArrayList<>();
            for (int i = 0; i < ls.size(); i++) {
                boundaries.add(java.util.Collections.synchronizedList(new ArrayList<>()));
            }
            try (Lanes l = Lanes.of(lanes)) {
                new TrainingLoop(ls, until, s, l).run(Counting::new, (step, mine, loop) -> {
                    for (int i : mine) {
                        if (step <= loop.until(i)) {
                            boundaries.get(i).add(step);
                        }
                    }
                });
            }
            // every learner is told of the same boundaries, up to its own end, on one lane or three
            assertEquals(List.of(0L, 8L, 16L, 24L, 25L, 33L, 40L), boundaries.get(1).subList(0, 7));
            assertEquals(40L, boundaries.get(1).get(boundaries.get(1).size() - 1));
            assertEquals(97L, boundaries.get(0).get(boundaries.get(0).size() - 1));
            for (Recording r : ls) {
                seen.add(r.chunks);
            }
        }
        // learner i on one lane (seen[i]) and on three (seen[4 + i]) learnt the very same chunks
        for (int i = 0; i < 4; i++) {
            List<long[]> one = seen.get(i);
            List<long[]> three = seen.get(4 + i);
            assertEquals(one.size(), three.size(), "learner " + i);
            for (int c = 0; c < one.size(); c++) {
                assertEquals(one.get(c)[0], three.get(c)[0]);
                assertEquals(one.get(c)[1], three.get(c)[1]);
            }
        }
        assertEquals(40, seen.get(1).stream().mapToLong(c -> c[1]).sum(), "learner 1 stops at its own end");
    }
}
