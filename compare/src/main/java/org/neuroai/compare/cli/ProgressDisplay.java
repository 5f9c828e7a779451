package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.neuroai.core.trace.Progress;

/**
 * Shows how far the current run has got, on the error stream so that standard output stays
 * clean for scripts: a bar with rate and time left, redrawn in place, on a terminal; a plain line
 * every {@value #LINE_SECONDS} s otherwise (CI logs); nothing with {@code --quiet} or
 * {@code --json}.
 */
public final class ProgressDisplay implements AutoCloseable {
    /** Seconds between plain lines when not on a terminal. */
    static final int LINE_SECONDS = 10;
    private static final int BAR_WIDTH = 24;

    /** How progress is shown. */
    public enum Mode {
        /** A bar redrawn in place. */
        BAR,
        /** A line now and then. */
        LINES,
        /** Nothing. */
        OFF;

        /** The mode for these options and this process's terminal. */
        public static Mode choose(boolean quiet, boolean json) {
            if (quiet || json) {
                return OFF;
            }
            return System.console() != null ? BAR : LINES;
        }
    }

    private final PrintWriter err;
    private final Mode mode;
    private final String label;
    private final String unit;
    private final Thread thread;
    private volatile boolean stopped;
    private int lastWidth;

    /**
     * Starts showing progress.
     *
     * @param err where to write
     * @param mode how
     * @param label what runs (an experiment's name)
     * @param unit the step unit, plural ("presentations")
     */
    ProgressDisplay(PrintWriter err, Mode mode, String label, String unit) {
        this.err = err;
        this.mode = mode;
        this.label = label;
        this.unit = unit;
        if (mode == Mode.OFF) {
            thread = null;
            return;
        }
        thread = new Thread(this::loop, "progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long pause = mode == Mode.BAR ? 200 : LINE_SECONDS * 1000L;
        while (!stopped) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            if (!stopped) {
                show();
            }
        }
    }

    private synchronized void show() {
        Progress p = Progress.current();
        if (p == null) {
            return;
        }
        if (mode == Mode.BAR) {
            String line = bar(label, p.done(), p.total(), p.elapsedSeconds(), unit);
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println("neuroai: " + line(label, p.done(), p.total(), p.elapsedSeconds(), unit));
        }
        err.flush();
    }

    /**
     * Runs a spec while showing its progress.
     *
     * @param spec what to run
     * @param dir the output folder
     * @param replace whether an earlier run there may be replaced (--force)
     * @param err where progress goes
     * @param mode how progress is shown
     * @param announce called once the spec has been checked, just before the run starts
     * @return the run's result
     */
    static org.neuroai.compare.Runner.Result run(org.neuroai.core.RunSpec spec, java.nio.file.Path dir, boolean replace, PrintWriter err, Mode mode,
                                                  Runnable announce) {
        return run(spec, dir, replace, err, mode, spec.experiment(), announce);
    }

    /**
     * Runs a spec while showing its progress under a label of its own.
     *
     * @param spec what to run
     * @param dir the output folder
     * @param replace whether an earlier run there may be replaced (--force)
     * @param err where progress goes
     * @param mode how progress is shown
     * @param label what the display calls the run
     * @param announce called once the spec has been checked, just before the run starts
     * @return the run's result
     */
    static org.neuroai.compare.Runner.Result run(org.neuroai.core.RunSpec spec, java.nio.file.Path dir, boolean replace, PrintWriter err, Mode mode,
                                                  String label, Runnable announce) {
        ProgressDisplay[] display = new ProgressDisplay[1];
        try {
            return org.neuroai.compare.Runner.run(spec, dir, replace, (org.neuroai.compare.engine.Study study) -> {
                announce.run();
                display[0] = new ProgressDisplay(err, mode, label, study.stepUnit());
            });
        } finally {
            if (display[0] != null) {
                display[0].close();
            }
        }
    }

    /** Stops the display and clears the bar. */
    @Override
    public synchronized void close() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
        if (mode == Mode.BAR && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }

    /**
     * The bar: {@code "pca [#########---------------]  38 %  7.6k/s  0:12 left"}; without a known
     * total, the count and rate only.
     *
     * @param label what runs
     * @param done work done
     * @param total all the work, or 0 when unknown
     * @param seconds time since the start
     * @param unit what the work counts, plural
     * @return the bar
     */
    public static String bar(String label, long done, long total, double seconds, String unit) {
        String rate = rate(done, seconds) + "/s";
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s %s %s  %s  %s", label, count(done), unit, rate, clock(seconds));
        }
        double f = Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * BAR_WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d %%  %s  %s left", label, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                (int) Math.floor(f * 100), rate, eta(done, total, seconds));
    }

    /**
     * The plain line: {@code "pca 38 % (7,600 of 20,000 presentations, 7.6k/s, about 0:12 left)"}.
     *
     * @param label what runs
     * @param done work done
     * @param total all the work, or 0 when unknown
     * @param seconds time since the start
     * @param unit what the work counts, plural
     * @return the line
     */
    public static String line(String label, long done, long total, double seconds, String unit) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s: %s %s after %s (%s/s)", label, count(done), unit, clock(seconds), rate(done, seconds));
        }
        double f = Math.min(1, (double) done / total);
        return String.format(Locale.ROOT, "%s %d %% (%s of %s %s, %s/s, about %s left)", label, (int) Math.floor(f * 100), count(done),
                count(total), unit, rate(done, seconds), eta(done, total, seconds));
    }

    /** Time left at the mean rate so far, as m:ss (or h:mm:ss); "?" before any work is done. */
    static String eta(long done, long total, double seconds) {
        if (done <= 0 || seconds <= 0) {
            return "?";
        }
        return clock(seconds * (total - Math.min(done, total)) / done);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String rate(long done, double seconds) {
        if (seconds <= 0) {
            return "?";
        }
        double r = done / seconds;
        if (r >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", r / 1e6);
        }
        if (r >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", r / 1e3);
        }
        return String.format(Locale.ROOT, r < 10 ? "%.1f" : "%.0f", r);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
