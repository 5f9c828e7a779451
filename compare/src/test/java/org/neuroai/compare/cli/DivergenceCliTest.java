package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Summary;
import org.neuroai.compare.files.Divergences;
import org.neuroai.core.engine.Divergence;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Settings inside the documented ranges that make a learner diverge: the learner is stopped and
 * shown as diverged at that step in curves.csv, the summary, --json and the report, the other
 * learners run to their end with their figures drawn, and the run ends with exit status 0.
 */
class DivergenceCliTest {
    @TempDir
    Path tmp;

    private static JsonNode json(CliRun r) throws Exception {
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** The finals of one learner in --json, by metric. */
    private static Map<String, JsonNode> finals(JsonNode run, String learner) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (JsonNode f : run.get("finals")) {
            if (f.get("learner").asText().equals(learner)) {
                out.put(f.get("metric").asText(), f);
            }
        }
        return out;
    }

    /** No value of any trace is not a finite number (a NaN angle, an infinite weight). */
    private static void allFinite(Path out) throws Exception {
        for (String trace : List.of("curves.csv", "weights.csv")) {
            if (Files.isRegularFile(out.resolve(trace))) {
                for (TraceRow r : TraceReader.read(out.resolve(trace), x -> true)) {
                    assertTrue(Double.isFinite(r.value()), trace + ": " + r);
                }
            }
        }
    }

    @Test
    void hebbianRulesAtEtaOneDivergeAndTheAutoencoderRunsOn() throws Exception {
        Path out = tmp.resolve("pca");
        JsonNode run = json(CliRun.of("run", "pca", "--quick", "--set", "bio.eta=1", "--set", "bio.tau=0", "--set", "steps=1000",
                "--set", "eval_every=100", "--json", "--out", out.toString()));
        for (String learner : List.of("oja", "gha")) {
            Map<String, JsonNode> fs = finals(run, learner);
            assertFalse(fs.isEmpty(), learner);
            for (JsonNode f : fs.values()) {
                assertEquals(0, f.get("seeds").asInt(), f.toString());
                assertFalse(f.has("mean"), "a diverged learner has no final value: " + f);
                assertTrue(f.get("diverged").asText().matches("diverged at step \\d+ \\(seed 0\\)"), f.toString());
            }
        }
        // the angle of NaN weights (90 degrees) is not served as data
        assertFalse(run.toString().contains("90.0"), run.toString());
        Map<String, JsonNode> ae = finals(run, "autoencoder");
        assertEquals(1000, ae.get("reconstruction_mse").get("step").asLong());
        assertTrue(ae.get("principal_angle_deg").get("mean").asDouble() < 90);
        List<TraceRow> rows = TraceReader.read(out.resolve("curves.csv"), r -> true);
        Map<String, List<TraceRow>> marks = rows.stream().filter(r -> r.metric().equals(Divergences.METRIC))
                .collect(Collectors.groupingBy(TraceRow::learner));
        assertEquals(java.util.Set.of("oja", "gha"), marks.keySet());
        for (List<TraceRow> m : marks.values()) {
            assertEquals(1, m.size());
            long at = m.get(0).step();
            // nothing of the learner at or after the step where it diverged, in any trace
            String learner = m.get(0).learner();
            assertTrue(rows.stream().noneMatch(r -> r.learner().equals(learner) && !r.metric().equals(Divergences.METRIC) && r.step() >= at));
            assertTrue(TraceReader.read(out.resolve("weights.csv"), r -> r.learner().equals(learner) && r.step() >= at).isEmpty());
        }
        allFinite(out);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| oja | reconstruction_mse | diverged at step"), report);
        assertTrue(report.contains("was stopped at that checkpoint"), report);
        assertTrue(Files.size(out.resolve("learning_curves.png")) > 0);
        assertTrue(run.get("figures").get("learning_curves").asText().contains("oja diverged at step"));
    }

    @Test
    void anAutoencoderTrainedBySgdAtRateTenDivergesAndTheRulesRunOn() throws Exception {
        Path out = tmp.resolve("ae");
        JsonNode run = json(CliRun.of("run", "pca", "--quick", "--set", "ae.optimiser=sgd", "--set", "ae.lr=10", "--set", "steps=600",
                "--set", "eval_every=100", "--json", "--out", out.toString()));
        for (JsonNode f : finals(run, "autoencoder").values()) {
            assertTrue(f.get("diverged").asText().startsWith("diverged at step "), f.toString());
            assertFalse(f.has("mean"), f.toString());
        }
        for (String learner : List.of("oja", "gha")) {
            JsonNode angle = finals(run, learner).get("principal_angle_deg");
            assertEquals(600, angle.get("step").asLong());
            assertFalse(angle.has("diverged"));
        }
        allFinite(out);
    }

