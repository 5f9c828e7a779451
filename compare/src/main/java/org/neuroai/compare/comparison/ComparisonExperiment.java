package org.neuroai.compare.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.bio.network.Activation;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.Seeds;
import org.neuroai.compare.charts.ComparisonRun;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.PrincipalSubspace;
import org.neuroai.core.Reconstructor;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.SubspaceLearner;
import org.neuroai.core.Task;
import org.neuroai.core.WeightView;
import org.neuroai.core.linalg.Linalg;
import org.neuroai.core.metrics.PredictionMetrics;
import org.neuroai.core.metrics.SubspaceMetrics;
import org.neuroai.core.trace.CsvSink;
import org.neuroai.core.trace.Monitor;
import org.neuroai.core.trace.SeedOrderedTraces;

/**
 * Runs a {@link ComparisonSpec}: every learner on the same samples in the same order, one chunk of
 * {@code batch} samples at a time, seeds in parallel. At every checkpoint each learner is scored
 * on the task's held-out samples; chosen synapses, weight norms and weight histograms are
 * recorded at their strides; the figures are drawn from the files written.
 *
 * <p>Files: {@code curves.csv} (the metrics, and {@code norm.LAYER}, the mean norm of a unit's
 * incoming weights in each layer), {@code weights.csv} (at most {@code max_synapses} synapses per
 * learner and layer, evenly spread over the layer), {@code histograms.csv} (per learner and layer,
 * the count of weights in each of {@code bins} equal bins over the range; values outside count in
 * the end bins; index = bin), {@code fields.csv} (the first seed's final first-layer weights, for
 * receptive fields), {@code spec.yaml}, the spec as written, and on a task with class targets
 * (unless the spec says {@code baselines: false}) {@code baselines.csv} with each model's Tribuo
 * provenance in {@code baselines/}: Tribuo's linear classifiers fitted on the training samples and
 * scored on the held-out split ({@link TaskBaselines}), drawn as dashed lines on the accuracy panel.
 *
 * <p>Seeds: seed s orders the samples (the task's stream of seed s); learner i starts from the
 * weights of seed {@code weight_seed + i} when the spec fixes {@code weight_seed}, else of
 * {@link Seeds#weightSeed}(s) + i. Unsupervised layers on classification tasks are scored through a
 * ridge readout: a least-squares map from the layer's outputs (and a constant) to the targets,
 * fitted at each checkpoint on the first {@value #READOUT_SAMPLES} training samples of the seed.
 */
public final class ComparisonExperiment implements Experiment {
    /** Training samples the ridge readout is fitted on, at most. */
    static final int READOUT_SAMPLES = 2000;
    /** Units drawn as receptive fields, at most. */
    static final int FIELDS = 32;
    private final ComparisonSpec spec;

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

    @Override
    public Prepared prepare(Params settings, long[] seeds) {
        Map<String, Object> changed = new LinkedHashMap<>();
        for (ParamSpec p : settings()) {
            Object v = settings.asMap().get(p.name());
            if (!v.equals(p.defaultValue())) {
                changed.put(p.name(), v);
            }
        }
        return new Run(spec.plan(changed), seeds);
    }

    @Override
    public void redraw(Path runDir, JsonNode provenance) throws IOException {
        ComparisonRun.of(runDir, provenance).draw();
    }

    /** A checked run. */
    private final class Run implements Prepared {
        private final Plan plan;
        private final long[] seeds;

        Run(Plan plan, long[] seeds) {
            this.plan = plan;
            this.seeds = seeds;
        }

