package org.neuroai.compare.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neuroai.compare.engine.Study;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registered;

/**
 * A paired comparison with a name: settings with defaults, and the {@link Study} they make (the
 * tasks, learners, measures, what is recorded, the plug-in for what is particular to it, and the
 * figures to draw). The engine runs the study; an experiment has no loop of its own and draws
 * nothing itself. Registered in {@code META-INF/services/org.neuroai.compare.engine.Experiment}.
 */
public interface Experiment extends Registered {
    /** The settings a spec may give with {@code set:} or {@code --set}, with defaults for a full run. */
    List<ParamSpec> settings();

    /**
     * The metric of {@code curves.csv} that says best how well a run went; a sweep draws its final
     * value against every swept setting. Null (the default) for the first metric the run records.
     */
    default String mainMetric() {
        return null;
    }

    /**
     * Whether the experiment checks its own memory footprint, with the keys of its own file, when
     * it is read (a comparison spec does); otherwise the runner checks the rows its recording will
     * write from the study's schedule, before it runs.
     */
    default boolean checksItsFootprint() {
        return false;
    }

    /** Defaults that replace those of {@link #settings()} in quick mode (the user's values still win). */
    default Map<String, Object> quickSettings() {
        return Map.of();
    }

    /**
     * Settings, on top of the quick ones, that make the run as short as it can be while every part
     * of it still runs and every figure is drawn: the test suite runs every experiment so.
     */
    Map<String, Object> smokeSettings();

    /**
     * Checks everything a user could have got wrong, loads the data, and says what to run; nothing
     * is written yet.
     *
     * @param settings resolved settings
     * @return the study
     * @throws org.neuroai.core.UserError for bad settings or data
     */
    Study study(Params settings);

    /**
     * The loss landscapes this experiment can draw from a finished run's weights.csv ({@code neuroai
     * landscape}, or the setting {@code landscape}); none by default.
     *
     * @param settings the run's resolved settings
     * @return one surface per learner that has a loss over weights it recorded
     */
    default List<org.neuroai.compare.landscape.Surface> landscapes(Params settings) {
        return List.of();
    }

    /**
     * The resolved settings of a finished run, from its provenance.json.
     *
     * @param e the run's experiment
     * @param provenance the parsed provenance.json
     * @param runDir the run's folder, to name in errors
     * @return the settings
     * @throws org.neuroai.core.UserError when a recorded setting is unknown or out of range
     */
    @SuppressWarnings("unchecked")
    static Params settingsOf(Experiment e, com.fasterxml.jackson.databind.JsonNode provenance, Path runDir) {
        Map<String, Object> set = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(provenance.at("/spec/set"), Map.class);
        return Params.resolve(e.settings(), set == null ? Map.of() : set, runDir.resolve("provenance.json") + ": spec.set");
    }
}
