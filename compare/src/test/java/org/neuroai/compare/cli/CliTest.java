package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.compare.comparison.ExampleSpecs;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.FinalBySeed;
import org.neuroai.compare.figures.Figures;
import org.neuroai.core.Registered;
import org.neuroai.core.Registry;
import org.neuroai.core.TaskFactory;

class CliTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static void assertOneLine(CliRun o) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace: " + o.err());
        assertTrue(o.err().startsWith("neuroai: "), o.err());
    }

    @Test
    void anUnknownExperimentNamesTheValidOnes() {
        Path out = tmp.resolve("o");
        CliRun o = run("run", "nosuch", "--out", out.toString());
        assertOneLine(o);
        assertEquals("neuroai: unknown experiment 'nosuch'; valid experiments are: "
                + org.neuroai.core.Registry.names(org.neuroai.compare.engine.Experiment.class) + ".", o.err().strip());
        assertFalse(Files.exists(out), "nothing is written for a run that cannot start");
    }

    @Test
    void anUnknownKeyInAYamlSpecNamesTheFileAndKey() throws IOException {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, "experiment: pca\nseeds: 1\nlearning_rate: 0.1\n");
        CliRun o = run("run", spec.toString(), "--out", tmp.resolve("o").toString());
        assertOneLine(o);
        assertTrue(o.err().contains(spec + ":3: unknown key 'learning_rate'"), o.err());
    }

    @Test
    void anUnknownSettingInAYamlSpecNamesTheFileAndKey() throws IOException {
        Path spec = tmp.resolve("bad-setting.yaml");
        Files.writeString(spec, "experiment: pca\nset:\n  bio.etaa: 0.1\n");
        CliRun o = run("run", spec.toString(), "--out", tmp.resolve("o").toString());
        assertOneLine(o);
        assertTrue(o.err().contains(spec + ":3: unknown key 'bio.etaa'; valid keys are: task, d, k,"), o.err());
    }

    @Test
    void aNegativeLearningRateIsRefused() {
        CliRun o = run("run", "pca", "--set", "bio.eta=-0.1", "--out", tmp.resolve("o").toString());
        assertOneLine(o);
        assertTrue(o.err().contains("invalid value '-0.1' for 'bio.eta'"), o.err());
        assertTrue(o.err().contains("valid is a number in (0, 1]"), o.err());
        CliRun ae = run("run", "pca", "--set", "ae.lr=-1", "--out", tmp.resolve("o").toString());
        assertOneLine(ae);
        assertTrue(ae.err().contains("'ae.lr'"), ae.err());
    }

    @Test
    void badOptionsAreOneLineToo() {
        assertOneLine(run("run", "pca", "--seeds", "many"));
        assertOneLine(run("run", "pca", "--no-such-option"));
        assertOneLine(run("run", "pca", "--seeds", "0", "--out", tmp.resolve("o").toString()));
        assertOneLine(run("run", "pca", "--set", "task=mnist", "--out", tmp.resolve("o").toString()));
    }

    @Test
    void aForeignFolderIsNotOverwritten() throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "precious");
        CliRun o = run("run", "pca", "--quick", "--out", out.toString());
        assertOneLine(o);
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
    }

    /** Every registered thing by kind, as 'neuroai list' names the kinds. */
    private static Map<String, List<String>> registered() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("rules", Registry.all(PlasticityRule.class).stream().map(Registered::name).toList());
        kinds.put("spike_rules", Registry.all(SpikeRule.class).stream().map(Registered::name).toList());
        kinds.put("networks", Registry.all(NetworkFactory.class).stream().map(Registered::name).toList());
        kinds.put("bayesian_models", Registry.all(org.neuroai.core.bayes.BayesianModel.class).stream().map(Registered::name).toList());
        kinds.put("tasks", Registry.all(TaskFactory.class).stream().map(Registered::name).toList());
        kinds.put("experiments", Registry.all(Experiment.class).stream().map(Registered::name).toList());
        kinds.put("specs", ExampleSpecs.names());
        kinds.put("figures", Figures.all().stream().map(Registered::name).toList());
        return kinds;
    }

    @Test
    void listNamesEveryRegisteredThing() throws IOException {
        CliRun o = run("list");
        assertEquals(0, o.code());
        for (Map.Entry<String, List<String>> kind : registered().entrySet()) {
            assertTrue(o.out().contains(kind.getKey() + ":\n"), kind.getKey() + " in\n" + o.out());
            assertFalse(kind.getValue().isEmpty(), "something is registered as " + kind.getKey());
            for (String name : kind.getValue()) {
                assertTrue(o.out().lines().anyMatch(l -> l.strip().startsWith(name + " ")), name + " in\n" + o.out());
            }
        }
        // a figure says what it reads; this one is registered only in the test sources
        assertTrue(o.out().lines().anyMatch(l -> l.strip().startsWith(FinalBySeed.NAME + " ") && l.endsWith("(reads learners.csv, curves.csv)")),
                o.out());

        JsonNode root = new ObjectMapper().readTree(run("list", "--json").out());
        for (Map.Entry<String, List<String>> kind : registered().entrySet()) {
            List<String> listed = new ArrayList<>();
            root.get(kind.getKey()).forEach(e -> listed.add(e.get("name").asText()));
            assertEquals(kind.getValue(), listed, kind.getKey());
        }
        assertEquals("eta", named(root.get("rules"), "oja").at("/parameters/0/name").asText());
        for (JsonNode exp : root.get("experiments")) {
            assertFalse(exp.get("parameters").isEmpty(), exp.get("name") + " has settings");
            for (JsonNode p : exp.get("parameters")) {
                assertFalse(p.get("unit").isNull(), p.toString());
                assertFalse(p.get("valid").asText().isEmpty(), p.toString());
                assertTrue(p.has("default"), p.toString());
            }
        }
        for (Figure f : Figures.all()) {
            JsonNode j = named(root.get("figures"), f.name());
            List<String> reads = new ArrayList<>();
            j.get("reads").forEach(r -> reads.add(r.asText()));
            assertEquals(f.reads(), reads, f.name());
            assertEquals(f.file(), j.get("file").asText());
            assertEquals(f.description(), j.get("description").asText());
            assertFalse(j.has("parameters"), "a figure has no parameters");
        }
        assertFalse(named(root.get("experiments"), "pca").has("reads"), "only figures read files");
    }

    @Test
    void aQuickRunWritesEverythingAndReplacesAnEarlierRunWithForce() throws IOException {
        Path out = tmp.resolve("run");
        CliRun first = run("run", "pca", "--quick", "--set", "steps=300", "--set", "eval_every=100", "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("principal_angle_deg"), first.out());
        CliRun again = run("run", "pca", "--quick", "--set", "steps=200", "--set", "eval_every=100", "--out", out.toString(), "--force");
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.readString(out.resolve("curves.csv")).lines().noneMatch(l -> l.contains(",300,")),
                "the earlier run's rows are gone");
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no scratch folder is left behind");
        }
    }

    @Test
    void aTruncatedDataFileIsOneLineAndExitTwo() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("README.md"), "test data");
        byte[] digits = Files.readAllBytes(org.neuroai.core.data.DataFiles.resolve("digits.csv.gz"));
        Files.write(data.resolve("digits.csv.gz"), java.util.Arrays.copyOf(digits, digits.length / 3));
        Path out = tmp.resolve("o");
        CliRun o = CliRun.withData(data, () -> run("run", "pca", "--quick", "--set", "task=digits", "--out", out.toString()));
        assertOneLine(o);
        assertTrue(o.err().contains("digits.csv.gz: truncated or corrupt gzip data"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSpecWithThreeMistakesReportsAllThreeWithLines() throws IOException {
        Path spec = tmp.resolve("three.yaml");
        Files.writeString(spec, "experiment: pca\nset:\n  k: zero\n  bio.eta: -1\n  nosuch: 3\n");
        CliRun o = run("run", spec.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, o.code());
        java.util.List<String> lines = o.err().strip().lines().toList();
        assertEquals(3, lines.size(), o.err());
        assertTrue(lines.get(0).contains(spec + ":5: unknown key 'nosuch'"), lines.get(0));
        assertTrue(lines.get(1).contains(spec + ":3: invalid value 'zero' for 'k'"), lines.get(1));
        assertTrue(lines.get(2).contains(spec + ":4: invalid value '-1' for 'bio.eta'"), lines.get(2));
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    /** The entry of a JSON list with this name; fails when there is none (lists grow as components are added). */
    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no '" + name + "' in " + list);
    }
}
