package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * bayes-classify on two seeds: Bayesian logistic regression is as accurate as Tribuo's logistic
 * regression and better calibrated than the delta rule on iris, wine and breast cancer.
 */
class BayesClassifyExperimentTest {
    @TempDir
    static Path tmp;
    static Path run;
    static List<TraceRow> rows;
    static JsonNode tribuo;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("bayes-classify");
        Runner.run(new RunSpec("bayes-classify", 2, 0, false, Map.of("checkpoints", 1), "test"), run);
        rows = TraceReader.read(run.resolve("curves.csv"), r -> true);
        tribuo = RunFolder.open(run).provenance().path("tribuo_accuracy");
    }

    /** The mean over seeds of a learner's metric at its last checkpoint. */
    static double last(String learner, String metric) {
        Map<Long, TreeMap<Long, Double>> bySeed = new TreeMap<>();
        for (TraceRow r : rows) {
            if (r.learner().equals(learner) && r.metric().equals(metric)) {
                bySeed.computeIfAbsent(r.seed(), k -> new TreeMap<>()).put(r.step(), r.value());
            }
        }
        return bySeed.values().stream().mapToDouble(m -> m.lastEntry().getValue()).average().orElseThrow();
    }

    @Test
    void bayesianLogisticRegressionIsAsAccurateAsTribuos() {
        // held-out sizes of the tasks' default splits: 45, 53 and 171 samples
        for (String task : BayesClassifyExperiment.TASKS) {
            double bayes = last("bayes", task + ".accuracy");
            double reference = tribuo.path(task).asDouble();
            assertTrue(bayes >= reference - 1e-9, task + ": bayes " + bayes + ", Tribuo " + reference);
        }
    }

    @Test
    void itsPassesReachAPosteriorThatDoesNotDependOnTheOrder() {
        // the two seeds present the samples in different orders; the batch posterior is the same
        for (String task : BayesClassifyExperiment.TASKS) {
            Map<Long, Double> nll = new TreeMap<>();
            Map<Long, Long> lastStep = new TreeMap<>();
            for (TraceRow r : rows) {
                if (r.learner().equals("bayes") && r.metric().equals(task + ".predictive_nll")
                        && r.step() >= lastStep.getOrDefault(r.seed(), -1L)) {
                    lastStep.put(r.seed(), r.step());
                    nll.put(r.seed(), r.value());
                }
            }
            assertEquals(2, nll.size(), task);
            double[] v = nll.values().stream().mapToDouble(Double::doubleValue).toArray();
            assertEquals(v[0], v[1], 1e-6 * v[0], task + ": predictive NLL on the two seeds");
        }
    }

    @Test
    void itsProbabilitiesAreBetterCalibratedThanTheDeltaRules() {
        for (String task : BayesClassifyExperiment.TASKS) {
            double bayes = last("bayes", task + ".ece");
            double delta = last("delta", task + ".ece");
            assertTrue(bayes < delta, task + ": ECE bayes " + bayes + ", delta " + delta);
        }
    }

    @Test
    void drawsTheSummary() throws Exception {
        assertTrue(Files.size(run.resolve("classify_summary.png")) > 0);
    }
}
