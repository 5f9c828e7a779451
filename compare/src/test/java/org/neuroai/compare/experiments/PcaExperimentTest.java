package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Summary;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

class PcaExperimentTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultGaussianRunMeetsTheTheoryOnEverySeed() throws IOException {
        // The full default run (20000 presentations, 3 seeds): GHA and the autoencoder must both
        // end within 5 degrees of the true top-3 subspace on every seed (about 2 degrees is
        // typical; 5 excludes a learner stuck at a saddle, which is 90 degrees off in one
        // direction), and Oja's weight norm must end within 2 % of 1 (its fixed point).
        Path out = tmp.resolve("pca");
        Runner.run(new RunSpec("pca", 3, 0, false, Map.of(), "test"), out);
        for (String f : List.of("curves.csv", "weights.csv", "learning_curves.png", "learning_curves.svg",
                "weight_dynamics.png", "weight_dynamics.svg", "provenance.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals("learner,seed,step,metric,value", Files.readAllLines(out.resolve("curves.csv")).get(0));
        assertEquals("learner,seed,step,metric,index,value", Files.readAllLines(out.resolve("weights.csv")).get(0));
        List<TraceRow> rows = TraceReader.read(out.resolve("curves.csv"), r -> true);
        assertEquals(Set.of("oja", "gha", "autoencoder"), rows.stream().map(TraceRow::learner).collect(Collectors.toSet()));
        assertEquals(Set.of("reconstruction_mse", "principal_angle_deg", "weight_norm"),
                rows.stream().map(TraceRow::metric).collect(Collectors.toSet()));
        for (long seed = 0; seed < 3; seed++) {
            long s = seed;
            List<Summary.Final> finals = Summary.finals(rows.stream().filter(r -> r.seed() == s).toList());
            for (Summary.Final f : finals) {
                assertEquals(20000, f.step());
                if (f.metric().equals("principal_angle_deg") && !f.learner().equals("oja")) {
                    assertTrue(f.mean() < 5, f.learner() + " seed " + seed + ": angle " + f.mean());
                }
                if (f.metric().equals("weight_norm") && f.learner().equals("oja")) {
                    assertEquals(1.0, f.mean(), 0.02, "oja's weight norm, seed " + seed);
                }
            }
        }
        // every learner was evaluated on the same checkpoints
        Map<String, Set<Long>> steps = rows.stream().collect(Collectors.groupingBy(TraceRow::learner,
                Collectors.mapping(TraceRow::step, Collectors.toSet())));
        assertEquals(steps.get("oja"), steps.get("autoencoder"));
        assertEquals(101, steps.get("gha").size());

        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals("pca", prov.at("/spec/experiment").asText());
        assertEquals(3, prov.at("/spec/seeds").asInt());
        assertEquals(0.15, prov.at("/spec/set/bio.eta").asDouble(), "every resolved setting, defaults included");
        assertEquals("1.0.0-M2.1", prov.at("/versions/deeplearning4j-nn").asText());
        assertEquals("4.3.2", prov.at("/versions/tribuo-core").asText());
        assertTrue(prov.at("/machine/available_processors").asInt() >= 1);
        assertTrue(prov.has("git"));
    }

    @Test
    void theDigitsTaskRecordsTheDataItRead() throws IOException {
        Path out = tmp.resolve("digits");
        Runner.run(new RunSpec("pca", 1, 0, true, Map.of("task", "digits", "steps", "600", "eval_every", "200"), "test"), out);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals(1, prov.get("data_files_sha256").size(), "only the file this run read");
        boolean found = false;
        for (var it = prov.get("data_files_sha256").fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().endsWith("digits.csv.gz")) {
                assertEquals("46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a", e.getValue().asText());
                found = true;
            }
        }
        assertTrue(found, "provenance must list digits.csv.gz with its SHA-256");
        List<TraceRow> w = TraceReader.read(out.resolve("weights.csv"), r -> r.learner().equals("gha") && r.step() == 0);
        assertEquals(3 * 64, w.size(), "all 3 x 64 weights of GHA are sampled");
    }

    @Test
    void theTracesDoNotDependOnTheNumberOfThreads() throws IOException {
        Map<String, Object> quick = Map.of("steps", "600", "eval_every", "100");
        Map<String, Object> one = new java.util.HashMap<>(quick);
        one.put("threads", "1");
        Map<String, Object> two = new java.util.HashMap<>(quick);
        two.put("threads", "2");
        Runner.run(new RunSpec("pca", 4, 0, true, one, "test"), tmp.resolve("t1"));
        Runner.run(new RunSpec("pca", 4, 0, true, two, "test"), tmp.resolve("t2"));
        for (String f : List.of("curves.csv", "weights.csv")) {
            assertEquals(-1L, Files.mismatch(tmp.resolve("t1").resolve(f), tmp.resolve("t2").resolve(f)), f + " differs");
        }
        try (var s = Files.list(tmp.resolve("t1"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".part")), "no part files are left");
        }
    }
}
