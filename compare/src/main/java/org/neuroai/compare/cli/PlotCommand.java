package org.neuroai.compare.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neuroai.compare.charts.Render;
import org.neuroai.compare.charts.SweepFigures;
import org.neuroai.compare.charts.Theme;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.Manifest;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai plot DIR}: redraws a finished run's figures from its files, training nothing: the
 * figures the run names and those drawn into its folder later ({@link Figures#ofRun}); with
 * {@code --figure NAME} (repeatable), any registered figure the run has the files for; for a sweep
 * folder, the sweep's summary figures from its {@code sweep.csv}. {@code --theme} and
 * {@code --format} choose how they look and which files are written.
 */
@Command(name = "plot", description = "Redraw the figures of a finished run (or any registered figure it has the files for, or the "
        + "summary figures of a sweep) from its CSV files, without training.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by 'neuroai run' or 'neuroai sweep'.")
    Path dir;

    @Option(names = "--figure", paramLabel = "NAME",
            description = "A registered figure to draw (see 'neuroai list'); repeatable. Default: the figures the run drew, "
                    + "and any drawn into its folder later (by 'neuroai landscape' or 'plot --figure').")
    List<String> figures = new ArrayList<>();

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
        if (!Files.isRegularFile(dir.resolve(RunFolder.PROVENANCE))) {
            if (Files.isRegularFile(dir.resolve(SweepFigures.CSV))) {
                if (!figures.isEmpty()) {
                    throw new UserError("--figure: only for a run folder; " + dir + " is a sweep folder.");
                }
                render.using(() -> SweepFigures.draw(dir, metric));
                try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                    Manifest.add(dir, files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList());
                }
                say("redrew the sweep figures of " + dir);
                return 0;
            }
            throw new UserError(dir + ": not a run folder (no " + RunFolder.PROVENANCE + ") nor a sweep folder (no " + SweepFigures.CSV
                    + "); give a folder written by 'neuroai run' or 'neuroai sweep'.");
        }
        if (metric != null) {
            throw new UserError("--metric: only for a sweep folder; " + dir + " is a run folder.");
        }
        RunFolder run = RunFolder.open(dir);
        List<Figure> chosen = new ArrayList<>();
        if (figures.isEmpty()) {
            chosen.addAll(Figures.ofRun(run));
        }
        for (String name : figures) {
            Figure f = Figures.get(name);
            for (String own : run.figures()) {
                Figure o = Figures.get(own);
                if (!o.name().equals(f.name()) && o.file().equals(f.file())) {
                    throw new UserError("--figure: figure '" + f.name() + "' is saved as " + f.file() + ", which is figure '"
                            + o.name() + "' of this run; drawing it would overwrite that one. Figures of this run: "
                            + String.join(", ", run.figures()) + ".");
                }
            }
            chosen.add(f);
        }
        for (Figure f : chosen) {
            Figures.requireFiles(f, run);
        }
        List<Exception> outcomes = render.using(() -> Figures.drawEach(chosen, run));
        for (Exception e : outcomes) {
            if (e != null) {
                throw e;
            }
        }
        List<Path> drawn = new ArrayList<>();
        for (Figure f : chosen) {
            for (Render.Format x : render.formats()) {
                drawn.add(Path.of(f.file() + "." + x.extension()));
            }
        }
        Manifest.add(dir, drawn);
        say("redrew " + String.join(", ", chosen.stream().map(f -> f.file()).toList()) + " of " + dir + " (" + run.experiment() + ")");
        return 0;
    }

    private void say(String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }
}
