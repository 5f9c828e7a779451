package org.neuroai.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds registered components by kind and name through {@link ServiceLoader}.
 *
 * <p>Adding a rule is one class plus one line in its module's
 * {@code META-INF/services/org.neuroai.bio.PlasticityRule}; the rule then appears in
 * {@code neuroai list}, in experiments and in the contract tests, which iterate over
 * {@link #all(Class)}.
 */
public final class Registry {
    private static final Map<Class<?>, List<?>> CACHE = new ConcurrentHashMap<>();

    private Registry() {}

    /**
     * Every registered component of a kind, sorted by name.
     *
     * @param kind the service interface, e.g. {@code PlasticityRule.class}
     * @param <T> the kind
     * @return an unmodifiable list, sorted by {@link Registered#name()}
     */
    @SuppressWarnings("unchecked")
    public static <T extends Registered> List<T> all(Class<T> kind) {
        return (List<T>) CACHE.computeIfAbsent(kind, k -> load(kind));
    }

    private static <T extends Registered> List<T> load(Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (T t : ServiceLoader.load(kind, Registry.class.getClassLoader())) {
            for (T other : found) {
                if (other.name().equals(t.name())) {
                    throw new IllegalStateException("two " + kind.getSimpleName() + "s are registered as '"
                            + t.name() + "': " + other.getClass().getName() + " and " + t.getClass().getName());
                }
            }
            found.add(t);
        }
        found.sort(Comparator.comparing(Registered::name));
        return List.copyOf(found);
    }

    /**
     * The component of a kind with this name.
     *
     * @param kind the service interface
     * @param name its registered name
     * @param what how to call the kind in an error message, e.g. "rule"
     * @param <T> the kind
     * @return the component
     * @throws UserError naming the valid names when there is none of that name
     */
    public static <T extends Registered> T get(Class<T> kind, String name, String what) {
        for (T t : all(kind)) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new UserError("unknown " + what + " '" + name + "'; valid " + what + "s are: " + names(kind) + ".");
    }

    /** The registered names of a kind, comma-separated, for error messages. */
    public static String names(Class<? extends Registered> kind) {
        return all(kind).stream().map(Registered::name).collect(Collectors.joining(", "));
    }
}
