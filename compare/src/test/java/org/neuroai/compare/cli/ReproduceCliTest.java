package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** neuroai reproduce runs a finished run again from its provenance and compares every file. */
class ReproduceCliTest {
    @TempDir
    Path tmp;

    @Test
    void aFinishedRunIsReproducedAndAnEditedOneIsNot() throws Exception {
        Path run = tmp.resolve("run");
        CliRun made = CliRun.of("run", "xor", "--quick", "--seeds", "2", "--set", "steps=300", "--out", run.toString(), "--quiet");
        assertEquals(0, made.code(), made.err());

        CliRun same = CliRun.of("reproduce", run.toString());
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("files identical byte for byte"), same.out());

        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("curves.csv")));
        String edited = lines.get(7).replaceAll(",[^,]*$", ",0.123456");
        lines.set(7, edited);
        Files.write(run.resolve("curves.csv"), lines);
        CliRun differs = CliRun.of("reproduce", run.toString(), "--quiet");
        assertEquals(1, differs.code(), differs.out() + differs.err());
        assertTrue(differs.out().contains("curves.csv: line 8 differs: '" + edited + "' here"), differs.out());
        assertTrue(differs.out().contains("curves.csv changed after the run wrote it"), differs.out());
    }

    @Test
    void aComparisonSpecIsReproducedFromTheFileTheRunKept() {
        Path run = tmp.resolve("iris");
        CliRun made = CliRun.of("run", "iris-linear", "--quick", "--seeds", "1", "--out", run.toString(), "--quiet");
        assertEquals(0, made.code(), made.err());
        CliRun same = CliRun.of("reproduce", run.toString(), "--quiet");
        assertEquals(0, same.code(), same.out() + same.err());
    }

    @Test
    void aMalformedManifestIsOneLineAndExit2AndTheFolderIsLeftAlone() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, CliRun.of("run", "xor", "--quick", "--seeds", "1", "--set", "steps=200", "--out", run.toString(), "--quiet").code());
        Files.writeString(run.resolve("manifest.json"), "{bad");
        byte[] curves = Files.readAllBytes(run.resolve("curves.csv"));
        for (String[] args : new String[][] {{"reproduce", run.toString()}, {"run", "xor", "--quick", "--out", run.toString(), "--force"}}) {
            CliRun o = CliRun.of(args);
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("not valid JSON at line 1") && o.err().strip().lines().count() == 1, o.err());
        }
        assertTrue(java.util.Arrays.equals(curves, Files.readAllBytes(run.resolve("curves.csv"))), "nothing replaced");
    }

    @Test
    void aFolderThatIsNotARunIsOneLineAndExit2() throws Exception {
        Files.writeString(tmp.resolve("x.txt"), "x");
        CliRun o = CliRun.of("reproduce", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("no manifest.json") && o.err().strip().lines().count() == 1, o.err());
    }
}
