package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroai.bio.spiking.networks.SongMillerAbbott;
import org.neuroai.bio.spiking.neurons.LifNeuron;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.Seeds;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.charts.SpikeRasterFigure;
import org.neuroai.compare.charts.StdpFigures;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.CsvSink;
import org.neuroai.core.trace.SeedOrderedTraces;

/**
 * Competitive Hebbian learning through STDP (S. Song, K. D. Miller &amp; L. F. Abbott 2000,
 * "Competitive Hebbian learning through spike-timing-dependent synaptic plasticity", Nat.
 * Neurosci. 3:919-926): 1000 excitatory Poisson inputs drive one conductance-based LIF neuron
 * through synapses with additive, hard-bounded pair STDP ({@link SongMillerAbbott}). Starting
 * from uniform weights, depression that slightly outweighs potentiation (A_−/A_+ = 1.05) pushes
 * most weights to 0 or to w_max: the distribution becomes bimodal, and the output rate falls.
 *
 * <p>Each run seed simulates one network (its initial weights and input trains follow from the
 * seed). Every {@code snapshot_s} the run writes, with {@code step} = simulated time in ms:
 * <ul>
 *   <li>{@code curves.csv}, learner {@code stdp}: {@code output_rate_hz} and {@code input_rate_hz}
 *       (mean rate of one input) over the window that ends at the snapshot, {@code mean_weight}
 *       (mean w/g_max), {@code fraction_weak} (share with w &lt; 0.1 w_max) and
 *       {@code fraction_strong} (share with w ≥ 0.9 w_max);</li>
 *   <li>{@code histograms.csv}, metric {@code w_hist}: the count of synapses in each of
 *       {@code bins} equal bins of w/g_max over [0, w_max] (index = bin, from 0);</li>
 *   <li>{@code weights.csv}, metric {@code w}: w/g_max of {@code weight_sample} synapses, evenly
 *       spaced by index.</li>
 * </ul>
 */
public final class StdpBalanceExperiment implements Experiment {
    /** The learner name in traces and charts. */
    public static final String LEARNER = "stdp";
    /** Settings of the experiment that are not parameters of the network. */
    private static final List<String> OWN = List.of("duration_s", "snapshot_s", "bins", "weight_sample", "ratio", "raster_s",
            "raster_inputs", "threads");

    @Override
    public String name() {
        return "stdp-balance";
    }

    @Override
    public String description() {
        return "Song, Miller & Abbott 2000: additive STDP from 1000 Poisson inputs onto a LIF neuron makes the weights bimodal";
    }

    @Override
    public String stepUnit() {
        return "ms of simulated time";
    }

    @Override
    public void redraw(Path runDir, com.fasterxml.jackson.databind.JsonNode prov) throws IOException {
        if (prov.at("/spec/set/w_max").isMissingNode()) {
            throw new org.neuroai.core.UserError(runDir.resolve("provenance.json") + ": missing 'spec.set.w_max'; "
                    + "it does not come from an stdp-balance run.");
        }
        StdpFigures.draw(runDir, prov.at("/spec/set/w_max").asDouble(), prov.at("/spec/first_seed").asLong());
    }

    @Override
    public String mainMetric() {
        return "output_rate_hz";
    }

