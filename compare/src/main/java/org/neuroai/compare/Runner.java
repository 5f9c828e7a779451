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
import org.neuroai.compare.files.OutputFolder;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.trace.Progress;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.Stats;

/**
 * Runs a spec: resolves the experiment and its settings, runs it into a scratch folder inside the
 * locked output folder, writes provenance, and only then puts the files in place (see
 * {@link OutputFolder}), so a failed run never leaves a half-written output and never touches a
 * file it did not write.
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
     * Runs a spec into a new or empty folder {@code out}.
     *
     * @param spec what to run
     * @param out the output folder; refused if it holds anything (see {@link #run(RunSpec, Path, boolean, java.util.function.Consumer)})
     * @return the result
     * @throws UserError for an unknown experiment, bad settings, bad data or an unusable output folder
     */
    public static Result run(RunSpec spec, Path out) {
        return run(spec, out, false, study -> { });
    }

    /**
     * Runs a spec into {@code out}, calling {@code started} once everything has been checked and
     * the data loaded, just before the run itself.
     *
     * @param spec what to run
     * @param out the output folder, new or empty
     * @param started called when the run starts, with its {@link org.neuroai.core.trace.Progress} tracked (for a display)
     * @return the result
     * @throws UserError for an unknown experiment, bad settings, bad data or an unusable output folder
     */
    public static Result run(RunSpec spec, Path out, Runnable started) {
        return run(spec, out, false, study -> started.run());
    }

    /**
     * Runs a spec into {@code out} through an {@link OutputFolder}: the folder must be new, empty,
     * or (with {@code replace}) hold an earlier run, of which only the files its manifest lists are
     * replaced; it is locked while the run writes, and the run appears in it whole or not at all.
     *
     * @param spec what to run
     * @param out the output folder
     * @param replace whether an earlier run in it may be replaced (--force)
     * @param started told the study once everything has been checked and the data loaded, just before the run itself
     * @return the result
     * @throws UserError for an unknown experiment, bad settings, bad data or an unusable output folder
     */
    public static Result run(RunSpec spec, Path out, boolean replace, java.util.function.Consumer<Study> started) {
        Experiment exp;
        try {
            exp = Experiments.get(spec.experiment());
        } catch (UserError e) {
            throw spec.lines().containsKey("experiment") ? new UserError(spec.where("experiment") + ": " + e.getMessage()) : e;
        }
        Params settings = resolve(exp, spec);
        try (OutputFolder folder = OutputFolder.open(out, "run", replace, "--out");
             DataFiles.Log dataLog = DataFiles.log()) {
            Study study = exp.study(settings);
            if (!exp.checksItsFootprint()) {
                checkRecording(study, spec.seeds(), exp);
            }
            String resolvedSpec = SpecWriter.yaml(exp, spec.seeds(), spec.firstSeed(), false, settings.asMap(),
                    "the resolved spec of this run (quick values included): neuroai run THIS_FILE --out DIR runs it again");
            return execute(spec, settings, study, folder, dataLog, exp, resolvedSpec, started);
        }
    }

    /** Bytes of one trace row read back into memory (its strings, numbers and the list holding it). */
    static final double ROW_BYTES = 160;

    /**
     * Refuses, before anything runs, a study whose traces could not be read back within the heap:
     * the rows of curves.csv (every measure of every learner at every checkpoint) and of
     * probes.csv (every probe index, and the training loss), over all seeds; the larger counts,
     * since the files are read one at a time for the statistics and figures.
     */
    static void checkRecording(Study study, int seeds, Experiment exp) {
        double curves = 0;
        double probes = 0;
        for (org.neuroai.compare.engine.Condition c : study.conditions()) {
            org.neuroai.core.engine.Schedule s = c.schedule();
            double learners = c.learners().size();
            curves += learners * Math.max(1, c.measures().size()) * times(s, org.neuroai.core.engine.Schedule.Record.METRICS);
            // the probes asked for, at their stride, and the training loss, recorded with them (or with the metrics when none is asked for)
            double indices = c.recording().probes().size() * (double) Math.max(1, c.recording().probeIndices());
            double stride = indices > 0 ? times(s, org.neuroai.core.engine.Schedule.Record.PROBES)
                    : times(s, org.neuroai.core.engine.Schedule.Record.METRICS);
            probes += learners * (indices + 1) * stride;
        }
        double rows = Math.max(curves, probes) * seeds;
        org.neuroai.core.Footprint f = new org.neuroai.core.Footprint();
        f.need("steps", String.format(java.util.Locale.ROOT, "%.3g", rows) + " rows of " + (curves >= probes ? "curves.csv" : "probes.csv")
                + " read back for the statistics and figures (" + seeds + " seed" + (seeds == 1 ? "" : "s") + " of " + exp.name()
                + " at these steps and strides)", rows * ROW_BYTES, org.neuroai.core.Footprint.Pool.HEAP);
        f.check(key -> "--set " + key);
    }

    /** How many times a schedule records one kind over a run. */
    private static double times(org.neuroai.core.engine.Schedule s, org.neuroai.core.engine.Schedule.Record kind) {
        long every = s.every().getOrDefault(kind, org.neuroai.core.engine.Schedule.NEVER);
        if (every == org.neuroai.core.engine.Schedule.NEVER) {
            return 0;
        }
        return every == org.neuroai.core.engine.Schedule.AT_END ? 1 : (double) s.length() / every + 1;
    }

    private static Result execute(RunSpec spec, Params settings, Study study, OutputFolder folder, DataFiles.Log dataLog, Experiment exp,
                                  String resolvedSpec, java.util.function.Consumer<Study> started) {
        Path scratch = folder.scratch();
        Map<String, String> figures;
        Map<String, String> failed = new LinkedHashMap<>();
        try {
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
            folder.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> failures = failed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        return new Result(folder.dir(), figures, settings, study.stepUnit(), failures);
    }
}
