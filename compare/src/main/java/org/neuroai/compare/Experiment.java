package org.neuroai.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registered;

/**
 * A paired comparison: bio and gradient learners on one task, same samples, same order, written
 * out as traces, charts and provenance. Registered in
 * {@code META-INF/services/org.neuroai.compare.Experiment}.
 */
public interface Experiment extends Registered {
    /** The settings a spec may give with {@code set:} or {@code --set}, with defaults for a full run. */
    List<ParamSpec> settings();

    /**
     * What the {@code step} column of this experiment's traces counts, in words that follow a
     * number ("presentations", "ms of simulated time"), for summaries.
     */
    default String stepUnit() {
        return "presentations";
    }

    /**
     * The metric of {@code curves.csv} that says best how well a run went; a sweep draws its final
     * value against every swept setting. Null (the default) for the first metric the run records.
     */
    default String mainMetric() {
        return null;
    }

    /** Defaults that replace those of {@link #settings()} in quick mode (the user's values still win). */
    default Map<String, Object> quickSettings() {
        return Map.of();
    }

    /**
     * Checks everything a user could have got wrong and loads the data, before anything is written.
     *
     * @param settings resolved settings
     * @param seeds the run's seeds
     * @return a run ready to go
     * @throws org.neuroai.core.UserError for bad settings or data
     */
    Prepared prepare(Params settings, long[] seeds);

    /**
     * Redraws a finished run's figures from its CSV files and provenance alone, without running
     * anything ({@code neuroai plot}).
     *
     * @param runDir the run's folder
     * @param provenance its provenance.json
     * @throws IOException when a figure cannot be written
     * @throws org.neuroai.core.UserError when the run's files are missing or malformed
     */
    default void redraw(java.nio.file.Path runDir, com.fasterxml.jackson.databind.JsonNode provenance) throws IOException {
        throw new org.neuroai.core.UserError("experiment '" + name() + "' cannot redraw its figures from files; run it again.");
    }

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

    /** A validated run. */
    interface Prepared {
        /**
         * Runs and writes every output into {@code out} (an empty folder).
         *
         * @param out the output folder
         * @return facts to add to the provenance (durations, learner families, ...)
         * @throws IOException when an output cannot be written
         */
        Map<String, Object> run(Path out) throws IOException;

        /** The figures written, as base names without extension, with a one-line caption each. */
        Map<String, String> figures();

        /**
         * The work of one seed for a progress display, in the experiment's step unit summed over
         * its learners (as reported to {@link org.neuroai.core.trace.Progress}); 0 when unknown.
         */
        default long workPerSeed() {
            return 0;
        }
    }
}
