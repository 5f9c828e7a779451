package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Runner;
import org.neuroai.compare.engine.SmokeRuns;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.figures.LandscapeFigures;
import org.neuroai.compare.files.LandscapeFiles;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.Params;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The loss landscapes: computed into files by the setting {@code landscape} or by
 * {@code neuroai landscape}, drawn by the registered landscape figures, redrawn by
 * {@code neuroai plot} from the files alone.
 */
class LandscapeCliTest {
    @TempDir
    static Path tmp;
    static Path xor;
    static Path pca;
    static final List<String> IMAGES = List.of("landscape_1d", "landscape_random", "landscape_pca");

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

    /** A copy of some of a run's files. */
    private static Path copy(Path run, String name, List<String> files) throws IOException {
        Path copy = tmp.resolve(name);
        Files.createDirectories(copy);
        for (String f : files) {
            Files.copy(run.resolve(f), copy.resolve(f));
        }
        return copy;
    }

    @Test
    void theXorSettingListsTheThreeFiguresInTheStudyAndTheRunDrawsThem() throws IOException {
        assertEquals(List.of("xor-curves", "xor-regions", LandscapeFigures.LINE, LandscapeFigures.RANDOM, LandscapeFigures.PCA),
                RunFolder.open(xor).figures());
        for (String base : IMAGES) {
            for (String ext : List.of("png", "svg", "pdf")) {
                assertTrue(Files.size(xor.resolve(base + "." + ext)) > 0, base + "." + ext);
            }
        }
        for (String f : LandscapeFiles.ALL) {
            assertTrue(Files.size(xor.resolve(f)) > 0, f);
        }
        String report = Files.readString(xor.resolve("report.md"));
        assertTrue(report.contains("landscape_pca.png") && report.contains("Delta rule on its squared error"), report);
    }

    @Test
    void theSurfacesFileSaysWhatEachLandscapeIsAndWhoIsDrawnOnIt() {
        List<LandscapeFiles.Surface> s = LandscapeFiles.surfaces(xor);
        assertEquals(List.of("mlp", "delta"), s.stream().map(LandscapeFiles.Surface::name).toList());
        assertEquals("squared error on the 4 corners (target units\u00b2)", s.get(1).loss());
        assertEquals(List.of(new LandscapeFiles.Guest("hebb", "no loss of its own"), new LandscapeFiles.Guest("perceptron", "no loss of its own")),
                s.get(1).guests());
        assertTrue(s.get(1).title().contains(","), "a title with a comma is read back whole: " + s.get(1).title());
    }

