package org.neuroai.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine against the local one: the same small sweep (2 settings x 2 values x 3 seeds)
 * on Spark in local mode gives the same sweep.csv and the same curves.csv of every run, byte for
 * byte; a bad sweep is refused on the driver with the local sweep's words before Spark starts.
 */
class SparkSweepTest {
    @TempDir
    Path tmp;

    private static final List<String> SWEEP = List.of("sweep", "conditioning", "--quick", "--seeds", "3", "--set", "trials=5",
            "--grid", "rw.beta=0.1,0.3", "--grid", "hebb.eta=0.01,0.05", "--quiet");

    /** Runs a command and returns its exit status, standard output and standard error. */
    private record Ran(int code, String out, String err) {}

    private static Ran local(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = org.neuroai.compare.cli.Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Ran(code, out.toString(), err.toString());
    }

    private static Ran spark(List<String> args, boolean throughHadoop) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SparkSweep command = new SparkSweep();
        command.throughHadoop = throughHadoop;
        int code = org.neuroai.compare.cli.Main.execute(command, new PrintWriter(out), new PrintWriter(err),
                args.subList(1, args.size()).toArray(String[]::new));
        return new Ran(code, out.toString(), err.toString());
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("runs"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")).map(dir::relativize).sorted().toList();
        }
    }

    private static void assertSame(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected.resolve("sweep.csv")), Files.readAllBytes(actual.resolve("sweep.csv")), "sweep.csv");
        List<Path> files = csvFiles(expected);
        assertEquals(files, csvFiles(actual));
        assertTrue(files.stream().anyMatch(p -> p.endsWith("curves.csv")));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f.toString());
        }
        assertTrue(Files.isRegularFile(actual.resolve("sweep_rw.beta.png")));
    }

    @Test
    void aSweepOnSparkInLocalModeWritesTheFilesOfTheLocalEngine() throws Exception {
        Path local = tmp.resolve("local");
        Ran l = local(with(SWEEP, "--out", local.toString()));
        assertEquals(0, l.code(), l.err());

        Path onSpark = tmp.resolve("spark");
        Ran s = spark(with(SWEEP, "--engine", "spark", "--master", "local[2]", "--out", onSpark.toUri().toString()), false);
        assertEquals(0, s.code(), s.err());
        assertSame(local, onSpark);
        try (Stream<Path> left = Files.walk(onSpark)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".partial-")
                    || p.getFileName().toString().equals(".neuroai.lock")).toList());
        }

        // through Hadoop's FileSystem, as for hdfs:// or s3a://: the same files
        Path hadoop = tmp.resolve("hadoop");
        Ran h = spark(with(SWEEP, "--master", "local[2]", "--out", hadoop.toUri().toString()), true);
        assertEquals(0, h.code(), h.err());
        assertSame(local, hadoop);

        // started again: nothing left to run, and Spark is not even started
        Ran again = spark(with(SWEEP, "--master", "local[2]", "--out", hadoop.toString(), "--json").stream()
                .filter(a -> !a.equals("--quiet")).toList(), true);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("\"points_run\":0,\"points_already_done\":4"), again.out());
        assertSame(local, hadoop);
    }

    @Test
    void aBadSweepIsRefusedOnTheDriverWithTheLocalWords() {
        List<String> bad = List.of("sweep", "conditioning", "--quick", "--grid", "rw.beta=0.1,7", "--out", tmp.resolve("bad").toString());
        Ran l = local(bad);
        Ran s = spark(with(bad, "--master", "local[2]"), false);
        assertEquals(2, l.code());
        assertEquals(2, s.code());
        assertEquals(1, s.err().lines().count(), s.err());
        assertEquals(l.err(), s.err());
        assertTrue(!Files.exists(tmp.resolve("bad")));
    }
}
