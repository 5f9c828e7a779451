package org.neuroai.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One spike event at one synapse, processed in closed form: a presynaptic spike (which returns
 * the synapse's efficacy) or, for the STDP rules, a postsynaptic spike too, on Poisson trains of
 * 10 Hz on either side. Time moves forward for ever, so every event decays the traces.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpikeEventBench {
    @Param({"stdp-pair", "stdp-triplet", "tsodyks-markram"})
    public String rule;

    private SpikeSynapse synapse;
    private double[] gaps;
    private boolean[] post;
    private boolean timing;
    private double t;
    private int next;

    @Setup
    public void build() {
        SpikeRule r = Registry.get(SpikeRule.class, rule, "spike rule");
        synapse = r.create(Params.defaults(r.parameters()));
        timing = r.timingDependent();
        SplittableRandom random = new SplittableRandom(3);
        gaps = new double[4096];
        post = new boolean[gaps.length];
        for (int i = 0; i < gaps.length; i++) {
            // the superposition of two 10 Hz Poisson trains: events 20 per second, each from either side
            gaps[i] = -Math.log(1.0 - random.nextDouble()) * 50.0;
            post[i] = random.nextBoolean();
        }
    }

    @Benchmark
    public double event() {
        t += gaps[next];
        double w = 0;
        if (timing && post[next]) {
            synapse.post(t);
        } else {
            w = synapse.pre(t);
        }
        next = (next + 1) & 4095;
        return w;
    }
}
