package org.neuroai.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.neuroai.compare.Sweep;
import org.neuroai.compare.charts.SweepFigures;
import org.neuroai.compare.cli.ProgressDisplay;
import org.neuroai.compare.cli.SweepOptions;
import org.neuroai.compare.files.Folders;
import org.neuroai.compare.files.Manifest;
import org.neuroai.core.RunSpec;
import org.neuroai.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import scala.Tuple2;

/**
 * {@code neuroai sweep ... --engine spark}: the local sweep's grid, checks, resumption and summary,
 * with the points that are not done run as Spark tasks, one task a point. The sweep is checked on
 * the driver before Spark starts (a bad spec or grid ends with the local sweep's one-line message,
 * and no task is sent); a task that throws is retried by Spark; {@code sweep.csv} and the figures
 * are built on the driver from the finished runs alone, by the local sweep's code.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Run a grid of settings times seeds as Spark tasks, one task a point; "
        + "resumable; writes the same sweep.csv, figures and run folders as 'neuroai sweep'.")
public final class SparkSweep implements Callable<Integer> {
    /** Seconds between progress lines when not on a terminal. */
    static final int LINE_SECONDS = 10;

    @Mixin
    SweepOptions o;

    @Spec
    CommandSpec spec;

    /** Whether even a file:// folder is written through Hadoop's FileSystem (tests of that path on one machine). */
    boolean throughHadoop = Boolean.getBoolean("neuroai.spark.through-hadoop");

    @Override
    public Integer call() throws Exception {
        if (o.engine != null && !o.engine.equals("spark")) {
            throw new UserError("--engine: this is the Spark sweep; run '" + o.engine + "' sweeps with bin/neuroai, or give --engine spark.");
        }
        Map<String, List<String>> grid = o.grid();
        RunSpec base = o.base();
        // every point checked here, on the driver, before Spark starts: the local sweep's words, and no task sent
        Sweep.check(base, grid);
        SparkConf conf = new SparkConf().setAppName("neuroai sweep " + base.experiment());
        if (o.master != null) {
            conf.setMaster(o.master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        Map<String, String> hadoop = new LinkedHashMap<>();
        for (Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.")) {
            hadoop.put(kv._1(), kv._2());
        }
        Store store = Store.of(o.out, hadoop, throughHadoop);
        Target target = Target.of(o, base);
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean talk = !o.quiet && !o.json;
        int[] counts = new int[2];
        Path mirror = null;
        try {
            Path dir;
            if (store.throughHadoop()) {
                // the driver builds the summary in a local copy of what it reads (manifest, provenances, curves)
                store.checkOwner("--out");
                mirror = Files.createTempDirectory("neuroai-sweep-");
                dir = mirror.resolve("sweep");
                Path theirs = mirror.resolve("manifest");
                if (store.get(Manifest.NAME, theirs.resolve(Manifest.NAME))) {
                    String kind = Manifest.read(theirs).map(Manifest::kind).orElse("sweep");
                    if (!kind.equals("sweep")) {
                        throw new UserError(o.out + ": the --out folder holds a " + kind + " of neuroai, not a sweep; choose another folder.");
                    }
                }
                // the local copy is the sweep's: its own manifest, the remote one's files being remote
                Files.createDirectories(dir);
                Manifest.write(dir, "sweep", List.of());
                for (Sweep.Point p : Sweep.points(grid)) {
                    store.get("runs/" + p.folder() + "/provenance.json", dir.resolve("runs").resolve(p.folder()).resolve("provenance.json"));
                }
            } else {
                dir = store.path();
            }
            Path finalDir = dir;
            Path csv = Sweep.run(base, grid, dir, o.resumeOnly, points -> {
                List<Sweep.Todo> todo = new ArrayList<>();
                for (Sweep.Todo t : points) {
                    if (t.done()) {
                        counts[1]++;
                        say(talk, pw, t.label() + ": already done");
                    } else {
                        if (t.earlier() != null) {
                            say(talk, pw, t.label() + ": run again, its earlier run had other settings (" + t.earlier() + ")");
                        }
                        todo.add(t);
                    }
                }
                if (!todo.isEmpty()) {
                    runOnSpark(conf, target, store, todo, talk, pw, err);
                    counts[0] = todo.size();
                }
                if (store.throughHadoop()) {
                    for (Sweep.Todo t : points) {
                        String run = "runs/" + t.point().folder() + "/";
                        store.get(run + "curves.csv", t.out().resolve("curves.csv"));
                        store.get(run + "provenance.json", t.out().resolve("provenance.json"));
                    }
                }
            });
            List<String> figures = new ArrayList<>();
            for (String key : grid.keySet()) {
                figures.add(store.throughHadoop() ? store.at(SweepFigures.baseName(key) + ".png") : finalDir.resolve(SweepFigures.baseName(key)) + ".png");
            }
            String where = csv.toString();
            if (store.throughHadoop()) {
                List<Path> files = new ArrayList<>(Sweep.written(grid));
                files.add(Path.of(Manifest.NAME));
                store.putFiles(dir, files);
                where = store.at("sweep.csv");
            }
            o.report(pw, where, figures, grid.keySet(), counts[0], counts[1]);
            pw.flush();
            return 0;
        } finally {
            if (mirror != null) {
                Folders.deleteTree(mirror);
            }
        }
    }

    private static void say(boolean talk, PrintWriter pw, String line) {
        if (talk) {
            pw.println(line);
            pw.flush();
        }
    }

    /** Runs the points as one Spark job, one task a point, showing runs finished, rate and time left. */
    private void runOnSpark(SparkConf conf, Target target, Store store, List<Sweep.Todo> todo, boolean talk, PrintWriter pw, PrintWriter err) {
        List<PointTask> tasks = new ArrayList<>();
        for (Sweep.Todo t : todo) {
            tasks.add(new PointTask(target, new LinkedHashMap<>(t.point().values()), store));
        }
        ProgressDisplay.Mode mode = ProgressDisplay.Mode.choose(o.quiet, o.json);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            Tally tally = new Tally(todo, talk, pw);
            sc.sc().addSparkListener(tally);
            Thread shown = mode == ProgressDisplay.Mode.OFF ? null : new Thread(() -> tally.show(err, mode), "progress");
            if (shown != null) {
                shown.setDaemon(true);
                shown.start();
            }
            try {
                sc.parallelize(tasks, tasks.size()).foreach(PointTask::run);
            } catch (RuntimeException e) {
                // Spark's SparkException (a job that failed after its retries) is thrown unchecked from Scala;
                // a user's mistake that only an executor could see (a data file missing there) keeps its own words
                for (Throwable c = e; c != null; c = c.getCause()) {
                    if (c instanceof UserError u) {
                        throw u;
                    }
                }
                throw e;
            } finally {
                tally.stop();
                if (shown != null) {
                    shown.interrupt();
                }
            }
            if (talk) {
                pw.println(tally.summary());
                pw.flush();
            }
        }
    }

    /** Counts the points finished, from Spark's task events, and shows them. */
    static final class Tally extends SparkListener {
        private final List<Sweep.Todo> todo;
        private final boolean talk;
        private final PrintWriter pw;
        private final AtomicInteger done = new AtomicInteger();
        private final List<Long> taskMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<Long> outsideMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        private final long t0 = System.nanoTime();
        private volatile boolean stopped;
        private int lastWidth;

        Tally(List<Sweep.Todo> todo, boolean talk, PrintWriter pw) {
            this.todo = todo;
            this.talk = talk;
            this.pw = pw;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo() != null && end.taskInfo().successful()) {
                done.incrementAndGet();
                long whole = end.taskInfo().duration();
                taskMillis.add(whole);
                if (end.taskMetrics() != null) {
                    // launch to finish, less the time the task ran: shipping the task and its result, deserialising it
                    outsideMillis.add(Math.max(0, whole - end.taskMetrics().executorRunTime()));
                }
                int index = end.taskInfo().index();
                if (index >= 0 && index < todo.size()) {
                    synchronized (this) {
                        say(talk, pw, todo.get(index).label() + ": done");
                    }
                }
            }
        }

        void stop() {
            stopped = true;
        }

        /** "4 tasks, median 1.21 s each, of which 3 ms outside the run (...)", from Spark's task metrics. */
        String summary() {
            return String.format(java.util.Locale.ROOT, "spark: %d tasks, median %.2f s each, of which %d ms outside the run "
                    + "(launching the task, shipping it and its result)", taskMillis.size(), median(taskMillis) / 1000.0, median(outsideMillis));
        }

        private static long median(List<Long> values) {
            List<Long> v;
            synchronized (values) {
                v = new ArrayList<>(values);
            }
            if (v.isEmpty()) {
                return 0;
            }
            java.util.Collections.sort(v);
            return v.get(v.size() / 2);
        }

        /** Shows runs finished / total with rate and time left until stopped: a bar on a terminal, else a line now and then. */
        void show(PrintWriter err, ProgressDisplay.Mode mode) {
            long pause = mode == ProgressDisplay.Mode.BAR ? 500 : LINE_SECONDS * 1000L;
            while (!stopped) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    break;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                synchronized (this) {
                    if (mode == ProgressDisplay.Mode.BAR) {
                        String line = ProgressDisplay.bar("sweep", done.get(), todo.size(), seconds, "runs");
                        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                        lastWidth = line.length();
                    } else {
                        err.println("neuroai: " + ProgressDisplay.line("sweep", done.get(), todo.size(), seconds, "runs"));
                    }
                    err.flush();
                }
            }
            if (mode == ProgressDisplay.Mode.BAR && lastWidth > 0) {
                err.print("\r" + " ".repeat(lastWidth) + "\r");
                err.flush();
            }
        }
    }
}
