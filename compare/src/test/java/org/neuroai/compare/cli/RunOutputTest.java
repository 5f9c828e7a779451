package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.neuroai.compare.engine.SmokeRuns;

/** What {@code neuroai run} prints for people and for scripts, and the progress it measures. */
class RunOutputTest {
    @TempDir
    Path tmp;

    @Test
    void jsonPrintsOneObjectWithTheFinalValuesAndNothingElse() throws Exception {
        Path out = tmp.resolve("xor");
        CliRun o = CliRun.of("run", "xor", "--quick", "--seeds", "2", "--set", "steps=200", "--json", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err(), "no progress with --json");
        assertEquals(1, o.out().strip().lines().count(), o.out());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("xor", j.get("experiment").asText());
        assertEquals(2, j.get("seeds").asInt());
        assertEquals(out.toAbsolutePath().normalize().toString(), j.get("out").asText());
        Set<String> learners = new HashSet<>();
        for (JsonNode f : j.get("finals")) {
            learners.add(f.get("learner").asText());
            assertEquals(200, f.get("step").asLong());
            assertEquals(2, f.get("seeds").asInt());
        }
        assertEquals(Set.of("hebb", "perceptron", "delta", "mlp"), learners);
        for (JsonNode f : j.get("files")) {
            assertTrue(Files.exists(out.resolve(f.asText())), f.asText());
        }
        assertTrue(j.get("figures").size() > 0);
    }

    @Test
    void theSpecWrittenIntoARunRunsItAgainToTheSameTraces() throws Exception {
        Path first = tmp.resolve("first");
        assertEquals(0, CliRun.of("run", "xor", "--quick", "--seeds", "2", "--set", "steps=300", "--set", "noise=0.2", "--quiet",
                "--out", first.toString()).code());
        Path spec = first.resolve("spec.yaml");
        assertTrue(Files.readString(spec).contains("  noise: 0.2\n"), "the user's value is in the spec");
        Path again = tmp.resolve("again");
        CliRun o = CliRun.of("run", spec.toString(), "--quiet", "--out", again.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(Files.readString(first.resolve("curves.csv")), Files.readString(again.resolve("curves.csv")));
        assertEquals(Files.readString(spec), Files.readString(again.resolve("spec.yaml")));
    }

    @Test
    void aSweepSaysInJsonWhatItRanAndWhatItFoundDone() throws Exception {
        String[] args = {"sweep", "xor", "--quick", "--grid", "delta.eta=0.01,0.05", "--set", "steps=100", "--json",
                "--out", tmp.resolve("sw").toString()};
        CliRun first = CliRun.of(args);
        assertEquals(0, first.code(), first.err());
        assertEquals("", first.err());
        JsonNode j = new ObjectMapper().readTree(first.out());
        assertEquals(2, j.get("points_run").asInt());
        assertEquals(0, j.get("points_already_done").asInt());
        assertTrue(Files.isRegularFile(Path.of(j.get("csv").asText())));
        assertTrue(Files.isRegularFile(Path.of(j.get("figures").get(0).asText())));
        JsonNode again = new ObjectMapper().readTree(CliRun.of(args).out());
        assertEquals(0, again.get("points_run").asInt());
        assertEquals(2, again.get("points_already_done").asInt());
        CliRun quiet = CliRun.of("sweep", "xor", "--quick", "--grid", "delta.eta=0.01", "--set", "steps=100", "--quiet",
                "--out", tmp.resolve("sq").toString());
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.out() + quiet.err());
    }

    @Test
    void quietPrintsNothing() {
        CliRun o = CliRun.of("run", "xor", "--quick", "--set", "steps=100", "--quiet", "--out", tmp.resolve("q").toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.out());
        assertEquals("", o.err());
        assertTrue(Files.isRegularFile(tmp.resolve("q").resolve("curves.csv")));
    }

    static java.util.stream.Stream<String> smokeRuns() {
        return SmokeRuns.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("smokeRuns")
    void theProgressOfARunReachesItsDeclaredWorkExactly(String name) {
        long[] work = SmokeRuns.work(name);
        assertTrue(work[0] > 0, "the experiment declares its work");
        assertEquals(work[0], work[1], "work reported equals work declared");
    }

    @Test
    void theBarAndTheLineSayHowFarWhatRateAndHowLong() {
        assertEquals("pca [######------------------]  25 %  2.5/s  0:30 left",
                ProgressDisplay.bar("pca", 25, 100, 10, "presentations"));
        assertEquals("pca 25 % (25 of 100 presentations, 2.5/s, about 0:30 left)",
                ProgressDisplay.line("pca", 25, 100, 10, "presentations"));
        assertEquals("run: 12,000 ms after 1:05:00 (3.1/s)", ProgressDisplay.line("run", 12_000, 0, 3900, "ms"));
        assertEquals("?", ProgressDisplay.eta(0, 100, 5));
        assertEquals("1:00:00", ProgressDisplay.eta(1, 2, 3600));
        assertEquals("12.0k", ProgressDisplay.rate(120_000, 10));
    }
}
