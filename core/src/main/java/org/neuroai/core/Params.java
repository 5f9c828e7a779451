package org.neuroai.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolved, validated parameter values: every declared parameter, defaults included.
 *
 * <p>Immutable. Built by {@link #resolve(List, Map, String)} which rejects unknown keys and
 * out-of-range values with a {@link UserError} naming the key and what is valid.
 */
public final class Params {
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Resolves user values against declared parameters.
     *
     * @param specs the declared parameters
     * @param given user values by key (strings from the command line or typed values from YAML)
     * @param where the file or option the values came from, used in error messages
     * @return every declared parameter with its value
     * @throws UserError for an unknown key or an invalid value
     */
    public static Params resolve(List<ParamSpec> specs, Map<String, ?> given, String where) {
        return resolve(specs, given, key -> where);
    }

    /**
     * Resolves user values, reporting every mistake at once: each unknown key and each invalid
     * value is one line of the {@link UserError}'s message.
     *
     * @param specs the declared parameters
     * @param given user values by key
     * @param whereOf where a key was given (a file and line, or an option), for its message
     * @return every declared parameter with its value
     * @throws UserError listing every unknown key and invalid value, one per line
     */
    public static Params resolve(List<ParamSpec> specs, Map<String, ?> given, java.util.function.Function<String, String> whereOf) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            byName.put(s.name(), s);
        }
        List<String> problems = new java.util.ArrayList<>();
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                String valid = byName.isEmpty() ? "none" : String.join(", ", byName.keySet());
                problems.add(whereOf.apply(key) + ": unknown key '" + key + "'; valid keys are: " + valid + ".");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            if (!given.containsKey(s.name())) {
                out.put(s.name(), s.defaultValue());
                continue;
            }
            try {
                out.put(s.name(), s.parse(given.get(s.name()), whereOf.apply(s.name())));
            } catch (UserError e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join("\n", problems));
        }
        return new Params(out);
    }

    /** Every parameter with its default. */
    public static Params defaults(List<ParamSpec> specs) {
        return resolve(specs, Map.of(), "defaults");
    }

    /** A real-valued parameter. */
    public double real(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /** An integer parameter. */
    public int integer(String name) {
        return ((Number) require(name)).intValue();
    }

    /** A string or choice parameter. */
    public String string(String name) {
        return String.valueOf(require(name));
    }

    /** A boolean parameter. */
    public boolean flag(String name) {
        return (Boolean) require(name);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' among " + values.keySet());
        }
        return v;
    }

    /** All values in declaration order, for provenance. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
