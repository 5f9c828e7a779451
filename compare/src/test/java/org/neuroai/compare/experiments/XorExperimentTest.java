package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Summary;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The xor experiment's acceptance numbers on five seeds, in quick mode (1000 presentations; the
 * MLP settles on all four corners within 440 presentations on every one of 20 seeds tried, and the
 * full 2000 would take this shared two-core machine over 20 s), and the grid behind its decision
 * regions.
 */
class XorExperimentTest {
    @TempDir
    static Path tmp;
    static Path run;
    static List<TraceRow> rows;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("xor");
        Runner.run(new RunSpec("xor", 5, 0, true, Map.of(), "test"), run);
        rows = TraceReader.read(run.resolve("curves.csv"), r -> true);
    }

    @Test
    void onlyTheHiddenLayerLearnsXorOnEverySeed() {
        assertEquals(Set.of("hebb", "perceptron", "delta", "mlp"), rows.stream().map(TraceRow::learner).collect(Collectors.toSet()));
        for (long seed = 0; seed < 5; seed++) {
            long s = seed;
            for (Summary.Final f : Summary.finals(rows.stream().filter(r -> r.seed() == s).toList())) {
                assertEquals(1000, f.step());
                if (!f.metric().equals("accuracy")) {
                    continue;
                }
                if (f.learner().equals("mlp")) {
                    assertTrue(f.mean() >= 0.99, "mlp, seed " + seed + ": " + f.mean());
                } else {
                    assertTrue(f.mean() <= 0.75, f.learner() + ", seed " + seed + ": " + f.mean());
                }
            }
        }
        // no single layer is ever right on all four corners, at any checkpoint (Minsky & Papert 1969)
        assertTrue(rows.stream().filter(r -> !r.learner().equals("mlp") && r.metric().equals("accuracy")).allMatch(r -> r.value() <= 0.75));
        // the delta rule's squared error ends near that of the least-squares plane, 0.25
        assertTrue(rows.stream().filter(r -> r.learner().equals("delta") && r.metric().equals("mse") && r.step() == 1000)
                .allMatch(r -> Math.abs(r.value() - 0.25) < 0.01));
        // everyone is scored at the same checkpoints: 0, 20, ..., 1000
        Map<String, Set<Long>> steps = rows.stream().collect(Collectors.groupingBy(TraceRow::learner,
                Collectors.mapping(TraceRow::step, Collectors.toSet())));
        assertEquals(51, steps.get("mlp").size());
        assertEquals(steps.get("mlp"), steps.get("hebb"));
        assertEquals(steps.get("mlp"), steps.get("perceptron"));
    }

    @Test
    void everyFileIsWritten() throws IOException {
        for (String f : List.of("curves.csv", "weights.csv", "boundary.csv", "points.csv", "learning_curves.png", "learning_curves.svg",
                "decision_regions.png", "decision_regions.svg", "provenance.json")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        assertEquals(List.of("x1,x2,target", "0.0,0.0,0.0", "0.0,1.0,1.0", "1.0,0.0,1.0", "1.0,1.0,0.0"),
                Files.readAllLines(run.resolve("points.csv")));
    }

    /** learner → (x1, x2) → output, from boundary.csv. */
    private static Map<String, Map<List<Double>, double[]>> grid() throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("boundary.csv"));
        assertEquals("learner,seed,x1,x2,output,class", lines.get(0));
        Map<String, Map<List<Double>, double[]>> g = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals("0", f[1], "the grid is the first seed's");
            g.computeIfAbsent(f[0], k -> new HashMap<>()).put(List.of(Double.parseDouble(f[2]), Double.parseDouble(f[3])),
                    new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5])});
        }
        return g;
    }

    @Test
    void theDecisionGridIsWhatTheLearnersAnswer() throws IOException {
        Map<String, Map<List<Double>, double[]>> g = grid();
        assertEquals(Set.of("hebb", "perceptron", "delta", "mlp"), g.keySet());
        for (Map<List<Double>, double[]> learner : g.values()) {
            assertEquals(61 * 61, learner.size(), "quick mode: a 61 x 61 grid");
            for (double[] v : learner.values()) {
                assertEquals(v[0] >= 0.5 ? 1.0 : 0.0, v[1], "the class is whether the output reaches 0.5");
            }
        }
        // the grid holds the corners, where the mlp answers XOR
        double[][] corners = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
        for (double[] c : corners) {
            assertEquals(c[2], g.get("mlp").get(List.of(c[0], c[1]))[1], "mlp at " + c[0] + "," + c[1]);
        }
        // a linear unit's output is affine in the inputs, so its boundary is a straight line:
        // f(a) + f(b) = f(c) + f(d) for any parallelogram a, b, c, d
        for (String linear : List.of("hebb", "delta")) {
            Map<List<Double>, double[]> m = g.get(linear);
            double lhs = m.get(List.of(-0.5, -0.5))[0] + m.get(List.of(1.5, 1.5))[0];
            double rhs = m.get(List.of(-0.5, 1.5))[0] + m.get(List.of(1.5, -0.5))[0];
            assertEquals(lhs, rhs, 1e-9 * (1 + Math.abs(lhs)), linear);
        }
        // the perceptron's threshold unit answers 0 or 1 only
        assertTrue(g.get("perceptron").values().stream().allMatch(v -> v[0] == 0 || v[0] == 1));
    }
}
