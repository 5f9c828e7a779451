package org.neuroai.compare.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Runner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.RunSpec;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Spiking learners in comparison specs, and the two bundled specs that record and draw probes:
 * u and R of Tsodyks-Markram synapses against the model's closed form, and BCM's θ against the
 * mean of y².
 */
class ProbeSpecsTest {
    @TempDir
    Path tmp;

    private static List<String> problems(String yaml) {
        UserError e = assertThrows(UserError.class, () -> ComparisonSpec.parse(yaml, "t.yaml", "t"));
        return e.getMessage().lines().toList();
    }

    /** Probe name to step to value, of one learner, index 0, first seed. */
    private static Map<String, TreeMap<Long, Double>> probes(Path run, String learner) {
        Map<String, TreeMap<Long, Double>> out = new java.util.HashMap<>();
        for (TraceRow r : TraceReader.read(run.resolve("probes.csv"), r -> r.learner().equals(learner) && r.seed() == 0)) {
            out.computeIfAbsent(r.metric() + (r.index() == 0 ? "" : "[" + r.index() + "]"), k -> new TreeMap<>()).put(r.step(), r.value());
        }
        return out;
    }

    @Test
    void aLearnerMustSuitTheTaskOfSpikesOrOfRates() {
        List<String> p = problems("""
                task: {name: poisson, inputs: 10}
                learners:
                  - {name: oja, rule: oja}
                  - {name: stdp, spiking: {rule: stdp-pair}}
                steps: 100
                record: {metrics: [accuracy]}
                """);
        assertEquals(2, p.size(), String.join("\n", p));
        assertTrue(p.get(0).startsWith("t.yaml:3: learner 'oja' learns from rows of rates, and task 'poisson' hands out spikes; "
                + "give it 'spiking: {rule: ...}'"), p.get(0));
        assertTrue(p.get(1).startsWith("t.yaml:6: metric 'accuracy' scores samples of rates, and task 'poisson' hands out spikes; "
                + "valid here are output_rate_hz, input_rate_hz."), p.get(1));
        List<String> q = problems("""
                task: {name: xor}
                learners:
                  - {name: stdp, spiking: {rule: stdp-pair}}
                steps: 100
                record: {metrics: [output_rate_hz]}
                """);
        assertEquals(2, q.size(), String.join("\n", q));
        assertTrue(q.get(0).startsWith("t.yaml:3: learner 'stdp' is a network of spiking neurons, and task 'xor' hands out rows of rates"),
                q.get(0));
        assertTrue(q.get(1).startsWith("t.yaml:5: metric 'output_rate_hz' counts the spikes of spiking learners"), q.get(1));
    }

    @Test
    void aSpikingLearnersMistakesAreReportedWithTheirLines() {
        List<String> p = problems("""
                task: {name: regular}
                learners:
                  - name: a
                    spiking: {rule: tsodyks-markram, preset: tpm99}
                  - name: b
                    spiking:
                      rule: stdp-pair
                      w_max: 2
                      A_plus: -1
                    units: 3
                  - {name: c, spiking: {rule: stdp-quadruplet}}
                  - {name: d, spiking: {preset: brian2-song-2000}, params: {neurons: 0}}
                steps: 100
                """);
        assertEquals(7, p.size(), String.join("\n", p));
        assertTrue(p.get(0).startsWith("t.yaml:4: unknown preset 'tpm99' for rule 'tsodyks-markram'; valid presets are: gupta-EE"), p.get(0));
        assertTrue(p.get(1).startsWith("t.yaml:10: 'units' belongs to rule learners"), p.get(1));
        assertTrue(p.get(2).startsWith("t.yaml:8: 'w_max' of rule 'stdp-pair' is set by the network for every synapse: w_max is "
                + "params.w_max"), p.get(2));
        assertTrue(p.get(3).startsWith("t.yaml:9: invalid value '-1' for 'A_plus'"), p.get(3));
        assertTrue(p.get(4).startsWith("t.yaml:11: unknown spike rule 'stdp-quadruplet'; valid spike rules are: "), p.get(4));
        assertTrue(p.get(5).startsWith("t.yaml:12: missing key 'rule' under 'spiking'"), p.get(5));
        assertTrue(p.get(6).startsWith("t.yaml:12: invalid value '0' for 'neurons'"), p.get(6));
    }

    @Test
    void aSpikingLearnersNetworkAndSynapsesAreSettings() {
        ComparisonSpec s = ComparisonSpec.parse("""
                task: {name: regular, inputs: 2}
                learners:
                  - {name: tm, spiking: {rule: tsodyks-markram, preset: gupta-EE}, params: {neurons: 2}}
                steps: 100
                batch: 10
                """, "t.yaml", "t");
        Plan plan = s.plan();
        assertEquals(List.of("output_rate_hz"), plan.metrics());
        assertEquals("spiking network, synapses tsodyks-markram (gupta-EE), 2 LIF neurons", plan.learners().get(0).described().model());
        assertEquals(0.5, plan.learners().get(0).synapses().params().real("U"), "the preset's U");
        List<String> names = new ComparisonExperiment(s).settings().stream().map(ParamSpec::name).toList();
        assertTrue(names.containsAll(List.of("tm.neurons", "tm.g_max", "tm.tsodyks-markram.U", "tm.tsodyks-markram.tau_rec_ms")), names.toString());
        Plan changed = s.plan(Map.of("tm.tsodyks-markram.U", 0.2, "tm.neurons", 3));
        assertEquals(0.2, changed.learners().get(0).synapses().params().real("U"));
        assertEquals(1100.0, changed.learners().get(0).synapses().params().real("tau_rec_ms"), "the rest of the preset stays");
        assertEquals(3, changed.learners().get(0).params().integer("neurons"));
        UserError e = assertThrows(UserError.class, () -> s.plan(Map.of("tm.tsodyks-markram.U", 2.0)));
        assertTrue(e.getMessage().startsWith("setting tm.tsodyks-markram.U: invalid value '2.0' for 'U'"), e.getMessage());
    }

