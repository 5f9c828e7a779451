package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.networks.SpikingNetwork;
import org.neuroai.bio.spiking.tasks.PoissonTask;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.files.Histograms;
import org.neuroai.compare.files.RasterFile;
import org.neuroai.compare.measures.FiringRates;
import org.neuroai.compare.measures.WeightShares;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.trace.Monitor;

/**
 * Competitive Hebbian learning through STDP (S. Song, K. D. Miller &amp; L. F. Abbott 2000,
 * "Competitive Hebbian learning through spike-timing-dependent synaptic plasticity", Nat.
 * Neurosci. 3:919-926): 1000 excitatory Poisson inputs ({@link PoissonTask}) drive one
 * conductance-based LIF neuron ({@link SpikingNetwork}) through synapses that learn by a spike
 * rule, by default additive, hard-bounded pair STDP ({@code stdp-pair}, preset {@code brian2-song-2000}).
 * Starting from uniform weights, depression that slightly outweighs potentiation
 * (A_−/A_+ = 1.05) pushes most weights to 0 or to w_max: the distribution becomes bimodal, and the
 * output rate falls. Any registered spike rule can take its place ({@code rule}, {@code preset},
 * and each rule's parameters as settings {@code RULE.PARAM}).
 *
 * <p>Each run seed simulates one network: its initial weights and input trains follow from the
 * seed. Every {@code snapshot_s}, with step = simulated time in ms, the run records
 * {@code output_rate_hz} and {@code input_rate_hz} over the window since the previous snapshot
 * ({@link FiringRates}), {@code mean_weight}, {@code fraction_weak} and {@code fraction_strong}
 * ({@link WeightShares}) to curves.csv; the count of synapses in each of {@code bins} bins over
 * [0, w_max] to histograms.csv; the weights of {@code weight_sample} synapses to weights.csv. The
 * spikes of a sample of inputs and of the output neuron in the first and the last
 * {@code raster_s} of the first seed go to spikes.csv ({@link RasterFile}).
 */
public final class StdpBalanceExperiment implements Experiment {
    /** The setting that names the synapses' spike rule. */
    private static final String RULE = "rule";
    /** The setting that names the rule's preset. */
    private static final String PRESET = "preset";

    @Override
    public String name() {
        return "stdp-balance";
    }

    @Override
    public String description() {
        return "Song, Miller & Abbott 2000: STDP from 1000 Poisson inputs onto a LIF neuron makes the weights bimodal (any spike rule)";
    }

    @Override
    public String mainMetric() {
        return FiringRates.OUTPUT;
    }

