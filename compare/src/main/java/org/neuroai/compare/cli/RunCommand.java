package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Runner;
import org.neuroai.core.UserError;
import org.neuroai.compare.Summary;
import org.neuroai.core.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroai run NAME|FILE.yaml}: runs one experiment. */
@Command(name = "run", description = "Run a built-in experiment by name, or a YAML spec.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME|FILE.yaml", description = "An experiment name (see 'neuroai list') or a YAML spec file.")
    String target;

    @Option(names = "--seeds", paramLabel = "N", description = "Number of seeds (default: the spec's, else 1).")
    Integer seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/NAME).")
    Path out;

    @Option(names = "--force", description = "Replace an earlier run in the --out folder: the files it wrote (its manifest.json lists them); other files there are kept.")
    boolean force;

    @Option(names = "--quick", description = "A short version, for smoke tests and demos.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N", description = "Seeds run in parallel (default: one per core); results do not depend on it.")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting; repeatable. 'neuroai list --json' shows every setting.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--quiet", description = "Print nothing but errors: no progress, no summary.")
    boolean quietOut;

    @Option(names = "--json", description = "Print the result as one JSON object (output folder, final values, figures); no progress.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunSpec base = Experiments.target(target);
        Map<String, Object> overrides = new LinkedHashMap<>(set);
        if (threads != null) {
            if (threads < 1) {
                throw new UserError("--threads: " + threads + " is not valid; valid is an integer >= 1.");
            }
            boolean parallel = Experiments.get(base.experiment()).settings().stream().anyMatch(p -> p.name().equals("threads"));
            if (parallel) {
                overrides.put("threads", threads);
            }
        }
        RunSpec runSpec = base.with(seeds, quick ? Boolean.TRUE : null, overrides);
        Path dir = out != null ? out : Path.of("out", runSpec.experiment());
        PrintWriter pw = spec.commandLine().getOut();
        RunSpec s = runSpec;
        Runner.Result r = ProgressDisplay.run(runSpec, dir, force, spec.commandLine().getErr(), ProgressDisplay.Mode.choose(quietOut, json), () -> {
            if (!quietOut && !json) {
                pw.println("running " + s.experiment() + (s.quick() ? " (quick)" : "") + " with "
                        + s.seeds() + " seed" + (s.seeds() == 1 ? "" : "s") + " into " + dir);
                pw.flush();
            }
        });
        if (json) {
            pw.println(Summary.json(r));
            pw.flush();
        } else if (!quietOut) {
            Summary.print(pw, r);
        }
        return 0;
    }
}
