package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.core.data.DataFiles;

/**
 * Inputs that used to crash the JVM, pass bad data through or misreport a mistake: each ends in
 * one line per mistake and exit status 2, before anything is allocated or run.
 */
class HostileInputTest {
    /** Most mistakes the command line prints for one command (Main.MAX_PROBLEMS). */
    private static final int MAX_PROBLEMS = 20;

    @TempDir
    Path tmp;

    private static void assertOneLine(CliRun o) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace: " + o.err());
        assertTrue(o.err().startsWith("neuroai: "), o.err());
    }

    private Path spec(String name, String yaml) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    private CliRun run(Path spec) {
        return CliRun.of("run", spec.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
    }

    @Test
    void aNetworkTooLargeForMemoryIsRefusedBeforeItIsBuilt() throws IOException {
        for (String hidden : List.of("1000000000", "100000,100000", "30000,30000")) {
            Path f = spec("big.yaml", "task: {name: iris}\nsteps: 100\nlearners:\n  - name: mlp\n    network: mlp\n    params:\n"
                    + "      hidden: \"" + hidden + "\"\n");
            // refused from the estimate, before anything is allocated: the message is the footprint's
            CliRun o = run(f);
            assertOneLine(o);
            assertTrue(o.err().contains(f + ":7: 'hidden' = '" + hidden + "' of learner 'mlp'"), o.err());
            assertTrue(o.err().contains("needs about") && o.err().contains("more than the limit of"), o.err());
            assertFalse(Files.exists(tmp.resolve("out")));
        }
    }

    @Test
    void aSpikingNetworkTooLargeForTheHeapIsRefused() throws IOException {
        Path f = spec("spikes.yaml", """
                task: {name: poisson, inputs: 1000000}
                steps: 100
                learners:
                  - name: stdp
                    spiking: {rule: stdp-pair}
                    params: {neurons: 10000}
                """);
        CliRun o = run(f);
        assertOneLine(o);
        assertTrue(o.err().contains("'neurons' = 10000 of learner 'stdp'") && o.err().contains("of Java heap"), o.err());
    }

    @Test
    void aRecordingTooLongToReadBackIsRefused() throws IOException {
        Path f = spec("long.yaml", """
                task: {name: xor}
                steps: 1000000000
                eval_every: 1
                learners:
                  - {name: delta, rule: delta}
                """);
        CliRun o = run(f);
        assertOneLine(o);
        assertTrue(o.err().contains(f + ":3: ") && o.err().contains(" rows of "), o.err());
        assertTrue(o.err().contains("of Java heap"), o.err());
    }

    /** Runs with the data folder pointed at a copy of the project's data in which one file is replaced. */
    private <T> T withData(String file, String text, Callable<T> body) throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("README.md"), "test data");
        Files.writeString(data.resolve(file), text);
        return CliRun.withData(data, body);
    }

    @Test
    void aNonFiniteCellInADataFileIsRefusedWithItsRowAndColumn() throws Exception {
        List<String> iris = Files.readAllLines(DataFiles.resolve("iris.csv"));
        for (String bad : List.of("NaN", "Infinity", "-Infinity")) {
            String row = iris.get(5);
            String[] cells = row.split(",");
            cells[2] = bad;
            List<String> copy = new java.util.ArrayList<>(iris);
            copy.set(5, String.join(",", cells));
            Path spec = spec("iris.yaml", "task: {name: iris}\nsteps: 100\nlearners:\n  - {name: delta, rule: delta}\n");
            CliRun o = withData("iris.csv", String.join("\n", copy) + "\n", () -> run(spec));
            assertOneLine(o);
            assertTrue(o.err().contains("iris.csv:6: column 3: '" + bad + "' is not a finite number"), o.err());
            assertFalse(o.err().contains("bio.eta"), o.err());
        }
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLine() throws IOException {
        Path f = spec("dup.yaml", "experiment: pca\nquick: true\nexperiment: xor\n");
        CliRun o = run(f);
        assertOneLine(o);
        assertTrue(o.err().contains(f + ":3: duplicate key 'experiment' (first at line 1)"), o.err());
        Path g = spec("dup2.yaml", "task: {name: xor}\nsteps: 10\nlearners:\n  - name: a\n    rule: delta\n    rule: oja\n");
        CliRun p = run(g);
        assertOneLine(p);
        assertTrue(p.err().contains(g + ":6: duplicate key 'learners[0].rule' (first at line 5)"), p.err());
    }

    @Test
    void aNanInYamlHasItsLine() throws IOException {
        Path f = spec("nan.yaml", "experiment: pca\nseeds: .nan\n");
        CliRun o = run(f);
        assertOneLine(o);
        assertTrue(o.err().contains(f + ":2: "), o.err());
    }

    @Test
    void unknownSettingsAreReportedWithTheTopLevelMistakes() throws IOException {
        Path f = spec("two.yaml", "experiment: pca\nfoo: 1\nset:\n  nosuch: 1\n");
        CliRun o = run(f);
        assertEquals(2, o.code());
        List<String> lines = o.err().strip().lines().toList();
        assertEquals(2, lines.size(), o.err());
        assertTrue(lines.get(0).contains(f + ":2: unknown key 'foo'"), o.err());
        assertTrue(lines.get(1).contains(f + ":4: unknown key 'nosuch'"), o.err());
    }

    @Test
    void helpOfEveryCommandPrintsAndExitsZero() {
        for (String cmd : List.of("run", "sweep", "plot", "protocol", "list", "report", "show", "landscape", "bench", "validate",
                "baselines", "demo")) {
            CliRun h = CliRun.of(cmd, "--help");
            assertEquals(0, h.code(), cmd + ": " + h.err());
            assertTrue(h.out().contains("Usage: neuroai " + cmd), h.out());
            CliRun help = CliRun.of("help", cmd);
            assertEquals(0, help.code(), cmd);
            assertEquals("", help.err(), cmd + ": no warning");
        }
    }

    @Test
    void aHugeValueIsEchoedShortened() throws IOException {
        String huge = "x".repeat(2_000_000);
        CliRun o = CliRun.of("run", "pca", "--set", "k=" + huge, "--out", tmp.resolve("o").toString());
        assertOneLine(o);
        assertTrue(o.err().length() < 600, o.err().length() + " characters");
        assertTrue(o.err().contains("'xxxxxxxx") && o.err().contains("\u2026'"), o.err());
        CliRun opt = CliRun.of("run", "pca", "--" + huge);
        assertOneLine(opt);
        assertTrue(opt.err().length() < 600, opt.err().length() + " characters");
    }

    @Test
    void aSpecFileLargerThanTheLimitIsRefusedAtOnce() throws IOException {
        StringBuilder sb = new StringBuilder("experiment: pca\nset:\n  k: '");
        sb.append("y".repeat(5_000_000)).append("'\n");
        Path f = spec("huge.yaml", sb.toString());
        // refused by its size, before parsing: the message is the size limit's, not a parser's
        CliRun o = run(f);
        assertOneLine(o);
        assertTrue(o.err().contains("larger than the 1048576 bytes (1 MB)"), o.err());
        // just under the limit: many keys, every one wrong, reported in a bounded number of lines
        StringBuilder many = new StringBuilder("experiment: pca\nset:\n");
        for (int i = 0; many.length() < 1_000_000; i++) {
            many.append("  k").append(i).append(": ").append(i).append('\n');
        }
        Path g = spec("many.yaml", many.toString());
        CliRun m = run(g);
        assertEquals(2, m.code());
        assertTrue(m.err().strip().lines().count() <= MAX_PROBLEMS + 1, "a bounded report");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsOneLine() {
        CliRun o = CliRun.of("run", "xor", "--quick", "--set", "steps=20", "--out", "/proc/x", "--quiet");
        assertOneLine(o);
        assertTrue(o.err().contains("/proc/x"), o.err());
    }

    @Test
    void theLaunchersUserOptionsComeAfterItsOwn() throws IOException {
        Path script = DataFiles.root().getParent().resolve("bin/neuroai");
        String exec = Files.readString(script).lines().dropWhile(l -> !l.startsWith("exec java")).reduce("", (a, b) -> a + b);
        assertTrue(exec.indexOf("NEUROAI_JAVA_OPTS") > exec.indexOf("-Dneuroai.data"), exec);
        assertTrue(exec.contains("${NEUROAI_DATA:-"), exec);
    }

    @Test
    void aSweepOnAnEngineThisCommandLineHasNotIsOneLine() {
        Path out = tmp.resolve("sweep");
        CliRun spark = CliRun.of("sweep", "pca", "--quick", "--grid", "k=2,3", "--engine", "spark", "--out", out.toString());
        assertOneLine(spark);
        assertTrue(spark.err().contains("bin/neuroai-spark"), spark.err());
        assertOneLine(CliRun.of("sweep", "pca", "--quick", "--grid", "k=2,3", "--engine", "dask", "--out", out.toString()));
        assertOneLine(CliRun.of("sweep", "pca", "--quick", "--grid", "k=2,3", "--master", "local[2]", "--out", out.toString()));
        assertOneLine(CliRun.of("sweep", "pca", "--quick", "--grid", "k=2,3", "--out", "hdfs://namenode/sweeps/pca"));
        assertFalse(Files.exists(out));
    }
}