    /** A spec with an MLP at learning rate 10 and the delta rule on iris, over two seeds. */
    private Path spec(String name, String learner, String length, int seeds) throws Exception {
        Path spec = tmp.resolve(name + ".yaml");
        Files.writeString(spec, String.join("\n",
                "name: " + name,
                "task: {name: iris, heldout_fraction: 0.3}",
                "learners:",
                "  - " + learner,
                "  - {name: delta, rule: delta, bias: true, params: {eta: 0.01}}",
                length,
                "batch: 1",
                "seeds: " + seeds,
                "baselines: false",
                "record: {metrics: [accuracy, mse], weights: {every: 105, max_synapses: 10}}",
                "figures: [learning-curves, weight-norms, weight-trajectories]",
                ""));
        return spec;
    }

    @Test
    void aSpecMlpAtRateTenIsShownDivergedNotAtChanceAccuracy() throws Exception {
        Path out = tmp.resolve("mlp");
        Path spec = spec("mlp-lr10", "{name: mlp, network: mlp, params: {hidden: \"8\", activation: tanh, output: linear-mse, "
                + "optimiser: sgd, lr: 10}}", "epochs: 2\neval_every: 105", 2);
        JsonNode run = json(CliRun.of("run", spec.toString(), "--json", "--out", out.toString()));
        JsonNode acc = finals(run, "mlp").get("accuracy");
        // before, NaN outputs gave the share of one class, 0.356, as if it were an accuracy
        assertFalse(acc.has("mean"), acc.toString());
        assertEquals("diverged at step 105 (seed 0), step 105 (seed 1)", acc.get("diverged").asText());
        JsonNode delta = finals(run, "delta").get("accuracy");
        assertEquals(2, delta.get("seeds").asInt());
        assertEquals(210, delta.get("step").asLong());
        for (String f : List.of("learning_curves", "weight_norms", "weight_trajectories")) {
            assertTrue(Files.size(out.resolve(f + ".png")) > 0, f);
        }
        assertEquals(0, run.get("figures_failed").size(), run.toString());
        allFinite(out);
        // stats over seeds never mix in a value that is not a number
        for (String line : Files.readAllLines(out.resolve("stats.csv")).subList(1, Files.readAllLines(out.resolve("stats.csv")).size())) {
            assertFalse(line.contains("NaN") && line.split(",")[3].equals("0"), line);
            assertFalse(line.contains(Divergences.METRIC), line);
        }
    }

    @Test
    void plainHebbOnIrisIsStoppedAtItsBoundInsteadOfCrashingTheRun() throws Exception {
        // plain Hebb grows without bound; at 40000 presentations it reached +Infinity, and the chart library threw
        Path out = tmp.resolve("hebb");
        Path spec = spec("hebb-iris", "{name: hebb, rule: hebb}", "steps: 40000\neval_every: 4000", 1);
        JsonNode run = json(CliRun.of("run", spec.toString(), "--json", "--out", out.toString()));
        JsonNode hebb = finals(run, "hebb").get("accuracy");
        assertTrue(hebb.get("diverged").asText().matches("diverged at step \\d+ \\(seed 0\\)"), hebb.toString());
        long at = hebb.get("stops").get(0).get("step").asLong();
        assertTrue(at > 0 && at < 40000, "stopped at " + at);
        // stopped by the norm bound, with the reason in the provenance
        String why = Files.readString(out.resolve("provenance.json"));
        assertTrue(why.contains("past the bound of 1e+06"), why);
        // every value it recorded is finite, and its last weights are within the bound
        allFinite(out);
        List<TraceRow> w = TraceReader.read(out.resolve("weights.csv"), r -> r.learner().equals("hebb"));
        assertFalse(w.isEmpty());
        for (TraceRow r : w) {
            assertTrue(Math.abs(r.value()) <= Divergence.WEIGHT_NORM_BOUND, r.toString());
        }
        assertEquals(40000, finals(run, "delta").get("accuracy").get("step").asLong());
        for (String f : List.of("learning_curves", "weight_norms", "weight_trajectories")) {
            assertTrue(Files.size(out.resolve(f + ".png")) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("| hebb | accuracy | diverged at step " + at + " (seed 0)"));
        // the summary the command line prints
        List<Summary.Final> finals = Summary.finals(TraceReader.read(out.resolve("curves.csv"), r -> true));
        assertTrue(finals.stream().filter(f -> f.learner().equals("hebb")).allMatch(Summary.Final::allDiverged));
    }

    @Test
    void aDivergedSeedIsLeftOutOfTheStatsWithNShown() throws Exception {
        // one learner, two seeds; only seed 1 diverges
        List<TraceRow> rows = List.of(
                new TraceRow("a", 0, 0, "mse", -1, 1.0), new TraceRow("a", 0, 10, "mse", -1, 0.5),
                new TraceRow("a", 1, 0, "mse", -1, 1.0), new TraceRow("a", 1, 10, "diverged", -1, 1.0));
        Summary.Final f = Summary.finals(rows).get(0);
        assertEquals(1, f.seeds());
        assertEquals(0.5, f.mean());
        assertEquals("over 1 seed; diverged at step 10 (seed 1)", f.note());
        assertEquals(1, Summary.finals(rows).size(), "the mark is not a metric");
    }
}
