package org.neuroai.compare.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.charts.Render;
import org.neuroai.compare.charts.SweepFigures;
import org.neuroai.compare.charts.Theme;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai plot DIR}: redraws a finished run's figures from its files, training nothing; or,
 * for a sweep folder, the sweep's summary figures from its {@code sweep.csv}. {@code --theme} and
 * {@code --format} choose how they look and which files are written.
 */
@Command(name = "plot", description = "Redraw every figure of a finished run (or the summary figures of a sweep) from its CSV files, without training.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by 'neuroai run' or 'neuroai sweep'.")
    Path dir;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "print",
            description = "print (default: white, sized for a column of a paper or post), slides (larger text, thicker lines) or dark.")
    String theme;

    @Option(names = "--format", paramLabel = "FORMATS", defaultValue = "png,svg,pdf",
            description = "Comma-separated formats to write: any of png, svg, pdf (default: all three).")
    String format;

    @Option(names = "--metric", paramLabel = "METRIC",
            description = "For a sweep folder: the metric to draw (default: the experiment's main metric, the first in sweep.csv).")
    String metric;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Render render = new Render(Theme.parse(theme), Render.formats(format));
        if (!Files.isRegularFile(dir.resolve("provenance.json"))) {
            if (Files.isRegularFile(dir.resolve(SweepFigures.CSV))) {
                render.using(() -> SweepFigures.draw(dir, metric));
                say("redrew the sweep figures of " + dir);
                return 0;
            }
            throw new UserError(dir + ": not a run folder (no provenance.json) nor a sweep folder (no " + SweepFigures.CSV
                    + "); give a folder written by 'neuroai run' or 'neuroai sweep'.");
        }
        if (metric != null) {
            throw new UserError("--metric: only for a sweep folder; " + dir + " is a run folder.");
        }
        JsonNode p = org.neuroai.compare.Report.provenance(dir);
        String name = p.at("/spec/experiment").asText("");
        render.using(() -> {
            if (p.has("comparison")) {
                org.neuroai.compare.charts.ComparisonRun.of(dir, p).draw();
            } else {
                Registry.get(Experiment.class, name, "experiment").redraw(dir, p);
            }
            return null;
        });
        say("redrew the figures of " + dir + " (" + name + ")");
        return 0;
    }

    private void say(String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }
}
