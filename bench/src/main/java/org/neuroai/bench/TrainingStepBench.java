package org.neuroai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.Batch;
import org.neuroai.core.Registry;
import org.neuroai.core.SampleStream;
import org.neuroai.core.WeightView;
import org.neuroai.core.engine.Lanes;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.TrainingLoop;
import org.neuroai.core.trace.CsvSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A step of the training loop: Oja's rule, 784 inputs × 10 units, one sample per step, through
 * {@link TrainingLoop}, with the weights written as CSV rows (the weights.csv every run writes)
 * every {@code stride} steps; stride 0 records nothing, so the difference is the price of recording.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrainingStepBench {
    private static final int STEPS = 1000;

    @Param({"0", "1", "100"})
    public long stride;

    private RuleNetwork net;
    private double[][] x;
    private Path file;
    private CsvSink sink;
    private final double[] copy = new double[10 * 784];

    @Setup(Level.Trial)
    public void build() throws java.io.IOException {
        PlasticityRule oja = Registry.get(PlasticityRule.class, "oja", "rule");
        net = new RuleNetwork("oja", oja, oja.params(Map.of("eta", 1e-3), "benchmark"), 784, 10, 0, 1.0, 1);
        x = Inputs.unitVectors(256, 784, 11);
        file = Files.createTempFile("neuroai-bench", ".csv");
        sink = new CsvSink(file, true);
    }

    @TearDown(Level.Trial)
    public void close() throws java.io.IOException {
        sink.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void steps() {
        net.reset();
        Schedule schedule = stride == 0 ? Schedule.uniform(STEPS, 1, STEPS).with(Schedule.Record.WEIGHTS, Schedule.NEVER)
                : Schedule.uniform(STEPS, 1, stride);
        try (Lanes lanes = Lanes.of(1)) {
            TrainingLoop loop = new TrainingLoop(List.of(net), null, schedule, lanes);
            loop.run(stream(), (step, learners, l) -> {
                if (stride == 0 || step % stride != 0) {
                    return;
                }
                WeightView w = net.weights();
                w.copy("w", copy);
                for (int i = 0; i < copy.length; i++) {
                    sink.row("oja", 0, step, "w", i, copy[i]);
                }
            });
        }
    }

    private SampleStream stream() {
        return new SampleStream() {
            private long position;

            @Override
            public Batch next(int n) {
                double[][] rows = new double[n][];
                for (int i = 0; i < n; i++) {
                    rows[i] = x[(int) ((position + i) & 255)];
                }
                Batch b = new Batch(rows, null, position);
                position += n;
                return b;
            }

            @Override
            public long position() {
                return position;
            }
        };
    }
}
