package org.neuroai.compare.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.Report;
import org.neuroai.core.Registry;
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
        String name = Report.experimentOf(dir);
        com.fasterxml.jackson.databind.JsonNode comparison = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("provenance.json").toFile()).get("comparison");
        if (comparison != null) {
            Report.write(dir, comparison.path("description").asText(name), Report.figuresIn(dir), "presentations");
        } else {
            Experiment exp = Registry.get(Experiment.class, name, "experiment");
            Report.write(dir, exp.description(), Report.figuresIn(dir), exp.stepUnit());
        }
        spec.commandLine().getOut().println("wrote " + dir.resolve("report.md") + " and report.html");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
