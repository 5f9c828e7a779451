package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * bayes-vs-delta over five seeds: with few samples the posterior mean predicts best, SGD takes the
 * delta rule's steps, and the credible intervals cover the truth.
 */
class BayesVsDeltaExperimentTest {
    @TempDir
    static Path tmp;
    static Path run;
    static List<TraceRow> rows;
    static final int SEEDS = 5;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("bayes-vs-delta");
        Runner.run(new RunSpec("bayes-vs-delta", SEEDS, 0, false, Map.of("steps", 60, "heldout", 400), "test"), run);
        rows = TraceReader.read(run.resolve("curves.csv"), r -> true);
    }

    private static double meanOverFirst(String learner, long seed, String metric, long last) {
        return rows.stream().filter(r -> r.seed() == seed && r.learner().equals(learner) && r.metric().equals(metric)
                && r.step() >= 1 && r.step() <= last).mapToDouble(TraceRow::value).average().orElseThrow();
    }

    @Test
    void theBayesianLearnersHeldOutErrorIsLowestOverTheFirstTwentySamplesOnEverySeed() {
        for (long seed = 0; seed < SEEDS; seed++) {
            double bayes = meanOverFirst("bayes", seed, "mse", 20);
            double delta = meanOverFirst("delta", seed, "mse", 20);
            double sgd = meanOverFirst("sgd", seed, "mse", 20);
            assertTrue(bayes < delta && bayes < sgd, "seed " + seed + ": bayes " + bayes + ", delta " + delta + ", sgd " + sgd);
            // and it is never far above the noise floor σ² = 0.25 after 20 samples
            assertTrue(meanOverFirst("bayes", seed, "mse", 60) - meanOverFirst("bayes", seed, "mse", 19) < 0.05);
        }
    }

    @Test
    void sgdWithHalfTheRateTakesTheDeltaRulesSteps() {
        for (TraceRow d : rows) {
            if (d.learner().equals("delta") && d.metric().equals("mse")) {
                double sgd = rows.stream().filter(r -> r.learner().equals("sgd") && r.metric().equals("mse") && r.seed() == d.seed()
                        && r.step() == d.step()).findFirst().orElseThrow().value();
                assertEquals(d.value(), sgd, 1e-4 * Math.max(1, d.value()), "step " + d.step());
            }
        }
    }

    @Test
    void credibleIntervalsCoverTheTrueWeightsAtTheirRate() {
        // 5 seeds x 2 weights at the last checkpoint: under 95 % coverage the count inside is
        // Binomial(10, 0.95), and fewer than 8 has probability 0.012
        double inside = rows.stream().filter(r -> r.learner().equals("bayes") && r.metric().equals("coverage_95") && r.step() == 60)
                .mapToDouble(TraceRow::value).sum() * 2;
        assertTrue(inside >= 8, "true weights inside the 95 % intervals: " + inside + " of 10");
        // the posterior's error shrinks with samples on every seed
        for (long seed = 0; seed < SEEDS; seed++) {
            assertTrue(meanOverFirst("bayes", seed, "weight_error", 60) < meanOverFirst("bayes", seed, "weight_error", 3));
        }
    }

    @Test
    void drawsItsFigures() throws Exception {
        for (String f : List.of("learning_curves.png", "bayes_weights.png", "posterior_ellipse.png", "posterior_ellipse.svg")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
    }
}
