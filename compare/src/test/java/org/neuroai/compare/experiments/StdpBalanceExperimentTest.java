package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Runner;
import org.neuroai.compare.files.RasterFile;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Registry;
import org.neuroai.core.RunSpec;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

class StdpBalanceExperimentTest {
    @TempDir
    Path tmp;

    /** Step to the histogram (counts per bin) of one seed. */
    private static TreeMap<Long, double[]> histograms(Path run, long seed) {
        List<TraceRow> rows = TraceReader.read(run.resolve("histograms.csv"), r -> r.seed() == seed && r.metric().equals("w"));
        int bins = rows.stream().mapToInt(TraceRow::index).max().orElseThrow() + 1;
        TreeMap<Long, double[]> h = new TreeMap<>();
        for (TraceRow r : rows) {
            h.computeIfAbsent(r.step(), s -> new double[bins])[r.index()] = r.value();
        }
        return h;
    }

    private static List<TraceRow> metric(List<TraceRow> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).toList();
    }

    private static double last(List<TraceRow> curves, long seed, String metric) {
        return curves.stream().filter(r -> r.seed() == seed && r.metric().equals(metric)).reduce((a, b) -> b).orElseThrow().value();
    }

    /**
     * The statistics of stdp-balance with the pair rule on seeds 0-2 over 20 s equal those of the
     * network that wrote pair STDP inline, before the spiking learners took any spike rule. The
     * numbers are copied from a run of that code (commit f2b0ee0, the run in /work/guard/stdp20:
     * {@code neuroai run stdp-balance --seeds 3 --set duration_s=20 --set raster_s=0}): its
     * provenance's per_seed output_spikes, input_spikes and final_w_hist, and the final
     * fraction_weak, fraction_strong, output_rate_hz and mean_weight of its curves.csv. The pair
     * rule decays its traces event by event where that code decayed them in closed form from the
     * last spike, so the mean weight may differ in its last bits; spike counts and histograms are
     * equal.
     */
    @Test
    void thePairRuleGivesTheStatisticsOfTheNetworkThatWroteItInline() throws IOException {
        long[] outputSpikes = {598, 579, 590};
        long[] inputSpikes = {300013, 300926, 300159};
        double[][] finalHistogram = {
            {105, 68, 56, 52, 29, 51, 46, 44, 43, 29, 35, 36, 54, 46, 40, 35, 37, 58, 61, 75},
            {96, 74, 63, 50, 34, 44, 43, 35, 42, 43, 46, 43, 35, 42, 47, 40, 49, 42, 57, 75},
            {97, 62, 57, 40, 41, 62, 47, 42, 26, 52, 40, 35, 47, 46, 50, 45, 43, 49, 49, 70},
        };
        double[] outputRate = {35.0, 23.0, 20.0};
        double[] fractionWeak = {0.173, 0.17, 0.159};
        double[] fractionStrong = {0.136, 0.132, 0.119};
        double[] meanWeight = {0.47822175687104806, 0.47725435259798604, 0.47912259932401463};

        Path out = tmp.resolve("guard");
        Runner.run(new RunSpec("stdp-balance", 3, 0, false, Map.of("duration_s", "20", "raster_s", "0"), "test"), out);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        List<TraceRow> curves = TraceReader.read(out.resolve("curves.csv"), r -> true);
        for (int seed = 0; seed < 3; seed++) {
            assertEquals(outputSpikes[seed], prov.at("/per_seed/seed " + seed + "/output_spikes").asLong(), "seed " + seed);
            assertEquals(inputSpikes[seed], prov.at("/per_seed/seed " + seed + "/input_spikes").asLong(), "seed " + seed);
            TreeMap<Long, double[]> h = histograms(out, seed);
            assertEquals(20_000L, h.lastKey());
            assertArrayEquals(finalHistogram[seed], h.lastEntry().getValue(), "seed " + seed);
            assertEquals(outputRate[seed], last(curves, seed, "output_rate_hz"), 0.0, "seed " + seed);
            assertEquals(fractionWeak[seed], last(curves, seed, "fraction_weak"), 0.0, "seed " + seed);
            assertEquals(fractionStrong[seed], last(curves, seed, "fraction_strong"), 0.0, "seed " + seed);
            assertEquals(meanWeight[seed], last(curves, seed, "mean_weight"), 1e-15, "seed " + seed);
        }
    }

    /**
     * Halving the integration step changes the run's statistics by less than the seeds scatter
     * them: over 6 seeds of 30 s, the mean over seeds of the final mean weight, fractions of weak
     * and strong synapses and the output rate of the last second differ between dt = 0.1 and
     * 0.05 ms by less than three standard errors of that difference.
     */
    @Test
    void halvingTheStepChangesTheStatisticsByLessThanSeedNoise() throws IOException {
        Path a = tmp.resolve("dt");
        Path b = tmp.resolve("half");
        Runner.run(new RunSpec("stdp-balance", 6, 0, false, Map.of("duration_s", "30", "raster_s", "0"), "test"), a);
        Runner.run(new RunSpec("stdp-balance", 6, 0, false, Map.of("duration_s", "30", "raster_s", "0", "dt_ms", "0.05"), "test"), b);
        List<TraceRow> ca = TraceReader.read(a.resolve("curves.csv"), r -> true);
        List<TraceRow> cb = TraceReader.read(b.resolve("curves.csv"), r -> true);
        for (String metric : new String[] {"mean_weight", "fraction_weak", "fraction_strong", "output_rate_hz"}) {
            double[] x = new double[6];
            double[] y = new double[6];
            for (int seed = 0; seed < 6; seed++) {
                x[seed] = last(ca, seed, metric);
                y[seed] = last(cb, seed, metric);
            }
            double mx = java.util.Arrays.stream(x).average().orElseThrow();
            double my = java.util.Arrays.stream(y).average().orElseThrow();
            double vx = java.util.Arrays.stream(x).map(v -> (v - mx) * (v - mx)).sum() / 5;
            double vy = java.util.Arrays.stream(y).map(v -> (v - my) * (v - my)).sum() / 5;
            double se = Math.sqrt(vx / 6 + vy / 6);
            assertTrue(Math.abs(mx - my) <= 3 * se, metric + ": " + mx + " at dt = 0.1 ms, " + my + " at 0.05 ms, s.e. " + se);
        }
    }

    @Test
    void theDefaultRunEndsBimodal() throws IOException {
        // Song, Miller & Abbott (2000): from uniform weights, additive STDP with A_-/A_+ = 1.05 pushes the
        // weights to the bounds. After the default 100 s, in a 10-bin histogram of w/g_max the two end bins
        // must be the two fullest (about 250 and 190 of 1000 synapses, against at most about 110 in any
        // middle bin, for every seed tried).
        Path out = tmp.resolve("stdp");
        Runner.Result r = Runner.run(new RunSpec("stdp-balance", 1, 0, false, Map.of(), "test"), out);

        for (String f : List.of("curves.csv", "weights.csv", "histograms.csv", "provenance.json", "learners.csv", "weight_histograms.png",
                "weight_histograms.svg", "output_rate.png", "output_rate.svg", "final_weights.png", "final_weights.svg", "spikes.csv",
                "spike_raster.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(Set.of("weight_histograms", "output_rate", "final_weights", "spike_raster"), r.figures().keySet());
        assertEquals("ms of simulated time", r.stepUnit());

        TreeMap<Long, double[]> h = histograms(out, 0);
        assertEquals(101, h.size(), "a snapshot every second from 0 to 100 s");
        assertEquals(100_000L, h.lastKey());
        for (double[] counts : h.values()) {
            assertEquals(1000, Arrays.stream(counts).sum(), 0.0);
        }
        double[] last = h.lastEntry().getValue();
        assertEquals(20, last.length);
        double[] ten = new double[10];
        for (int b = 0; b < 20; b++) {
            ten[b / 2] += last[b];
        }
        double middle = Arrays.stream(ten, 1, 9).max().orElseThrow();
        assertTrue(Math.min(ten[0], ten[9]) > middle, "the end bins are the two fullest: " + Arrays.toString(ten));

        List<TraceRow> curves = TraceReader.read(out.resolve("curves.csv"), x -> true);
        assertEquals(Set.of("stdp-pair"), curves.stream().map(TraceRow::learner).collect(Collectors.toSet()), "the learner is its rule");
        assertEquals(Set.of("output_rate_hz", "input_rate_hz", "mean_weight", "fraction_weak", "fraction_strong"),
                curves.stream().map(TraceRow::metric).collect(Collectors.toSet()));
        List<TraceRow> rate = metric(curves, "output_rate_hz");
        assertEquals(100, rate.size(), "one rate per 1 s window");
        assertEquals(1000, rate.get(0).step());
        // The inputs fire at 15 Hz: over 100 s and 1000 inputs the standard error of the mean rate is 0.012 Hz.
        double inputRate = metric(curves, "input_rate_hz").stream().mapToDouble(TraceRow::value).average().orElseThrow();
        assertEquals(15, inputRate, 0.05);
        // Competition lowers the output rate (about 30 Hz in the first 10 s, under 20 Hz in the last 10 s).
        double early = rate.subList(0, 10).stream().mapToDouble(TraceRow::value).average().orElseThrow();
        double late = rate.subList(90, 100).stream().mapToDouble(TraceRow::value).average().orElseThrow();
        assertTrue(late < 0.8 * early, "output rate " + early + " Hz early, " + late + " Hz late");
        // fraction_weak and fraction_strong are the end bins of the 10-bin histogram, as shares
        assertEquals(ten[0] / 1000, metric(curves, "fraction_weak").get(100).value(), 1e-12);
        assertEquals(ten[9] / 1000, metric(curves, "fraction_strong").get(100).value(), 1e-12);

        List<TraceRow> w = TraceReader.read(out.resolve("weights.csv"), x -> true);
        assertEquals(50 * 101, w.size(), "50 sampled synapses at 101 snapshots");
        assertEquals(50, w.stream().map(TraceRow::index).distinct().count());
        assertTrue(w.stream().allMatch(x -> x.value() >= 0 && x.value() <= 1 && x.metric().equals("w")));

        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals("stdp-pair", prov.at("/spec/set/rule").asText());
        assertEquals(0.0105, prov.at("/synapses/parameters/A_minus").asDouble(), 1e-15, "the brian2-song-2000 preset");
        assertEquals("brian2-song-2000", prov.at("/synapses/preset").asText());
        assertEquals(1.0, prov.at("/histograms/high").asDouble());
        assertEquals(0.0, prov.at("/histograms/low").asDouble());
    }

    @Test
    void quickModeIsShorterAndSeedsReproduce() throws IOException {
        Path quick = tmp.resolve("quick");
        Runner.run(new RunSpec("stdp-balance", 1, 0, true, Map.of("raster_s", "0"), "test"), quick);
        assertEquals(30_000L, histograms(quick, 0).lastKey(), "quick mode simulates 30 s");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Map<String, Object> shorter = Map.of("duration_s", "5");
        Runner.run(new RunSpec("stdp-balance", 2, 0, true, shorter, "test"), a);
        Runner.run(new RunSpec("stdp-balance", 2, 0, true, shorter, "test"), b);
        assertEquals(Files.readString(a.resolve("histograms.csv")).lines().sorted().toList(),
                Files.readString(b.resolve("histograms.csv")).lines().sorted().toList(), "the same seeds give the same run");
        assertFalse(Arrays.equals(histograms(a, 0).lastEntry().getValue(), histograms(a, 1).lastEntry().getValue()),
                "another seed, another run");
    }

    @Test
    void inconsistentSettingsAreRefusedBeforeAnythingIsWritten() {
        Path out = tmp.resolve("bad");
        Map<String, String> cases = Map.of(
                "snapshot_s", "0.00025",
                "duration_s", "10.5",
                "v_reset_mv", "-50",
                "stdp-triplet.A3_plus", "0.01",
                "preset", "no-such-preset");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            UserError e = assertThrows(UserError.class,
                    () -> Runner.run(new RunSpec("stdp-balance", 1, 0, true, Map.of(c.getKey(), c.getValue()), "test"), out));
            String key = c.getKey().equals("preset") ? "no-such-preset" : c.getKey();
            assertTrue(e.getMessage().contains(key), key + ": " + e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertFalse(Files.exists(out));
        }
        UserError other = assertThrows(UserError.class,
                () -> Runner.run(new RunSpec("stdp-balance", 1, 0, true, Map.of("stdp-triplet.A3_plus", "0.01"), "test"), out));
        assertEquals("setting 'stdp-triplet.A3_plus' is a parameter of rule stdp-triplet, and rule is stdp-pair; set "
                + "rule=stdp-triplet or leave it out.", other.getMessage());
        // the settings of the pair rule are those of stdp-pair; the old names are gone
        for (String gone : List.of("ratio", "A_plus", "tau_plus_ms")) {
            UserError e = assertThrows(UserError.class,
                    () -> Runner.run(new RunSpec("stdp-balance", 1, 0, true, Map.of(gone, "1"), "test"), out));
            assertTrue(e.getMessage().contains("unknown key '" + gone + "'"), e.getMessage());
        }
    }

    @Test
    void everyRegisteredRulesParametersAreSettingsButNotThoseTheNetworkSets() {
        List<String> names = Experiments.get("stdp-balance").settings().stream().map(ParamSpec::name).toList();
        for (SpikeRule r : Registry.all(SpikeRule.class)) {
            for (ParamSpec p : r.parameters()) {
                boolean owned = List.of("w0", "w_max", "seed").contains(p.name());
                assertEquals(!owned, names.contains(r.name() + "." + p.name()), r.name() + "." + p.name());
            }
        }
        assertTrue(names.containsAll(List.of("rule", "preset", "w_max", "g_max", "inputs", "rate_hz", "tau_m_ms", "dt_ms")));
    }

    @Test
    void aSettingOfTheChosenRuleReplacesItsPresetsValue() throws IOException {
        Path out = tmp.resolve("depressing");
        Runner.run(new RunSpec("stdp-balance", 1, 0, false, Map.of("duration_s", "2", "raster_s", "0", "stdp-pair.A_minus", "0.02",
                "stdp-pair.A_plus", "0"), "test"), out);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals(0.02, prov.at("/synapses/parameters/A_minus").asDouble());
        // without potentiation every weight can only fall
        List<TraceRow> mean = TraceReader.read(out.resolve("curves.csv"), r -> r.metric().equals("mean_weight"));
        assertTrue(mean.get(mean.size() - 1).value() < mean.get(0).value() - 0.05, mean.toString());
    }

    @Test
    void tripletStdpAboveItsRateThresholdPotentiatesEverySynapse() throws IOException {
        // The minimal all-to-all triplet rule (Pfister & Gerstner 2006) potentiates on average when the output
        // rate exceeds A2- tau_- / (A3+ tau_+ tau_y) = 19 Hz. The neuron starts near 35 Hz, so the weights
        // climb to w_max within seconds and the rate with them: no competition, one mode at the bound.
        Path out = tmp.resolve("triplet");
        Runner.run(new RunSpec("stdp-balance", 1, 0, false, Map.of("duration_s", "2", "raster_s", "0", "rule", "stdp-triplet"), "test"),
                out);
        List<TraceRow> curves = TraceReader.read(out.resolve("curves.csv"), r -> true);
        assertEquals(Set.of("stdp-triplet"), curves.stream().map(TraceRow::learner).collect(Collectors.toSet()));
        assertTrue(last(curves, 0, "fraction_strong") > 0.9, "share at the bound " + last(curves, 0, "fraction_strong"));
        assertTrue(last(curves, 0, "output_rate_hz") > 100, "rate " + last(curves, 0, "output_rate_hz"));
    }

    @Test
    void theRasterHoldsEveryOutputSpikeOfItsStretchesAndRanksInputsByFinalWeight() {
        Path out = tmp.resolve("raster");
        Runner.run(new RunSpec("stdp-balance", 2, 0, false, Map.of("duration_s", 4.0, "raster_s", 1.0, "raster_inputs", 30), "test"), out);
        List<RasterFile.Spike> rows = RasterFile.read(out.resolve(RasterFile.NAME));
        assertTrue(rows.stream().allMatch(s -> s.seed() == 0 && s.learner().equals("stdp-pair")), "the first seed's spikes");
        // the output neuron's spikes in the first and last second equal the rates that curves.csv reports for
        // the first and the last snapshot (1 s each), counted by a different path through the code
        List<TraceRow> rates = TraceReader.read(out.resolve("curves.csv"), x -> x.seed() == 0 && x.metric().equals("output_rate_hz"));
        double first = rates.stream().filter(x -> x.step() == 1000).findFirst().orElseThrow().value();
        double last = rates.stream().filter(x -> x.step() == 4000).findFirst().orElseThrow().value();
        assertEquals(first, rows.stream().filter(s -> s.window().equals(RasterFile.FIRST) && s.input() == RasterFile.OUTPUT).count(), 1e-9);
        assertEquals(last, rows.stream().filter(s -> s.window().equals(RasterFile.LAST) && s.input() == RasterFile.OUTPUT).count(), 1e-9);
        Set<Integer> inputs = rows.stream().filter(s -> s.input() >= 0).map(RasterFile.Spike::input).collect(Collectors.toSet());
        assertTrue(inputs.size() <= 30 && inputs.size() > 20, "30 inputs kept, most of which fire in 2 s: " + inputs.size());
        for (RasterFile.Spike s : rows) {
            assertTrue(s.window().equals(RasterFile.FIRST) ? s.tMs() < 1000 : s.tMs() >= 3000 && s.tMs() < 4000, s.toString());
            assertTrue(s.input() < 0 ? Double.isNaN(s.finalW()) : s.finalW() >= 0 && s.finalW() <= 1, s.toString());
        }
    }

    @Test
    void aRasterLongerThanHalfTheRunIsRefused() {
        UserError e = assertThrows(UserError.class, () -> Runner.run(new RunSpec("stdp-balance", 1, 0, false,
                Map.of("duration_s", 4.0, "raster_s", 3.0), "test"), tmp.resolve("bad")));
        assertTrue(e.getMessage().contains("'raster_s' = 3.0 is more than half of duration_s = 4.0"), e.getMessage());
    }
}
