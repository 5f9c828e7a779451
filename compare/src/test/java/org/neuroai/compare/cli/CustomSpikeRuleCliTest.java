package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * A spike rule added by one class and one services line (in this module's test resources) is
 * listed, runs in a protocol with its own settling time, and runs in stdp-balance, all through the
 * command line.
 */
class CustomSpikeRuleCliTest {
    @TempDir
    Path tmp;

    /**
     * Nearest-spike pair STDP whose changes take effect only {@value #CONSOLIDATION_MS} ms after the
     * last of them, as if they had to be consolidated: a protocol that reads the weight right after
     * the last spike misses the last pair, so the rule asks for {@value #SETTLE_MS} ms of settling.
     */
    public static final class SlowStdp implements SpikeRule {
        static final double CONSOLIDATION_MS = 1000;
        static final double SETTLE_MS = 1500;

        @Override
        public String name() {
            return "test-slow-stdp";
        }

        @Override
        public String description() {
            return "nearest-spike pair STDP whose changes take effect 1 s late, registered only in tests";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.real("a_plus", 0.001, 0, 1, "1", "potentiation of a pre-before-post pair at 0 ms"),
                    ParamSpec.real("a_minus", 0.001, 0, 1, "1", "depression of a post-before-pre pair at 0 ms"),
                    ParamSpec.positive("tau_ms", 20, 1e6, "ms", "width of the window"),
                    ParamSpec.real("w0", 0.5, 0, 1e6, "1", "initial weight"),
                    ParamSpec.positive("w_max", 1, 1e6, "1", "upper bound of the weight"));
        }

        @Override
        public double settleMs() {
            return SETTLE_MS;
        }

        @Override
        public SpikeSynapse create(Params p) {
            double aPlus = p.real("a_plus");
            double aMinus = p.real("a_minus");
            double tau = p.real("tau_ms");
            double w0 = p.real("w0");
            double wMax = p.real("w_max");
            return new SpikeSynapse() {
                private double w;
                private double pending;
                private double changed;
                private double lastPre;
                private double lastPost;

                {
                    reset();
                }

                @Override
                public void advance(double tMs) {
                    if (pending != 0 && tMs >= changed + CONSOLIDATION_MS) {
                        w = Math.max(0, Math.min(wMax, w + pending));
                        pending = 0;
                    }
                }

                @Override
                public double pre(double tMs) {
                    advance(tMs);
                    double arrived = w;
                    pending -= aMinus * Math.exp(-(tMs - lastPost) / tau);
                    changed = tMs;
                    lastPre = tMs;
                    return arrived;
                }

                @Override
                public void post(double tMs) {
                    advance(tMs);
                    pending += aPlus * Math.exp(-(tMs - lastPre) / tau);
                    changed = tMs;
                    lastPost = tMs;
                }

                @Override
                public double weight() {
                    return w;
                }

                @Override
                public void reset() {
                    w = w0;
                    pending = 0;
                    changed = Double.NEGATIVE_INFINITY;
                    lastPre = Double.NEGATIVE_INFINITY;
                    lastPost = Double.NEGATIVE_INFINITY;
                }

                @Override
                public Map<String, Double> probe() {
                    return Map.of("w", w, "pending", pending);
                }
            };
        }
    }

    @Test
    void theRuleIsListed() {
        CliRun list = CliRun.of("list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("test-slow-stdp"), list.out());
    }

    @Test
    void itRunsInAProtocolWhichWaitsTheSettlingTimeItAsksFor() throws IOException {
        CliRun o = CliRun.of("protocol", "stdp-window", "--rule", "test-slow-stdp", "--from", "10", "--to", "10", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("test-slow-stdp", j.get("rule").asText());
        // 60 pairs at 0.1 Hz, post 10 ms after pre: each pair potentiates by a_plus e^(-10/20); the next pre comes
        // 9990 ms after a post, whose depression is below 1e-200. The last pair counts only because the weight is
        // read 1.5 s after the last spike.
        double expected = 60 * 0.001 * Math.exp(-10 / 20.0) / 0.5;
        assertEquals(expected, j.at("/results/0/weight_change").asDouble(), 1e-12);
    }

    @Test
    void itRunsInStdpBalanceWithItsParametersAsSettings() throws IOException {
        Path out = tmp.resolve("balance");
        CliRun o = CliRun.of("run", "stdp-balance", "--set", "rule=test-slow-stdp", "--set", "test-slow-stdp.a_plus=0.002",
                "--set", "duration_s=2", "--set", "raster_s=0.5", "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("test-slow-stdp"), List.copyOf(LearnersFile.read(out).keySet()));
        List<TraceRow> rates = TraceReader.read(out.resolve("curves.csv"), r -> r.metric().equals("output_rate_hz"));
        assertEquals(2, rates.size());
        assertTrue(Files.size(out.resolve("spike_raster.png")) > 0);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals(0.002, prov.at("/synapses/parameters/a_plus").asDouble());

        CliRun wrong = CliRun.of("run", "stdp-balance", "--set", "rule=test-slow-stdp", "--set", "stdp-pair.A_minus=0.02",
                "--out", tmp.resolve("wrong").toString(), "--quiet");
        assertEquals(2, wrong.code());
        assertEquals(1, wrong.err().strip().lines().count(), wrong.err());
        assertTrue(wrong.err().contains("'stdp-pair.A_minus' is a parameter of rule stdp-pair, and rule is test-slow-stdp"), wrong.err());
        assertFalse(Files.exists(tmp.resolve("wrong")));
    }
}
