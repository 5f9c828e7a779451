package org.neuroai.compare.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.compare.engine.Seeds;
import org.neuroai.compare.files.Divergences;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.Described;
import org.neuroai.core.Learner;
import org.neuroai.core.Probeable;
import org.neuroai.core.UserError;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Divergence;
import org.neuroai.core.engine.Lanes;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.engine.TrainingLoop;
import org.neuroai.core.trace.CsvSink;
import org.neuroai.core.trace.Monitor;
import org.neuroai.core.trace.Progress;
import org.neuroai.core.trace.SeedOrderedTraces;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;
import org.neuroai.compare.files.Folders;

/**
 * Runs a {@link Study}: every seed, every condition, through the one {@link TrainingLoop}, and
 * writes what the run's figures and reports read: the four traces ({@link Traces}), each seed's
 * rows in a part file joined in seed order so the files do not depend on the number of threads,
 * and {@link LearnersFile}. Seeds run in parallel; in a study that asks for it
 * ({@link Study#sideBySide()}), the learners of a seed work side by side on the threads the seeds
 * leave over.
 */
public final class Engine {
    /** The probe of a learner's training loss, recorded in every study for the learners that have one. */
    public static final String LOSS = "loss";

    private Engine() {}

    /**
     * Runs a study into a folder.
     *
     * @param study what to run
     * @param seeds the seeds
     * @param out the (scratch) run folder
     * @return facts for the provenance: the run's description, the study's facts and the plug-in's
     * @throws IOException when a file cannot be written
     */
    public static Map<String, Object> run(Study study, long[] seeds, Path out) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = study.threads() == 0 ? cores : study.threads();
        int seedThreads = Seeds.threads(threads, seeds.length);
        int lanes = study.sideBySide() ? Math.max(1, threads / seedThreads) : 1;
        SeedOrderedTraces curves = new SeedOrderedTraces(out.resolve(Traces.CURVES), false);
        SeedOrderedTraces weights = new SeedOrderedTraces(out.resolve(Traces.WEIGHTS), true);
        SeedOrderedTraces probes = new SeedOrderedTraces(out.resolve(Traces.PROBES), true);
        SeedOrderedTraces histograms = new SeedOrderedTraces(out.resolve(Traces.HISTOGRAMS), true);
        List<Monitor> monitors = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            monitors.add(new Monitor(curves.sinkFor(i), weights.sinkFor(i), probes.sinkFor(i), histograms.sinkFor(i)));
        }
        study.plugin().start(out, seeds.clone());
        Map<String, String> reasons = java.util.Collections.synchronizedMap(new java.util.TreeMap<>());
        Seeds.inParallel(seeds, seedThreads, (i, seed) -> {
            try (Monitor monitor = monitors.get(i); Lanes l = Lanes.of(lanes)) {
                for (int k = 0; k < study.conditions().size(); k++) {
                    runCondition(study, study.conditions().get(k), seed, i, monitor, l, out.resolve(".lanes-" + i + "-" + k), reasons);
                }
                study.plugin().seedDone(seed, i, monitor);
            }
            return null;
        });
        curves.join();
        for (SeedOrderedTraces t : List.of(weights, probes, histograms)) {
            t.join();
        }
        for (String f : List.of(Traces.WEIGHTS, Traces.PROBES, Traces.HISTOGRAMS)) {
            Path p = out.resolve(f);
            if (Files.size(p) <= CsvSink.WEIGHTS_HEADER.length() + 1) {
                Files.delete(p);
            }
        }
        List<Described> described = new ArrayList<>();
        for (Condition c : study.conditions()) {
            c.learners().forEach(l -> described.add(l.described()));
        }
        LearnersFile.write(out, described);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("run", describe(study, seedThreads, lanes));
        if (!reasons.isEmpty()) {
            // why each learner was stopped; curves.csv marks where (Divergences)
            facts.put("diverged", new LinkedHashMap<>(reasons));
        }
        facts.putAll(study.facts());
        facts.putAll(study.plugin().finish(out));
        return facts;
    }

    /** What figures and reports need to know about the run, beside its files. */
    private static Map<String, Object> describe(Study study, int seedThreads, int lanes) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("step_unit", study.stepUnit());
        run.put("in_epochs", study.inEpochs());
        run.put("epoch_size", study.conditions().get(0).task().epochSize());
        run.put("metrics", study.metrics());
        run.put("figures", study.figures());
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Condition c : study.conditions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("task", c.task().name());
            m.put("length", c.schedule().length());
            m.put("batch", c.schedule().batch());
            m.put("step_offset", c.stepOffset());
            m.put("learners", c.learners().stream().map(LearnerSpec::name).toList());
            cs.add(m);
        }
        run.put("conditions", cs);
        run.put("seeds_at_once", seedThreads);
        run.put("learner_lanes", lanes);
        return run;
    }

    private static void runCondition(Study study, Condition c, long seed, int index, Monitor monitor, Lanes lanes, Path scratch,
                                     Map<String, String> reasons) throws IOException {
        Plugin.At at = new Plugin.At(seed, index, c);
        long base = Seeds.weightSeed(seed);
        List<Learner> learners = new ArrayList<>();
        List<LearnerSpec> specs = c.learners();
        long[] until = new long[specs.size()];
        for (int j = 0; j < specs.size(); j++) {
            LearnerSpec s = specs.get(j);
            Learner l = s.factory().build(new LearnerSpec.Birth(seed, base + j, c.task()));
            if (!l.name().equals(s.name())) {
                throw new IllegalStateException("learner '" + s.name() + "' was built with the name '" + l.name() + "'");
            }
            learners.add(l);
            until[j] = s.until() > 0 ? s.until() : c.schedule().length();
        }
        study.plugin().built(at, learners);
        TrainingLoop loop = new TrainingLoop(learners, until, c.schedule(), lanes);
        if (lanes.size() > 1 && learners.size() > 1) {
            // learners on several lanes record at their own pace into traces of their own, merged
            // afterwards in the order one lane would have written them: by step, then by learner
            List<Monitor> own = new ArrayList<>();
            Files.createDirectories(scratch);
            for (int j = 0; j < learners.size(); j++) {
                own.add(partMonitor(scratch, j));
            }
            try {
                loop.run(() -> c.task().stream(seed), new Recorder(c, seed, learners, specs, own, reasons));
            } finally {
                own.forEach(Monitor::close);
            }
            merge(scratch, learners.size(), monitor);
            Folders.deleteTree(scratch);
        } else {
            loop.run(() -> c.task().stream(seed), new Recorder(c, seed, learners, specs, java.util.Collections.nCopies(learners.size(),
                    monitor), reasons));
        }
        study.plugin().trained(at, learners, monitor);
    }

    /** A monitor of one learner on its lane, writing its four traces into part files. */
    private static Monitor partMonitor(Path dir, int learner) {
        return new Monitor(new CsvSink(part(dir, learner, Monitor.Trace.METRICS), false),
                new CsvSink(part(dir, learner, Monitor.Trace.WEIGHTS), true),
                new CsvSink(part(dir, learner, Monitor.Trace.PROBES), true),
                new CsvSink(part(dir, learner, Monitor.Trace.HISTOGRAMS), true));
    }

    private static Path part(Path dir, int learner, Monitor.Trace trace) {
        return dir.resolve(learner + "." + trace.name().toLowerCase(java.util.Locale.ROOT) + ".csv");
    }

    /**
     * Merges the learners' part files into the seed's monitor, trace by trace, in the order of one
     * lane: rows of an earlier step first, and at one step the learners in their order (each
     * learner's rows in the order it wrote them).
     */
    private static void merge(Path dir, int learners, Monitor into) throws IOException {
        for (Monitor.Trace trace : Monitor.Trace.values()) {
            List<java.io.BufferedReader> in = new ArrayList<>();
            TraceRow[] head = new TraceRow[learners];
            boolean withIndex = trace != Monitor.Trace.METRICS;
            try {
                for (int j = 0; j < learners; j++) {
                    java.io.BufferedReader r = Files.newBufferedReader(part(dir, j, trace));
                    r.readLine();
                    in.add(r);
                    head[j] = next(r, withIndex);
                }
                while (true) {
                    int best = -1;
                    for (int j = 0; j < learners; j++) {
                        if (head[j] != null && (best < 0 || head[j].step() < head[best].step())) {
                            best = j;
                        }
                    }
                    if (best < 0) {
                        break;
                    }
                    into.row(trace, head[best]);
                    head[best] = next(in.get(best), withIndex);
                }
            } finally {
                for (java.io.BufferedReader r : in) {
                    r.close();
                }
            }
        }
    }

    private static TraceRow next(java.io.BufferedReader r, boolean withIndex) throws IOException {
        String line = r.readLine();
        return line == null || line.isEmpty() ? null : TraceReader.parse(line, withIndex);
    }

    /** Records what is due at each boundary of one condition's loop, for one seed. */
    private static final class Recorder implements TrainingLoop.Listener {
        private final Condition c;
        private final long seed;
        private final List<Learner> learners;
        private final List<LearnerSpec> specs;
        private final List<Monitor> monitors;
        private final List<List<Measure>> measures = new ArrayList<>();
        private final List<Map<String, int[]>> synapses = new ArrayList<>();
        private final List<Map<String, int[]>> probes = new ArrayList<>();
        private final List<List<String>> histogramGroups = new ArrayList<>();
        private final long[] previous;
        private final String[] keys;
        private final Map<String, String> reasons;

        /**
         * @param monitors where each learner's rows go
         * @param reasons where a learner that diverged is told, with the step and why
         */
        Recorder(Condition c, long seed, List<Learner> learners, List<LearnerSpec> specs, List<Monitor> monitors,
                 Map<String, String> reasons) {
            this.c = c;
            this.reasons = reasons;
            this.seed = seed;
            this.learners = learners;
            this.specs = specs;
            this.monitors = monitors;
            this.previous = new long[learners.size()];
            this.keys = new String[learners.size()];
            java.util.Arrays.fill(previous, -1);
            Condition.Recording r = c.recording();
            for (int i = 0; i < learners.size(); i++) {
                Learner l = learners.get(i);
                List<Measure> ms = new ArrayList<>();
                for (var m : c.measures()) {
                    ms.add(m.get());
                }
                measures.add(ms);
                synapses.add(r.weights().apply(l));
                Map<String, int[]> chosen = new LinkedHashMap<>();
                if (l instanceof Probeable p) {
                    for (String name : r.probes()) {
                        Integer size = p.probes().get(name);
                        if (size != null) {
                            chosen.put(name, Monitor.spread(size, r.probeIndices()));
                        }
                    }
                }
                if (l instanceof Probeable p && p.probes().containsKey(LOSS) && !chosen.containsKey(LOSS)) {
                    // every study records the training loss of the learners that have one (a network's, through its listener)
                    chosen.put(LOSS, new int[] {0});
                }
                probes.add(chosen);
                if (l instanceof Probeable p) {
                    p.select(chosen.keySet());
                }
                histogramGroups.add(r.histograms() == null ? List.of() : r.histograms().groups().apply(l));
                keys[i] = c.name() + "\u0000" + l.name();
            }
        }

        @Override
        public void boundary(long step, int[] mine, TrainingLoop loop) {
            Schedule s = c.schedule();
            long written = step + c.stepOffset();
            String prefix = c.name().isEmpty() ? "" : c.name() + ".";
            for (int i : mine) {
                Learner l = learners.get(i);
                Monitor monitor = monitors.get(i);
                long until = loop.until(i);
                Progress.report(keys[i], seed, Math.min(step, until));
                boolean metricsDue = s.due(Record.METRICS, step, until);
                if (!metricsDue && !anyDue(s, step, until, i)) {
                    continue;
                }
                // a checkpoint: the learner is checked before anything of it is recorded
                Map<String, Double> m = new LinkedHashMap<>();
                Map<String, double[]> v = new LinkedHashMap<>();
                Map<String, Double> checked = new LinkedHashMap<>();
                if (metricsDue) {
                    Checkpoint at = new Checkpoint(step, previous[i], seed, c.task(), loop.trainingSeconds(i));
                    for (Measure measure : measures.get(i)) {
                        java.util.Set<String> before = new java.util.HashSet<>(m.keySet());
                        measure.measure(l, at, m, v);
                        for (Map.Entry<String, Double> e : m.entrySet()) {
                            if (!before.contains(e.getKey()) && !(Double.isNaN(e.getValue()) && measure.mayBeUndefined(e.getKey()))) {
                                checked.put(e.getKey(), e.getValue());
                            }
                        }
                    }
                    for (Map.Entry<String, double[]> e : v.entrySet()) {
                        for (double x : e.getValue()) {
                            if (Double.isInfinite(x)) {
                                checked.put(e.getKey(), x);
                                break;
                            }
                        }
                    }
                }
                if (l instanceof Probeable p && p.probes().containsKey(LOSS)) {
                    // a training loss is NaN until there is one (before the first step, in a phase without a loss)
                    double[] loss = new double[p.probes().get(LOSS)];
                    p.probe(LOSS, loss);
                    if (loss.length > 0 && Double.isInfinite(loss[0])) {
                        checked.put(LOSS, loss[0]);
                    }
                }
                String why = Divergence.of(l, checked);
                if (why != null) {
                    // the learner's records end here, with the mark: nothing it would report now is data
                    monitor.metrics(l.name(), seed, written, Map.of(c.metric(Divergences.METRIC), 1.0));
                    loop.stop(i, step);
                    Progress.report(keys[i], seed, until);
                    reasons.put(l.name() + " (seed " + seed + (c.name().isEmpty() ? "" : ", " + c.name()) + ")",
                            "step " + step + ": " + why);
                    continue;
                }
                if (metricsDue) {
                    List<String> only = specs.get(i).metrics();
                    if (only != null) {
                        m.keySet().retainAll(only);
                    }
                    monitor.metrics(l.name(), seed, written, prefixed(m));
                    monitor.vectors(l.name(), seed, written, prefixed(v));
                    previous[i] = step;
                }
                if (s.due(Record.WEIGHTS, step, until) && !synapses.get(i).isEmpty()) {
                    monitor.weights(l.name(), seed, written, l.weights(), synapses.get(i));
                }
                if (s.due(Record.PROBES, step, until) && !probes.get(i).isEmpty()) {
                    monitor.probes(l.name(), seed, written, (Probeable) l, probes.get(i), prefix);
                } else if (probes.get(i).containsKey(LOSS) && s.every().get(Record.PROBES) == Schedule.NEVER && lossDue(s, step, until)) {
                    monitor.probes(l.name(), seed, written, (Probeable) l, Map.of(LOSS, new int[] {0}), prefix);
                }
                Condition.Histograms h = c.recording().histograms();
                if (h != null && s.due(Record.HISTOGRAMS, step, until) && !histogramGroups.get(i).isEmpty()) {
                    monitor.histograms(l.name(), seed, written, l.weights(), histogramGroups.get(i), h.bins(), h.low(), h.high());
                }
            }
        }

        /** Whether a record other than the metrics is due for a learner at a step. */
        private boolean anyDue(Schedule s, long step, long until, int i) {
            return s.due(Record.WEIGHTS, step, until) && !synapses.get(i).isEmpty()
                    || s.due(Record.PROBES, step, until) && !probes.get(i).isEmpty()
                    || probes.get(i).containsKey(LOSS) && s.every().get(Record.PROBES) == Schedule.NEVER && lossDue(s, step, until)
                    || c.recording().histograms() != null && s.due(Record.HISTOGRAMS, step, until) && !histogramGroups.get(i).isEmpty();
        }

        /**
         * When the training loss is due in a condition that records no probes: with the metrics, or at
         * the learner's end when it records no metrics either.
         */
        private static boolean lossDue(Schedule s, long step, long until) {
            return s.every().get(Record.METRICS) != Schedule.NEVER ? s.due(Record.METRICS, step, until) : step == until;
        }

        private <V> Map<String, V> prefixed(Map<String, V> m) {
            if (c.name().isEmpty()) {
                return m;
            }
            Map<String, V> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(c.metric(k), v));
            return out;
        }
    }

    /**
     * Checks a probe name against the learners of a study, for specs: every name must be offered
     * by at least one learner.
     *
     * @param names the probes asked for
     * @param offered each learner's name to the probes it offers
     * @param where the file and key, for the message
     * @throws UserError naming a probe no learner offers, and what is offered
     */
    public static void checkProbes(List<String> names, Map<String, java.util.Set<String>> offered, String where) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        offered.values().forEach(all::addAll);
        for (String n : names) {
            if (!all.contains(n)) {
                throw new UserError(where + ": no learner offers a probe named '" + n + "'; valid probes here are: "
                        + (all.isEmpty() ? "none" : String.join(", ", all)) + ".");
            }
        }
    }
}
