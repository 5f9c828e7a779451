package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.Runner;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.RunSpec;

/** What neuroai show prints is a spec that resolves to the experiment's own settings. */
class ShowCliTest {
    @TempDir
    Path tmp;

    @Test
    void everyExperimentShowsASpecThatRunsWithItsDefaults() throws IOException {
        for (Experiment e : Registry.all(Experiment.class)) {
            for (boolean quick : new boolean[] {false, true}) {
                CliRun r = quick ? CliRun.of("show", e.name(), "--quick") : CliRun.of("show", e.name());
                assertEquals(0, r.code(), r.err());
                Path f = tmp.resolve(e.name() + quick + ".yaml");
                Files.writeString(f, r.out());
                RunSpec spec = RunSpec.fromYaml(f);
                assertEquals(e.name(), spec.experiment());
                Params shown = Runner.resolve(e, spec);
                Params expected = Runner.resolve(e, new RunSpec(e.name(), 1, 0, quick, java.util.Map.of(), "test"));
                assertEquals(expected, shown, e.name() + (quick ? " quick" : ""));
            }
        }
    }
}
