package org.neuroai.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a run will hold in memory, estimated before anything is allocated. Whatever sizes memory
 * declares into one footprint: a network its weights, gradients and optimiser state (ND4J's
 * native memory), a layer of units or a spiking network its synapses (the Java heap), the
 * recording the rows it will read back. {@link #check} then compares the sums with the limits of
 * this JVM and refuses, naming the key, the estimate and the limit, a run that could not fit:
 * beyond the limits ND4J crashes the JVM in native code, or the heap runs out hours into a run.
 *
 * <p>The limits: the heap's {@link Runtime#maxMemory()} ({@code -Xmx}); ND4J's native memory
 * {@code org.bytedeco.javacpp.maxbytes} when set, else, as JavaCPP itself does, the heap's limit.
 */
public final class Footprint {
    /** Where memory is taken from. */
    public enum Pool {
        /** The Java heap: arrays of the learners, traces read back. */
        HEAP("of Java heap", "-Xmx"),
        /** Native memory outside the heap, where ND4J keeps its arrays. */
        NATIVE("of ND4J's native memory", "org.bytedeco.javacpp.maxbytes");

        private final String words;
        private final String limitName;

        Pool(String words, String limitName) {
            this.words = words;
            this.limitName = limitName;
        }
    }

    /**
     * One declared need.
     *
     * @param key the key whose value sets it ("learners[0].params.hidden", "steps"), for where it was given
     * @param what the key and its value in words, such as "'hidden' = 30000,30000 of learner 'mlp'"
     * @param bytes the estimate
     * @param pool where it is taken from
     */
    public record Need(String key, String what, double bytes, Pool pool) {}

    private final List<Need> needs = new ArrayList<>();

    /**
     * Declares a need. Estimates are doubles so that a product of hostile sizes cannot overflow.
     *
     * @param key the key whose value sets it
     * @param what the key and its value in words, for the message
     * @param bytes the estimate, in bytes
     * @param pool where it is taken from
     * @return this footprint
     */
    public Footprint need(String key, String what, double bytes, Pool pool) {
        needs.add(new Need(key, what, bytes, pool));
        return this;
    }

    /** Every need declared so far. */
    public List<Need> needs() {
        return List.copyOf(needs);
    }

    /** The declared total of a pool, in bytes. */
    public double total(Pool pool) {
        return needs.stream().filter(n -> n.pool() == pool).mapToDouble(Need::bytes).sum();
    }

    /**
     * The pools whose total is over their limit: for each, one line naming where the largest need
     * was given, its key and value, the estimate and the limit.
     *
     * @param where where a key was given (a file and line), for the message
     * @return one line per pool over its limit; empty when everything fits
     */
    public List<String> problems(Function<String, String> where) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Pool pool : List.of(Pool.NATIVE, Pool.HEAP)) {
            double total = total(pool);
            long limit = limit(pool);
            if (!(total <= limit)) {
                Need biggest = needs.stream().filter(n -> n.pool() == pool)
                        .max(java.util.Comparator.comparingDouble(Need::bytes)).orElseThrow();
                if (!named.add(biggest.key())) {
                    // one line per key: the pool it overfills first says enough
                    continue;
                }
                String others = biggest.bytes() < total ? " (" + bytes(total) + " with the rest of the run)" : "";
                out.add(where.apply(biggest.key()) + ": " + biggest.what() + " needs about " + bytes(biggest.bytes()) + " "
                        + pool.words + others + ", more than the limit of " + bytes(limit) + " (" + pool.limitName
                        + "); give smaller sizes, or raise the limit (NEUROAI_JAVA_OPTS=\"-Xmx8g\").");
            }
        }
        return out;
    }

    /**
     * Refuses a run that does not fit.
     *
     * @param where where a key was given, for the message
     * @throws UserError one line per pool over its limit
     */
    public void check(Function<String, String> where) {
        List<String> p = problems(where);
        if (!p.isEmpty()) {
            throw new UserError(String.join("\n", p));
        }
    }

    /** The limit of a pool in this JVM, in bytes. */
    public static long limit(Pool pool) {
        long heap = Runtime.getRuntime().maxMemory();
        if (pool == Pool.HEAP) {
            return heap;
        }
        long set = parseBytes(System.getProperty("org.bytedeco.javacpp.maxbytes"));
        return set > 0 ? set : heap;
    }

    /**
     * A size as JavaCPP reads its properties: a number with an optional k, m, g or t (binary
     * multiples), case-insensitive.
     *
     * @param text such as "2G" or "1048576"; null or malformed gives -1
     * @return the bytes, or -1
     */
    public static long parseBytes(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        char last = t.charAt(t.length() - 1);
        int shift = switch (last) {
            case 't' -> 40;
            case 'g' -> 30;
            case 'm' -> 20;
            case 'k' -> 10;
            default -> 0;
        };
        if (shift > 0) {
            mult = 1L << shift;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t) * mult;
            return v >= 1 && v < Long.MAX_VALUE ? (long) v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Bytes in words: "512 MB", "14.4 GB". */
    public static String bytes(double b) {
        if (b < 1e3) {
            return String.format(Locale.ROOT, "%.0f bytes", b);
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = b / 1e3;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
