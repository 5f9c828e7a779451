package org.neuroai.compare.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neuroai.ann.FloatProduct;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.bio.rules.GhaRule;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.core.Params;
import org.neuroai.core.WeightView;
import org.neuroai.core.data.Dataset;
import org.neuroai.core.data.Datasets;

/**
 * The local-rule workloads of {@code neuroai bench}, timed on the toolkit's own classes, with the
 * statistics that their twins in {@code bench/peers/} print, so that a reader sees both did the
 * same work. MNIST pixels are grey level / 255, the images in file order, one pass; the initial
 * weights come from {@link java.util.SplittableRandom} with the given seed, which the Python twins
 * reproduce draw for draw (it is SplitMix64), so both sides start from the same weights.
 */
final class RuleWorkloads {
    /** Units of the gha-mnist workload. */
    static final int GHA_UNITS = 100;
    /** Learning rate of the gha-mnist workload: η ||x||² is about 0.1 for MNIST (mean ||x||² ≈ 100). */
    static final double GHA_ETA = 1e-3;
    /** Hidden units of the krotov-hopfield-mnist workload (Krotov &amp; Hopfield 2019's MNIST network). */
    static final int KH_UNITS = 2000;
    /** Images per minibatch of the krotov-hopfield-mnist workload. */
    static final int KH_BATCH = 100;
    /**
     * The largest change of a synapse per minibatch, the first epoch's rate of the experiment
     * mnist-local-vs-backprop (setting local.eta), as the authors' code normalises its steps.
     */
    static final double KH_ETA = 0.05;

    private RuleWorkloads() {}

