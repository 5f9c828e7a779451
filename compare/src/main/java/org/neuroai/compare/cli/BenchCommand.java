package org.neuroai.compare.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.ann.networks.Mlp;
import org.neuroai.ann.record.MonitorListener;
import org.neuroai.core.Batch;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;
import org.neuroai.core.trace.MemorySink;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai bench NAME}: whole-workload timings, reported as medians over repeats.
 * {@code listener-overhead}: the same MNIST MLP training with and without a
 * {@link MonitorListener} at the default stride, runs interleaved so that drift in the machine's
 * speed hits both alike.
 */
@Command(name = "bench", description = "Benchmarks: gha-mnist, krotov-hopfield-mnist, listener-overhead, mlp-mnist.")
final class BenchCommand implements Callable<Integer> {
    /** Default recording stride of the listener, in iterations. */
    static final int DEFAULT_STRIDE = 10;

    @Parameters(index = "0", paramLabel = "NAME", description = "gha-mnist, krotov-hopfield-mnist, listener-overhead or mlp-mnist")
    String name;

    @Option(names = "--repeats", description = "Timed repeats of each configuration (default 5).")
    int repeats = 5;

    @Option(names = "--images", description = "MNIST training images per repeat (listener-overhead: default 25600, i.e. 200 "
            + "batches of 128; mlp-mnist: default all 60000).")
    Integer images;

