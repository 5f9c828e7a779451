package org.neuroai.compare.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an experiment's seeds in parallel and hands back their results in seed order. */
public final class Seeds {
    private Seeds() {}

    /** The work of one seed. */
    @FunctionalInterface
    public interface Job<R> {
        /**
         * @param index position of the seed in the run's seed list
         * @param seed the seed
         * @return what the seed produced
         * @throws Exception anything; runtime exceptions (such as a UserError) reach the caller as they are
         */
        R run(int index, long seed) throws Exception;
    }

    /**
     * The seed of a run's initial weights, derived from its seed but apart from it, so that the
     * order of samples (the run seed) and the initial weights never share a random stream.
     *
     * @param seed the run seed
     * @return the weight seed
     */
    public static long weightSeed(long seed) {
        return seed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL;
    }

    /**
     * How many seeds to run at once.
     *
     * @param setting the experiment's "threads" setting, 0 for one per core
     * @param seeds number of seeds
     * @return between 1 and the number of seeds
     */
    public static int threads(int setting, int seeds) {
        int t = setting == 0 ? Runtime.getRuntime().availableProcessors() : setting;
        return Math.max(1, Math.min(t, seeds));
    }

    /**
     * Runs every seed, {@code threads} at a time.
     *
     * @param seeds the seeds
     * @param threads how many at once
     * @param job the work of one seed
     * @param <R> what a seed produces
     * @return the results, in seed order
     * @throws IOException when a seed fails with a checked exception, or the run is interrupted
     */
    public static <R> List<R> inParallel(long[] seeds, int threads, Job<R> job) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> jobs = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                int index = i;
                jobs.add(pool.submit(() -> job.run(index, seeds[index])));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : jobs) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
