package org.neuroai.compare.cli;

/**
 * A seeded order of samples that is simple enough to reproduce exactly in another language: a
 * Fisher-Yates shuffle driven by SplitMix64 (Steele, Lea and Flood 2014), so that
 * {@code bench/mlp_mnist_torch.py} trains on the same samples in the same order as
 * {@code neuroai bench mlp-mnist}.
 */
final class SplitMixOrder {
    private long state;

    /** @param seed the generator's initial state */
    SplitMixOrder(long seed) {
        this.state = seed;
    }

    /** The next 64-bit output (read as unsigned). */
    long next() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A permutation of 0..n-1: position i (from the last down to the second) swaps with position
     * {@code next() mod (i + 1)}, the output read as an unsigned number.
     *
     * @param n number of samples
     * @param seed the seed of the order
     * @return the sample indices in training order
     */
    static int[] permutation(int n, long seed) {
        SplitMixOrder r = new SplitMixOrder(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(r.next(), i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
