package org.neuroai.compare.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.landscape.Landscapes;
import org.neuroai.compare.landscape.Surface;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai landscape RUN_DIR}: the loss landscapes of a finished run, computed from its
 * provenance.json (experiment and settings) and weights.csv (the weight trajectories), training
 * nothing.
 */
@Command(name = "landscape", description = "Draw the loss landscapes of a finished pca or xor run from its weights.csv: "
        + "the loss on the line from initial to final weights, on a random plane and on the plane of the trajectory's "
        + "principal components (Li et al. 2018).")
final class LandscapeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by 'neuroai run' (pca or xor).")
    Path dir;

    @Option(names = "--learner", paramLabel = "NAME", description = "Only this learner's landscape (default: every learner that has one).")
    String learner;

    @Option(names = "--seed", paramLabel = "S", description = "The run seed whose trajectories are drawn; it also seeds the "
            + "random directions (default: the run's first seed).")
    Long seed;

    @Option(names = "--grid", paramLabel = "N", description = "Points per side of the 2-D grids, 5 to 401 (default: 41).")
    int grid = Landscapes.Options.GRID;

    @Option(names = "--span", paramLabel = "R", description = "The random plane covers [-R, R] squared, in units of the "
            + "filter-normalised directions (default: 1).")
    double span = Landscapes.Options.SPAN;

    @Option(names = "--format", paramLabel = "F", split = ",", description = "Figure formats among png, svg, pdf (default: all three).")
    List<String> formats = List.of("png", "svg", "pdf");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path prov = dir.resolve("provenance.json");
        if (grid < 5 || grid > 401) {
            throw new UserError("option --grid: " + grid + " points per side; valid is an integer in [5, 401].");
        }
        if (!(span > 0) || Double.isInfinite(span)) {
            throw new UserError("option --span: " + span + "; valid is a positive number.");
        }
        Set<String> fmt = new LinkedHashSet<>();
        for (String f : formats) {
            if (!PanelFigure.FORMATS.contains(f.trim())) {
                throw new UserError("option --format: unknown format '" + f.trim() + "'; valid are: png, svg, pdf.");
            }
            fmt.add(f.trim());
        }
        JsonNode p = org.neuroai.compare.Report.provenance(dir);
        String name = p.at("/spec/experiment").asText("");
        Experiment exp = Registry.get(Experiment.class, name, "experiment");
        Params settings = Experiment.settingsOf(exp, p, dir);
        List<Surface> all = exp.landscapes(settings);
        if (all.isEmpty()) {
            throw new UserError(prov + ": a run of '" + name + "', which has no loss landscapes; valid are runs of: "
                    + String.join(", ", Registry.all(Experiment.class).stream().filter(LandscapeCommand::hasLandscapes)
                            .map(Experiment::name).toList()) + ".");
        }
        List<Surface> chosen = Landscapes.select(all, learner, prov.toString());
        long s = seed != null ? seed : p.at("/spec/first_seed").asLong(0);
        List<Path> written = Landscapes.write(dir, chosen, new Landscapes.Options(s, grid, span, fmt), name);
        PrintWriter out = spec.commandLine().getOut();
        for (Path w : written) {
            out.println("wrote " + w);
        }
        out.flush();
        return 0;
    }

    private static boolean hasLandscapes(Experiment e) {
        try {
            return !e.landscapes(Params.resolve(e.settings(), Map.of(), "defaults")).isEmpty();
        } catch (UserError ex) {
            return false;
        }
    }
}
