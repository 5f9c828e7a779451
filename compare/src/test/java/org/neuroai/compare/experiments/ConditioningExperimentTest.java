package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** The conditioning experiment, full default run, against the acceptance numbers and the closed forms. */
class ConditioningExperimentTest {
    @TempDir
    static Path tmp;
    static Path run;
    static List<TraceRow> rows;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("conditioning");
        Runner.run(new RunSpec("conditioning", 2, 0, false, Map.of(), "test"), run);
        rows = TraceReader.read(run.resolve("curves.csv"), r -> true);
    }

    /** step → value of one learner's metric on seed 0. */
    static TreeMap<Long, Double> series(String learner, String metric) {
        TreeMap<Long, Double> m = new TreeMap<>();
        for (TraceRow r : rows) {
            if (r.seed() == 0 && r.learner().equals(learner) && r.metric().equals(metric)) {
                m.put(r.step(), r.value());
            }
        }
        return m;
    }

    @Test
    void rescorlaWagnerAndGradientDescentBlockButHebbDoesNot() {
        // phase 2 is trials 51-100; B must stay under 20 % of A on every one of them
        for (String learner : List.of("rescorla-wagner", "gradient")) {
            TreeMap<Long, Double> a = series(learner, "blocking.V_A");
            TreeMap<Long, Double> b = series(learner, "blocking.V_B");
            for (long step = 51; step <= 100; step++) {
                assertTrue(b.get(step) < 0.2 * a.get(step), learner + ", trial " + step + ": V_B " + b.get(step) + ", V_A " + a.get(step));
            }
            // the control, AB → US without phase 1, gives B half of the US
            assertEquals(0.5, series(learner, "control.V_B").get(100L), 0.01, learner);
        }
        TreeMap<Long, Double> a = series("hebb", "blocking.V_A");
        TreeMap<Long, Double> b = series("hebb", "blocking.V_B");
        assertTrue(b.get(100L) >= 0.2 * a.get(100L), "hebb: V_B " + b.get(100L) + ", V_A " + a.get(100L));
        assertEquals(series("hebb", "control.V_B").get(100L), b.get(100L), 1e-12, "under Hebb B learns as if A were not there");
    }

    @Test
    void acquisitionAndExtinctionFollowTheClosedFormsAndHebbNeverExtinguishes() {
        // αβ = 0.5 · 0.2 = 0.1: V_n = 1 − 0.9^n for n ≤ 50, then V_50 · 0.9^(n−50)
        TreeMap<Long, Double> rw = series("rescorla-wagner", "extinction.V_A");
        TreeMap<Long, Double> gd = series("gradient", "extinction.V_A");
        TreeMap<Long, Double> hebb = series("hebb", "extinction.V_A");
        assertEquals(101, rw.size());
        for (long n = 0; n <= 100; n++) {
            double expected = n <= 50 ? 1 - Math.pow(0.9, n) : (1 - Math.pow(0.9, 50)) * Math.pow(0.9, n - 50);
            assertEquals(expected, rw.get(n), 1e-12, "rescorla-wagner, trial " + n);
            assertEquals(expected, gd.get(n), 1e-5, "gradient descent takes the same steps (in float32), trial " + n);
            assertEquals(0.02 * Math.min(n, 50), hebb.get(n), 1e-12, "hebb, trial " + n);
        }
    }

    @Test
    void phasesAreListedForTheFigures() throws IOException {
        assertEquals(List.of("schedule,phase,first_step,last_step,cues,us", "extinction,acquisition,0,50,A,1",
                "extinction,extinction,50,100,A,0", "blocking,phase 1,0,50,A,1", "blocking,phase 2,50,100,AB,1",
                "control,phase 2,50,100,AB,1", "backward-blocking,phase 1,0,50,AB,1", "backward-blocking,phase 2,50,100,A,1",
                "overshadowing,compound,0,50,AB,1"), Files.readAllLines(run.resolve("phases.csv")));
        for (String f : List.of("acquisition_extinction.png", "acquisition_extinction.svg", "blocking.png", "blocking.svg",
                "backward_blocking.png", "overshadowing.png")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
    }

    @Test
    void everyLearnerIsRecordedAfterEveryTrialAndTheControlStandsBesidePhase2() {
        // trials 0..100 for the two-phase schedules, 50..100 for the control, for every learner
        for (String learner : List.of("rescorla-wagner", "hebb", "gradient", "kalman")) {
            assertEquals(101, series(learner, "blocking.V_B").size(), learner);
            TreeMap<Long, Double> control = series(learner, "control.V_B");
            assertEquals(51, control.size(), learner);
            assertEquals(50L, control.firstKey());
            assertEquals(0.0, control.get(50L), 0.0, "naive learners start at V = 0");
        }
        assertTrue(series("rescorla-wagner", "extinction.V_B").isEmpty(), "B never appears in extinction");
    }

    @Test
    void backwardBlockingLowersBUnderTheKalmanFilterAndNeverUnderRescorlaWagner() {
        // phase 1 (trials 1-50): AB → US; phase 2 (51-100): A → US. B is absent in phase 2.
        TreeMap<Long, Double> kalmanB = series("kalman", "backward-blocking.V_B");
        TreeMap<Long, Double> kalmanA = series("kalman", "backward-blocking.V_A");
        double bAfterPhase1 = kalmanB.get(50L);
        assertTrue(bAfterPhase1 > 0.3, "the compound teaches B first: " + bAfterPhase1);
        assertTrue(kalmanB.get(100L) < bAfterPhase1 - 0.2, "kalman: B falls while absent, from " + bAfterPhase1 + " to " + kalmanB.get(100L));
        assertTrue(kalmanA.get(100L) > kalmanA.get(50L) + 0.2, "kalman: A rises in phase 2");
        // Rescorla-Wagner, Hebb and gradient descent change a cue's weight only when it is present
        for (String learner : List.of("rescorla-wagner", "hebb", "gradient")) {
            TreeMap<Long, Double> b = series(learner, "backward-blocking.V_B");
            assertEquals(b.get(50L), b.get(100L), 1e-12, learner + ": B does not change while absent");
        }
    }

    @Test
    void overshadowingSharesTheUsAtTheRescorlaWagnerFixedPoint() {
        // the compound's fixed point: V_A + V_B = λ, split in the ratio of the saliences (equal here)
        for (String learner : List.of("rescorla-wagner", "gradient", "kalman")) {
            double a = series(learner, "overshadowing.V_A").get(50L);
            double b = series(learner, "overshadowing.V_B").get(50L);
            assertEquals(1.0, a + b, 0.01, learner);
            assertEquals(a, b, 1e-4, learner);
            assertTrue(a < series(learner, "extinction.V_A").get(50L) - 0.4, learner + ": A alone would have learnt more");
        }
        assertEquals(series("hebb", "extinction.V_A").get(50L), series("hebb", "overshadowing.V_A").get(50L), 1e-12,
                "hebb: no sharing, each cue learns as if alone");
    }
}