    /**
     * Sanger's rule (GHA, {@link GhaRule}) with {@value #GHA_UNITS} linear units in a {@link RuleNetwork},
     * one update per image, constant rate {@value #GHA_ETA}, rows of unit norm in random directions.
     * Quality, on the first {@code testImages} test images: the reconstruction error
     * Σ||x − WᵀWx||² / Σ||x||² before and after, and how far the rows are from orthonormal,
     * max |WWᵀ − I|.
     */
    static Map<String, Object> gha(int images, int testImages, long seed) {
        Dataset train = Datasets.mnistTrain(images);
        double[][] test = Datasets.mnistTest(testImages).inputs();
        GhaRule rule = new GhaRule();
        Params params = rule.params(Map.of("eta", GHA_ETA), "gha-mnist");
        RuleNetwork net = new RuleNetwork("gha", rule, params, 784, GHA_UNITS, 0, 1.0, seed);
        double[] initial = copy(net.weights());
        double before = reconstructionError(net, test);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (double[] x : train.inputs()) {
            net.present(x, null);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        double[] w = copy(net.weights());
        Map<String, Object> out = header("gha-mnist", "Sanger's rule (GhaRule in RuleNetwork), " + GHA_UNITS + " linear units, eta "
                + GHA_ETA + ", one update per image", train.size(), seed, seconds, cpu);
        out.put("initial_head", head(initial));
        out.put("test_images", test.length);
        out.put("reconstruction_error_initial", before);
        out.put("reconstruction_error", reconstructionError(net, test));
        out.put("orthonormality_error", orthonormalityError(w, GHA_UNITS, 784));
        out.put("final_middle", middle(w));
        return out;
    }

    /**
     * Krotov &amp; Hopfield's rule ({@link KrotovHopfieldRule}: p = 3, k = 7, Δ = 0.4) on
     * {@value #KH_UNITS} hidden units of a {@link CompetingLayer}, minibatches of {@value #KH_BATCH},
     * each step normalised so that its largest change is {@value #KH_ETA} (the authors' code), initial
     * weights N(0, 1), the currents by ND4J's sgemm ({@link FloatProduct}), as in the experiment
     * mnist-local-vs-backprop. Quality: the mean p-norm of the units and the share of units within
     * 1 % of the unit sphere, before and after, and how many units changed.
     */
    static Map<String, Object> krotovHopfield(int images, long seed) {
        Dataset train = Datasets.mnistTrain(images);
        KrotovHopfieldRule rule = new KrotovHopfieldRule();
        Params params = rule.params(Map.of("eta", KH_ETA), "krotov-hopfield-mnist");
        FloatProduct product = new FloatProduct();
        CompetingLayer layer = new CompetingLayer(params, 784, KH_UNITS, CompetingLayer.Step.NORMALISED, 1.0, seed, product::multiply);
        int n = train.size() / KH_BATCH * KH_BATCH;
        float[][] batches = new float[n / KH_BATCH][KH_BATCH * 784];
        for (int s = 0; s < n; s++) {
            double[] x = train.inputs()[s];
            for (int i = 0; i < 784; i++) {
                batches[s / KH_BATCH][(s % KH_BATCH) * 784 + i] = (float) x[i];
            }
        }
        double[] initial = copy(layer.weights());
        double[] normsBefore = layer.pNorms();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (float[] b : batches) {
            layer.train(b, KH_BATCH, KH_ETA);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        double[] w = copy(layer.weights());
        double[] norms = layer.pNorms();
        Map<String, Object> out = header("krotov-hopfield-mnist", "Krotov-Hopfield rule (CompetingLayer), " + KH_UNITS
                + " units, p 3, k 7, delta 0.4, minibatch " + KH_BATCH + ", normalised step " + KH_ETA, n, seed, seconds, cpu);
        out.put("initial_head", head(initial));
        out.put("mean_p_norm_initial", mean(normsBefore));
        out.put("mean_p_norm", mean(norms));
        out.put("units_on_sphere", onSphere(norms));
        int changed = 0;
        for (int m = 0; m < KH_UNITS; m++) {
            for (int i = 0; i < 784; i++) {
                if (w[m * 784 + i] != initial[m * 784 + i]) {
                    changed++;
                    break;
                }
            }
        }
        out.put("units_changed", changed);
        out.put("final_middle", middle(w));
        return out;
    }

    private static Map<String, Object> header(String name, String workload, int images, long seed, double seconds, double cpu) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", name);
        out.put("framework", "neuroai");
        out.put("workload", workload);
        out.put("threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        out.put("seed", seed);
        out.put("images", images);
        out.put("train_s", seconds);
        // the training thread's CPU time: steadier than wall time on a shared machine
        out.put("train_cpu_s", cpu);
        out.put("samples_per_s", images / seconds);
        out.put("samples_per_cpu_s", images / cpu);
        return out;
    }

    /** Σ||x − WᵀWx||² / Σ||x||² over the inputs. */
    static double reconstructionError(RuleNetwork net, double[][] inputs) {
        double[][] r = net.reconstruct(inputs);
        double err = 0;
        double power = 0;
        for (int s = 0; s < inputs.length; s++) {
            for (int j = 0; j < inputs[s].length; j++) {
                double d = inputs[s][j] - r[s][j];
                err += d * d;
                power += inputs[s][j] * inputs[s][j];
            }
        }
        return err / power;
    }

    /** max |W Wᵀ − I| over the entries, for W of the given rows and columns, row-major. */
    static double orthonormalityError(double[] w, int rows, int cols) {
        double worst = 0;
        for (int a = 0; a < rows; a++) {
            for (int b = a; b < rows; b++) {
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    s += w[a * cols + j] * w[b * cols + j];
                }
                worst = Math.max(worst, Math.abs(s - (a == b ? 1 : 0)));
            }
        }
        return worst;
    }

    /** The share of units whose p-norm is within 1 % of 1. */
    static double onSphere(double[] norms) {
        int on = 0;
        for (double v : norms) {
            on += Math.abs(v - 1) <= 0.01 ? 1 : 0;
        }
        return on / (double) norms.length;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double[] copy(WeightView view) {
        String group = view.groups().get(0);
        int[] shape = view.shape(group);
        double[] out = new double[shape[0] * shape[1]];
        view.copy(group, out);
        return out;
    }

    /** The first three weights (unit 0, inputs 0-2), to check that both sides start from the same ones. */
    private static double[] head(double[] w) {
        return java.util.Arrays.copyOf(w, 3);
    }

    /** Unit 0's weights from the centre of the image (pixels 406-408), to compare the final weights of both sides. */
    private static double[] middle(double[] w) {
        return java.util.Arrays.copyOfRange(w, 406, 409);
    }
}
