package org.neuroai.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
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
 * One online update of a rate rule on a 784 × N weight matrix (the size of an MNIST layer): the
 * unit's outputs for one input, then every weight's change, as {@link RuleNetwork#present} does
 * it inside every experiment. The network restarts from its initial weights at every iteration,
 * so the unnormalised rules (Hebb) cannot run into overflow.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleUpdateBench {
    @Param({"oja", "gha", "bcm", "hebb"})
    public String rule;

    @Param({"10", "100"})
    public int units;

    private RuleNetwork net;
    private double[][] x;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        PlasticityRule r = Registry.get(PlasticityRule.class, rule, "rule");
        Params p = r.params(Map.of("eta", 1e-3), "benchmark");
        net = new RuleNetwork(rule, r, p, 784, units, 0, 1.0, 1);
        x = Inputs.unitVectors(256, 784, 7);
    }

    @Setup(Level.Iteration)
    public void restart() {
        net.reset();
    }

    @Benchmark
    public void present() {
        net.present(x[next], null);
        next = (next + 1) & 255;
    }
}
