package org.neuroai.bio.spiking.neurons;

/**
 * Many spike sources merged into one stream in time order, by a binary min-heap holding each
 * source's pending spike: O(log n) per spike and no allocation after construction. Ties go to
 * either source.
 */
public final class SpikeQueue {
    private final SpikeSource[] sources;
    private final double[] pending;
    private final int[] heap;

    /** @param sources the sources, each read by this queue only; their index identifies them */
    public SpikeQueue(SpikeSource[] sources) {
        this.sources = sources.clone();
        int n = sources.length;
        pending = new double[n];
        heap = new int[n];
        for (int i = 0; i < n; i++) {
            pending[i] = this.sources[i].next();
            heap[i] = i;
        }
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** The time of the earliest pending spike, or {@link Double#POSITIVE_INFINITY} when every source has ended. */
    public double peekTime() {
        return heap.length == 0 ? Double.POSITIVE_INFINITY : pending[heap[0]];
    }

    /** The index of the source of the earliest pending spike. */
    public int peekSource() {
        return heap[0];
    }

    /** Consumes the earliest pending spike and reads the next spike of its source. */
    public void pop() {
        int s = heap[0];
        pending[s] = sources[s].next();
        siftDown(0);
    }

    private void siftDown(int i) {
        int n = heap.length;
        int item = heap[i];
        double key = pending[item];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && pending[heap[child + 1]] < pending[heap[child]]) {
                child++;
            }
            if (pending[heap[child]] >= key) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }
}
