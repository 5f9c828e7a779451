package org.neuroai.compare;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neuroai.compare.comparison.ComparisonExperiment;
import org.neuroai.compare.comparison.ComparisonSpec;
import org.neuroai.compare.comparison.ExampleSpecs;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import org.neuroai.compare.engine.Experiment;

/**
 * Finds an experiment by name: a built-in one (registered), a comparison spec read in this
 * process, or an example spec bundled in the jar.
 */
public final class Experiments {
    private static final Map<String, Experiment> LOADED = new ConcurrentHashMap<>();

    private Experiments() {}

    /**
     * The experiment of this name.
     *
     * @param name a registered experiment, a comparison read earlier, or an example spec
     * @return the experiment
     * @throws UserError naming the valid names when there is none
     */
    public static Experiment get(String name) {
        for (Experiment e : Registry.all(Experiment.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        Experiment e = LOADED.get(name);
        if (e != null) {
            return e;
        }
        if (ExampleSpecs.names().contains(name)) {
            return of(ExampleSpecs.spec(name));
        }
        // the same words as for any registered kind; 'neuroai list' shows the example specs beside them
        return Registry.get(Experiment.class, name, "experiment");
    }

    /**
     * The experiment of a comparison spec, which {@link #get} then finds by its name.
     *
     * @param spec a checked comparison spec
     * @return its experiment
     */
    public static Experiment of(ComparisonSpec spec) {
        Experiment e = new ComparisonExperiment(spec);
        LOADED.put(e.name(), e);
        return e;
    }

    /**
     * The run spec of a comparison: its name, seeds and quick flag, with the lines of those keys.
     *
     * @param spec a checked comparison spec
     * @return the run spec (its settings are the comparison's own values)
     */
    public static RunSpec runSpec(ComparisonSpec spec) {
        Experiment e = of(spec);
        Map<String, Integer> lines = new java.util.LinkedHashMap<>();
        for (String k : new String[] {"name", "seeds", "first_seed", "quick"}) {
            if (spec.line(k) != null) {
                lines.put(k.equals("name") ? "experiment" : k, spec.line(k));
            }
        }
        var p = spec.plan();
        return new RunSpec(e.name(), p.seeds(), p.firstSeed(), p.quick(), Map.of(), spec.source(), lines);
    }

    /** The setting names of an experiment, or null when there is none of that name. */
    private static java.util.Collection<String> settingNames(String name) {
        try {
            return get(name).settings().stream().map(org.neuroai.core.ParamSpec::name).toList();
        } catch (UserError e) {
            return null;
        }
    }

    /**
     * The run spec of a command-line target: a YAML file (a comparison or a built-in experiment's
     * spec), an example spec's name, or an experiment's name.
     *
     * @param target what the user gave
     * @return the run spec
     * @throws UserError for a malformed file
     */
    public static RunSpec target(String target) {
        java.nio.file.Path file = java.nio.file.Path.of(target);
        boolean isFile = target.endsWith(".yaml") || target.endsWith(".yml") || java.nio.file.Files.isRegularFile(file);
        if (isFile) {
            return ComparisonSpec.isComparison(file) ? runSpec(ComparisonSpec.read(file)) : RunSpec.fromYaml(file, Experiments::settingNames);
        }
        if (ExampleSpecs.names().contains(target)) {
            return runSpec(ExampleSpecs.spec(target));
        }
        return new RunSpec(target, 1, 0, false, Map.of(), "command line");
    }
}
