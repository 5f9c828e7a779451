package org.neuroai.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.UserError;

/**
 * What to run: an experiment, how many seeds, quick or full, and settings that override the
 * experiment's defaults. Comes from the command line or from a YAML file such as
 *
 * <pre>
 * experiment: pca
 * seeds: 3
 * quick: false
 * set:
 *   task: digits
 *   bio.eta: 0.002
 * </pre>
 *
 * @param experiment registered experiment name
 * @param seeds number of seeds; seed i is {@code firstSeed + i}
 * @param firstSeed the first seed
 * @param quick short version for smoke tests and demos
 * @param settings experiment settings by key, validated by the experiment
 * @param source where this spec came from ("command line" or the YAML file), for messages
 */
public record RunSpec(String experiment, int seeds, long firstSeed, boolean quick, Map<String, Object> settings,
                      String source) {
    /** The top-level keys a YAML spec may have. */
    public static final List<String> KEYS = List.of("experiment", "seeds", "first_seed", "quick", "set");

    /** Largest number of seeds accepted. */
    public static final int MAX_SEEDS = 1000;

    /** Validates the fields that do not depend on the experiment. */
    public RunSpec {
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new UserError(source + ": invalid value " + seeds + " for 'seeds'; valid is an integer in [1, "
                    + MAX_SEEDS + "].");
        }
        if (firstSeed < 0) {
            throw new UserError(source + ": invalid value " + firstSeed + " for 'first_seed'; valid is an integer >= 0.");
        }
        settings = Map.copyOf(settings);
    }

    /** The seeds of this run, in order. */
    public long[] seedList() {
        long[] s = new long[seeds];
        for (int i = 0; i < seeds; i++) {
            s[i] = firstSeed + i;
        }
        return s;
    }

    /** A copy with settings overridden (e.g. by --set) and seeds/quick replaced where given. */
    public RunSpec with(Integer newSeeds, Boolean newQuick, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(settings);
        merged.putAll(overrides);
        return new RunSpec(experiment, newSeeds == null ? seeds : newSeeds, firstSeed,
                newQuick == null ? quick : newQuick, merged, source);
    }

    /** The spec as plain data, for provenance. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", experiment);
        m.put("seeds", seeds);
        m.put("first_seed", firstSeed);
        m.put("quick", quick);
        m.put("set", new java.util.TreeMap<>(settings));
        m.put("source", source);
        return m;
    }

    /**
     * Reads a YAML spec.
     *
     * @param file the YAML file
     * @return the spec
     * @throws UserError naming the file and key for anything malformed or unknown
     */
    public static RunSpec fromYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": spec file not found.");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new UserError(file + ": not valid YAML (" + msg + ").", e);
        }
        String where = file.toString();
        if (root == null || !root.isObject()) {
            throw new UserError(where + ": a spec must be a YAML mapping with keys " + String.join(", ", KEYS) + ".");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new UserError(where + ": unknown key '" + key + "'; valid keys are: " + String.join(", ", KEYS) + ".");
            }
        }
        JsonNode exp = root.get("experiment");
        if (exp == null || !exp.isTextual()) {
            throw new UserError(where + ": missing key 'experiment'; it names the experiment to run (see neuroai list).");
        }
        int seeds = integer(root, "seeds", 1, where);
        long first = integer(root, "first_seed", 0, where);
        boolean quick = false;
        if (root.has("quick")) {
            if (!root.get("quick").isBoolean()) {
                throw new UserError(where + ": invalid value '" + root.get("quick").asText() + "' for 'quick'; valid is true or false.");
            }
            quick = root.get("quick").booleanValue();
        }
        Map<String, Object> set = new LinkedHashMap<>();
        JsonNode s = root.get("set");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                throw new UserError(where + ": 'set' must be a mapping of setting names to values.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    throw new UserError(where + ": setting 'set." + e.getKey() + "' must be a single value, not a list or mapping.");
                }
                set.put(e.getKey(), e.getValue().asText());
            }
        }
        return new RunSpec(exp.asText(), seeds, first, quick, set, where);
    }

    private static int integer(JsonNode root, String key, int def, String where) {
        JsonNode n = root.get(key);
        if (n == null) {
            return def;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new UserError(where + ": invalid value '" + n.asText() + "' for '" + key + "'; valid is an integer.");
        }
        return n.intValue();
    }
}
