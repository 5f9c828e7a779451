package org.neuroai.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neuroai.core.Params;
import org.neuroai.core.Provenance;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import org.neuroai.core.data.DataFiles;
import org.neuroai.core.RunSpec;
import org.neuroai.compare.engine.Engine;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.Folders;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.trace.Progress;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.Stats;

/**
 * Runs a spec: resolves the experiment and its settings, runs it into a scratch folder beside
 * the output, writes provenance, and only then puts the folder in place, so a failed run never
 * leaves a half-written output.
 */
public final class Runner {
    private Runner() {}

    /**
     * What a finished run produced.
     *
     * @param out the output folder
     * @param figures figure base names with captions
     * @param settings the resolved settings
     * @param stepUnit what the traces' step column counts
     * @param failed figures that could not be drawn, one line each (the run's files are kept)
     */
    public record Result(Path out, Map<String, String> figures, Params settings, String stepUnit, List<String> failed) {}

    /** Resolves the settings of a spec against its experiment (quick defaults, then the user's values). */
    public static Params resolve(Experiment exp, RunSpec spec) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (spec.quick()) {
            merged.putAll(exp.quickSettings());
        }
        merged.putAll(spec.settings());
        return Params.resolve(exp.settings(), merged, key -> spec.where("set." + key));
    }

    /**
     * Runs a spec into {@code out}.
     *
     * @param spec what to run
     * @param out the output folder; replaced if it holds an earlier run, refused if it holds anything else
     * @return the result
     * @throws UserError for an unknown experiment, bad settings, bad data or an unusable output folder
     */
    public static Result run(RunSpec spec, Path out) {
        return run(spec, out, () -> { });
    }

    /**
     * Runs a spec into {@code out}, calling {@code started} once everything has been checked and
     * the data loaded, just before the run itself.
     *
     * @param spec what to run
     * @param out the output folder
     * @param started called when the run starts, with its {@link org.neuroai.core.trace.Progress} tracked (for a display)
     * @return the result
     * @throws UserError for an unknown experiment, bad settings, bad data or an unusable output folder
     */
    public static Result run(RunSpec spec, Path out, Runnable started) {
        return run(spec, out, study -> started.run());
    }

    /**
     * Runs a spec into {@code out}, telling {@code started} the study once everything has been
     * checked and the data loaded, just before the run itself.
     *
     * @param spec what to run
     * @param out the output folder
     * @param started called when the run starts, with its {@link org.neuroai.core.trace.Progress} tracked (for a display)
     * @return the result
     * @throws UserError for an unknown experiment, bad settings, bad data or an unusable output folder
     */
    public static Result run(RunSpec spec, Path out, java.util.function.Consumer<Study> started) {
        Experiment exp;
        try {
            exp = Experiments.get(spec.experiment());
        } catch (UserError e) {
            throw spec.lines().containsKey("experiment") ? new UserError(spec.where("experiment") + ": " + e.getMessage()) : e;
        }
        Params settings = resolve(exp, spec);
        checkOutput(out);
        try (DataFiles.Log dataLog = DataFiles.log()) {
            Study study = exp.study(settings);
            String resolvedSpec = SpecWriter.yaml(exp, spec.seeds(), spec.firstSeed(), false, settings.asMap(),
                    "the resolved spec of this run (quick values included): neuroai run THIS_FILE --out DIR runs it again");
            return execute(spec, settings, study, out, dataLog, exp, resolvedSpec, started);
        }
    }

    private static Result execute(RunSpec spec, Params settings, Study study, Path out, DataFiles.Log dataLog, Experiment exp,
                                  String resolvedSpec, java.util.function.Consumer<Study> started) {
        Path abs = out.toAbsolutePath().normalize();
        Path scratch = abs.resolveSibling(abs.getFileName() + ".partial-" + ProcessHandle.current().pid());
        Map<String, String> figures;
        Map<String, String> failed = new LinkedHashMap<>();
        try {
            Folders.deleteTree(scratch);
            Files.createDirectories(scratch);
            long t0 = System.nanoTime();
            Map<String, Object> facts;
            Progress progress = Progress.begin(study.workPerSeed() * spec.seeds());
            try {
                started.accept(study);
                facts = new LinkedHashMap<>();
                facts.put("description", exp.description());
                facts.putAll(Engine.run(study, spec.seedList(), scratch));
            } finally {
                progress.end();
            }
            facts.put("wall_seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
            Map<String, Object> resolved = spec.asMap();
            resolved.put("set", settings.asMap());
            Provenance.write(scratch.resolve("provenance.json"), Provenance.collect(resolved, dataLog.files(), facts));
            if (Files.isRegularFile(scratch.resolve("curves.csv"))) {
                Stats.write(TraceReader.read(scratch.resolve("curves.csv"), r -> true), scratch.resolve("stats.csv"));
            }
            if (!Files.exists(scratch.resolve("spec.yaml"))) {
                // an experiment built from a spec file keeps that file as it was written
                Files.writeString(scratch.resolve("spec.yaml"), resolvedSpec);
            }
            figures = Figures.drawAll(RunFolder.open(scratch), failed);
            Report.write(scratch, exp.description(), figures, failed, study.stepUnit());
            Folders.deleteTree(abs);
            Files.move(scratch, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Folders.deleteTree(scratch);
            } catch (IOException e) {
                // leave it; the next run removes it
            }
        }
        List<String> failures = failed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        return new Result(abs, figures, settings, study.stepUnit(), failures);
    }

    private static void checkOutput(Path out) {
        if (Files.isRegularFile(out)) {
            throw new UserError(out + ": --out must be a folder, but this is a file.");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                boolean empty = s.findAny().isEmpty();
                if (!empty && !Files.isRegularFile(out.resolve("provenance.json"))) {
                    throw new UserError(out + ": --out folder is not empty and holds no earlier run "
                            + "(no provenance.json); choose an empty or new folder.");
                }
            } catch (IOException e) {
                throw new UserError(out + ": cannot read the --out folder (" + e.getMessage() + ").");
            }
        }
    }

}
