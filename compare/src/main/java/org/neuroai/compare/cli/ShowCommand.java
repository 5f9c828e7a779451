package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.compare.engine.Experiment;
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
        if (org.neuroai.compare.comparison.ExampleSpecs.names().contains(name)) {
            out.print(org.neuroai.compare.comparison.ExampleSpecs.text(name));
            out.flush();
            return 0;
        }
        Experiment e = Registry.get(Experiment.class, name, "experiment");
        Map<String, Object> q = quick ? e.quickSettings() : Map.of();
        PrintWriter pw = spec.commandLine().getOut();
        pw.print(org.neuroai.compare.SpecWriter.yaml(e, 1, 0, quick, q, "run with: bin/neuroai run THIS_FILE.yaml --out DIR"));
        pw.flush();
        return 0;
    }
}
