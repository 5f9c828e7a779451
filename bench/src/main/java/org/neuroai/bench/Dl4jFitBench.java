package org.neuroai.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One fit iteration of the network the MNIST comparisons train: 784-256-10, ReLU, softmax with
 * cross-entropy, Adam, a minibatch of 128 images, through the toolkit's {@link Learner#learn}
 * (which converts the batch to ND4J arrays, as every experiment does).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Dl4jFitBench {
    private static final int BATCH = 128;
    private Learner net;
    private Batch[] batches;
    private int next;

    @Setup
    public void build() {
        NetworkFactory f = Registry.get(NetworkFactory.class, "mlp", "network");
        Params p = Params.resolve(f.parameters(), Map.of("hidden", "256", "outputs", 10, "activation", "relu", "output", "softmax-ce",
                "optimiser", "adam", "lr", 1e-3, "batch", BATCH), "benchmark");
        net = f.create("mlp", p, 784, 1);
        var data = org.neuroai.core.data.Datasets.mnistTrain(8 * BATCH);
        batches = new Batch[8];
        for (int b = 0; b < batches.length; b++) {
            double[][] x = new double[BATCH][];
            double[][] y = new double[BATCH][10];
            for (int s = 0; s < BATCH; s++) {
                x[s] = data.inputs()[b * BATCH + s];
                y[s][data.labels()[b * BATCH + s]] = 1;
            }
            batches[b] = new Batch(x, y, (long) b * BATCH);
        }
    }

    @Benchmark
    public void fitIteration() {
        net.learn(batches[next]);
        next = (next + 1) % batches.length;
    }
}
