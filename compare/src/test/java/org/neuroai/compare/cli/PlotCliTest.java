package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.core.RunSpec;

/** neuroai plot redraws a run's figures from its files, training nothing. */
class PlotCliTest {
    @TempDir
    Path tmp;

    private void redrawsEveryFigure(String experiment, Map<String, Object> settings) throws IOException {
        Path run = tmp.resolve(experiment);
        Runner.Result r = Runner.run(new RunSpec(experiment, 1, 0, true, settings, "test"), run);
        List<String> figures = r.figures().keySet().stream().toList();
        assertTrue(!figures.isEmpty());
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
        assertTrue(java.util.Arrays.equals(curves, Files.readAllBytes(run.resolve("curves.csv"))), "the traces are untouched");
    }

    @Test
    void pcaFiguresAreRedrawn() throws IOException {
        redrawsEveryFigure("pca", Map.of("steps", "300", "eval_every", "100"));
    }

    @Test
    void stdpBalanceFiguresAreRedrawn() throws IOException {
        redrawsEveryFigure("stdp-balance", Map.of("duration_s", "2"));
    }

    @Test
    void theRateRuleExperimentsFiguresAreRedrawn() throws IOException {
        redrawsEveryFigure("xor", Map.of("steps", "200", "eval_every", "50", "grid", "21"));
        redrawsEveryFigure("conditioning", Map.of());
        redrawsEveryFigure("bcm-selectivity", Map.of("presentations", "4000", "eval_every", "1000"));
        redrawsEveryFigure("associative-memory", Map.of("stored", "1,5,25", "corruption", "0,0.2", "cues", "2",
                "dae.presentations", "200"));
        redrawsEveryFigure("mnist-local-vs-backprop", Map.of("train_size", "300", "test_size", "100", "hidden", "16",
                "local.epochs", "2", "readout.epochs", "2", "backprop.epochs", "2", "units_drawn", "16"));
    }

    @Test
    void gradientAlignmentFiguresAreRedrawn() throws IOException {
        redrawsEveryFigure("gradient-alignment", Map.of("steps", "100", "digits.epochs", "1", "local.hidden", "8",
                "eval_batch", "50"));
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