    @Test
    void plotRedrawsTheLandscapesFromTheFilesAlone() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(xor)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !(n.startsWith("landscape") && !n.endsWith(".csv"))).forEach(files::add);
        }
        Path copy = copy(xor, "xor-plot", files);
        Files.delete(copy.resolve("weights.csv"));
        CliRun o = CliRun.of("plot", copy.toString());
        assertEquals(0, o.code(), o.err());
        for (String base : IMAGES) {
            assertTrue(Files.size(copy.resolve(base + ".png")) > 0, base);
        }
        for (String f : LandscapeFiles.ALL) {
            assertEquals(-1L, Files.mismatch(xor.resolve(f), copy.resolve(f)), f + " is read, not written");
        }
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
    void theCommandWritesTheFilesAndDrawsTheRegisteredFiguresThatReadThem() throws IOException {
        Path copy = copy(xor, "xor-copy", List.of("provenance.json", "weights.csv", LearnersFile.NAME));
        CliRun o = CliRun.of("landscape", copy.toString(), "--grid", "9");
        assertEquals(0, o.code(), o.err());
        List<String> files = landscapeFiles(copy);
        assertEquals(List.of("landscape_1d.csv", "landscape_1d.pdf", "landscape_1d.png", "landscape_1d.svg", "landscape_2d.csv",
                "landscape_paths.csv", "landscape_pca.csv", "landscape_pca.pdf", "landscape_pca.png", "landscape_pca.svg",
                "landscape_random.pdf", "landscape_random.png", "landscape_random.svg", "landscape_surfaces.csv"), files);
        assertEquals(files.size(), o.out().lines().filter(l -> l.startsWith("wrote ")).count(), "one line per file written");
        // two surfaces (mlp, delta), two planes, 9 x 9 points each
        assertEquals(1 + 2 * 2 * 81, Files.readAllLines(copy.resolve("landscape_2d.csv")).size());
        assertEquals(Set.copyOf(LandscapeFigures.NAMES), LandscapeCommand.landscapeFigures().stream().map(f -> f.name()).collect(Collectors.toSet()),
                "the registered figures that read the landscape files");
    }

    @Test
    void landscapesComputedAfterTheRunAreRedrawnByPlotWithTheRunsOwnFigures() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(pca)) {
            s.map(p -> p.getFileName().toString()).forEach(files::add);
        }
        Path copy = copy(pca, "pca-later", files);
        assertEquals(0, CliRun.of("landscape", copy.toString(), "--grid", "7", "--format", "png").code());
        List<String> figures = Figures.ofRun(RunFolder.open(copy)).stream().map(f -> f.name()).toList();
        assertEquals(List.of("pca-curves", "pca-weights"), figures.subList(0, 2), "the run's figures first");
        assertEquals(Set.copyOf(LandscapeFigures.NAMES), Set.copyOf(figures.subList(2, figures.size())), "then those drawn later");
        CliRun o = CliRun.of("plot", copy.toString(), "--format", "svg");
        assertEquals(0, o.code(), o.err());
        for (String base : List.of("learning_curves", "weight_dynamics", "landscape_1d", "landscape_random", "landscape_pca")) {
            assertTrue(Files.size(copy.resolve(base + ".svg")) > 0, base);
        }
    }

    @Test
    void oneLearnerOfAPcaRunInOneFormat() throws IOException {
        Path copy = copy(pca, "pca-copy", List.of("provenance.json", "weights.csv", LearnersFile.NAME));
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
        assertOneLine(CliRun.of("landscape", xor.toString(), "--format", "gif"), "unknown format 'gif'");
        assertOneLine(CliRun.of("landscape", xor.toString(), "--seed", "7"), "no weights of seed 7; valid seeds are: [0].");
        assertOneLine(CliRun.of("landscape", xor.toString(), "--grid", "2"), "--grid");
        assertOneLine(CliRun.of("landscape", tmp.resolve("nothing").toString()), "not a run folder");

        // a run of an experiment or bundled spec without landscapes
        String without = SmokeRuns.names().stream()
                .filter(n -> Experiments.get(n).landscapes(Params.resolve(Experiments.get(n).settings(), Map.of(), "defaults")).isEmpty())
                .findFirst().orElseThrow();
        Path other = tmp.resolve("without");
        Files.createDirectories(other);
        Files.writeString(other.resolve("provenance.json"), "{\"spec\": {\"experiment\": \"" + without + "\", \"set\": {}}}");
        CliRun o = CliRun.of("landscape", other.toString());
        assertOneLine(o, "a run of '" + without + "', which has no loss landscapes; valid are runs of: ");
        assertTrue(o.err().contains("pca") && o.err().contains("xor"), "names the experiments that have them: " + o.err());

        // without learners.csv the figures cannot say who is who: refused before anything is computed
        Path bare = copy(xor, "bare", List.of("provenance.json", "weights.csv"));
        assertOneLine(CliRun.of("landscape", bare.toString()), "reads learners.csv, which this run lacks");
        assertEquals(List.of(), landscapeFiles(bare));

        // a run recorded before the mlp's biases were: only its hidden weights
        Path old = copy(xor, "old-xor", List.of("provenance.json", LearnersFile.NAME));
        List<String> kept = Files.readAllLines(xor.resolve("weights.csv")).stream()
                .filter(l -> !l.contains(",bias0,") && !l.contains(",bias1,") && !l.contains(",layer1,")).toList();
        Files.write(old.resolve("weights.csv"), kept);
        assertOneLine(CliRun.of("landscape", old.toString()),
                old.resolve("weights.csv") + ": learner 'mlp' has fewer than two checkpoints with all of its weights");
        assertEquals(List.of(), landscapeFiles(old), "nothing half-written");
    }
}
