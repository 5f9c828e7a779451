package org.neuroai.compare.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neuroai.bio.Activation;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.files.Fields;
import org.neuroai.compare.files.Histograms;
import org.neuroai.compare.measures.FiringRates;
import org.neuroai.compare.measures.HeldOut;
import org.neuroai.compare.measures.LayerNorms;
import org.neuroai.core.Batch;
import org.neuroai.core.Described;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.trace.CsvSink;
import org.neuroai.core.trace.Monitor;

/**
 * A {@link ComparisonSpec} as an experiment: one condition, its task and learners, every learner
 * on the same samples in the same order, one chunk of {@code batch} samples at a time. At every
 * checkpoint each learner is scored on the task's held-out samples ({@link HeldOut}) and its
 * weight norms recorded ({@link LayerNorms}); chosen synapses, probes and weight histograms are
 * recorded at their strides; the figures the spec names are drawn from the files written.
 *
 * <p>Files besides the traces: {@code fields.csv} (the first seed's final first-layer weights, for
 * receptive fields), {@code spec.yaml}, the spec as written, and on a task with class targets
 * (unless the spec says {@code baselines: false}) {@code baselines.csv} with each model's Tribuo
 * provenance in {@code baselines/}: Tribuo's linear classifiers fitted on the training samples and
 * scored on the held-out split ({@link TaskBaselines}), drawn as dashed lines on the accuracy panel.
 *
 * <p>On a task of spikes (steps are ms of simulated time) the learners are spiking networks, and
 * each records its firing rates over the window since its previous checkpoint ({@link FiringRates})
 * instead of held-out scores.
 *
 * <p>Seeds: seed s orders the samples (the task's stream of seed s); learner i starts from the
 * weights of seed {@code weight_seed + i} when the spec fixes {@code weight_seed}, else of the run's
 * weight seed + i. Unsupervised layers on classification tasks are scored through a ridge readout:
 * a least-squares map from the layer's outputs (and a constant) to the targets, fitted at each
 * checkpoint on the first {@value #READOUT_SAMPLES} training samples of the seed.
 */
public final class ComparisonExperiment implements Experiment {
    /** Training samples the ridge readout is fitted on, at most. */
    static final int READOUT_SAMPLES = 2000;
    private final ComparisonSpec spec;

    @Override
    public boolean checksItsFootprint() {
        // the spec's estimate, with the lines of its keys, was checked when it was read
        return true;
    }

    /** @param spec a checked spec */
    public ComparisonExperiment(ComparisonSpec spec) {
        this.spec = spec;
    }