    /**
     * stp-probes records, every ms, u and R of a depressing and a facilitating synapse under a
     * regular 20 Hz train (spikes at 0, 50, 100, ... ms). Between spikes they follow the closed forms
     * of Tsodyks, Pawelzik &amp; Markram 1998: R(t) = 1 − (1 − R⁺) e^(−Δ/τ_rec) after a spike that
     * left R⁺, and u(t) = ũ + U (1 − ũ) with ũ = u⁺ e^(−Δ/τ_facil) for the next spike.
     */
    @Test
    void stpProbesRecordsUAndRAsTheClosedFormSays() {
        Path run = tmp.resolve("stp");
        Runner.run(Experiments.target("stp-probes").with(1, false, Map.of("steps", 300)), run);
        assertTrue(Files.isRegularFile(run.resolve("probes.png")));
        // the depressing synapse: U = 0.5, tau_rec = 800 ms, no facilitation: u = U always, and after spikes at
        // 0 and 50 ms R falls to 1 - U, recovers for 50 ms, falls by U again and recovers
        Map<String, TreeMap<Long, Double>> d = probes(run, "depressing");
        double afterFirst = 0.5;
        double before50 = 1 - (1 - afterFirst) * Math.exp(-50 / 800.0);
        double afterSecond = before50 * 0.5;
        assertEquals(1.0, d.get("R").get(0L), 0.0, "at rest");
        assertEquals(1 - (1 - afterFirst) * Math.exp(-20 / 800.0), d.get("R").get(20L), 1e-12);
        assertEquals(before50, d.get("R").get(50L), 1e-12, "what the spike at 50 ms finds");
        assertEquals(1 - (1 - afterSecond) * Math.exp(-30 / 800.0), d.get("R").get(80L), 1e-12);
        assertTrue(d.get("u").values().stream().allMatch(u -> u == 0.5), "u = U without facilitation");
        // the facilitating synapse: U = 0.03, tau_rec = 130 ms, tau_facil = 530 ms
        Map<String, TreeMap<Long, Double>> f = probes(run, "facilitating");
        double u = 0;
        double x = 1;
        double last = 0;
        for (long t = 0; t <= 300; t++) {
            if (t % 50 == 0) {
                // the value just before the spike at t, read at the boundary t, is what the spike uses
                double dt = t - last;
                double uDecayed = u * Math.exp(-dt / 530.0);
                double uUsed = uDecayed + 0.03 * (1 - uDecayed);
                double xFound = 1 - (1 - x) * Math.exp(-dt / 130.0);
                if (t == 0) {
                    uUsed = 0.03;
                    xFound = 1;
                }
                assertEquals(uUsed, f.get("u").get(t), 1e-12, "u at " + t + " ms");
                assertEquals(xFound, f.get("R").get(t), 1e-12, "R at " + t + " ms");
                u = uUsed;
                x = xFound - uUsed * xFound;
                last = t;
            }
        }
        assertTrue(f.get("u").get(300L) > 3 * f.get("u").get(0L), "facilitation: u grows along the train");
    }

    /**
     * bcm-threshold records θ of four BCM units on the corners of the unit square. θ is the running
     * average of y² over τ_θ = 50 presentations, so once the weights have settled it equals the mean of
     * y² over the corners (each drawn equally often), computed here from the final weights; a unit that
     * became selective answers two corners with y = θ = 2 (Bienenstock, Cooper &amp; Munro 1982).
     */
    @Test
    void bcmThresholdRecordsThetaWhichFollowsTheMeanOfYSquared() {
        Path run = tmp.resolve("bcm");
        Runner.run(Experiments.target("bcm-threshold").with(1, false, Map.of()), run);
        assertTrue(Files.isRegularFile(run.resolve("probes.png")));
        Map<String, TreeMap<Long, Double>> p = probes(run, "bcm");
        List<TraceRow> w = TraceReader.read(run.resolve("weights.csv"), r -> r.seed() == 0 && r.step() == 30_000);
        double[] weights = new double[8];
        w.forEach(r -> weights[r.index()] = r.value());
        double[][] corners = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int selective = 0;
        for (int unit = 0; unit < 4; unit++) {
            double meanSquare = 0;
            for (double[] c : corners) {
                double y = weights[2 * unit] * c[0] + weights[2 * unit + 1] * c[1];
                meanSquare += y * y / 4;
            }
            double theta = p.get(unit == 0 ? "theta" : "theta[" + unit + "]").lastEntry().getValue();
            // the noise on the inputs (0.05) adds 0.05^2 |w|^2 to E[y^2]; theta itself scatters by about 2 % over 50 presentations
            assertEquals(meanSquare, theta, 0.1 * Math.max(1, meanSquare), "unit " + unit);
            if (theta > 1.5) {
                selective++;
                assertEquals(2.0, theta, 0.15, "a selective unit's theta is its response, 2");
            }
        }
        assertTrue(selective >= 2, selective + " selective units");
    }
}
