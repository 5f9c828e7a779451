package org.neuroai.compare;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.RunSpec;
import org.neuroai.core.UserError;

/** A built-in experiment whose recording could not be read back within the heap is refused before it runs; the defaults fit. */
class RecordingBoundTest {
    /** Every experiment but the one on MNIST, whose study loads 70,000 images (its schedule has a few hundred checkpoints). */
    static Stream<String> experiments() {
        return Registry.all(Experiment.class).stream().map(Experiment::name).filter(n -> !n.startsWith("mnist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void theDefaultsOfEveryExperimentFitWithFiveSeeds(String name) {
        Experiment e = Experiments.get(name);
        Params p = Runner.resolve(e, new RunSpec(name, 5, 0, false, Map.of(), "test"));
        assertDoesNotThrow(() -> Runner.checkRecording(e.study(p), 5, e));
    }

    @Test
    void aHundredMillionCheckpointsAreRefusedInOneLineNamingTheKey() {
        Experiment e = Experiments.get("pca");
        Params p = Runner.resolve(e, new RunSpec("pca", 1, 0, false, Map.of("steps", "100000000", "eval_every", "1"), "test"));
        UserError err = assertThrows(UserError.class, () -> Runner.checkRecording(e.study(p), 1, e));
        assertTrue(err.getMessage().startsWith("--set steps: ") && err.getMessage().contains("rows of curves.csv")
                && err.getMessage().contains("-Xmx") && err.getMessage().lines().count() == 1, err.getMessage());
    }
}
