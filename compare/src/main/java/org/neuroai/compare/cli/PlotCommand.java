package org.neuroai.compare.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuroai.compare.Experiment;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroai plot RUN_DIR}: redraws a finished run's figures from its files, training nothing. */
@Command(name = "plot", description = "Redraw every figure of a finished run from its CSV files, without training.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by 'neuroai run'.")
    Path dir;

    @Spec
    CommandSpec spec;

    /**
     * The provenance.json of a run folder.
     *
     * @param dir the folder
     * @return its parsed provenance
     * @throws UserError when the folder holds no run or the file is not JSON
     */
    static JsonNode provenance(Path dir) {
        Path prov = dir.resolve("provenance.json");
        if (!Files.isRegularFile(prov)) {
            throw new UserError(dir + ": not a run folder (no provenance.json); give a folder written by 'neuroai run'.");
        }
        try {
            return new ObjectMapper().readTree(prov.toFile());
        } catch (IOException e) {
            throw new UserError(prov + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ").");
        }
    }

    @Override
    public Integer call() throws IOException {
        JsonNode p = provenance(dir);
        String name = p.at("/spec/experiment").asText("");
        if (p.has("comparison")) {
            org.neuroai.compare.charts.ComparisonRun.of(dir, p).draw();
        } else {
            Registry.get(Experiment.class, name, "experiment").redraw(dir, p);
        }
        spec.commandLine().getOut().println("redrew the figures of " + dir + " (" + name + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
