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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void listNamesEveryRegisteredThing() throws IOException {
        CliRun o = run("list");
        assertEquals(0, o.code());
        for (String name : new String[] {"oja", "gha", "bcm", "hopfield", "linear-autoencoder", "gaussian", "digits", "pca",
            "stdp-balance", "bcm-selectivity", "associative-memory"}) {
            assertTrue(o.out().lines().anyMatch(l -> l.strip().startsWith(name + " ")), name + " in\n" + o.out());
        }
        CliRun j = run("list", "--json");
        JsonNode root = new ObjectMapper().readTree(j.out());
        JsonNode oja = null;
        for (JsonNode rule : root.get("rules")) {
            if (rule.get("name").asText().equals("oja")) {
                oja = rule;
            }
        }
        assertTrue(oja != null, "oja among the rules");
        assertEquals("eta", oja.at("/parameters/0/name").asText());
        boolean pca = false;
        for (JsonNode exp : root.get("experiments")) {
            pca |= exp.get("name").asText().equals("pca");
        }
        assertTrue(pca, "pca among the experiments");
        JsonNode stdp = null;
        for (JsonNode exp : root.get("experiments")) {
            if (exp.get("name").asText().equals("stdp-balance")) {
                stdp = exp;
            }
        }
        assertTrue(stdp != null, "stdp-balance among the experiments");
        boolean ratio = false;
        for (JsonNode p : stdp.get("parameters")) {
            assertFalse(p.get("unit").isNull(), p.toString());
            if (p.get("name").asText().equals("ratio")) {
                ratio = true;
                assertEquals(1.05, p.get("default").asDouble());
                assertEquals("a number in (0, 100]", p.get("valid").asText());
            }
        }
        assertTrue(ratio, "the ratio A_minus / A_plus is a setting");
    }

    @Test
    void aQuickRunWritesEverythingAndReplacesAnEarlierRun() throws IOException {
        Path out = tmp.resolve("run");
        CliRun first = run("run", "pca", "--quick", "--set", "steps=300", "--set", "eval_every=100", "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("principal_angle_deg"), first.out());
        CliRun again = run("run", "pca", "--quick", "--set", "steps=200", "--set", "eval_every=100", "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.readString(out.resolve("curves.csv")).lines().noneMatch(l -> l.contains(",300,")),
                "the earlier run's rows are gone");
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no scratch folder is left behind");
        }
    }

    @Test
    void aTruncatedDataFileIsOneLineAndExitTwo() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("README.md"), "test data");
        byte[] digits = Files.readAllBytes(org.neuroai.core.data.DataFiles.resolve("digits.csv.gz"));
        Files.write(data.resolve("digits.csv.gz"), java.util.Arrays.copyOf(digits, digits.length / 3));
        String before = System.getProperty("neuroai.data");
        System.setProperty("neuroai.data", data.toString());
        try {
            Path out = tmp.resolve("o");
            CliRun o = run("run", "pca", "--quick", "--set", "task=digits", "--out", out.toString());
            assertOneLine(o);
            assertTrue(o.err().contains("digits.csv.gz: truncated or corrupt gzip data"), o.err());
            assertFalse(Files.exists(out));
        } finally {
            if (before == null) {
                System.clearProperty("neuroai.data");
            } else {
                System.setProperty("neuroai.data", before);
            }
        }
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
