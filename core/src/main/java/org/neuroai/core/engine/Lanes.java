package org.neuroai.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Threads on which the learners of one run work side by side: learner i always works on lane
 * i mod n, so a network keeps its thread (and its native workspaces) for the whole run, and every
 * call waits for all lanes, so results do not depend on the number of lanes. One lane works on the
 * caller's thread.
 */
public final class Lanes implements AutoCloseable {
    private final List<ExecutorService> lanes = new ArrayList<>();

    private Lanes(int n) {
        for (int i = 0; i < n && n > 1; i++) {
            lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "neuroai-lane");
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /**
     * Lanes for a run.
     *
     * @param n how many (1: everything on the caller's thread)
     * @return the lanes; close them when the run is over
     */
    public static Lanes of(int n) {
        return new Lanes(Math.max(1, n));
    }

    /** How many lanes. */
    public int size() {
        return Math.max(1, lanes.size());
    }

    /**
     * Runs {@code task(i)} for i in [0, count), task i on lane i mod {@link #size()}, and waits for all.
     *
     * @param count how many tasks
     * @param task the work of one index
     * @throws RuntimeException what a task threw (the first, in index order)
     */
    public void forEach(int count, IntConsumer task) {
        if (lanes.size() <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        List<Future<?>> done = new ArrayList<>();
        for (int l = 0; l < Math.min(count, lanes.size()); l++) {
            int lane = l;
            done.add(lanes.get(lane).submit(() -> {
                for (int i = lane; i < count; i += lanes.size()) {
                    task.accept(i);
                }
            }));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
