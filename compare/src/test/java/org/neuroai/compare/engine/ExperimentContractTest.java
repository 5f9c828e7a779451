package org.neuroai.compare.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.Described;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Contracts every registered experiment and bundled comparison keeps, each run in quick mode with
 * its smoke settings: its smoke settings are valid settings; a run describes every learner it
 * records; every figure it names is drawn, and drawn again from the folder alone.
 */
class ExperimentContractTest {
    static Stream<String> experiments() {
        return SmokeRuns.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void smokeSettingsAreValidSettings(String name) {
        Experiment e = Experiments.get(name);
        assertFalse(e.smokeSettings().isEmpty(), "an experiment declares how to make it short");
        Params p = Params.resolve(e.settings(), e.smokeSettings(), "smoke settings of " + name);
        for (ParamSpec s : e.settings()) {
            assertTrue(p.asMap().containsKey(s.name()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void aRunDescribesEveryLearnerItRecordsAndDrawsEveryFigureItNames(String name) throws IOException {
        Path run = SmokeRuns.of(name);
        RunFolder folder = RunFolder.open(run);
        Map<String, Described> learners = folder.learners();
        List<TraceRow> curves = TraceReader.read(run.resolve(Traces.CURVES), r -> true);
        assertFalse(curves.isEmpty(), "curves.csv has rows");
        Set<String> recorded = new TreeSet<>();
        for (String f : List.of(Traces.CURVES, Traces.WEIGHTS, Traces.PROBES, Traces.HISTOGRAMS)) {
            if (Files.isRegularFile(run.resolve(f))) {
                recorded.addAll(TraceReader.read(run.resolve(f), r -> true).stream().map(TraceRow::learner).collect(Collectors.toSet()));
            }
        }
        assertTrue(learners.keySet().containsAll(recorded), "learners.csv describes " + learners.keySet() + ", runs recorded " + recorded);
        assertEquals(2, curves.stream().map(TraceRow::seed).distinct().count(), "two seeds");
        assertFalse(folder.figures().isEmpty(), "a run draws figures");
        for (String f : folder.figures()) {
            Figure fig = Figures.get(f);
            for (String ext : List.of("png", "svg", "pdf")) {
                assertTrue(Files.size(run.resolve(fig.file() + "." + ext)) > 0, fig.file() + "." + ext);
            }
            assertTrue(Figures.missing(fig, folder).isEmpty(), f + " reads files the run has");
        }
        assertTrue(Files.isRegularFile(run.resolve("stats.csv")));
        assertTrue(Files.readString(run.resolve("report.md")).contains("## Figures"));
    }
}
