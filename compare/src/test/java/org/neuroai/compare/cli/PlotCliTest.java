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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.compare.Runner;
import org.neuroai.compare.engine.SmokeRuns;
import org.neuroai.compare.figures.FinalBySeed;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.RunSpec;

/**
 * neuroai plot redraws a run's figures from its files, training nothing: smoke runs of each kind,
 * and a figure registered only in the test sources.
 */
class PlotCliTest {
    @TempDir
    Path tmp;

    /**
     * One run of each kind: an experiment with figures of its own, a spiking experiment, and a bundled
     * spec that records probes. Every registered figure is drawn from the files of every smoke run by
     * the chart catalogue; here the command that does it for a user.
     */
    static Stream<String> smokeRuns() {
        return Stream.of("pca", "stdp-balance", "bcm-threshold");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smokeRuns")
    void everyFigureOfARunIsRedrawnFromItsFilesAlone(String name) throws IOException {
        Path run = SmokeRuns.copy(SmokeRuns.of(name), tmp.resolve(name));
        List<String> figures = Figures.ofRun(RunFolder.open(run)).stream().map(Figure::file).toList();
        assertFalse(figures.isEmpty());
        for (String f : figures) {
            Files.delete(run.resolve(f + ".png"));
            Files.delete(run.resolve(f + ".svg"));
        }
        byte[] curves = Files.readAllBytes(run.resolve("curves.csv"));
        CliRun o = CliRun.of("plot", run.toString());
        assertEquals(0, o.code(), o.err());
        for (String f : figures) {
            assertTrue(Files.size(run.resolve(f + ".png")) > 0, f);
            assertTrue(Files.size(run.resolve(f + ".svg")) > 0, f);
        }
        assertTrue(o.out().contains("redrew " + String.join(", ", figures)), o.out());
        assertTrue(java.util.Arrays.equals(curves, Files.readAllBytes(run.resolve("curves.csv"))), "the traces are untouched");
    }

    @Test
    void aFigureOfTheTestSourcesIsDrawnOnAnExistingRunByItsName() throws IOException {
        Figure f = Figures.get(FinalBySeed.NAME);
        Path existing = SmokeRuns.feeding(f).get(0);
        Path run = SmokeRuns.copy(existing, tmp.resolve("with-" + f.name()));
        assertFalse(RunFolder.open(run).figures().contains(f.name()), "a figure the run did not draw");
        CliRun o = CliRun.of("plot", run.toString(), "--figure", f.name());
        assertEquals(0, o.code(), o.err());
        for (String ext : List.of("png", "svg", "pdf")) {
            assertTrue(Files.size(run.resolve("final_by_seed." + ext)) > 0, ext);
        }
        assertEquals("redrew final_by_seed of " + run + " (" + RunFolder.open(run).experiment() + ")", o.out().strip());
        // drawn into the folder, it is one of the run's figures from now on
        assertTrue(Figures.ofRun(RunFolder.open(run)).contains(f), "plot redraws it with the others");

        CliRun unknown = CliRun.of("plot", run.toString(), "--figure", "nosuch");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown figure 'nosuch'") && unknown.err().contains(FinalBySeed.NAME), unknown.err());
        Path bare = tmp.resolve("bare");
        Files.createDirectories(bare);
        Files.copy(run.resolve("provenance.json"), bare.resolve("provenance.json"));
        Files.copy(run.resolve("learners.csv"), bare.resolve("learners.csv"));
        CliRun lacking = CliRun.of("plot", bare.toString(), "--figure", f.name());
        assertEquals(2, lacking.code());
        assertTrue(lacking.err().contains("figure '" + f.name() + "' reads learners.csv, curves.csv, and this run has no curves.csv"),
                lacking.err());
    }

    @Test
    void themesAndFormatsAreChosenOnTheCommandLineAndMistakesAreOneLine() throws IOException {
        Path run = tmp.resolve("themed");
        Runner.run(new RunSpec("pca", 1, 0, true, Map.of("steps", "200", "eval_every", "100"), "test"), run);
        for (String ext : List.of("png", "svg", "pdf")) {
            Files.delete(run.resolve("learning_curves." + ext));
        }
        CliRun o = CliRun.of("plot", run.toString(), "--theme", "dark", "--format", "svg");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.size(run.resolve("learning_curves.svg")) > 0);
        assertTrue(!Files.exists(run.resolve("learning_curves.png")) && !Files.exists(run.resolve("learning_curves.pdf")),
                "only the format asked for");
        assertTrue(Files.readString(run.resolve("learning_curves.svg")).contains("rgb(27,31,36)"), "the dark background");

        CliRun theme = CliRun.of("plot", run.toString(), "--theme", "neon");
        assertEquals(2, theme.code());
        assertTrue(theme.err().contains("unknown theme 'neon'; valid themes: print, slides, dark"), theme.err());
        CliRun format = CliRun.of("plot", run.toString(), "--format", "png,gif");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown format 'gif'") && format.err().contains("png, svg, pdf"), format.err());
        assertTrue(!Files.exists(run.resolve("learning_curves.png")), "nothing drawn after a mistake");
    }

    @Test
    void aSweepFolderIsRedrawnFromItsSweepCsvAlone() throws IOException {
        Path sweep = tmp.resolve("sweep");
        CliRun s = CliRun.of("sweep", "pca", "--quick", "--seeds", "2", "--set", "steps=200", "--set", "eval_every=100",
                "--grid", "bio.eta=0.01,0.1,0.5", "--out", sweep.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(Files.size(sweep.resolve("sweep_bio.eta.png")) > 0, "the sweep draws its summary");
        Path alone = tmp.resolve("sweep-csv-only");
        Files.createDirectories(alone);
        Files.copy(sweep.resolve("sweep.csv"), alone.resolve("sweep.csv"));
        CliRun o = CliRun.of("plot", alone.toString(), "--format", "png");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.size(alone.resolve("sweep_bio.eta.png")) > 0);
        CliRun m = CliRun.of("plot", alone.toString(), "--metric", "nonsense");
        assertEquals(2, m.code());
        assertTrue(m.err().contains("'nonsense' is not in sweep.csv") && m.err().contains("principal_angle_deg"), m.err());
    }

    @Test
    void aFolderThatIsNoRunIsOneLine() {
        CliRun o = CliRun.of("plot", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not a run folder"), o.err());
    }

    @Test
    void everyRunHasAReportThatOpensOfflineAndCanBeRebuilt() throws IOException {
        Path run = tmp.resolve("rep");
        Runner.run(new RunSpec("pca", 2, 0, true, Map.of("steps", "300", "eval_every", "100"), "test"), run);
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,iVBOR"), "figures are embedded");
        assertTrue(!html.contains("src=\"learning_curves.png\""), "no link to a file beside it");
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("| gha | principal_angle_deg |"), md);
        Files.delete(run.resolve("report.md"));
        CliRun o = CliRun.of("report", run.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(run.resolve("report.md")).contains("| gha | principal_angle_deg |"));
    }
}
