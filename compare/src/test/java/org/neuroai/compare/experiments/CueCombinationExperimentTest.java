package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Cue combination, three ratios of cue noises (1/4, 1, 4) and two seeds, against the optimal
 * observer: both learners end at the optimal weights, whose ratio is the reliability weight and
 * whose sum is the prior's shrinkage, and both estimate the size with about the optimal variance,
 * below either cue's.
 */
class CueCombinationExperimentTest {
    static final double PRIOR_SD = 3;
    static final double[] RATIOS = {0.25, 1, 4};
    static final int TRIALS = 2000;

    @TempDir
    static Path tmp;
    static List<TraceRow> rows;

    @BeforeAll
    static void runOnce() {
        Path run = tmp.resolve("cue-combination");
        Runner.run(new RunSpec("cue-combination", 2, 0, false, Map.of("ratios", 3, "trials", TRIALS, "eval_every", 500, "held_out", 2000),
                "test"), run);
        rows = TraceReader.read(run.resolve("curves.csv"), r -> r.step() == TRIALS);
    }

    static double last(String learner, long seed, String metric) {
        return rows.stream().filter(r -> r.learner().equals(learner) && r.seed() == seed && r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " of " + learner + ", seed " + seed)).value();
    }

    @Test
    void bothLearnersEndAtTheOptimalWeightsWhoseRatioIsTheReliabilityWeight() {
        for (int i = 0; i < RATIOS.length; i++) {
            double sd1 = Math.sqrt(RATIOS[i]);
            double sd2 = 1 / Math.sqrt(RATIOS[i]);
            double r0 = 1 / (PRIOR_SD * PRIOR_SD);
            double r1 = 1 / (sd1 * sd1);
            double r2 = 1 / (sd2 * sd2);
            double reliability = sd2 * sd2 / (sd1 * sd1 + sd2 * sd2);
            String c = "ratio-" + (i + 1);
            for (long seed = 0; seed < 2; seed++) {
                for (String learner : List.of("bayes", "gradient")) {
                    double w1 = last(learner, seed, c + ".w_1");
                    double w2 = last(learner, seed, c + ".w_2");
                    String who = learner + ", " + c + ", seed " + seed;
                    double tolerance = learner.equals("bayes") ? 0.02 : 0.05;
                    assertEquals(r1 / (r0 + r1 + r2), w1, tolerance, who + ": w_1");
                    assertEquals(r2 / (r0 + r1 + r2), w2, tolerance, who + ": w_2");
                    assertEquals(reliability, w1 / (w1 + w2), tolerance, who + ": relative weight of cue 1");
                    double mse = last(learner, seed, c + ".mse");
                    assertTrue(mse < Math.min(sd1 * sd1, sd2 * sd2), who + ": the combined estimate beats the better cue: " + mse);
                    assertEquals(1 / (r0 + r1 + r2), mse, 0.1 / (r0 + r1 + r2), who + ": about the optimal variance");
                }
                // the prior shrinks: the weights of the Bayesian observer sum to (r1 + r2) / (r0 + r1 + r2), visibly below 1 at equal noises
                double sum = last("bayes", seed, c + ".w_1") + last("bayes", seed, c + ".w_2");
                assertEquals((r1 + r2) / (r0 + r1 + r2), sum, 0.01, c + ": the sum of the weights");
            }
        }
    }
}
