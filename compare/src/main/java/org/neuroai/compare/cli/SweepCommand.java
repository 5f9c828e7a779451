package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.compare.Sweep;
import org.neuroai.compare.charts.SweepFigures;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai sweep NAME|SPEC --grid key=v1,v2 ...}: a resumable grid of runs with an aggregated
 * CSV and, for each swept setting, a figure of the final main metric against its values.
 */
@Command(name = "sweep", description = "Run a grid of settings times seeds; resumable; writes sweep.csv with every run's final values "
        + "and a figure per swept setting (final main metric, mean \u00b1 95 %% t-interval over seeds); 'neuroai plot DIR' redraws them.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME|FILE.yaml", description = "An experiment name or a YAML spec.")
    String target;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...", required = true, description = "A swept setting and its values; repeatable.")
    List<String> grid;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per point (default: the spec's, else 1).")
    Integer seeds;

    @Option(names = "--quick", description = "Quick runs.")
    boolean quick;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A fixed setting for every point; repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep folder (resumed if it holds finished runs).")
    Path out;

    @Option(names = "--resume-only", description = "Refuse, rather than run again, a point whose earlier run in this folder had other settings.")
    boolean resumeOnly;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quietOut;

    @Option(names = "--json", description = "Print the result as one JSON object (sweep.csv, figures, points run and skipped); no progress.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> g = new LinkedHashMap<>();
        for (String item : grid) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new UserError("--grid: '" + item + "' is not KEY=V1,V2,...; for example --grid bio.eta=0.05,0.1,0.2.");
            }
            g.put(item.substring(0, eq), Arrays.stream(item.substring(eq + 1).split(",")).map(String::trim).toList());
        }
        RunSpec base = org.neuroai.compare.Experiments.target(target);
        base = base.with(seeds, quick ? Boolean.TRUE : null, new LinkedHashMap<>(set));
        PrintWriter pw = spec.commandLine().getOut();
        boolean talk = !quietOut && !json;
        ProgressDisplay.Mode mode = ProgressDisplay.Mode.choose(quietOut, json);
        int[] counts = new int[2];
        Path csv = Sweep.run(base, g, out, line -> {
            if (line.endsWith(": done")) {
                counts[0]++;
            } else if (line.endsWith(": already done")) {
                counts[1]++;
            }
            if (talk) {
                pw.println(line);
                pw.flush();
            }
        }, resumeOnly, (s, dir, label) -> ProgressDisplay.run(s, dir, true, spec.commandLine().getErr(), mode, label, () -> { }));
        List<String> figures = g.keySet().stream().map(key -> out.resolve(SweepFigures.baseName(key)) + ".png").toList();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("csv", csv.toString());
            m.put("figures", figures);
            m.put("points_run", counts[0]);
            m.put("points_already_done", counts[1]);
            pw.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m));
        } else if (talk) {
            pw.println("wrote " + csv);
            int k = 0;
            for (String key : g.keySet()) {
                pw.println("drew " + figures.get(k++) + " (and .svg, .pdf): final main metric against " + key);
            }
        }
        pw.flush();
        return 0;
    }
}
