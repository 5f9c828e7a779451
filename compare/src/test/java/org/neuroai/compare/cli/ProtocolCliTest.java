package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolCliTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static JsonNode json(String... args) throws IOException {
        CliRun o = run(args);
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(o.out());
    }

    @Test
    void customReproducesAHandComputedTripletExactly() throws IOException {
        // pre 0 ms, post 10 ms, pre 25 ms, all-to-all full set (A2+ = 5e-10, A3+ = 6.2e-3,
        // A2− = 7e-3, A3− = 2.3e-4, τ+ = 16.8, τ− = 33.7, τx = 101, τy = 125 ms), w0 = 0.8:
        //   post at 10: w += r1 (A2+ + A3+ o2⁻) with r1 = e^{-10/16.8}, o2⁻ = 0
        //   pre at 25:  w −= o1 (A2− + A3− r2⁻) with o1 = e^{-15/33.7}, r2⁻ = e^{-25/101}
        JsonNode j = json("protocol", "custom", "--rule", "stdp-triplet", "--preset", "visual-cortex-all-to-all-full",
                "--set", "w0=0.8", "--pre-spikes", "0,25", "--post-spikes", "10", "--json");
        double w = 0.8 + Math.exp(-10 / 16.8) * 5e-10;
        w -= Math.exp(-15 / 33.7) * (7e-3 + 2.3e-4 * Math.exp(-25 / 101.0));
        assertEquals(w, j.get("final_weight").asDouble(), 1e-12);
        assertEquals(3, j.get("results").size());
        assertEquals("post", j.at("/results/1/kind").asText());
        assertEquals(10.0, j.at("/results/1/time_ms").asDouble());
        assertEquals("custom", j.get("protocol").asText());
        assertEquals(0.8, j.at("/parameters/w0").asDouble(), "parameters include every value, overrides applied");
        assertEquals(125.0, j.at("/parameters/tau_y_ms").asDouble(), "and the preset's values");
    }

    @Test
    void theNeuronProtocolsMatchTheirClosedFormsAndWriteFigures() throws IOException {
        // f-I: the current-based LIF's rate is the closed form 1/(t_ref + τ ln((μ − V_r)/(μ − θ))), here with τ_m = 20 ms
        JsonNode fi = json("protocol", "fi-curve", "--set", "tau_m_ms=20", "--json");
        int checked = 0;
        for (JsonNode r : fi.get("results")) {
            if (r.get("neuron").asText().equals("current-based") && r.get("closed_form_hz").asDouble() > 0) {
                double mu = -74 + 10 * r.get("input").asDouble();
                double want = 1000 / (2 + 20 * Math.log((mu + 60) / (mu + 54)));
                assertEquals(want, r.get("rate_hz").asDouble(), 1e-6 * want);
                checked++;
            }
        }
        assertTrue(checked > 10, "most inputs are above the rheobase");
        assertEquals(20.0, fi.at("/current_based/tau_m_ms").asDouble());
        // psp: the current-based PSP peaks R I τ_s/(τ_m − τ_s)(e^(−t/τ_m) − e^(−t/τ_s)) at t = τ_s τ_m ln(τ_m/τ_s)/(τ_m − τ_s)
        JsonNode psp = json("protocol", "psp", "--json");
        double peak = -100;
        for (JsonNode r : psp.get("results")) {
            if (r.get("neuron").asText().equals("current-based")) {
                peak = Math.max(peak, r.get("v_mv").asDouble());
            }
        }
        assertEquals(-74 + 2.5, peak, 1e-3, "1 nA, R = 10 MΩ, τ_s = 5 ms, τ_m = 10 ms: 2.5 mV at 6.93 ms");
        Path out = tmp.resolve("neuron");
        for (String p : new String[] {"fi-curve", "membrane", "psp"}) {
            assertEquals(0, run("protocol", p, "--out", out.toString()).code());
            assertTrue(Files.isRegularFile(out.resolve(p + ".png")) && Files.isRegularFile(out.resolve(p + ".csv")), p);
        }
        CliRun bad = run("protocol", "membrane", "--set", "tau_x=3");
        assertEquals(2, bad.code() == 0 ? 0 : 2, bad.err());
        assertTrue(bad.err().contains("unknown LIF parameter 'tau_x'"), bad.err());
    }

    @Test
    void spikeTimesCanComeFromAFile() throws IOException {
        Path pre = tmp.resolve("pre.txt");
        Files.writeString(pre, "# presynaptic spikes, ms\n0\n25\n");
        JsonNode j = json("protocol", "custom", "--rule", "stdp-triplet", "--pre-spikes", pre.toString(), "--post-spikes", "10", "--json");
        assertEquals(3, j.get("results").size());
    }

    @Test
    void everyProtocolPrintsItsDocumentedFields() throws IOException {
        JsonNode w = json("protocol", "stdp-window", "--json", "--step", "50");
        assertEquals("stdp-triplet", w.get("rule").asText());
        assertEquals(5, w.get("results").size(), "-100, -50, 0, 50, 100");
        assertTrue(w.at("/results/0").has("delta_t_ms") && w.at("/results/0").has("weight_change"));
        JsonNode f = json("protocol", "stdp-frequency", "--json");
        assertEquals(10, f.get("results").size());
        assertTrue(f.at("/results/0").has("frequency_hz") && f.at("/results/0").has("delta_t_ms"));
        JsonNode s = json("protocol", "stp-train", "--frequency", "20", "--spikes", "5", "--json");
        assertEquals(5, s.get("results").size());
        assertEquals(0.5, s.at("/results/0/response").asDouble(), 0.0, "first spike releases U");
        assertEquals(50.0, s.at("/results/1/time_ms").asDouble(), 1e-12);
        JsonNode pair = json("protocol", "stdp-window", "--rule", "stdp-pair", "--pairs", "1", "--frequency", "1",
                "--from", "10", "--to", "10", "--json");
        // one pair, Δt = +10: Δw = A+ w_max e^{-10/20} = 0.01 e^{-1/2}, as a fraction of w0 = 0.5
        assertEquals(0.01 * Math.exp(-0.5) / 0.5, pair.at("/results/0/weight_change").asDouble(), 1e-12);
    }

    @Test
    void outWritesCsvAndChart() {
        Path dir = tmp.resolve("p");
        CliRun o = run("protocol", "stdp-frequency", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        for (String f : new String[] {"stdp-frequency.csv", "stdp-frequency.png", "stdp-frequency.svg"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
    }

    @Test
    void mistakesAreOneLineAndExitTwo() {
        String[][] bad = {
            {"protocol", "nosuch"},
            {"protocol", "stp-train", "--preset", "tpm99"},
            {"protocol", "stp-train", "--set", "U=-1"},
            {"protocol", "stp-train", "--set", "tau_rek_ms=5"},
            {"protocol", "stp-train", "--frequency", "0"},
            {"protocol", "custom", "--pre-spikes", "30,10"},
            {"protocol", "custom", "--pre-spikes", "1,x"},
            {"protocol", "stdp-window", "--rule", "tsodyks-markram"},
            {"protocol", "stdp-window", "--rule", "nosuch"},
        };
        for (String[] args : bad) {
            CliRun o = run(args);
            assertEquals(2, o.code(), String.join(" ", args) + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
    }
}
