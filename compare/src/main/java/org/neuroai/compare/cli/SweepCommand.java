package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.compare.Sweep;
import org.neuroai.compare.charts.SweepFigures;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai sweep NAME|SPEC --grid key=v1,v2 ...}: a resumable grid of runs with an aggregated
 * CSV and, for each swept setting, a figure of the final main metric against its values.
 */
@Command(name = "sweep", description = "Run a grid of settings times seeds; resumable; writes sweep.csv with every run's final values "
        + "and a figure per swept setting (final main metric, mean \u00b1 95 %% t-interval over seeds); 'neuroai plot DIR' redraws them.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    SweepOptions o;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String engine = o.engine == null ? "local" : o.engine;
        if (engine.equals("spark")) {
            // the command line carries no Spark: bin/neuroai hands such a sweep to bin/neuroai-spark when the spark module is built
            throw new UserError("--engine spark: this command line has no Spark in it; build the spark module (mvn -B package -DskipTests -pl spark -am) "
                    + "and run the sweep with bin/neuroai-spark, or submit its jar with spark-submit (see the README).");
        }
        if (!engine.equals("local")) {
            throw new UserError("--engine: '" + engine + "' is not an engine; valid are local and spark.");
        }
        if (o.master != null) {
            throw new UserError("--master: only a sweep with --engine spark has a Spark master; leave --master out or add --engine spark.");
        }
        Map<String, List<String>> g = o.grid();
        RunSpec base = o.base();
        Path out = localFolder(o.out);
        PrintWriter pw = spec.commandLine().getOut();
        boolean talk = !o.quiet && !o.json;
        ProgressDisplay.Mode mode = ProgressDisplay.Mode.choose(o.quiet, o.json);
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
        }, o.resumeOnly, (s, dir, label) -> ProgressDisplay.run(s, dir, true, spec.commandLine().getErr(), mode, label, () -> { }));
        List<String> figures = g.keySet().stream().map(key -> out.resolve(SweepFigures.baseName(key)) + ".png").toList();
        o.report(pw, csv.toString(), figures, g.keySet(), counts[0], counts[1]);
        pw.flush();
        return 0;
    }

    /** The folder of an --out value: a path, or a file:// URI; another scheme is the Spark engine's. */
    static Path localFolder(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):").matcher(out);
        if (m.find()) {
            if (m.group(1).equalsIgnoreCase("file")) {
                try {
                    return Path.of(java.net.URI.create(out));
                } catch (IllegalArgumentException e) {
                    throw new UserError("--out: '" + out + "' is not a file URI; give a folder, or file:///ABSOLUTE/PATH.");
                }
            }
            throw new UserError("--out: " + out + " is not a folder of this machine; the local engine writes to a folder, and "
                    + m.group(1) + ":// takes --engine spark.");
        }
        return Path.of(out);
    }
}