    /** The spec. */
    public ComparisonSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.plan().name();
    }

    @Override
    public String description() {
        Plan p = spec.plan();
        if (!p.description().isEmpty()) {
            return p.description();
        }
        return String.join(" vs ", p.learners().stream().map(l -> l.name() + " (" + l.model() + ")").toList()) + " on task "
                + p.task().name();
    }

    @Override
    public List<ParamSpec> settings() {
        return spec.settings();
    }

    @Override
    public Map<String, Object> quickSettings() {
        Plan p = spec.plan();
        return Map.of(p.inEpochs() ? "epochs" : "steps", (int) Math.min(p.length(), p.quickLength()));
    }

    /** One epoch, or two checkpoints, without baselines, and whatever the spec's {@code smoke} adds. */
    @Override
    public Map<String, Object> smokeSettings() {
        Plan p = spec.plan();
        Map<String, Object> out = new LinkedHashMap<>(p.inEpochs() ? Map.of("epochs", 1, "baselines", false)
                : Map.of("steps", (int) Math.min(p.length(), 2 * p.evalEvery()), "baselines", false));
        out.putAll(spec.smokeSettings());
        return out;
    }

    @Override
    public Study study(Params settings) {
        Map<String, Object> changed = new LinkedHashMap<>();
        for (ParamSpec p : settings()) {
            Object v = settings.asMap().get(p.name());
            if (!v.equals(p.defaultValue())) {
                changed.put(p.name(), v);
            }
        }
        return study(spec.plan(changed));
    }

    /** The study of a checked plan. */
    private Study study(Plan plan) {
        int dim = plan.task().inputDim();
        Map<String, Plan.LearnerPlan> byName = new LinkedHashMap<>();
        List<LearnerSpec> learners = new ArrayList<>();
        for (int i = 0; i < plan.learners().size(); i++) {
            Plan.LearnerPlan lp = plan.learners().get(i);
            byName.put(lp.name(), lp);
            long offset = i;
            learners.add(LearnerSpec.of(lp.described(),
                    b -> lp.build(dim, plan.weightSeed() != null ? plan.weightSeed() + offset : b.weightSeed())));
        }
        Map<Record, Long> every = new java.util.EnumMap<>(Record.class);
        every.put(Record.METRICS, plan.evalEvery());
        every.put(Record.WEIGHTS, plan.weightsEvery());
        every.put(Record.HISTOGRAMS, plan.histEvery());
        every.put(Record.PROBES, plan.probesEvery());
        Schedule schedule = new Schedule(plan.total(), plan.batch(), every, true);
        boolean ridge = byName.values().stream().anyMatch(Plan.LearnerPlan::ridge);
        Supplier<Measure> heldOut = () -> new HeldOut(plan.metrics(), new Readouts(plan, byName, ridge)::of,
                l -> linearLayer(byName.get(l.name())));
        Condition.Recording recording = new Condition.Recording(
                l -> choose(l, plan.maxSynapses()), probes(plan), plan.probeIndices(),
                new Condition.Histograms(plan.bins(), plan.low(), plan.high(), l -> LayerNorms.layers(l.weights())));
        boolean spikes = plan.task().spiking();
        // a task of spikes holds nothing out: its spiking learners are scored by their rates
        List<Supplier<? extends Measure>> measures = spikes ? List.of(FiringRates::new, LayerNorms::new) : List.of(heldOut, LayerNorms::new);
        Condition condition = new Condition(plan.task(), learners, schedule, measures, recording);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("comparison", facts(plan));
        facts.put(Histograms.ENTRY, Map.of("bins", plan.bins(), "low", plan.low(), "high", plan.high()));
        if (plan.imageSide() > 0) {
            facts.put(Fields.ENTRY, Map.of("image_side", plan.imageSide()));
        }
        return new Study(List.of(condition), plan.metrics(), new Outputs(plan), plan.figures(), spikes ? "ms of simulated time" : "presentations",
                plan.inEpochs(),
                plan.threads(), facts);
    }

    /** The probes asked for, and the training loss of the networks, which every comparison records. */
    private static List<String> probes(Plan plan) {
        List<String> out = new ArrayList<>(plan.probes());
        if (!out.contains("loss")) {
            out.add(0, "loss");
        }
        return out;
    }

    /** A rule's layer counts as linear for reconstruction and subspace metrics; a network always does. */
    private static boolean linearLayer(Plan.LearnerPlan lp) {
        return lp == null || lp.rule() == null || (lp.activation() == Activation.LINEAR && !lp.bias());
    }

    /** What the provenance keeps of the plan. */
    private Map<String, Object> facts(Plan plan) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", plan.name());
        c.put("description", description());
        c.put("task", plan.task().name());
        Map<String, Object> ls = new LinkedHashMap<>();
        for (Plan.LearnerPlan lp : plan.learners()) {
            ls.put(lp.name(), Map.of("model", lp.model(), "readout", lp.ridge() ? "ridge" : "none"));
        }
        c.put("learners", ls);
        c.put("presentations", plan.total());
        c.put("batch", plan.batch());
        c.put("weight_seed", plan.weightSeed() == null ? "derived from each seed" : plan.weightSeed());
        return c;
    }

    /**
     * How each learner's predictions are scored: a supervised rule or a network as itself, an
     * unsupervised layer through a ridge readout fitted on the first training samples of the
     * seed's stream (drawn once per learner and seed), or not at all.
     */
    private static final class Readouts {
        private final Plan plan;
        private final Map<String, Plan.LearnerPlan> byName;
        private final boolean ridge;
        private Batch samples;

        Readouts(Plan plan, Map<String, Plan.LearnerPlan> byName, boolean ridge) {
            this.plan = plan;
            this.byName = byName;
            this.ridge = ridge;
        }

        Predictor of(Learner l, Checkpoint at) {
            Plan.LearnerPlan lp = byName.get(l.name());
            if (lp.ridge()) {
                if (samples == null) {
                    long n = plan.epochSize() > 0 ? Math.min(plan.epochSize(), READOUT_SAMPLES) : READOUT_SAMPLES;
                    samples = plan.task().stream(at.seed()).next((int) n);
                }
                return Ridge.fit(l, samples);
            }
            if (lp.rule() != null && !lp.rule().supervised()) {
                return null;
            }
            return l instanceof Predictor q ? q : null;
        }
    }

    /** Up to {@code max} synapses of each layer, evenly spread over its flat (row-major) indices. */
    static Map<String, int[]> choose(Learner l, int max) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String g : LayerNorms.layers(l.weights())) {
            int[] s = l.weights().shape(g);
            out.put(g, Monitor.spread((long) s[0] * s[1], max));
        }
        return out;
    }

    /** The spec file, the first seed's receptive fields and Tribuo's baselines. */
    private final class Outputs implements Plugin {
        private final Plan plan;
        private Path out;
        private long firstSeed;

        Outputs(Plan plan) {
            this.plan = plan;
        }

        @Override
        public void start(Path dir, long[] seeds) {
            out = dir;
            firstSeed = seeds[0];
        }

        @Override
        public void trained(At at, List<Learner> learners, Monitor monitor) {
            if (at.seedIndex() == 0) {
                if (plan.imageSide() > 0) {
                    writeFields(at.seed(), learners);
                }
            }
        }

        /** The final first-layer weights of the first units, one tile per unit (the bias column dropped). */
        private void writeFields(long seed, List<Learner> learners) {
            int d = plan.task().inputDim();
            try (CsvSink sink = new CsvSink(out.resolve(Fields.NAME), true)) {
                for (Learner l : learners) {
                    double[][] w = l.weights().matrix("w");
                    if (w[0].length < d) {
                        continue;
                    }
                    for (int u = 0; u < Math.min(Fields.UNITS, w.length); u++) {
                        for (int j = 0; j < d; j++) {
                            sink.row(l.name(), seed, plan.total(), "w", u * d + j, w[u][j]);
                        }
                    }
                }
            }
        }

        @Override
        public Map<String, Object> finish(Path dir) throws IOException {
            Files.writeString(dir.resolve("spec.yaml"), spec.text());
            if (plan.baselines().isEmpty()) {
                return Map.of();
            }
            return Map.of("baselines", TaskBaselines.runAndWrite(plan, firstSeed, dir));
        }
    }
}
