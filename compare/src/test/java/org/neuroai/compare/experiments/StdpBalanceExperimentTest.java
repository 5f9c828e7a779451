package org.neuroai.compare.experiments;

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
import org.neuroai.compare.Runner;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

class StdpBalanceExperimentTest {
    @TempDir
    Path tmp;

    /** Step to the histogram (counts per bin) of one seed. */
    private static TreeMap<Long, double[]> histograms(Path run, long seed) {
        List<TraceRow> rows = TraceReader.read(run.resolve("histograms.csv"), r -> r.seed() == seed && r.metric().equals("w_hist"));
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

    @Test
    void theDefaultRunEndsBimodal() throws IOException {
        // Song, Miller & Abbott (2000): from uniform weights, additive STDP with A_-/A_+ = 1.05 pushes the
        // weights to the bounds. After the default 100 s, in a 10-bin histogram of w/g_max the two end bins
        // must be the two fullest (about 250 and 190 of 1000 synapses, against at most about 110 in any
        // middle bin, for every seed tried).
        Path out = tmp.resolve("stdp");
        Runner.Result r = Runner.run(new RunSpec("stdp-balance", 1, 0, false, Map.of(), "test"), out);

        for (String f : List.of("curves.csv", "weights.csv", "histograms.csv", "provenance.json", "weight_histogram.png",
                "weight_histogram.svg", "output_rate.png", "output_rate.svg", "final_weights.png", "final_weights.svg", "spikes.csv", "spike_raster.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(Set.of("weight_histogram", "output_rate", "final_weights", "spike_raster"), r.figures().keySet());
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
        assertEquals(Set.of("stdp"), curves.stream().map(TraceRow::learner).collect(Collectors.toSet()));
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
        assertEquals(1.05, prov.at("/spec/set/ratio").asDouble());
        assertEquals(0.0105, prov.at("/A_minus").asDouble(), 1e-15);
        JsonNode finalHist = prov.at("/per_seed/seed 0/final_w_hist");
        assertEquals(20, finalHist.size());
        assertEquals(last[0], finalHist.get(0).asDouble());
    }

    @Test
    void quickModeIsShorterAndSeedsReproduce() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Runner.run(new RunSpec("stdp-balance", 2, 0, true, Map.of(), "test"), a);
        Runner.run(new RunSpec("stdp-balance", 2, 0, true, Map.of(), "test"), b);
        assertEquals(30_000L, histograms(a, 0).lastKey(), "quick mode simulates 30 s");
        assertEquals(Files.readString(a.resolve("histograms.csv")).lines().sorted().toList(),
                Files.readString(b.resolve("histograms.csv")).lines().sorted().toList(), "the same seeds give the same run");
        assertFalse(Arrays.equals(histograms(a, 0).lastEntry().getValue(), histograms(a, 1).lastEntry().getValue()),
                "another seed, another run");
    }

    @Test
    void inconsistentSettingsAreRefusedBeforeAnythingIsWritten() {
        Path out = tmp.resolve("bad");
        Map<String, String> snapshotNotWhole = Map.of("snapshot_s", "0.00025");
        Map<String, String> durationNotWhole = Map.of("duration_s", "10.5");
        Map<String, String> resetAboveThreshold = Map.of("v_reset_mv", "-50");
        for (Map<String, String> set : List.of(snapshotNotWhole, durationNotWhole, resetAboveThreshold)) {
            UserError e = assertThrows(UserError.class,
                    () -> Runner.run(new RunSpec("stdp-balance", 1, 0, true, Map.copyOf(set), "test"), out));
            String key = set.keySet().iterator().next();
            assertTrue(e.getMessage().contains(key), key + ": " + e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertFalse(Files.exists(out));
        }
        UserError ratio = assertThrows(UserError.class,
                () -> Runner.run(new RunSpec("stdp-balance", 1, 0, true, Map.of("ratio", "-1"), "test"), out));
        assertTrue(ratio.getMessage().contains("'ratio'"), ratio.getMessage());
    }

    @Test
    void theRasterHoldsEveryOutputSpikeOfItsStretchesAndRanksInputsByFinalWeight() throws IOException {
        Path out = tmp.resolve("raster");
        Runner.run(new RunSpec("stdp-balance", 2, 0, false, Map.of("duration_s", 4.0, "raster_s", 1.0, "raster_inputs", 30), "test"), out);
        List<String[]> rows = Files.readAllLines(out.resolve("spikes.csv")).stream().skip(1).map(l -> l.split(",")).toList();
        // the output neuron's spikes in the first and last second equal the rates that curves.csv reports for
        // the first and the last snapshot (1 s each), counted by a different path through the code
        List<TraceRow> rates = TraceReader.read(out.resolve("curves.csv"), x -> x.seed() == 0 && x.metric().equals("output_rate_hz"));
        double first = rates.stream().filter(x -> x.step() == 1000).findFirst().orElseThrow().value();
        double last = rates.stream().filter(x -> x.step() == 4000).findFirst().orElseThrow().value();
        assertEquals(first, rows.stream().filter(f -> f[0].equals("first") && f[3].equals("-1")).count(), 1e-9);
        assertEquals(last, rows.stream().filter(f -> f[0].equals("last") && f[3].equals("-1")).count(), 1e-9);
        Set<String> inputs = rows.stream().filter(f -> !f[3].equals("-1")).map(f -> f[3]).collect(Collectors.toSet());
        assertTrue(inputs.size() <= 30 && inputs.size() > 20, "30 inputs kept, most of which fire in 2 s: " + inputs.size());
        for (String[] f : rows) {
            double t = Double.parseDouble(f[5]);
            assertTrue(f[0].equals("first") ? t < 1000 : t >= 3000 && t < 4000, Arrays.toString(f));
        }
        // the figure: the output on the row above every input, inputs in order of final weight
        org.neuroai.compare.charts.Figure fig = org.neuroai.compare.charts.SpikeRasterFigure.figure(
                org.neuroai.compare.charts.SpikeRasterFigure.read(out.resolve("spikes.csv")), 1.0, 0);
        org.knowm.xchart.XYChart panel = fig.panels().get(0);
        java.util.function.Function<String, double[]> y = name -> panel.getSeriesCollection().stream()
                .filter(s -> s.getName().equals(name)).findFirst().orElseThrow().getYData();
        double top = Arrays.stream(y.apply("output neuron (top row)")).min().orElseThrow();
        double weakTop = Arrays.stream(y.apply("inputs ending weak")).max().orElseThrow();
        double strongTop = Arrays.stream(y.apply("inputs ending strong (w ≥ w_max/2)")).max().orElseThrow();
        assertTrue(weakTop < top && strongTop < top, "the output on the top row");
        double strongBottom = Arrays.stream(y.apply("inputs ending strong (w ≥ w_max/2)")).min().orElseThrow();
        assertTrue(weakTop < strongBottom, "every weak input ranks below every strong one");
    }

    @Test
    void aRasterLongerThanHalfTheRunIsRefused() {
        UserError e = assertThrows(UserError.class, () -> Runner.run(new RunSpec("stdp-balance", 1, 0, false,
                Map.of("duration_s", 4.0, "raster_s", 3.0), "test"), tmp.resolve("bad")));
        assertTrue(e.getMessage().contains("'raster_s' = 3.0 is more than half of duration_s = 4.0"), e.getMessage());
    }
}
