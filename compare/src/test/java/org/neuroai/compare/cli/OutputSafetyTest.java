package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.files.Manifest;
import org.neuroai.compare.files.OutputFolder;

/**
 * The toolkit never deletes or overwrites a user's files, lets one writer at a time into a folder,
 * leaves no scratch behind, and never serves a sweep point run with other settings as done.
 */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    private static final String[] QUICK = {"--quick", "--seeds", "1", "--set", "steps=200", "--set", "eval_every=100", "--quiet"};

    private static CliRun run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "pca", "--out", out.toString()));
        args.addAll(List.of(QUICK));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderWithAProvenanceButNoManifestIsNeverWrittenInto() throws IOException {
        Path d = tmp.resolve("thesis");
        Files.createDirectories(d.resolve("chapter"));
        Files.writeString(d.resolve("provenance.json"), "{}");
        Files.writeString(d.resolve("thesis.tex"), "\\chapter{Learning}");
        Files.writeString(d.resolve("chapter").resolve("notes.txt"), "mine");
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            CliRun o = run(d, extra);
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("holds nothing written by neuroai") && o.err().lines().count() == 1, o.err());
        }
        assertEquals(List.of("chapter", "provenance.json", "thesis.tex"), names(d));
        assertEquals("{}", Files.readString(d.resolve("provenance.json")));
        assertEquals("mine", Files.readString(d.resolve("chapter").resolve("notes.txt")));
    }

    @Test
    void replacingARunTakesForceAndReplacesOnlyTheFilesItWrote() throws IOException {
        Path d = tmp.resolve("run");
        assertEquals(0, run(d).code());
        assertTrue(Files.isRegularFile(d.resolve(Manifest.NAME)));
        Files.writeString(d.resolve("notes.txt"), "what I saw");
        Files.createDirectories(d.resolve("drafts"));
        Files.writeString(d.resolve("drafts").resolve("post.md"), "draft");
        String before = Files.readString(d.resolve("curves.csv"));

        CliRun again = run(d);
        assertEquals(2, again.code());
        assertTrue(again.err().contains("give --force"), again.err());

        CliRun forced = run(d, "--force", "--set", "steps=300");
        assertEquals(0, forced.code(), forced.err());
        assertEquals("what I saw", Files.readString(d.resolve("notes.txt")));
        assertEquals("draft", Files.readString(d.resolve("drafts").resolve("post.md")));
        assertNotEquals(before, Files.readString(d.resolve("curves.csv")), "the run was replaced");
        List<Path> listed = Manifest.read(d).orElseThrow().files();
        assertFalse(listed.contains(Path.of("notes.txt")), "the manifest lists only the run's files");
        assertFalse(names(d).stream().anyMatch(n -> n.startsWith(".")), "no lock or scratch is left: " + names(d));
    }

    @Test
    void aUsersFileInTheWayIsKeptAndTheNewRunSetAside() throws IOException {
        Path d = tmp.resolve("run");
        assertEquals(0, run(d).code());
        // a file the earlier run did not write, with the name of one the next run writes
        Manifest m = Manifest.read(d).orElseThrow();
        List<Path> kept = new ArrayList<>(m.files());
        kept.remove(Path.of("stats.csv"));
        Manifest.write(d, "run", kept);
        Files.writeString(d.resolve("stats.csv"), "mine");
        CliRun o = run(d, "--force");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("left alone") && o.err().contains("run-"), o.err());
        assertEquals("mine", Files.readString(d.resolve("stats.csv")));
    }

    @Test
    void aFolderIsLockedWhileAnotherLiveProcessWritesIt() throws Exception {
        Path d = tmp.resolve("busy");
        Files.createDirectories(d);
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            String start = other.info().startInstant().map(Instant::toString).orElse("?");
            Files.writeString(d.resolve(OutputFolder.LOCK), other.pid() + " " + start + "\n");
            CliRun o = run(d);
            assertEquals(2, o.code());
            assertTrue(o.err().contains("being written by process " + other.pid()), o.err());
            assertEquals(List.of(OutputFolder.LOCK), names(d), "nothing written");
        } finally {
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
        // the same lock, its process gone: taken over, with a message
        CliRun o = run(d);
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("taking over the lock of process"), o.err());
        assertFalse(Files.exists(d.resolve(OutputFolder.LOCK)));
    }

    @Test
    void scratchOfADeadProcessIsRemovedByTheNextWriter() throws Exception {
        Path d = tmp.resolve("run");
        assertEquals(0, run(d).code());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path junk = d.resolve(OutputFolder.SCRATCH + gone.pid() + "-1");
        Files.createDirectories(junk);
        Files.writeString(junk.resolve("curves.csv"), "half");
        assertEquals(0, run(d, "--force").code());
        assertFalse(Files.exists(junk), "the dead process's scratch is gone");
    }

    @Test
    void anInterruptedRunLeavesNoScratchNoLockAndNoFolderItMade() throws Exception {
        Path d = tmp.resolve("interrupted");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "org.neuroai.compare.cli.Main",
                "run", "pca", "--quick", "--seeds", "1", "--set", "steps=100000000", "--quiet", "--out", d.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!hasScratch(d) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(hasScratch(d), "the run started writing: " + Files.readString(tmp.resolve("child.log")));
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the run stopped on SIGINT");
        } finally {
            child.destroyForcibly();
        }
        assertFalse(Files.exists(d), "the folder the run made is gone with its scratch and lock: "
                + (Files.exists(d) ? names(d) : List.of()));
    }

    private static boolean hasScratch(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return false;
        }
        return names(d).stream().anyMatch(n -> n.startsWith(OutputFolder.SCRATCH));
    }

    @Test
    void aSweepPointRunWithOtherSettingsIsRunAgainOrRefused() throws IOException {
        Path d = tmp.resolve("sweep");
        String[] base = {"sweep", "pca", "--quick", "--set", "eval_every=100", "--grid", "k=2,3", "--out", d.toString()};
        CliRun first = CliRun.of(concat(base, "--set", "steps=200"));
        assertEquals(0, first.code(), first.err());
        String csv = Files.readString(d.resolve("sweep.csv"));

        CliRun same = CliRun.of(concat(base, "--set", "steps=200"));
        assertEquals(2, same.out().lines().filter(l -> l.endsWith("already done")).count(), same.out());

        CliRun refused = CliRun.of(concat(base, "--set", "steps=300", "--resume-only"));
        assertEquals(2, refused.code(), refused.out());
        assertTrue(refused.err().contains("steps 200 -> 300") && refused.err().lines().count() == 1, refused.err());
        assertEquals(csv, Files.readString(d.resolve("sweep.csv")), "nothing ran");

        CliRun again = CliRun.of(concat(base, "--set", "steps=300"));
        assertEquals(0, again.code(), again.err());
        assertEquals(2, again.out().lines().filter(l -> l.contains("run again, its earlier run had other settings (steps 200 -> 300)")).count(),
                again.out());
        assertEquals(0, again.out().lines().filter(l -> l.endsWith("already done")).count(), again.out());
        assertNotEquals(csv, Files.readString(d.resolve("sweep.csv")), "sweep.csv comes from the new runs");

        CliRun seeds = CliRun.of(concat(base, "--set", "steps=300", "--seeds", "2"));
        assertEquals(0, seeds.code(), seeds.err());
        assertTrue(seeds.out().contains("seeds 1 -> 2"), seeds.out());
    }

    @Test
    void aSweepWillNotWriteIntoAFolderThatIsNotASweepsNorAProtocolIntoARun() throws IOException {
        Path d = tmp.resolve("mine");
        Files.createDirectories(d);
        Files.writeString(d.resolve("data.txt"), "keep");
        CliRun o = CliRun.of("sweep", "pca", "--quick", "--grid", "k=2,3", "--out", d.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("holds nothing written by neuroai"), o.err());
        CliRun p = CliRun.of("protocol", "stdp-window", "--out", d.toString());
        assertEquals(2, p.code());
        assertEquals(List.of("data.txt"), names(d));

        Path r = tmp.resolve("run");
        assertEquals(0, run(r).code());
        CliRun q = CliRun.of("protocol", "stdp-window", "--out", r.toString());
        assertEquals(2, q.code());
        assertTrue(q.err().contains("holds a run of neuroai, not a protocol"), q.err());
    }

    @Test
    void protocolsShareAFolderAndReplaceTheirOwnFilesOnlyWithForce() throws IOException {
        Path d = tmp.resolve("protocols");
        assertEquals(0, CliRun.of("protocol", "stdp-window", "--out", d.toString()).code());
        assertEquals(0, CliRun.of("protocol", "stp-train", "--out", d.toString()).code());
        assertTrue(Files.isRegularFile(d.resolve("stdp-window.csv")) && Files.isRegularFile(d.resolve("stp-train.csv")));
        CliRun again = CliRun.of("protocol", "stdp-window", "--out", d.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("give --force"), again.err());
        assertEquals(0, CliRun.of("protocol", "stdp-window", "--out", d.toString(), "--force").code());
        assertTrue(Files.isRegularFile(d.resolve("stp-train.csv")), "the other protocol's files are kept");
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }
}