    @Override
    public List<ParamSpec> settings() {
        List<ParamSpec> all = new ArrayList<>(List.of(
                ParamSpec.positive("duration_s", 100, 1e6, "s", "simulated time"),
                ParamSpec.positive("snapshot_s", 1, 1e6, "s",
                        "time between snapshots of the weights and length of an output-rate window; a whole number of ms and of steps"),
                ParamSpec.integer("bins", 20, 2, 1000, "bins of the histogram of w/g_max over [0, w_max]"),
                ParamSpec.integer("weight_sample", 50, 0, 1_000_000, "synapses whose weights go to weights.csv, evenly spaced"),
                ParamSpec.positive("ratio", 1.05, 100, "1", "A_minus / A_plus: depression over potentiation at equal windows"),
                ParamSpec.real("raster_s", 1, 0, 60, "s", "length of the first and of the last stretch of the first seed whose spikes "
                        + "go to spikes.csv and the raster figure; 0: none"),
                ParamSpec.integer("raster_inputs", 60, 1, 10_000, "inputs in the raster, evenly spaced"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core")));
        for (ParamSpec p : SongMillerAbbott.parameters()) {
            if (!p.name().equals("A_minus")) {
                all.add(p);
            }
        }
        return List.copyOf(all);
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("duration_s", 30.0);
    }

    @Override
    public Prepared prepare(Params s, long[] seeds) {
        Map<String, Object> net = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : s.asMap().entrySet()) {
            if (!OWN.contains(e.getKey())) {
                net.put(e.getKey(), e.getValue());
            }
        }
        net.put("A_minus", s.real("ratio") * s.real("A_plus"));
        Params netParams = Params.resolve(SongMillerAbbott.parameters(), net, "settings A_plus and ratio");
        new LifNeuron.ConductanceBased(netParams); // refuses a reset at or above threshold, before anything is written
        double dt = s.real("dt_ms");
        double snapshotMs = s.real("snapshot_s") * 1000;
        double durationMs = s.real("duration_s") * 1000;
        long stepsPerSnapshot = Math.round(snapshotMs / dt);
        if (!whole(snapshotMs) || !whole(snapshotMs / dt)) {
            throw new UserError(String.format(Locale.ROOT, "setting 'snapshot_s' = %s is not a whole number of ms and of steps of "
                    + "dt_ms = %s; valid are multiples of both, such as 1 or 0.5.", s.real("snapshot_s"), dt));
        }
        if (!whole(durationMs / snapshotMs)) {
            throw new UserError(String.format(Locale.ROOT, "setting 'duration_s' = %s is not a whole number of snapshots of "
                    + "snapshot_s = %s; valid are its multiples.", s.real("duration_s"), s.real("snapshot_s")));
        }
        long snapshots = Math.round(durationMs / snapshotMs);
        if (s.real("raster_s") > s.real("duration_s") / 2) {
            throw new UserError(String.format(Locale.ROOT, "setting 'raster_s' = %s is more than half of duration_s = %s; valid is "
                    + "0 to %s, so that the first and the last stretch do not overlap.", s.real("raster_s"), s.real("duration_s"),
                    s.real("duration_s") / 2));
        }
        return new Run(s, netParams, seeds, stepsPerSnapshot, Math.round(snapshotMs), snapshots);
    }

    private static boolean whole(double x) {
        return x >= 1 - 1e-9 && Math.abs(x - Math.rint(x)) <= 1e-9 * Math.max(1, Math.abs(x));
    }

    /** A prepared run. */
    private static final class Run implements Prepared {
        /** The first seed's spikes in the first and last stretch, written after the run. */
        private volatile Raster raster;
        private final Params s;
        private final Params netParams;
        private final long[] seeds;
        private final long stepsPerSnapshot;
        private final long snapshotMs;
        private final long snapshots;

        Run(Params s, Params netParams, long[] seeds, long stepsPerSnapshot, long snapshotMs, long snapshots) {
            this.s = s;
            this.netParams = netParams;
            this.seeds = seeds;
            this.stepsPerSnapshot = stepsPerSnapshot;
            this.snapshotMs = snapshotMs;
            this.snapshots = snapshots;
        }

        @Override
        public Map<String, Object> run(Path out) throws IOException {
            int threads = Seeds.threads(s.integer("threads"), seeds.length);
            Map<String, Object> perSeed = new LinkedHashMap<>();
            SeedOrderedTraces curves = new SeedOrderedTraces(out.resolve("curves.csv"), false);
            SeedOrderedTraces weights = new SeedOrderedTraces(out.resolve("weights.csv"), true);
            SeedOrderedTraces histograms = new SeedOrderedTraces(out.resolve(StdpFigures.HISTOGRAMS_CSV), true);
            List<CsvSink[]> sinks = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                sinks.add(new CsvSink[] {curves.sinkFor(i), weights.sinkFor(i), histograms.sinkFor(i)});
            }
            List<Map<String, Object>> results = Seeds.inParallel(seeds, threads, (i, seed) -> {
                CsvSink[] k = sinks.get(i);
                try (CsvSink c = k[0]; CsvSink w = k[1]; CsvSink h = k[2]) {
                    return runSeed(seed, c, w, h);
                }
            });
            curves.join();
            weights.join();
            histograms.join();
            for (int i = 0; i < seeds.length; i++) {
                perSeed.put("seed " + seeds[i], results.get(i));
            }
            if (raster != null) {
                raster.write(out.resolve(SpikeRasterFigure.CSV));
            }
            StdpFigures.draw(out, netParams.real("w_max"), seeds[0]);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("learners", Map.of(LEARNER, "BIO"));
            facts.put("step", "simulated time in ms");
            facts.put("A_minus", netParams.real("A_minus"));
            facts.put("threads", threads);
            facts.put("per_seed", perSeed);
            return facts;
        }

        /** Simulates one seed, writing its snapshots; returns its facts for the provenance. */
        private Map<String, Object> runSeed(long seed, CsvSink curves, CsvSink weights, CsvSink histograms) {
            long t0 = System.nanoTime();
            SongMillerAbbott net = SongMillerAbbott.withPoissonInputs(netParams, seed);
            int n = net.size();
            Raster spikes = null;
            if (seed == seeds[0] && s.real("raster_s") > 0) {
                spikes = new Raster(evenlySpaced(n, Math.min(n, s.integer("raster_inputs"))), s.real("raster_s") * 1000,
                        snapshots * snapshotMs);
                net.listen(spikes);
                raster = spikes;
            }
            int bins = s.integer("bins");
            int[] sample = evenlySpaced(n, Math.min(n, s.integer("weight_sample")));
            double[] w = new double[n];
            int[] counts = new int[bins];
            double window = snapshotMs / 1000.0;
            snapshot(net, seed, 0, w, counts, sample, curves, weights, histograms);
            long outputs = 0;
            long inputs = 0;
            for (long k = 1; k <= snapshots; k++) {
                net.advance(stepsPerSnapshot);
                long step = k * snapshotMs;
                curves.row(LEARNER, seed, step, "output_rate_hz", -1, (net.outputSpikes() - outputs) / window);
                curves.row(LEARNER, seed, step, "input_rate_hz", -1, (net.inputSpikes() - inputs) / (double) n / window);
                outputs = net.outputSpikes();
                inputs = net.inputSpikes();
                snapshot(net, seed, step, w, counts, sample, curves, weights, histograms);
            }
            if (spikes != null) {
                spikes.finalWeights(w);
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("output_spikes", net.outputSpikes());
            facts.put("input_spikes", net.inputSpikes());
            facts.put("final_w_hist", counts.clone());
            facts.put("simulation_seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
            return facts;
        }

        private void snapshot(SongMillerAbbott net, long seed, long step, double[] w, int[] counts, int[] sample,
                              CsvSink curves, CsvSink weights, CsvSink histograms) {
            net.copyWeights(w);
            double wMax = net.wMax();
            int bins = counts.length;
            Arrays.fill(counts, 0);
            double sum = 0;
            int weak = 0;
            int strong = 0;
            for (double x : w) {
                counts[Math.min(bins - 1, (int) (x / wMax * bins))]++;
                sum += x;
                if (x < 0.1 * wMax) {
                    weak++;
                } else if (x >= 0.9 * wMax) {
                    strong++;
                }
            }
            org.neuroai.core.trace.Progress.report(LEARNER, seed, step);
            curves.row(LEARNER, seed, step, "mean_weight", -1, sum / w.length);
            curves.row(LEARNER, seed, step, "fraction_weak", -1, weak / (double) w.length);
            curves.row(LEARNER, seed, step, "fraction_strong", -1, strong / (double) w.length);
            for (int b = 0; b < bins; b++) {
                histograms.row(LEARNER, seed, step, StdpFigures.HISTOGRAM_METRIC, b, counts[b]);
            }
            for (int i : sample) {
                weights.row(LEARNER, seed, step, "w", i, w[i]);
            }
        }

        private static int[] evenlySpaced(int n, int m) {
            int[] idx = new int[m];
            for (int k = 0; k < m; k++) {
                idx[k] = (int) ((long) k * n / m);
            }
            return idx;
        }

        @Override
        public long workPerSeed() {
            return snapshots * snapshotMs;
        }

        @Override
        public Map<String, String> figures() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put(StdpFigures.HISTOGRAM, "Distribution of w/g_max over time: the weights leave the middle for the two bounds");
            f.put(StdpFigures.RATES, "Output and input rate per snapshot window, and the share of weights near each bound, "
                    + SeedStats.caption(seeds.length));
            f.put(StdpFigures.FINAL, "Final distribution of w/g_max, against the uniform start, " + SeedStats.caption(seeds.length));
            if (s.real("raster_s") > 0) {
                f.put(SpikeRasterFigure.BASE, "Spikes of a sample of inputs and of the output neuron in the first and the last "
                        + s.real("raster_s") + " s, inputs ranked by final weight");
            }
            return f;
        }
    }

    /**
     * Keeps the spikes of some inputs and of the output neuron during the first and the last
     * stretch of a run, and each kept input's final weight, for {@code spikes.csv}.
     */
    static final class Raster implements SongMillerAbbott.SpikeListener {
        private final java.util.Set<Integer> kept = new java.util.HashSet<>();
        private final double length;
        private final double lastFrom;
        private final List<double[]> spikes = new ArrayList<>();
        private double[] finalW;

        Raster(int[] inputs, double lengthMs, double durationMs) {
            this.length = lengthMs;
            this.lastFrom = durationMs - lengthMs;
            for (int i : inputs) {
                kept.add(i);
            }
        }

        private void keep(int input, double t) {
            if (t < length || t >= lastFrom) {
                spikes.add(new double[] {input, t});
            }
        }

        @Override
        public void input(int i, double t) {
            if (kept.contains(i)) {
                keep(i, t);
            }
        }

        @Override
        public void output(double t) {
            keep(-1, t);
        }

        void finalWeights(double[] w) {
            finalW = w.clone();
        }

        /**
         * One row per spike: {@code window} (first or last), the window's start and length in ms,
         * the input (−1: the output neuron), its final weight (NaN for the output) and the spike time.
         */
        void write(Path file) throws IOException {
            StringBuilder b = new StringBuilder(SpikeRasterFigure.HEADER + "\n");
            for (double[] sp : spikes) {
                int input = (int) sp[0];
                boolean first = sp[1] < length;
                b.append(first ? "first" : "last").append(',').append(first ? 0.0 : lastFrom).append(',').append(length).append(',')
                        .append(input).append(',').append(input < 0 ? Double.NaN : finalW[input]).append(',').append(sp[1]).append('\n');
            }
            java.nio.file.Files.writeString(file, b);
        }
    }
}
