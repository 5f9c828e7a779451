package org.neuroai.bench;

import java.util.concurrent.TimeUnit;
import org.neuroai.ann.FloatProduct;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.core.Params;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One minibatch update of Krotov &amp; Hopfield's competing layer as the MNIST experiment runs it:
 * 2000 hidden units, 784 inputs, 100 MNIST images per minibatch, the currents computed in plain
 * Java (which skips blank pixels) or by ND4J's BLAS.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KrotovHopfieldBench {
    @Param({"java", "nd4j"})
    public String currents;

    @Param({"2000"})
    public int hidden;

    private static final int BATCH = 100;
    private CompetingLayer layer;
    private float[][] batches;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        KrotovHopfieldRule rule = new KrotovHopfieldRule();
        Params p = Params.defaults(rule.parameters());
        CompetingLayer.Currents kernel = CompetingLayer.JAVA;
        if (currents.equals("nd4j")) {
            FloatProduct product = new FloatProduct();
            kernel = product::multiply;
        }
        layer = new CompetingLayer(p, 784, hidden, CompetingLayer.Step.NORMALISED, 1.0, 1, kernel);
        double[][] images = Inputs.mnist(10 * BATCH);
        batches = new float[10][BATCH * 784];
        for (int b = 0; b < 10; b++) {
            for (int s = 0; s < BATCH; s++) {
                for (int i = 0; i < 784; i++) {
                    batches[b][s * 784 + i] = (float) images[b * BATCH + s][i];
                }
            }
        }
    }

    @Benchmark
    public void minibatch() {
        layer.train(batches[next], BATCH, 0.02);
        next = (next + 1) % batches.length;
    }
}