    @Option(names = "--seed", description = "mlp-mnist: seed of the initial weights and of the order of the training images; "
            + "gha-mnist, krotov-hopfield-mnist: seed of the initial weights (default 1).")
    long seed = 1;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--warmup", description = "mlp-mnist: training iterations of a separate, discarded network before the "
            + "clock starts, so that the timed epoch runs compiled code (default 100; 0 times a cold JVM).")
    int warmup = 100;

    @Option(names = "--test-images", description = "gha-mnist: MNIST test images on which the reconstruction error is measured "
            + "(default 10000).")
    int testImages = 10000;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (name.equals("mlp-mnist")) {
            return mlpMnist();
        }
        if (name.equals("gha-mnist") || name.equals("krotov-hopfield-mnist")) {
            return ruleWorkload();
        }
        if (!name.equals("listener-overhead")) {
            throw new UserError("unknown benchmark '" + name + "'; valid benchmarks are: gha-mnist, krotov-hopfield-mnist, "
                    + "listener-overhead, mlp-mnist.");
        }
        int count = imagesOr(25600);
        if (repeats < 1) {
            throw new UserError("--repeats must be >= 1.");
        }
        Dataset d = Datasets.mnistTrain(count);
        double[][] y = new double[d.size()][10];
        for (int i = 0; i < d.size(); i++) {
            y[i][d.labels()[i]] = 1;
        }
        double[] plain = new double[repeats];
        double[] recorded = new double[repeats];
        run(d, y, false);
        run(d, y, true);
        for (int r = 0; r < repeats; r++) {
            plain[r] = run(d, y, false);
            recorded[r] = run(d, y, true);
        }
        double mp = median(plain);
        double mr = median(recorded);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", name);
        out.put("workload", "784-256-10 ReLU MLP, softmax cross-entropy, Adam 1e-3, batch 128, " + count + " MNIST images");
        out.put("stride_iterations", DEFAULT_STRIDE);
        out.put("repeats", repeats);
        out.put("median_s_without", mp);
        out.put("median_s_with", mr);
        out.put("overhead_percent", 100 * (mr - mp) / mp);
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(new ObjectMapper().writeValueAsString(out));
        } else {
            pw.printf(Locale.ROOT, "without listener: median %.3f s  %s%n", mp, Arrays.toString(plain));
            pw.printf(Locale.ROOT, "with listener:    median %.3f s  %s%n", mr, Arrays.toString(recorded));
            pw.printf(Locale.ROOT, "overhead: %.1f %% (stride %d iterations, histograms every %d)%n", 100 * (mr - mp) / mp,
                    DEFAULT_STRIDE, 10 * DEFAULT_STRIDE);
        }
        pw.flush();
        return 0;
    }

    /**
     * gha-mnist or krotov-hopfield-mnist ({@link RuleWorkloads}): one pass over the training images,
     * timed, with the statistics that show what was learned.
     */
    private int ruleWorkload() throws Exception {
        int count = imagesOr(60000);
        Map<String, Object> out;
        if (name.equals("gha-mnist")) {
            if (testImages < 1 || testImages > 10000) {
                throw new UserError("--test-images must be in [1, 10000] (MNIST has 10000 test images), not " + testImages + ".");
            }
            out = RuleWorkloads.gha(count, testImages, seed);
        } else {
            out = RuleWorkloads.krotovHopfield(count, seed);
        }
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(new ObjectMapper().writeValueAsString(out));
        } else {
            for (Map.Entry<String, Object> e : out.entrySet()) {
                Object v = e.getValue();
                pw.printf(Locale.ROOT, "%s: %s%n", e.getKey(), v instanceof double[] a ? Arrays.toString(a) : v);
            }
        }
        pw.flush();
        return 0;
    }

    /** The --images value, or the benchmark's default; checked against the size of MNIST. */
    private int imagesOr(int fallback) {
        int n = images == null ? fallback : images;
        if (n < 128 || n > 60000) {
            throw new UserError("--images must be in [128, 60000] (MNIST has 60000 training images), not " + n + ".");
        }
        return n;
    }

    /**
     * The mlp-mnist workload: 784-256-10 ReLU MLP, softmax cross-entropy, Adam 1e-3, batch 128,
     * one epoch over the training images in a seeded shuffled order ({@link SplitMixOrder}, the
     * same order as the PyTorch twin), then test accuracy. Each minibatch is gathered into its own
     * contiguous float array before the clock starts, and {@code --warmup} iterations of another
     * network compile the code first, so the time is the steady training speed.
     */
    private int mlpMnist() throws Exception {
        Dataset train = Datasets.mnistTrain(imagesOr(60000));
        Dataset test = Datasets.mnistTest(10000);
        if (warmup < 0) {
            throw new UserError("--warmup must be >= 0 iterations, not " + warmup + ".");
        }
        int[] order = SplitMixOrder.permutation(train.size(), seed);
        int n = train.size() / 128 * 128;
        java.util.List<DataSet> batches = new java.util.ArrayList<>();
        for (int s = 0; s < n; s += 128) {
            double[][] xb = new double[128][];
            int[] yb = new int[128];
            for (int i = 0; i < 128; i++) {
                xb[i] = train.inputs()[order[s + i]];
                yb[i] = train.labels()[order[s + i]];
            }
            batches.add(new DataSet(Nd4j.create(toFloat(xb)), Nd4j.create(oneHot(yb))));
        }
        Mlp.Config config = new Mlp.Config(784, new int[] {256}, 10, "relu", "softmax-ce", "adam", 1e-3, 0, 128, 0, seed);
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork discarded = new Mlp("warmup", config).network();
        for (int i = 0; i < warmup; i++) {
            discarded.fit(batches.get(i % batches.size()));
        }
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork net = new Mlp("mlp", config).network();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (DataSet b : batches) {
            net.fit(b);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        INDArray predicted = net.output(Nd4j.create(toFloat(test.inputs()))).argMax(1);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += predicted.getInt(i) == test.labels()[i] ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("framework", "deeplearning4j " + org.neuroai.core.Provenance.libraryVersion("org.deeplearning4j", "deeplearning4j-nn"));
        out.put("threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        out.put("native", nativeBuild());
        out.put("openblas_coretype", System.getenv().getOrDefault("OPENBLAS_CORETYPE", "unset"));
        out.put("seed", seed);
        out.put("warmup_iterations", warmup);
        out.put("images", n);
        out.put("order_head", Arrays.copyOf(order, 5));
        out.put("samples_per_s", n / seconds);
        out.put("train_s", seconds);
        // CPU time of the training thread (all the work with one OpenMP thread): steadier than the wall time on a
        // shared machine, since time spent waiting for a core is not counted
        out.put("train_cpu_s", cpuSeconds);
        out.put("samples_per_cpu_s", n / cpuSeconds);
        out.put("test_acc", correct / (double) test.size());
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(new ObjectMapper().writeValueAsString(out));
        } else {
            pw.printf(Locale.ROOT, "mlp-mnist: %.0f samples/s (%.2f s for one epoch of %d images), test accuracy %.4f "
                    + "(seed %d; ND4J %s, OpenBLAS core %s)%n", n / seconds, seconds, n, correct / (double) test.size(), seed,
                    out.get("native"), out.get("openblas_coretype"));
        }
        pw.flush();
        return 0;
    }

    /**
     * Which build of ND4J's native library was loaded (linux-x86_64, linux-x86_64-avx2 or
     * linux-x86_64-avx512): the folder it was unpacked from.
     */
    private static String nativeBuild() {
        String path = org.bytedeco.javacpp.Loader.getLoadedLibraries().getOrDefault("jnind4jcpu", "");
        java.nio.file.Path folder = java.nio.file.Path.of(path).getParent();
        return folder == null ? "unknown" : folder.getFileName().toString();
    }

    private static float[][] toFloat(double[][] a) {
        float[][] f = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            f[i] = new float[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                f[i][j] = (float) a[i][j];
            }
        }
        return f;
    }

    private static float[][] oneHot(int[] labels) {
        float[][] y = new float[labels.length][10];
        for (int i = 0; i < labels.length; i++) {
            y[i][labels[i]] = 1;
        }
        return y;
    }

    private static double run(Dataset d, double[][] y, boolean listen) {
        Mlp mlp = new Mlp("mlp", new Mlp.Config(784, new int[] {256}, 10, "relu", "softmax-ce", "adam", 1e-3, 0, 128, 0, 1));
        if (listen) {
            mlp.addListeners(new MonitorListener("mlp", 0, mlp::presentations, new MemorySink(), new MemorySink(), DEFAULT_STRIDE, 10,
                    41, 0.5));
        }
        int n = d.size() / 128 * 128;
        double[][] xb = new double[128][];
        double[][] yb = new double[128][];
        long t0 = System.nanoTime();
        for (int s = 0; s < n; s += 128) {
            for (int i = 0; i < 128; i++) {
                xb[i] = d.inputs()[s + i];
                yb[i] = y[s + i];
            }
            mlp.learn(new Batch(xb, yb, s));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
