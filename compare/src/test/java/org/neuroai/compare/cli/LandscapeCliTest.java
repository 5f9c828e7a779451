package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

class LandscapeCliTest {
    @TempDir
    static Path tmp;
    static Path xor;
    static Path pca;

    @BeforeAll
    static void runs() {
        xor = tmp.resolve("xor");
        pca = tmp.resolve("pca");
        Runner.run(new RunSpec("xor", 1, 0, true, Map.of("steps", "300", "eval_every", "20", "landscape", "true"), "test"), xor);
        Runner.run(new RunSpec("pca", 1, 0, true, Map.of("steps", "600", "eval_every", "50"), "test"), pca);
    }

    private static void assertOneLine(CliRun o, String contains) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace: " + o.err());
        assertTrue(o.err().contains(contains), o.err());
    }

    private static List<String> landscapeFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("landscape") || n.startsWith(".landscape"))
                    .sorted().toList();
        }
    }

    @Test
    void theXorSettingDrawsTheLandscapesAtTheEndOfTheRun() throws IOException {
        for (String base : List.of("landscape_1d", "landscape_random", "landscape_pca")) {
            for (String ext : List.of("png", "svg", "pdf")) {
                assertTrue(Files.size(xor.resolve(base + "." + ext)) > 0, base + "." + ext);
            }
        }
        assertTrue(Files.readString(xor.resolve("report.md")).contains("landscape_pca"), "the report shows the landscapes");
    }

    @Test
    void plotRedrawsTheLandscapesOfARunThatDrewThem() throws IOException {
        Path copy = tmp.resolve("xor-plot");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(xor)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("landscape")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        CliRun o = CliRun.of("plot", copy.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(copy.resolve("landscape_pca.png")));
        assertEquals(Files.readAllLines(xor.resolve("landscape_2d.csv")), Files.readAllLines(copy.resolve("landscape_2d.csv")),
                "the same landscape from the same files, random directions included");
    }

    @Test
    void theDeltaRuleLossFromItsRecordedWeightsIsTheMseItReported() throws IOException {
        List<TraceRow> mse = TraceReader.read(xor.resolve("curves.csv"), r -> r.learner().equals("delta") && r.metric().equals("mse"));
        TraceRow last = mse.get(mse.size() - 1);
        List<String> paths = Files.readAllLines(xor.resolve("landscape_paths.csv"));
        assertEquals("surface,learner,seed,step,a,b,loss", paths.get(0));
        String row = paths.stream().filter(l -> l.startsWith("delta,delta,0," + last.step() + ",")).findFirst().orElseThrow();
        assertEquals(last.value(), Double.parseDouble(row.split(",")[6]), 1e-12);
    }

    @Test
    void theCommandWritesEveryFileOfAnXorRun() throws IOException {
        Path copy = tmp.resolve("xor-copy");
        Files.createDirectories(copy);
        for (String f : List.of("provenance.json", "weights.csv")) {
            Files.copy(xor.resolve(f), copy.resolve(f));
        }
        CliRun o = CliRun.of("landscape", copy.toString(), "--grid", "9");
        assertEquals(0, o.code(), o.err());
        List<String> files = landscapeFiles(copy);
        assertEquals(List.of("landscape_1d.csv", "landscape_1d.pdf", "landscape_1d.png", "landscape_1d.svg", "landscape_2d.csv",
                "landscape_paths.csv", "landscape_pca.csv", "landscape_pca.pdf", "landscape_pca.png", "landscape_pca.svg",
                "landscape_random.pdf", "landscape_random.png", "landscape_random.svg"), files);
        assertEquals(files.size(), o.out().lines().filter(l -> l.startsWith("wrote ")).count(), "one line per file written");
        // two surfaces (mlp, delta), two planes, 9 x 9 points each
        assertEquals(1 + 2 * 2 * 81, Files.readAllLines(copy.resolve("landscape_2d.csv")).size());
    }

    @Test
    void oneLearnerOfAPcaRunInOneFormat() throws IOException {
        Path copy = tmp.resolve("pca-copy");
        Files.createDirectories(copy);
        for (String f : List.of("provenance.json", "weights.csv")) {
            Files.copy(pca.resolve(f), copy.resolve(f));
        }
        CliRun o = CliRun.of("landscape", copy.toString(), "--learner", "gha", "--grid", "11", "--format", "png", "--span", "0.5");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(copy.resolve("landscape_pca.png")));
        assertFalse(Files.exists(copy.resolve("landscape_pca.svg")), "only the format asked for");
        List<String> grid = Files.readAllLines(copy.resolve("landscape_2d.csv"));
        assertEquals(1 + 2 * 121, grid.size());
        assertTrue(grid.stream().skip(1).allMatch(l -> l.startsWith("gha,0,")), "only gha's surface");
        assertTrue(grid.stream().filter(l -> l.contains(",random,")).allMatch(l -> Math.abs(Double.parseDouble(l.split(",")[3])) <= 0.5),
                "the random plane spans [-0.5, 0.5]");
        List<String> paths = Files.readAllLines(copy.resolve("landscape_paths.csv"));
        assertTrue(paths.stream().anyMatch(l -> l.startsWith("gha,autoencoder,")), "the autoencoder's encoder walks on GHA's loss");
    }

    @Test
    void mistakesAreOneLineAndWriteNothing() throws IOException {
        assertOneLine(CliRun.of("landscape", xor.toString(), "--learner", "nosuch"),
                "no loss landscape for learner 'nosuch'; valid learners are: mlp, delta.");
        assertOneLine(CliRun.of("landscape", xor.toString(), "--format", "gif"), "unknown format 'gif'; valid are: png, svg, pdf.");
        assertOneLine(CliRun.of("landscape", xor.toString(), "--seed", "7"), "no weights of seed 7; valid seeds are: [0].");
        assertOneLine(CliRun.of("landscape", xor.toString(), "--grid", "2"), "--grid");
        assertOneLine(CliRun.of("landscape", tmp.resolve("nothing").toString()), "not a run folder");

        Path other = tmp.resolve("conditioning");
        Files.createDirectories(other);
        Files.writeString(other.resolve("provenance.json"), "{\"spec\": {\"experiment\": \"conditioning\", \"set\": {}}}");
        assertOneLine(CliRun.of("landscape", other.toString()), "which has no loss landscapes; valid are runs of: ");
        assertTrue(CliRun.of("landscape", other.toString()).err().contains("pca") , "names the experiments that have them");

        // a run recorded before the mlp's biases were: only its hidden weights
        Path old = tmp.resolve("old-xor");
        Files.createDirectories(old);
        Files.copy(xor.resolve("provenance.json"), old.resolve("provenance.json"));
        List<String> kept = Files.readAllLines(xor.resolve("weights.csv")).stream()
                .filter(l -> !l.contains(",bias0,") && !l.contains(",bias1,") && !l.contains(",layer1,")).toList();
        Files.write(old.resolve("weights.csv"), kept);
        CliRun o = CliRun.of("landscape", old.toString());
        assertOneLine(o, old.resolve("weights.csv") + ": learner 'mlp' has fewer than two checkpoints with all of its weights");
        assertEquals(List.of(), landscapeFiles(old), "nothing half-written");
    }
}