        @Override
        public Map<String, Object> run(Path out) throws IOException {
            int threads = Seeds.threads(plan.threads(), seeds.length);
            SeedOrderedTraces curves = new SeedOrderedTraces(out.resolve("curves.csv"), false);
            SeedOrderedTraces weights = new SeedOrderedTraces(out.resolve("weights.csv"), true);
            SeedOrderedTraces histograms = new SeedOrderedTraces(out.resolve(ComparisonRun.HISTOGRAMS_CSV), true);
            List<Monitor> monitors = new ArrayList<>();
            List<CsvSink> hists = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                monitors.add(new Monitor(curves.sinkFor(i), weights.sinkFor(i), plan.weightsEvery(), Map.of()));
                hists.add(histograms.sinkFor(i));
            }
            List<List<Learner>> finals = Seeds.inParallel(seeds, threads, (i, seed) -> {
                try (Monitor monitor = monitors.get(i); CsvSink hist = hists.get(i)) {
                    return runSeed(seed, monitor, hist);
                }
            });
            curves.join();
            weights.join();
            histograms.join();
            if (plan.imageSide() > 0) {
                writeFields(out.resolve(ComparisonRun.FIELDS_CSV), finals.get(0), seeds[0]);
            }
            Files.writeString(out.resolve("spec.yaml"), spec.text());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("comparison", facts(finals.get(0)));
            facts.put("threads", threads);
            if (!plan.baselines().isEmpty()) {
                facts.put("baselines", TaskBaselines.runAndWrite(plan, seeds[0], out));
            }
            ComparisonRun.of(out, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(facts)).draw();
            return facts;
        }

