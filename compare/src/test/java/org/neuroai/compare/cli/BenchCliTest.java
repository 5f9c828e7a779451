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
    void anUnknownBenchmarkIsOneLine() {
        CliRun r = CliRun.of("bench", "nosuch");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown benchmark 'nosuch'"), r.err());
    }
}
