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
    void ghaMnistLearnsASubspaceThatReconstructsBetter() throws IOException {
        CliRun r = CliRun.of("bench", "gha-mnist", "--images", "400", "--test-images", "300", "--seed", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(400, j.get("images").asInt());
        assertEquals(300, j.get("test_images").asInt());
        // rows of unit norm in random directions span a random 100-dimensional subspace of 784, which keeps about
        // 100/784 of an input's power: the error starts near 1 - 100/784 = 0.87
        double before = j.get("reconstruction_error_initial").asDouble();
        assertEquals(1 - 100.0 / 784, before, 0.05, r.out());
        // Sanger's rule drives the rows towards the leading principal directions, which hold most of MNIST's power
        double after = j.get("reconstruction_error").asDouble();
        assertTrue(after < 0.6 * before, r.out());
        // the rows of the later units converge slowly (small eigenvalues): only that the measure is reported
        assertTrue(j.get("orthonormality_error").asDouble() >= 0, r.out());
        assertTrue(j.get("samples_per_cpu_s").asDouble() > 0);
    }

    @Test
    void krotovHopfieldMnistDrivesWinningUnitsTowardsTheUnitSphere() throws IOException {
        CliRun r = CliRun.of("bench", "krotov-hopfield-mnist", "--images", "500", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(500, j.get("images").asInt());
        // N(0, 1) weights on 784 inputs: ||W||_3 = (784 E|z|^3)^(1/3) = (784 * 2 sqrt(2/pi))^(1/3) = 10.8
        double before = j.get("mean_p_norm_initial").asDouble();
        assertEquals(Math.cbrt(784 * 2 * Math.sqrt(2 / Math.PI)), before, 0.2, r.out());
        // 5 minibatches of 100: at most two units learn per image, so between 1 and 1000 units changed, and the
        // winners' norms shrink towards 1
        int changed = j.get("units_changed").asInt();
        assertTrue(changed >= 1 && changed <= 1000, r.out());
        assertTrue(j.get("mean_p_norm").asDouble() < before, r.out());
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
