package org.neuroai.ann.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.ann.networks.Mlp;
import org.neuroai.core.Batch;
import org.neuroai.core.trace.MemorySink;
import org.neuroai.core.trace.TraceRow;

class MonitorListenerTest {
    private static Batch batch(SplittableRandom r, int n) {
        double[][] x = new double[n][4];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextDouble(-1, 1);
            }
            y[i][0] = x[i][0] + x[i][1] > 0 ? 1 : 0;
        }
        return new Batch(x, y, 0);
    }

    @Test
    void plainSgdUpdatesAreTheLearningRateTimesTheGradient() {
        // For plain SGD the update is lr·g, so log10(|update|/|w|) = log10(lr |g| / |w|), where |w|
        // is read after the update: the listener's three numbers must satisfy it exactly.
        double lr = 0.05;
        Mlp mlp = new Mlp("mlp", new Mlp.Config(4, new int[] {5}, 1, "tanh", "sigmoid-ce", "sgd", lr, 0, 8, 0, 3));
        MemorySink m = new MemorySink();
        MemorySink h = new MemorySink();
        mlp.addListeners(new MonitorListener("mlp", 7, mlp::presentations, m, h, 1, 2, 10, 2.0));
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 6; i++) {
            mlp.learn(batch(r, 8));
        }
        List<TraceRow> rows = m.rows();
        assertEquals(6, rows.stream().filter(x -> x.metric().equals("loss")).count(), "stride 1: every iteration");
        for (long step = 8; step <= 48; step += 8) {
            long s = step;
            Map<String, Double> at = new java.util.HashMap<>();
            rows.stream().filter(x -> x.step() == s).forEach(x -> at.put(x.metric(), x.value()));
            double expected = Math.log10(lr * at.get("grad_norm:0_W") / at.get("weight_norm:0_W"));
            assertEquals(expected, at.get("update_ratio_log10:0_W"), 1e-5, "step " + s);
        }
        // the last recorded weight norm is the network's
        double norm = mlp.network().getParam("1_W").norm2Number().doubleValue();
        assertEquals(norm, rows.stream().filter(x -> x.metric().equals("weight_norm:1_W")).reduce((a, b) -> b).orElseThrow().value(), 1e-6);
        // histograms every second recorded iteration (0, 2, 4), each counting all 4·5 first-layer weights
        List<TraceRow> hist = h.rows().stream().filter(x -> x.metric().equals("hist:0_W")).toList();
        assertEquals(3 * 10, hist.size());
        assertEquals(20.0, hist.stream().filter(x -> x.step() == 8).mapToDouble(TraceRow::value).sum());
        assertTrue(m.rows().stream().noneMatch(x -> x.seed() != 7));
    }

    @Test
    void aStrideSkipsIterations() {
        Mlp mlp = new Mlp("mlp", new Mlp.Config(4, new int[] {3}, 1, "relu", "sigmoid-ce", "adam", 0.01, 0, 8, 0, 3));
        MemorySink m = new MemorySink();
        mlp.addListeners(new MonitorListener("mlp", 0, mlp::presentations, m, new MemorySink(), 5, 0, 10, 1.0));
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 12; i++) {
            mlp.learn(batch(r, 8));
        }
        assertEquals(List.of(8L, 48L, 88L), m.rows().stream().filter(x -> x.metric().equals("loss")).map(TraceRow::step).toList(),
                "iterations 0, 5 and 10");
    }
}
