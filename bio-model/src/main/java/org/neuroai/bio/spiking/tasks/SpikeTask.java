package org.neuroai.bio.spiking.tasks;

import org.neuroai.bio.spiking.neurons.SpikeQueue;
import org.neuroai.bio.spiking.neurons.SpikeSource;
import org.neuroai.core.Batch;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Spikes;
import org.neuroai.core.Split;
import org.neuroai.core.Task;

/**
 * A task of spikes: a number of inputs, each a spike train, merged in time order. Its stream hands
 * out, for a chunk of n steps from position p, the window [p, p + n) ms of simulated time with
 * every input spike in it ({@link Batch#of(Spikes, long)}); so a step is 1 ms. There is nothing to
 * hold out: a spiking learner is scored by what it does on the training trains (its rates, its
 * weights), and {@link #heldOut()} is empty.
 */
public abstract class SpikeTask implements Task {
    private final String name;
    private final int inputs;

    /**
     * @param name the task's registered name
     * @param inputs number of inputs
     */
    protected SpikeTask(String name, int inputs) {
        this.name = name;
        this.inputs = inputs;
    }

    /**
     * The trains of one run, one source per input, each at its first spike.
     *
     * @param seed the run's seed
     * @return the sources, read by one stream only
     */
    protected abstract SpikeSource[] sources(long seed);

    @Override
    public String name() {
        return name;
    }

    /** The number of inputs. */
    @Override
    public int inputDim() {
        return inputs;
    }

    /** A task of spikes. */
    @Override
    public boolean spiking() {
        return true;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        return new Stream(new SpikeQueue(sources(orderSeed)), inputs);
    }

    /** Nothing is held out (see the class comment). */
    @Override
    public Split heldOut() {
        return new Split("none", new double[0][], null);
    }

    /** The windows of one run, in order. */
    private static final class Stream implements SampleStream {
        private final SpikeQueue queue;
        private final int inputs;
        private long position;
        private int[] source = new int[64];
        private double[] time = new double[64];

        Stream(SpikeQueue queue, int inputs) {
            this.queue = queue;
            this.inputs = inputs;
        }

        @Override
        public Batch next(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a window needs at least 1 ms, not " + n);
            }
            long from = position;
            double end = from + n;
            int k = 0;
            for (double t = queue.peekTime(); t < end; t = queue.peekTime()) {
                if (k == source.length) {
                    source = java.util.Arrays.copyOf(source, 2 * k);
                    time = java.util.Arrays.copyOf(time, 2 * k);
                }
                source[k] = queue.peekSource();
                time[k++] = t;
                queue.pop();
            }
            position = from + n;
            return Batch.of(new Spikes(from, end, inputs, java.util.Arrays.copyOf(source, k), java.util.Arrays.copyOf(time, k)), from);
        }

        @Override
        public long position() {
            return position;
        }
    }
}
