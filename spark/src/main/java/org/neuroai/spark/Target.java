package org.neuroai.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.cli.SweepOptions;
import org.neuroai.core.RunSpec;

/**
 * What a sweep starts from, in a form that travels to an executor: the experiment's name, or the
 * text of the user's YAML spec (an executor need not see the driver's files), with --seeds,
 * --quick and --set. An executor builds from it the same base spec as the driver.
 *
 * @param name the experiment's name, or the spec file's name
 * @param text the spec file's text, or null for a named experiment
 * @param source where the driver read the spec ("command line" or the file), kept in every run's provenance
 * @param seeds --seeds, or null
 * @param quick --quick
 * @param set --set, in order
 */
record Target(String name, String text, String source, Integer seeds, boolean quick, LinkedHashMap<String, String> set) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The target of a sweep's options, read on the driver.
     *
     * @param o the options
     * @param base the base spec the driver built from them (checked already)
     * @return the target
     */
    static Target of(SweepOptions o, RunSpec base) {
        Path file = Path.of(o.target);
        String text = null;
        String name = o.target;
        if (Files.isRegularFile(file)) {
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            name = file.getFileName().toString();
        }
        return new Target(name, text, base.source(), o.seeds, o.quick, new LinkedHashMap<>(o.set));
    }

    /**
     * The base spec, built as the driver built it (on an executor, from the spec's text).
     *
     * @return the spec every point starts from
     */
    RunSpec base() {
        RunSpec b;
        if (text == null) {
            b = Experiments.target(name);
        } else {
            try {
                Path dir = Files.createTempDirectory("neuroai-spec-");
                Path file = dir.resolve(name);
                Files.writeString(file, text);
                try {
                    b = Experiments.target(file.toString());
                } finally {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        b = b.with(seeds, quick ? Boolean.TRUE : null, new LinkedHashMap<String, Object>(set));
        return new RunSpec(b.experiment(), b.seeds(), b.firstSeed(), b.quick(), b.settings(), source, b.lines());
    }
}
