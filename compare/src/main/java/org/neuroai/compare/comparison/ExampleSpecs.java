package org.neuroai.compare.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The comparison specs bundled in the jar, which {@code neuroai list} shows and {@code neuroai run NAME} runs. */
public final class ExampleSpecs {
    /** Their names; each is {@code specs/NAME.yaml} among the resources. */
    private static final List<String> NAMES = List.of("digits-features", "iris-linear", "xor-depth", "mnist-subspace", "bcm-threshold",
            "stp-probes");

    private ExampleSpecs() {}

    /** The names of the bundled specs. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The YAML text of a bundled spec.
     *
     * @param name one of {@link #names()}
     * @return its text
     */
    public static String text(String name) {
        try (InputStream in = ExampleSpecs.class.getResourceAsStream("/org/neuroai/compare/specs/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("bundled spec " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one-line description a bundled spec gives itself, read from its YAML without checking
     * the spec: what {@code neuroai list} shows, without loading a data set or building a network.
     *
     * @param name one of {@link #names()}
     * @return its {@code description}, or its name when it gives none
     */
    public static String description(String name) {
        var root = org.neuroai.core.SpecYaml.parse(text(name), "spec " + name).root();
        return root != null && root.hasNonNull("description") ? root.get("description").asText() : name;
    }

    /**
     * A bundled spec, read and checked.
     *
     * @param name one of {@link #names()}
     * @return the spec
     */
    public static ComparisonSpec spec(String name) {
        return ComparisonSpec.parse(text(name), "spec " + name, name);
    }
}
