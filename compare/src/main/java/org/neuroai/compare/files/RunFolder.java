package org.neuroai.compare.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuroai.core.Described;
import org.neuroai.core.UserError;

/**
 * A finished run as figures and reports see it: its folder, its provenance (the resolved settings
 * and the engine's description of the run), and its learners ({@link LearnersFile}). Nothing here
 * knows an experiment.
 */
public final class RunFolder {
    /** The provenance file. */
    public static final String PROVENANCE = "provenance.json";
    private final Path dir;
    private final JsonNode provenance;
    private Map<String, Described> learners;

    private RunFolder(Path dir, JsonNode provenance) {
        this.dir = dir;
        this.provenance = provenance;
    }

    /**
     * Opens a run folder.
     *
     * @param dir the folder
     * @return the run
     * @throws UserError when it holds no run or its provenance is not JSON
     */
    public static RunFolder open(Path dir) {
        return new RunFolder(dir, provenance(dir));
    }

    /**
     * A run whose provenance is given rather than read, for figures drawn from fixture files.
     *
     * @param dir the folder with the run's other files
     * @param provenance what provenance.json would hold
     * @return the run
     */
    public static RunFolder of(Path dir, JsonNode provenance) {
        return new RunFolder(dir, provenance);
    }

    /**
     * The provenance.json of a run folder.
     *
     * @param dir the folder
     * @return its parsed provenance
     * @throws UserError when the folder holds no run or the file is not JSON
     */
    public static JsonNode provenance(Path dir) {
        Path prov = dir.resolve(PROVENANCE);
        if (!Files.isRegularFile(prov)) {
            throw new UserError(dir + ": not a run folder (no " + PROVENANCE + "); give a folder written by 'neuroai run'.");
        }
        try {
            return new ObjectMapper().readTree(prov.toFile());
        } catch (IOException e) {
            throw new UserError(prov + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ").");
        }
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** A file of the run. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Whether the run has a file. */
    public boolean has(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    /** The parsed provenance. */
    public JsonNode provenance() {
        return provenance;
    }

    /** The resolved settings of the run (the spec's {@code set}). */
    public JsonNode settings() {
        return provenance.at("/spec/set");
    }

    /**
     * A setting of the run, as recorded.
     *
     * @param key its name
     * @return its value
     * @throws UserError when the run has no such setting
     */
    public JsonNode setting(String key) {
        JsonNode v = settings().get(key);
        if (v == null) {
            throw new UserError(file(PROVENANCE) + ": no setting '" + key + "' in spec.set; this figure does not belong to a run of "
                    + "experiment '" + experiment() + "'.");
        }
        return v;
    }

    /** The experiment (or comparison) that made the run. */
    public String experiment() {
        return provenance.at("/spec/experiment").asText("");
    }

    /** The first seed. */
    public long firstSeed() {
        return provenance.at("/spec/first_seed").asLong(0);
    }

    /** The number of seeds. */
    public int seeds() {
        return provenance.at("/spec/seeds").asInt(1);
    }

    /** The learners, in drawing order, from learners.csv. */
    public Map<String, Described> learners() {
        if (learners == null) {
            learners = LearnersFile.read(dir);
        }
        return learners;
    }

    /** What a step counts, after a number. */
    public String stepUnit() {
        return provenance.at("/run/step_unit").asText("presentations");
    }

    /** Whether figures count steps in epochs. */
    public boolean inEpochs() {
        return provenance.at("/run/in_epochs").asBoolean(false) && epochSize() > 0;
    }

    /** Training samples per epoch of the run's (first) task, 0 when it draws fresh samples. */
    public long epochSize() {
        return provenance.at("/run/epoch_size").asLong(0);
    }

    /** The metrics the run is about, in order (empty: every metric in curves.csv). */
    public List<String> metrics() {
        return strings(provenance.at("/run/metrics"));
    }

    /** The registered figures the run draws. */
    public List<String> figures() {
        return strings(provenance.at("/run/figures"));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