    @Override
    public List<ParamSpec> settings() {
        List<String> rules = Registry.all(SpikeRule.class).stream().map(SpikeRule::name).toList();
        List<ParamSpec> all = new ArrayList<>(List.of(
                ParamSpec.positive("duration_s", 100, 1e6, "s", "simulated time"),
                ParamSpec.positive("snapshot_s", 1, 1e6, "s",
                        "time between snapshots of the weights and length of a rate window; a whole number of ms"),
                ParamSpec.integer("bins", 20, 2, 1000, "bins of the weight histograms over [0, w_max]"),
                ParamSpec.integer("weight_sample", 50, 0, 1_000_000, "synapses whose weights go to weights.csv, evenly spaced"),
                ParamSpec.real("raster_s", 1, 0, 60, "s", "length of the first and of the last stretch of the first seed whose spikes "
                        + "go to spikes.csv and the raster figure; 0: none"),
                ParamSpec.integer("raster_inputs", 60, 1, 10_000, "inputs in the raster, evenly spaced"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"),
                ParamSpec.choice(RULE, "stdp-pair", rules, "the synapses' spike rule"),
                ParamSpec.text(PRESET, "", "a preset of the rule; empty: the rule's default preset (" + presets() + ")")));
        all.addAll(Registry.get(org.neuroai.core.TaskFactory.class, "poisson", "task").parameters());
        for (ParamSpec p : SpikingNetwork.parameters()) {
            if (!p.name().equals("neurons")) {
                all.add(p);
            }
        }
        for (SpikeRule r : Registry.all(SpikeRule.class)) {
            for (ParamSpec p : SpikingNetwork.synapseParameters(r)) {
                all.add(new ParamSpec(r.name() + "." + p.name(), p.defaultValue(), p.min(), p.minExclusive(), p.max(), p.choices(),
                        p.unit(), "with rule " + r.name() + ": " + p.description() + "; a value other than this default replaces "
                        + "the preset's"));
            }
        }
        return List.copyOf(all);
    }

    /** Every rule's presets, its default first, for the description of the setting. */
    private static String presets() {
        List<String> out = new ArrayList<>();
        for (SpikeRule r : Registry.all(SpikeRule.class)) {
            if (!r.presets().isEmpty()) {
                List<String> names = new ArrayList<>(List.of(r.defaultPreset()));
                r.presets().keySet().stream().filter(n -> !n.equals(r.defaultPreset())).sorted().forEach(names::add);
                out.add(r.name() + ": " + String.join(", ", names));
            }
        }
        return String.join("; ", out);
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("duration_s", 30.0);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("duration_s", 2.0, "raster_s", 0.5, "raster_inputs", 20);
    }

    @Override
    public Study study(Params s) {
        SpikeRule rule = Registry.get(SpikeRule.class, s.string(RULE), "rule");
        Params synapse = synapseParams(s, rule);
        Params net = Params.resolve(SpikingNetwork.parameters(), networkValues(s), "settings");
        PoissonTask task = new PoissonTask(s.integer("inputs"), s.real("rate_hz"));
        long snapshotMs = wholeMs(s);
        long durationMs = Math.round(s.real("duration_s") * 1000);
        double rasterMs = s.real("raster_s") * 1000;
        if (rasterMs > durationMs / 2.0) {
            throw new UserError(String.format(Locale.ROOT, "setting 'raster_s' = %s is more than half of duration_s = %s; valid is "
                    + "0 to %s, so that the first and the last stretch do not overlap.", s.real("raster_s"), s.real("duration_s"),
                    s.real("duration_s") / 2));
        }
        String preset = s.string(PRESET).isEmpty() ? rule.defaultPreset() : s.string(PRESET);
        String name = rule.name();
        // built once now, so that what only a network can check (a reset above threshold) is refused before anything is written
        new SpikingNetwork(name, net, rule, synapse, 1, SpikingNetwork.weightRandom(0));
        int inputs = task.inputDim();
        String shown = rule.name() + (preset.isEmpty() ? "" : " (" + preset + ")");
        Described d = new Described(name, Family.BIO, shown, "", "spiking network: " + inputs + " inputs onto 1 LIF neuron, synapses "
                + shown);
        // the weights come from the run seed's first split, the input trains from the splits after it (PoissonTask)
        LearnerSpec learner = LearnerSpec.of(d, b -> new SpikingNetwork(name, net, rule, synapse, inputs, SpikingNetwork.weightRandom(b.seed())));
        double wMax = net.real("w_max");
        Map<Record, Long> every = new java.util.EnumMap<>(Record.class);
        every.put(Record.METRICS, snapshotMs);
        every.put(Record.WEIGHTS, snapshotMs);
        every.put(Record.HISTOGRAMS, snapshotMs);
        Schedule schedule = new Schedule(durationMs, (int) Math.min(snapshotMs, Integer.MAX_VALUE), every, true);
        int bins = s.integer("bins");
        int[] sample = Monitor.spread(inputs, s.integer("weight_sample"));
        Condition.Recording recording = Condition.Recording.NONE.weights(l -> Map.of("w", sample))
                .histograms(new Condition.Histograms(bins, 0, wMax, l -> List.of("w")));
        Condition condition = new Condition(task, List.of(learner), schedule, List.of(FiringRates::new, () -> new WeightShares(wMax)),
                recording);
        List<String> figures = new ArrayList<>(List.of("weight-histograms", "firing-rates", "final-weights"));
        if (rasterMs > 0) {
            figures.add("spike-raster");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("task", Map.of("name", task.name(), "inputs", inputs, "rate_hz", task.rateHz()));
        facts.put("synapses", Map.of("rule", rule.name(), "preset", preset, "parameters", synapse.asMap()));
        facts.put(Histograms.ENTRY, Map.of("bins", bins, "low", 0.0, "high", wMax));
        Plugin plugin = new Spikes(name, Monitor.spread(inputs, s.integer("raster_inputs")), rasterMs, durationMs);
        return new Study(List.of(condition), List.of(FiringRates.OUTPUT, FiringRates.INPUT, WeightShares.MEAN, WeightShares.WEAK,
                WeightShares.STRONG), plugin, figures, "ms of simulated time", false, s.integer("threads"), facts);
    }

    /** The snapshot interval in ms, which must be whole; and the duration a whole number of snapshots. */
    private static long wholeMs(Params s) {
        double snapshotMs = s.real("snapshot_s") * 1000;
        if (!whole(snapshotMs)) {
            throw new UserError(String.format(Locale.ROOT, "setting 'snapshot_s' = %s is not a whole number of ms; valid are "
                    + "multiples of 0.001, such as 1 or 0.5.", s.real("snapshot_s")));
        }
        if (!whole(s.real("duration_s") * 1000 / snapshotMs)) {
            throw new UserError(String.format(Locale.ROOT, "setting 'duration_s' = %s is not a whole number of snapshots of "
                    + "snapshot_s = %s; valid are its multiples.", s.real("duration_s"), s.real("snapshot_s")));
        }
        return Math.round(snapshotMs);
    }

    private static boolean whole(double x) {
        return x >= 1 - 1e-9 && Math.abs(x - Math.rint(x)) <= 1e-9 * Math.max(1, Math.abs(x));
    }

    /** The network's settings: every setting the network declares. */
    private static Map<String, Object> networkValues(Params s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : SpikingNetwork.parameters()) {
            if (s.asMap().containsKey(p.name())) {
                out.put(p.name(), s.asMap().get(p.name()));
            }
        }
        return out;
    }

    /**
     * The chosen rule's parameters: its preset, then every {@code RULE.PARAM} setting that differs
     * from its default. A setting of another rule that differs from its default is refused.
     */
    private static Params synapseParams(Params s, SpikeRule rule) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SpikeRule r : Registry.all(SpikeRule.class)) {
            for (ParamSpec p : SpikingNetwork.synapseParameters(r)) {
                String key = r.name() + "." + p.name();
                Object v = s.asMap().get(key);
                if (v.equals(p.defaultValue())) {
                    continue;
                }
                if (r == rule) {
                    overrides.put(p.name(), v);
                } else {
                    problems.add("setting '" + key + "' is a parameter of rule " + r.name() + ", and rule is " + rule.name()
                            + "; set rule=" + r.name() + " or leave it out.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join("\n", problems));
        }
        return rule.params(s.string(PRESET), overrides, "setting preset");
    }

    /**
     * The raster of the first seed (a listener on its network) and, for every seed, its spike counts
     * for the provenance.
     */
    private static final class Spikes implements Plugin {
        private final String learner;
        private final int[] inputs;
        private final double lengthMs;
        private final double durationMs;
        private final Map<Long, Map<String, Object>> perSeed = new ConcurrentHashMap<>();
        private volatile Raster raster;
        private long[] seeds;

        Spikes(String learner, int[] inputs, double lengthMs, double durationMs) {
            this.learner = learner;
            this.inputs = inputs;
            this.lengthMs = lengthMs;
            this.durationMs = durationMs;
        }

        @Override
        public void start(Path out, long[] runSeeds) {
            seeds = runSeeds.clone();
        }

        @Override
        public void built(At at, List<Learner> learners) {
            if (at.seedIndex() == 0 && lengthMs > 0) {
                SpikingNetwork net = (SpikingNetwork) learners.get(0);
                raster = new Raster(net.inputs(), inputs, lengthMs, durationMs);
                net.listen(raster);
            }
        }

        @Override
        public void trained(At at, List<Learner> learners, Monitor monitor) {
            SpikingNetwork net = (SpikingNetwork) learners.get(0);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("output_spikes", net.outputSpikes());
            facts.put("input_spikes", net.inputSpikes());
            perSeed.put(at.seed(), facts);
            if (at.seedIndex() == 0 && raster != null) {
                raster.finalWeights(net.weights().copy("w"));
                net.listen(null);
            }
        }

        @Override
        public Map<String, Object> finish(Path out) throws IOException {
            if (raster != null) {
                RasterFile.write(out.resolve(RasterFile.NAME), raster.rows(learner, seeds[0]));
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (long seed : seeds) {
                ordered.put("seed " + seed, perSeed.get(seed));
            }
            return Map.of("per_seed", ordered);
        }
    }

    /** Keeps the spikes of some inputs and of the output neuron in the first and the last stretch of a run. */
    private static final class Raster implements SpikingNetwork.SpikeListener {
        private final boolean[] kept;
        private final double length;
        private final double lastFrom;
        private final List<double[]> spikes = new ArrayList<>();
        private double[] finalW;

        Raster(int n, int[] inputs, double lengthMs, double durationMs) {
            this.kept = new boolean[n];
            this.length = lengthMs;
            this.lastFrom = durationMs - lengthMs;
            for (int i : inputs) {
                kept[i] = true;
            }
        }

        private void keep(int input, double t) {
            if (t < length || t >= lastFrom) {
                spikes.add(new double[] {input, t});
            }
        }

        @Override
        public void input(int i, double tMs) {
            if (kept[i]) {
                keep(i, tMs);
            }
        }

        @Override
        public void output(int neuron, double tMs) {
            keep(RasterFile.OUTPUT, tMs);
        }

        void finalWeights(double[] w) {
            finalW = w;
        }

        List<RasterFile.Spike> rows(String learner, long seed) {
            List<RasterFile.Spike> out = new ArrayList<>();
            for (double[] sp : spikes) {
                int input = (int) sp[0];
                boolean first = sp[1] < length;
                out.add(new RasterFile.Spike(learner, seed, first ? RasterFile.FIRST : RasterFile.LAST, first ? 0.0 : lastFrom, length,
                        input, input < 0 ? Double.NaN : finalW[input], sp[1]));
            }
            return out;
        }
    }
}
