package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.neuroai.compare.files.OutputFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.compare.DemoIndex;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Summary;
import org.neuroai.core.Registry;
import org.neuroai.core.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroai demo}: every built-in experiment, quick, with an index of the figures. */
@Command(name = "demo", description = "Run every built-in experiment in quick mode and write an index of the figures.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/demo).")
    Path out = Path.of("out", "demo");

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per experiment (default: 3).")
    int seeds = 3;

    @Option(names = "--quiet", description = "Print only the path of the index: no progress, no summaries.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        List<Runner.Result> results = new ArrayList<>();
        List<Experiment> exps = Registry.all(Experiment.class);
        // the demo's folder is its own: run again, it replaces what it wrote there and nothing else
        try (OutputFolder folder = OutputFolder.open(out, "demo", true, "--out")) {
            folder.record(List.of());
            for (Experiment e : exps) {
                if (!quiet) {
                    pw.println("demo: " + e.name() + " (quick, " + seeds + " seeds)");
                    pw.flush();
                }
                // experiments that can draw loss landscapes draw them in the demo
                boolean landscape = e.settings().stream().anyMatch(p -> p.name().equals("landscape"));
                RunSpec s = new RunSpec(e.name(), seeds, 0, true, landscape ? Map.of("landscape", true) : Map.of(), "demo");
                Runner.Result r = ProgressDisplay.run(s, out.resolve(e.name()), true, spec.commandLine().getErr(),
                        ProgressDisplay.Mode.choose(quiet, false), () -> { });
                if (!quiet) {
                    Summary.print(pw, r);
                }
                results.add(r);
            }
            Path index = DemoIndex.write(out, exps, results);
            folder.record(List.of(Path.of("index.html"), Path.of("index.md")));
            pw.println("index of figures: " + index);
        }
        return 0;
    }
}
