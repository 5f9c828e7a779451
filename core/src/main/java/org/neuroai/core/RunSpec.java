package org.neuroai.core;

import com.fasterxml.jackson.databind.JsonNode;
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
 * @param lines the line of each key in the YAML file ("seeds", "set.k", ...), for messages; empty otherwise
 */
public record RunSpec(String experiment, int seeds, long firstSeed, boolean quick, Map<String, Object> settings,
                      String source, Map<String, Integer> lines) {
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
        lines = Map.copyOf(lines);
    }

    /** A spec that does not come from a file. */
    public RunSpec(String experiment, int seeds, long firstSeed, boolean quick, Map<String, Object> settings, String source) {
        this(experiment, seeds, firstSeed, quick, settings, source, Map.of());
    }

    /**
     * Where a key was given, for messages: the file and line for a YAML spec, else the source.
     *
     * @param key a top-level key, or "set.NAME" for a setting
     * @return e.g. "spec.yaml:7" or "command line"
     */
    public String where(String key) {
        Integer line = lines.get(key);
        return line == null ? source : source + ":" + line;
    }

    /** The seeds of this run, in order. */
    public long[] seedList() {
        long[] s = new long[seeds];
        for (int i = 0; i < seeds; i++) {
            s[i] = firstSeed + i;
        }
        return s;
    }

    /**
     * A copy with settings overridden (e.g. by --set) and seeds/quick replaced where given; the
     * overridden keys lose their file line, since their values no longer come from the file.
     */
    public RunSpec with(Integer newSeeds, Boolean newQuick, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(settings);
        merged.putAll(overrides);
        Map<String, Integer> kept = new LinkedHashMap<>(lines);
        for (String k : overrides.keySet()) {
            kept.remove("set." + k);
        }
        if (newSeeds != null) {
            kept.remove("seeds");
        }
        return new RunSpec(experiment, newSeeds == null ? seeds : newSeeds, firstSeed,
                newQuick == null ? quick : newQuick, merged, source, kept);
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
     * Reads a YAML spec. Every mistake in it is reported at once, one line each, with the file
     * and line number of the key at fault.
     *
     * @param file the YAML file
     * @return the spec
     * @throws UserError naming the file, line and key for everything malformed or unknown
     */
    public static RunSpec fromYaml(Path file) {
        return fromYaml(file, name -> null);
    }

    /**
     * Reads a YAML spec, reporting unknown keys under {@code set} together with the mistakes at the
     * top level, so that a user sees every mistake of the file at once.
     *
     * @param file the YAML file
     * @param settingsOf the setting names of an experiment, or null when there is no such experiment
     * @return the spec
     * @throws UserError naming the file, line and key for everything malformed or unknown
     */
    public static RunSpec fromYaml(Path file, java.util.function.Function<String, java.util.Collection<String>> settingsOf) {
        SpecYaml.Doc doc = SpecYaml.parse(SpecYaml.read(file), file.toString());
        JsonNode root = doc.root();
        // "seeds", "set.bio.eta": setting names have dots of their own, so every key's line is kept
        Map<String, Integer> lines = new java.util.TreeMap<>(doc.lines());
        String where = file.toString();
        if (root == null || !root.isObject()) {
            throw new UserError(where + ": a spec must be a YAML mapping with keys " + String.join(", ", KEYS) + ".");
        }
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.function.Function<String, String> at = k -> lines.containsKey(k) ? where + ":" + lines.get(k) : where;
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                problems.add(at.apply(key) + ": unknown key '" + key + "'; valid keys are: " + String.join(", ", KEYS) + ".");
            }
        }
        JsonNode exp = root.get("experiment");
        if (exp == null || !exp.isTextual()) {
            problems.add(at.apply("experiment") + ": missing key 'experiment'; it names the experiment to run (see neuroai list).");
        }
        int seeds = integer(root, "seeds", 1, 1, MAX_SEEDS, at, problems);
        long first = integer(root, "first_seed", 0, 0, Integer.MAX_VALUE, at, problems);
        boolean quick = false;
        if (root.has("quick")) {
            if (!root.get("quick").isBoolean()) {
                problems.add(at.apply("quick") + ": invalid value '" + root.get("quick").asText() + "' for 'quick'; valid is true or false.");
            } else {
                quick = root.get("quick").booleanValue();
            }
        }
        Map<String, Object> set = new LinkedHashMap<>();
        JsonNode s = root.get("set");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                problems.add(at.apply("set") + ": 'set' must be a mapping of setting names to values.");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isContainerNode()) {
                        problems.add(at.apply("set." + e.getKey()) + ": setting '" + e.getKey()
                                + "' must be a single value, not a list or mapping.");
                    } else {
                        set.put(e.getKey(), e.getValue().asText());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            java.util.Collection<String> known = exp != null && exp.isTextual() ? settingsOf.apply(exp.asText()) : null;
            if (known != null) {
                for (String k : set.keySet()) {
                    if (!known.contains(k)) {
                        problems.add(at.apply("set." + k) + ": unknown key '" + k + "'; valid keys are: " + String.join(", ", known) + ".");
                    }
                }
            }
            throw new UserError(String.join("\n", problems));
        }
        return new RunSpec(exp.asText(), seeds, first, quick, set, where, lines);
    }

    private static int integer(JsonNode root, String key, int def, int min, int max,
                               java.util.function.Function<String, String> at, java.util.List<String> problems) {
        JsonNode n = root.get(key);
        if (n == null) {
            return def;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            problems.add(at.apply(key) + ": invalid value '" + n.asText() + "' for '" + key + "'; valid is an integer in ["
                    + min + ", " + max + "].");
            return def;
        }
        return n.intValue();
    }
}
