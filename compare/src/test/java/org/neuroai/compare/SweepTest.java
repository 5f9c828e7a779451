package org.neuroai.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;

class SweepTest {
    @TempDir
    Path tmp;

    private static final Map<String, Object> FIXED = Map.of("steps", "400", "eval_every", "100");

    private static Map<String, List<String>> grid() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("bio.eta", List.of("0.05", "0.2"));
        g.put("k", List.of("2", "3"));
        return g;
    }

    private static long finished(Path dir) throws IOException {
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(runs)) {
            // a scratch folder gets its provenance.json just before it is moved into place: not finished yet
            return s.filter(p -> !p.getFileName().toString().contains(".partial-"))
                    .filter(p -> Files.isRegularFile(p.resolve("provenance.json"))).count();
        }
    }

    @Test
    void aSweepKilledHalfwayAndRestartedEndsAsAnUninterruptedOne() throws Exception {
        RunSpec base = new RunSpec("pca", 2, 0, true, FIXED, "test");
        Path whole = Sweep.run(base, grid(), tmp.resolve("whole"), line -> { });

        Path resumed = tmp.resolve("resumed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "org.neuroai.compare.cli.Main", "sweep", "pca", "--quick", "--seeds", "2",
                "--set", "steps=400", "--set", "eval_every=100",
                "--grid", "bio.eta=0.05,0.2", "--grid", "k=2,3", "--out", resumed.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finished(resumed) < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        long before = finished(resumed);
        assertTrue(before >= 1 && before < 4, "killed part way: " + before + " of 4 runs finished; "
                + Files.readString(tmp.resolve("child.log")));

        List<String> progress = new ArrayList<>();
        Path again = Sweep.run(base, grid(), resumed, progress::add);
        assertEquals(before, progress.stream().filter(l -> l.endsWith("already done")).count(), progress.toString());
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(again), "the same aggregated CSV");
        for (String key : grid().keySet()) {
            String png = org.neuroai.compare.charts.SweepFigures.baseName(key) + ".png";
            assertTrue(Files.size(resumed.resolve(png)) > 0 && Files.size(tmp.resolve("whole").resolve(png)) > 0,
                    "the resumed sweep draws its summary too: " + png);
        }
        try (Stream<Path> s = Files.walk(resumed)) {
            assertTrue(s.map(p -> p.getFileName().toString()).noneMatch(n -> n.startsWith(".partial-") || n.equals(".neuroai.lock")),
                    "no scratch folder or lock is left, in the sweep folder or a point's");
        }
    }

    @Test
    void everyPointIsCheckedBeforeAnyRuns() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("k", List.of("2", "zero"));
        UserError e = assertThrows(UserError.class,
                () -> Sweep.run(new RunSpec("pca", 1, 0, true, FIXED, "test"), g, tmp.resolve("bad"), l -> { }));
        assertTrue(e.getMessage().contains("invalid value 'zero' for 'k'"), e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("bad").resolve("runs")), "nothing ran");
    }

    @Test
    void theGridIsTheCartesianProductFirstKeySlowest() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("bio.eta", List.of("0.05", "0.1", "0.2"));
        g.put("k", List.of("2", "3"));
        List<Sweep.Point> ps = Sweep.points(g);
        assertEquals(6, ps.size());
        assertEquals("bio.eta=0.1,k=2", ps.get(2).folder());
        assertEquals("bio.eta=0.05,k=2", ps.get(0).folder());
        assertEquals("bio.eta=0.05,k=3", ps.get(1).folder());
        assertEquals("bio.eta=0.2,k=3", ps.get(5).folder());
    }
}
