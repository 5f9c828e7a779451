package org.neuroai.compare.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.charts.Render;
import org.neuroai.compare.charts.Theme;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.LandscapeFiles;
import org.neuroai.compare.files.Manifest;
import org.neuroai.compare.files.RunFolder;
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
 * nothing. It writes the files of {@link LandscapeFiles} and draws every registered figure that
 * reads them; {@code neuroai plot} redraws those figures from the files alone.
 */
@Command(name = "landscape", description = "Compute the loss landscapes of a finished pca or xor run from its weights.csv "
        + "(landscape_*.csv: the loss on the line from initial to final weights, on a random plane and on the plane of the "
        + "trajectory's principal components; Li et al. 2018) and draw the registered figures that read them.")
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

    @Option(names = "--format", paramLabel = "FORMATS", defaultValue = "png,svg,pdf",
            description = "Comma-separated figure formats: any of png, svg, pdf (default: all three).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (grid < 5 || grid > 401) {
            throw new UserError("option --grid: " + grid + " points per side; valid is an integer in [5, 401].");
        }
        if (!(span > 0) || Double.isInfinite(span)) {
            throw new UserError("option --span: " + span + "; valid is a positive number.");
        }
        Render render = new Render(Theme.PRINT, Render.formats(format));
        RunFolder run = RunFolder.open(dir);
        Path prov = run.file(RunFolder.PROVENANCE);
        String name = run.experiment();
        Experiment exp = Experiments.get(name);
        Params settings = Experiment.settingsOf(exp, run.provenance(), dir);
        List<Surface> all = exp.landscapes(settings);
        if (all.isEmpty()) {
            throw new UserError(prov + ": a run of '" + name + "', which has no loss landscapes; valid are runs of: "
                    + String.join(", ", Registry.all(Experiment.class).stream().filter(LandscapeCommand::hasLandscapes)
                            .map(Experiment::name).toList()) + ".");
        }
        List<Surface> chosen = Landscapes.select(all, learner, prov.toString());
        List<Figure> figures = landscapeFigures();
        for (Figure f : figures) {
            List<String> lacking = new ArrayList<>(Figures.missing(f, run));
            lacking.removeAll(LandscapeFiles.ALL);
            if (!lacking.isEmpty()) {
                throw new UserError(dir + ": figure '" + f.name() + "' of the landscapes reads " + String.join(", ", lacking)
                        + ", which this run lacks; give a whole folder written by 'neuroai run'.");
            }
        }
        long s = seed != null ? seed : run.firstSeed();
        List<Path> written = new ArrayList<>(Landscapes.write(dir, chosen, new Landscapes.Options(s, grid, span)));
        for (Exception e : render.using(() -> Figures.drawEach(figures, run))) {
            if (e != null) {
                throw e;
            }
        }
        for (Figure f : figures) {
            for (Render.Format x : Render.Format.values()) {
                if (render.formats().contains(x)) {
                    written.add(dir.resolve(f.file() + "." + x.extension()));
                }
            }
        }
        Manifest.add(dir, written);
        PrintWriter out = spec.commandLine().getOut();
        for (Path w : written) {
            out.println("wrote " + w);
        }
        out.flush();
        return 0;
    }

    /** The registered figures that read the landscape files. */
    static List<Figure> landscapeFigures() {
        Set<String> files = new LinkedHashSet<>(LandscapeFiles.ALL);
        return Figures.all().stream().filter(f -> f.reads().stream().anyMatch(files::contains)).toList();
    }

    private static boolean hasLandscapes(Experiment e) {
        try {
            return !e.landscapes(Params.resolve(e.settings(), Map.of(), "defaults")).isEmpty();
        } catch (UserError ex) {
            return false;
        }
    }
}
