package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.compare.Experiment;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai show NAME}: prints a built-in experiment as a YAML spec with every setting at its
 * default, each with its meaning, unit and valid range, ready to copy, change and run.
 */
@Command(name = "show", description = "Print an experiment as a YAML spec with every setting, ready to copy and change.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "An experiment (see 'neuroai list').")
    String name;

    @Option(names = "--quick", description = "Show the quick version's values.")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (org.neuroai.compare.spec.ExampleSpecs.names().contains(name)) {
            out.print(org.neuroai.compare.spec.ExampleSpecs.text(name));
            out.flush();
            return 0;
        }
        Experiment e = Registry.get(Experiment.class, name, "experiment");
        Map<String, Object> q = quick ? e.quickSettings() : Map.of();
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("# " + e.name() + ": " + e.description());
        pw.println("# run with: bin/neuroai run THIS_FILE.yaml --out DIR");
        pw.println("experiment: " + e.name());
        pw.println("seeds: 1");
        pw.println("first_seed: 0");
        pw.println("quick: " + quick);
        pw.println("set:");
        for (ParamSpec p : e.settings()) {
            Object v = q.getOrDefault(p.name(), p.defaultValue());
            String unit = p.unit().isEmpty() || p.unit().equals("1") ? "" : ", in " + p.unit();
            pw.printf(Locale.ROOT, "  # %s%s; valid: %s%n", p.description(), unit, p.validRange());
            pw.printf(Locale.ROOT, "  %s: %s%n", p.name(), yaml(v));
        }
        pw.flush();
        return 0;
    }

    private static String yaml(Object v) {
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(v);
    }
}
