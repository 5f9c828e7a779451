package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Runs the benchmark on a tiny workload to check it works; its timings are not asserted. */
class BenchCliTest {
    @Test
    void listenerOverheadReportsBothMedians() throws IOException {
        CliRun r = CliRun.of("bench", "listener-overhead", "--repeats", "1", "--images", "256", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("median_s_without").asDouble() > 0);
        assertTrue(j.get("median_s_with").asDouble() > 0);
        assertEquals(10, j.get("stride_iterations").asInt());
    }

    @Test
    void mlpMnistTrainsOnASeededShuffleAndReportsItsOrder() throws IOException {
        CliRun r = CliRun.of("bench", "mlp-mnist", "--images", "1280", "--seed", "3", "--warmup", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1280, j.get("images").asInt());
        assertEquals(3, j.get("seed").asInt());
        int[] order = SplitMixOrder.permutation(1280, 3);
        for (int i = 0; i < 5; i++) {
            assertEquals(order[i], j.get("order_head").get(i).asInt());
        }
        // ten batches lift a 10-class network well above chance (0.1) on the test set
        assertTrue(j.get("test_acc").asDouble() > 0.3, r.out());
        assertTrue(j.get("samples_per_s").asDouble() > 0);
        assertTrue(j.get("samples_per_cpu_s").asDouble() > 0);
    }

    @Test
    void theWarmupNetworkLeavesTheTimedOneUntouched() throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode cold = m.readTree(CliRun.of("bench", "mlp-mnist", "--images", "640", "--warmup", "0", "--json").out());
        JsonNode warm = m.readTree(CliRun.of("bench", "mlp-mnist", "--images", "640", "--warmup", "7", "--json").out());
        assertEquals(7, warm.get("warmup_iterations").asInt());
        // same seed, same order, same initial weights: the same predictions on all 10,000 test images
        assertEquals(cold.get("test_acc").asDouble(), warm.get("test_acc").asDouble(), 0.0);
    }

    @Test
    void mlpMnistRefusesMoreImagesThanMnistHas() {
        CliRun r = CliRun.of("bench", "mlp-mnist", "--images", "70000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--images must be in [128, 60000]"), r.err());
    }

    @Test
    void anUnknownBenchmarkIsOneLine() {
        CliRun r = CliRun.of("bench", "nosuch");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown benchmark 'nosuch'"), r.err());
    }
}
