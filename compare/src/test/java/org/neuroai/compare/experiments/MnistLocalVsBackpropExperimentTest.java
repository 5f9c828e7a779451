package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Summary;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

class MnistLocalVsBackpropExperimentTest {
    private static final String NAME = "mnist-local-vs-backprop";

    @TempDir
    Path tmp;

    @Test
    void theQuickRunWritesEveryFileAndBothLearnersBeatChanceByFar() throws IOException {
        Path out = tmp.resolve("mnist");
        Runner.run(new RunSpec(NAME, 1, 0, true, Map.of(), "test"), out);
        for (String f : List.of("curves.csv", "weights.csv", "learning_curves.png", "learning_curves.svg",
                "receptive_fields.png", "receptive_fields.svg", "provenance.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<TraceRow> rows = TraceReader.read(out.resolve("curves.csv"), r -> true);
        assertEquals(Set.of("local", "backprop"), rows.stream().map(TraceRow::learner).collect(Collectors.toSet()));
        // chance is 10 %; the quick settings (3000 images, 100 hidden units) reach about 84 % and 90 %
        for (Summary.Final f : Summary.finals(rows)) {
            if (f.metric().equals("test_accuracy")) {
                assertTrue(f.mean() > 0.7, f.learner() + " ends at " + f.mean());
            }
        }
        // the local learner is scored only once its readout trains: after its 15 unsupervised epochs
        List<Double> localEpochs = rows.stream().filter(r -> r.learner().equals("local") && r.metric().equals("test_accuracy"))
                .map(r -> r.step() / 3000.0).toList();
        assertEquals(List.of(16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0, 24.0, 25.0), localEpochs);
        assertEquals(10, rows.stream().filter(r -> r.learner().equals("backprop") && r.metric().equals("test_accuracy")).count());
        // the local hidden units move onto the unit p-sphere while it learns without labels
        double[] sphere = rows.stream().filter(r -> r.metric().equals("units_on_sphere")).mapToDouble(TraceRow::value).toArray();
        assertEquals(15, sphere.length);
        assertTrue(sphere[14] > 0.3 && sphere[14] > sphere[0], Arrays.toString(sphere));

        // receptive fields of the first 100 units only, at each learner's last step
        List<TraceRow> w = TraceReader.read(out.resolve("weights.csv"), r -> true);
        for (String learner : List.of("local", "backprop")) {
            List<TraceRow> mine = w.stream().filter(r -> r.learner().equals(learner)).toList();
            assertEquals(100 * 784, mine.size(), learner);
            assertEquals(1, mine.stream().map(TraceRow::step).distinct().count());
        }

        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals(NAME, prov.at("/spec/experiment").asText());
        assertEquals(100, prov.at("/spec/set/hidden").asInt(), "the quick settings are recorded");
        assertEquals(4, prov.get("data_files_sha256").size(), "MNIST's four files");
        assertTrue(prov.at("/training_seconds_by_seed/local/0").asDouble() > 0);
    }

    @Test
    void everyLearnerGetsTheSameOrderInAnEpochAndANewOneInTheNext() {
        int[] a = MnistLocalVsBackpropExperiment.epochOrder(3, 4, 1000);
        assertArrayEquals(a, MnistLocalVsBackpropExperiment.epochOrder(3, 4, 1000));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i], "a permutation");
        }
        assertFalse(Arrays.equals(a, MnistLocalVsBackpropExperiment.epochOrder(3, 5, 1000)));
        assertFalse(Arrays.equals(a, MnistLocalVsBackpropExperiment.epochOrder(4, 4, 1000)));
    }

    @Test
    void moreUnitsDrawnThanHiddenUnitsIsRefusedBeforeAnythingRuns() {
        UserError e = assertThrows(UserError.class, () -> Runner.run(new RunSpec(NAME, 1, 0, true,
                Map.of("hidden", "20", "units_drawn", "30"), "test"), tmp.resolve("bad")));
        assertTrue(e.getMessage().contains("'units_drawn'"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }
}
