package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String err = o.err().strip();
        assertTrue(err.startsWith("neuroai: unknown experiment 'nosuch'; valid experiments are: ") && err.contains(" pca"), err);
        assertFalse(Files.exists(out), "nothing is written for a run that cannot start");
    }

    @Test
    void anUnknownKeyInAYamlSpecNamesTheFileAndKey() throws IOException {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, "experiment: pca\nseeds: 1\nlearning_rate: 0.1\n");
        CliRun o = run("run", spec.toString(), "--out", tmp.resolve("o").toString());
        assertOneLine(o);
        assertTrue(o.err().contains(spec + ": unknown key 'learning_rate'"), o.err());
    }

    @Test
    void anUnknownSettingInAYamlSpecNamesTheFileAndKey() throws IOException {
        Path spec = tmp.resolve("bad-setting.yaml");
        Files.writeString(spec, "experiment: pca\nset:\n  bio.etaa: 0.1\n");
        CliRun o = run("run", spec.toString(), "--out", tmp.resolve("o").toString());
        assertOneLine(o);
        assertTrue(o.err().contains(spec + ": unknown key 'bio.etaa'; valid keys are: task, d, k,"), o.err());
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
        for (String name : new String[] {"oja", "gha", "linear-autoencoder", "gaussian", "digits", "pca"}) {
            assertTrue(o.out().lines().anyMatch(l -> l.strip().startsWith(name + " ")), name + " in\n" + o.out());
        }
        CliRun j = run("list", "--json");
        JsonNode root = new ObjectMapper().readTree(j.out());
        JsonNode oja = named(root.get("rules"), "oja");
        assertEquals("eta", oja.at("/parameters/0/name").asText());
        named(root.get("experiments"), "pca");
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
