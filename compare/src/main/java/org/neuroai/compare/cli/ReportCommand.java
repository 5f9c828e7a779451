package org.neuroai.compare.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuroai.compare.Report;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroai report RUN_DIR}: rebuilds a run's report.md and report.html from its files. */
@Command(name = "report", description = "Rebuild a finished run's report.md and self-contained report.html from its files.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by 'neuroai run'.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunFolder run = RunFolder.open(dir);
        Report.write(dir, run.provenance().path("description").asText(run.experiment()), Figures.captions(run), java.util.Map.of(), run.stepUnit());
        org.neuroai.compare.files.Manifest.add(dir, java.util.List.of(Path.of("report.md"), Path.of("report.html")));
        spec.commandLine().getOut().println("wrote " + dir.resolve("report.md") + " and report.html");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
