package org.neuroai.compare.figures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.neuroai.compare.charts.Render;
import org.neuroai.compare.files.Divergences;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;

/** Finds registered figures and draws them for a run. */
public final class Figures {
    private Figures() {}

    /** Every registered figure, by name. */
    public static List<Figure> all() {
        return Registry.all(Figure.class);
    }

    /**
     * The figure of this name.
     *
     * @param name a registered figure
     * @return the figure
     * @throws UserError naming the registered figures when there is none of that name
     */
    public static Figure get(String name) {
        return Registry.get(Figure.class, name, "figure");
    }

    /** The files a figure reads that the run lacks (empty when it can be drawn). */
    public static List<String> missing(Figure f, RunFolder run) {
        List<String> out = new ArrayList<>();
        for (String file : f.reads()) {
            if (!run.has(file)) {
                out.add(file);
            }
        }
        return out;
    }

    /**
     * Draws one figure into the run folder.
     *
     * @param f the figure
     * @param run the run
     * @throws IOException when a file cannot be written
     * @throws UserError when the run lacks a file the figure reads
     */
    public static void draw(Figure f, RunFolder run) throws IOException {
        requireFiles(f, run);
        f.draw(run).save(run.dir(), f.file());
    }

    /**
     * Refuses a figure the run lacks a file for.
     *
     * @param f the figure
     * @param run the run
     * @throws UserError naming the missing files and the figures that can be drawn
     */
    public static void requireFiles(Figure f, RunFolder run) {
        List<String> lacking = missing(f, run);
        if (!lacking.isEmpty()) {
            throw new UserError(run.dir() + ": figure '" + f.name() + "' reads " + String.join(", ", f.reads()) + ", and this run has no "
                    + String.join(", ", lacking) + "; figures that can be drawn here: " + String.join(", ", drawable(run)) + ".");
        }
    }

    /** The registered figures a run has every file for. */
    public static List<String> drawable(RunFolder run) {
        return all().stream().filter(f -> missing(f, run).isEmpty()).map(Figure::name).toList();
    }

    /**
     * Draws every figure the run names. A figure that fails does not take the run with it: its
     * files are removed, the failure is put in {@code failed} (one line: the figure and why), and the
     * others are drawn. When a learner of the run diverged, every caption says where
     * ({@link #divergenceNote}).
     *
     * @param run the run
     * @param failed filled with each figure that could not be drawn (file name to why)
     * @return each drawn figure's file name with its caption, in order
     * @throws UserError when the run names a figure that is not registered
     */
    public static Map<String, String> drawAll(RunFolder run, Map<String, String> failed) {
        Map<String, String> out = new LinkedHashMap<>();
        String note = divergenceNote(run);
        List<Figure> figures = run.figures().stream().map(Figures::get).toList();
        List<Exception> outcomes = drawEach(figures, run);
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            Exception e = outcomes.get(i);
            if (e == null) {
                try {
                    out.put(f.file(), f.caption(run) + note);
                    continue;
                } catch (RuntimeException c) {
                    e = c;
                }
            }
            removeFiles(f, run);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            failed.put(f.file(), why);
        }
        return out;
    }

    /**
     * Draws figures into the run folder side by side, one thread per core at most, each in the
     * settings of {@link Render#current()} on the calling thread. Each figure is a chart of its
     * own, built from the run's files and written to files of its own, so the files are the same
     * as when they are drawn one after the other ({@code FiguresInParallelTest}).
     *
     * @param figures the figures
     * @param run the run
     * @return for each figure, in order, null when it was drawn or what it failed with
     */
    public static List<Exception> drawEach(List<Figure> figures, RunFolder run) {
        return drawEach(figures, run, Runtime.getRuntime().availableProcessors());
    }

    static List<Exception> drawEach(List<Figure> figures, RunFolder run, int threads) {
        List<Exception> out = new ArrayList<>();
        int n = Math.min(threads, figures.size());
        if (n <= 1) {
            for (Figure f : figures) {
                out.add(drawOne(f, run));
            }
            return out;
        }
        Render render = Render.current();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "figures");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Exception>> pending = new ArrayList<>();
            for (Figure f : figures) {
                pending.add(pool.submit(() -> render.using(() -> drawOne(f, run))));
            }
            for (Future<Exception> p : pending) {
                try {
                    out.add(p.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    out.add(cause instanceof Exception x ? x : new RuntimeException(cause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while drawing the figures of " + run.dir(), e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static Exception drawOne(Figure f, RunFolder run) {
        try {
            draw(f, run);
            return null;
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    /**
     * What every caption of a run adds when some learner diverged: "; hebb diverged at step 4200
     * (seed 0), and was stopped there", from the marks in curves.csv ({@link Divergences}); "" when
     * none did.
     *
     * @param run the run
     * @return the note
     */
    public static String divergenceNote(RunFolder run) {
        if (!run.has(Traces.CURVES)) {
            return "";
        }
        Map<String, List<Divergences.Stop>> stops = Divergences.byLearner(
                TraceReader.read(run.file(Traces.CURVES), r -> Divergences.isMark(r.metric())));
        if (stops.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        stops.forEach((learner, s) -> parts.add(learner + " " + Divergences.text(s)));
        return "; " + String.join("; ", parts) + ", and was stopped there (\u00d7: its last finite values)";
    }

    private static void removeFiles(Figure f, RunFolder run) {
        for (Render.Format x : Render.Format.values()) {
            try {
                java.nio.file.Files.deleteIfExists(run.file(f.file() + "." + x.extension()));
                java.nio.file.Files.deleteIfExists(run.file(f.file() + "." + x.extension() + ".tmp"));
            } catch (IOException e) {
                // the report says the figure was not drawn; a stale file is left
            }
        }
    }

    /**
     * The figures of a run folder: those the run names, then every other registered figure that is
     * already drawn in the folder (by {@code neuroai landscape} or {@code neuroai plot --figure},
     * say) and that the run has the files for; a figure saved under the file name of another
     * is left out, since the drawing in the folder cannot be told apart.
     *
     * @param run the run
     * @return the figures, in order
     * @throws UserError when the run names a figure that is not registered
     */
    public static List<Figure> ofRun(RunFolder run) {
        List<Figure> out = new ArrayList<>();
        for (String name : run.figures()) {
            out.add(get(name));
        }
        Set<String> named = out.stream().map(Figure::file).collect(Collectors.toSet());
        Map<String, List<Figure>> byFile = new LinkedHashMap<>();
        for (Figure f : all()) {
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Figure>> e : byFile.entrySet()) {
            Figure f = e.getValue().get(0);
            if (e.getValue().size() == 1 && !named.contains(e.getKey()) && drawnIn(f, run) && missing(f, run).isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether a figure's file is in the run folder, in any format. */
    private static boolean drawnIn(Figure f, RunFolder run) {
        for (Render.Format x : Render.Format.values()) {
            if (run.has(f.file() + "." + x.extension())) {
                return true;
            }
        }
        return false;
    }

    /** The captions of the figures of a run folder ({@link #ofRun}), by file name, without drawing. */
    public static Map<String, String> captions(RunFolder run) {
        Map<String, String> out = new LinkedHashMap<>();
        String note = divergenceNote(run);
        for (Figure f : ofRun(run)) {
            out.put(f.file(), f.caption(run) + note);
        }
        return out;
    }
}