        /** What the figures need to be redrawn from the files alone. */
        private Map<String, Object> facts(List<Learner> learners) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", plan.name());
            c.put("description", description());
            c.put("task", plan.task().name());
            Map<String, Object> ls = new LinkedHashMap<>();
            for (int i = 0; i < learners.size(); i++) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("family", learners.get(i).family().name());
                l.put("model", plan.learners().get(i).model());
                l.put("readout", plan.learners().get(i).ridge() ? "ridge" : "none");
                ls.put(learners.get(i).name(), l);
            }
            c.put("learners", ls);
            c.put("metrics", plan.metrics());
            c.put("figures", plan.figures());
            c.put("presentations", plan.total());
            c.put("batch", plan.batch());
            c.put("in_epochs", plan.inEpochs());
            c.put("epoch_size", plan.epochSize());
            c.put("image_side", plan.imageSide());
            c.put("weight_seed", plan.weightSeed() == null ? "derived from each seed" : plan.weightSeed());
            c.put("histograms", Map.of("bins", plan.bins(), "low", plan.low(), "high", plan.high()));
            return c;
        }

        private List<Learner> runSeed(long seed, Monitor monitor, CsvSink hist) {
            long base = plan.weightSeed() != null ? plan.weightSeed() : Seeds.weightSeed(seed);
            List<Learner> learners = new ArrayList<>();
            for (int i = 0; i < plan.learners().size(); i++) {
                learners.add(plan.learners().get(i).build(plan.task().inputDim(), base + i));
            }
            List<Map<String, int[]>> chosen = new ArrayList<>();
            for (Learner l : learners) {
                chosen.add(choose(l.weights(), plan.maxSynapses()));
            }
            Batch readout = plan.learners().stream().anyMatch(Plan.LearnerPlan::ridge) ? readoutSamples(seed) : null;
            SampleStream stream = plan.task().stream(seed);
            record(learners, chosen, readout, seed, 0, monitor, hist, true);
            while (stream.position() < plan.total()) {
                Batch b = stream.next((int) Math.min(plan.batch(), plan.total() - stream.position()));
                for (Learner l : learners) {
                    l.learn(b);
                }
                long pos = stream.position();
                record(learners, chosen, readout, seed, pos, monitor, hist, pos == plan.total());
            }
            return learners;
        }

        /** The training samples a ridge readout is fitted on: the first of the seed's stream. */
        private Batch readoutSamples(long seed) {
            long n = plan.epochSize() > 0 ? Math.min(plan.epochSize(), READOUT_SAMPLES) : READOUT_SAMPLES;
            return plan.task().stream(seed).next((int) n);
        }

        private void record(List<Learner> learners, List<Map<String, int[]>> chosen, Batch readout, long seed, long step,
                            Monitor monitor, CsvSink hist, boolean last) {
            boolean eval = step % plan.evalEvery() == 0 || last;
            boolean histDue = step % plan.histEvery() == 0 || last;
            for (int i = 0; i < learners.size(); i++) {
                Learner l = learners.get(i);
                Plan.LearnerPlan lp = plan.learners().get(i);
                if (eval) {
                    monitor.metrics(l.name(), seed, step, metrics(l, lp, readout));
                }
                monitor.weights(l.name(), seed, step, l.weights(), chosen.get(i));
                if (histDue) {
                    histogram(l, seed, step, hist);
                }
            }
        }

        private Map<String, Double> metrics(Learner l, Plan.LearnerPlan lp, Batch readout) {
            Map<String, Double> m = new LinkedHashMap<>();
            Task task = plan.task();
            Split held = task.heldOut();
            Predictor p = lp.ridge() ? Ridge.fit(l, readout) : lp.rule() != null && !lp.rule().supervised() ? null
                    : l instanceof Predictor q ? q : null;
            boolean linearLayer = lp.rule() == null || (lp.activation() == Activation.LINEAR && !lp.bias());
            for (String metric : plan.metrics()) {
                switch (metric) {
                    case "accuracy" -> {
                        if (p != null) {
                            m.put(metric, PredictionMetrics.accuracy(p, held, 0.5));
                        }
                    }
                    case "mse" -> {
                        if (p != null) {
                            m.put(metric, PredictionMetrics.mse(p, held));
                        }
                    }
                    case "reconstruction_mse" -> {
                        if (l instanceof Reconstructor r && linearLayer) {
                            m.put(metric, SubspaceMetrics.reconstructionMse(r, held));
                        }
                    }
                    case "principal_angle_deg" -> {
                        if (l instanceof SubspaceLearner s && task instanceof PrincipalSubspace ps && linearLayer
                                && s.subspaceBasis().length < task.inputDim()) {
                            m.put(metric, SubspaceMetrics.principalAngleDeg(s, ps));
                        }
                    }
                    default -> throw new IllegalStateException(metric);
                }
            }
            WeightView v = l.weights();
            for (String g : layers(v)) {
                double[][] w = v.matrix(g);
                double sum = 0;
                for (double[] row : w) {
                    sum += Linalg.norm(row);
                }
                m.put(ComparisonRun.NORM_PREFIX + g, sum / w.length);
            }
            return m;
        }

        private void histogram(Learner l, long seed, long step, CsvSink hist) {
            WeightView v = l.weights();
            for (String g : layers(v)) {
                double[] counts = new double[plan.bins()];
                double width = (plan.high() - plan.low()) / plan.bins();
                for (double w : v.copy(g)) {
                    int b = (int) Math.floor((w - plan.low()) / width);
                    counts[Math.max(0, Math.min(plan.bins() - 1, b))]++;
                }
                for (int b = 0; b < counts.length; b++) {
                    hist.row(l.name(), seed, step, g, b, counts[b]);
                }
            }
        }

        /** The first seed's final first-layer weights, one tile per unit (the bias column dropped). */
        private void writeFields(Path file, List<Learner> learners, long seed) {
            int d = plan.task().inputDim();
            try (CsvSink sink = new CsvSink(file, true)) {
                for (Learner l : learners) {
                    double[][] w = l.weights().matrix("w");
                    if (w[0].length < d) {
                        continue;
                    }
                    for (int u = 0; u < Math.min(FIELDS, w.length); u++) {
                        for (int j = 0; j < d; j++) {
                            sink.row(l.name(), seed, plan.total(), "w", u * d + j, w[u][j]);
                        }
                    }
                }
            }
        }

        @Override
        public Map<String, String> figures() {
            Map<String, String> f = new LinkedHashMap<>();
            for (String name : plan.figures()) {
                boolean lines = name.equals("learning-curves") && !plan.baselines().isEmpty();
                f.put(ComparisonRun.base(name), ComparisonRun.caption(name)
                        + (lines ? "; dashed: Tribuo's linear classifiers fitted on the same training samples" : ""));
            }
            return f;
        }
    }

    /**
     * The layers of a learner worth drawing: its weight groups, without "w" when it repeats
     * "layer0" (networks name their first layer both ways), and without a network's bias vectors
     * ("bias0", ...), which are not synapses.
     */
    static List<String> layers(WeightView v) {
        List<String> g = new ArrayList<>(v.groups());
        g.removeIf(name -> name.matches("bias\\d+"));
        if (g.contains("layer0")) {
            g.remove("w");
        }
        return g;
    }

    /** Up to {@code max} synapses of each layer, evenly spread over its flat (row-major) indices. */
    static Map<String, int[]> choose(WeightView v, int max) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String g : layers(v)) {
            int[] s = v.shape(g);
            long n = (long) s[0] * s[1];
            int m = (int) Math.min(n, max);
            int[] idx = new int[m];
            for (int k = 0; k < m; k++) {
                idx[k] = (int) (k * n / m);
            }
            out.put(g, idx);
        }
        return out;
    }
}
