package org.neuroai.compare.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import org.neuroai.compare.Runner;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.engine.SmokeRuns;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The bundled spec mnist-subspace: Sanger's rule with 100 units against a linear autoencoder with
 * 100 hidden units on the centred mnist task, run small (its smoke settings: 600 training and 200
 * test images, checkpoints every 200 presentations, two seeds).
 */
class MnistSubspaceSpecTest {
    private static final String NAME = "mnist-subspace";

    @Test
    void itsSmokeSettingsMakeTheDataSmallAndTheRunCheckpointsEveryTwoHundredImages() {
        Map<String, Object> smoke = Experiments.get(NAME).smokeSettings();
        assertEquals("600", smoke.get("task.train_size"));
        assertEquals("200", smoke.get("task.test_size"));
        assertEquals(1, smoke.get("epochs"));
        ComparisonSpec spec = ExampleSpecs.spec(NAME);
        assertEquals(100, spec.plan().learners().get(0).units(), "Sanger's rule with 100 units");
        assertEquals(100, spec.plan().learners().get(1).params().integer("k"), "an autoencoder with 100 hidden units");
        assertEquals(60000, spec.plan().epochSize(), "the whole training set at full length");
    }

    @Test
    void bothLearnersReconstructTheTestImagesBetterAsTheyLearnAndTheCurvesAreDrawn() throws IOException {
        Path run = SmokeRuns.of(NAME);
        List<TraceRow> rows = TraceReader.read(run.resolve("curves.csv"), r -> r.metric().equals("reconstruction_mse"));
        for (String learner : List.of("gha", "autoencoder")) {
            for (long seed : List.of(0L, 1L)) {
                double[] mse = rows.stream().filter(r -> r.learner().equals(learner) && r.seed() == seed)
                        .mapToDouble(TraceRow::value).toArray();
                assertEquals(4, mse.length, learner + ": checkpoints at 0, 200, 400 and 600 presentations");
                for (int i = 1; i < mse.length; i++) {
                    assertTrue(mse[i] < mse[i - 1], learner + " seed " + seed + ": the error falls at every checkpoint "
                            + java.util.Arrays.toString(mse));
                }
                // six minibatches bring it down by more than 15 % (by 20 to 30 % here): GHA from about 0.057 to 0.040, the
                // autoencoder (whose random start adds to the images' own 0.067 per pixel) from about 0.090 to 0.071
                assertTrue(mse[3] < 0.85 * mse[0], learner + " seed " + seed + ": " + java.util.Arrays.toString(mse));
            }
        }
        assertTrue(Files.size(run.resolve("learning_curves.png")) > 0);
        PanelFigure f = (PanelFigure) Figures.get("learning-curves").draw(RunFolder.open(run));
        XYChart mse = f.panels().get(0);
        Set<String> legend = mse.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("Sanger's GHA (bio, 100 units)", "linear autoencoder (gradient, 100 hidden)"), legend);
        assertEquals(1.0, mse.getSeries("Sanger's GHA (bio, 100 units)").getXData()[3], 1e-12, "x in epochs: 600 of 600 images");
    }

    @Test
    void aRunOfASpecAsWrittenListsTheFourMnistFilesItReadInItsProvenance(@TempDir Path tmp) throws IOException {
        ComparisonSpec spec = ComparisonSpec.parse("""
                task: {name: mnist, train_size: 100, test_size: 100, centre: true}
                learners:
                  - {name: gha, rule: gha, units: 2, params: {eta: 0.001}}
                steps: 100
                batch: 10
                eval_every: 50
                """, "m.yaml", "m");
        Path out = tmp.resolve("m");
        Runner.run(Experiments.runSpec(spec), out);
        JsonNode files = RunFolder.provenance(out).get("data_files_sha256");
        List<String> mnist = new java.util.ArrayList<>();
        files.fieldNames().forEachRemaining(f -> {
            if (f.contains("mnist")) {
                mnist.add(f);
            }
        });
        assertEquals(4, mnist.size(), files.toString());
    }

    @Test
    void aSmokeSettingThatIsNoSettingIsReportedWithItsLine() {
        String yaml = ExampleSpecs.text(NAME).replace("smoke: {task.train_size: 600", "smoke: {task.train_images: 600");
        UserError e = assertThrows(UserError.class, () -> ComparisonSpec.parse(yaml, "m.yaml", "m"));
        assertTrue(e.getMessage().startsWith("m.yaml:" + (1 + yaml.lines().toList().indexOf(yaml.lines()
                .filter(l -> l.startsWith("smoke:")).findFirst().orElseThrow())) + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("task.train_images"), e.getMessage());
    }
}
