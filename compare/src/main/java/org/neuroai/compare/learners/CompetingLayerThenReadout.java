package org.neuroai.compare.learners;

import org.neuroai.ann.FloatProduct;
import org.neuroai.ann.networks.Mlp;
import org.neuroai.bio.network.CompetingLayer;
import org.neuroai.bio.rules.KrotovHopfieldRule;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.UserError;
import org.neuroai.core.WeightView;

/**
 * A hidden layer that learns without labels, then a readout that learns with them: Krotov and
 * Hopfield's competing hidden units (D. Krotov and J. J. Hopfield 2019, "Unsupervised learning by
 * competing hidden units", PNAS 116:7723; {@link KrotovHopfieldRule} in minibatches,
 * {@link CompetingLayer}) for the first {@code localEpochs} epochs of the task's stream, then, with
 * the layer frozen, a softmax layer trained by Adam (Deeplearning4j, {@link Mlp} without hidden
 * layers) on the layer's activities for as long as it is given samples.
 *
 * <p>During epoch e of the unsupervised phase the rule's rate is η (1 − e / localEpochs): annealed
 * linearly to 0 over the phase, as in the authors' code, one rate per epoch. The readout's input
 * for an image is h_μ = max(0, Σ_i W_μi v_i)^n, the plain product as in the paper's classifier (the
 * p-weighted currents I_μ = Σ_i |W_μi|^(p−2) W_μi v_i only rank the units for learning), divided
 * by the image's largest h (left at 0 when no product is positive), which keeps it in [0, 1]
 * whatever n; the paper used n = 4.5 with tanh outputs and a power loss instead of the softmax.
 * Only the readout ever sees labels.
 *
 * <p>The layer is frozen from the first sample of the readout phase on, so the activities of the
 * training images are computed once, then, from the task's training set ({@link Task#trainingSet()})
 * {@value #CHUNK} images at a time, and each minibatch of the readout phase picks its rows by the
 * batch's {@link Batch#ids()}. A chunk of samples must not cross an epoch (the engine cuts chunks
 * at every checkpoint, and this learner's checkpoints are its epochs).
 */
public final class CompetingLayerThenReadout implements Learner, Predictor {
    /** Images whose currents are computed at once, for the readout's inputs. */
    public static final int CHUNK = 500;

    /**
     * The settings of the learner.
     *
     * @param ruleParams resolved parameters of {@link KrotovHopfieldRule}: eta (the initial rate), p, k, delta
     * @param hidden hidden units
     * @param step how a minibatch's summed change becomes a step of the layer
     * @param sigma standard deviation of the initial hidden weights
     * @param nd4j whether the layer's currents are multiplied by ND4J's sgemm ({@link FloatProduct}) rather than
     *     {@link CompetingLayer#JAVA}
     * @param power the power n of the readout's input max(0, W·v)^n
     * @param localEpochs epochs of the unsupervised phase
     * @param readoutLr initial Adam learning rate of the readout
     * @param readoutTau annealing of the readout's rate, lr/(1 + t/tau) over t presentations; 0 keeps it
     * @param batch images per minibatch of the readout (to convert tau to gradient steps)
     * @param classes classes of the readout
     */
    public record Config(Params ruleParams, int hidden, CompetingLayer.Step step, double sigma, boolean nd4j, double power,
                         int localEpochs, double readoutLr, double readoutTau, int batch, int classes) {}

    private final String name;
    private final Config c;
    private final Task task;
    private final long weightSeed;
    private final long epochSize;
    private final long unsupervised;
    private final CompetingLayer layer;
    private final int inputs;
    private float[] rows = new float[0];
    private Mlp readout;
    private float[] features;
    private long presentations;

    /**
     * @param name the learner's name
     * @param c the settings
     * @param task the task it learns: one with a fixed training set, in epochs
     * @param weightSeed the seed of the layer's initial weights; the readout's is the next one
     */
    public CompetingLayerThenReadout(String name, Config c, Task task, long weightSeed) {
        if (task.epochSize() <= 0) {
            throw new UserError("learner '" + name + "' learns in epochs over a fixed training set, and task '" + task.name()
                    + "' draws fresh samples; use a task with a training set (mnist, digits, iris, wine, breast-cancer).");
        }
        this.name = name;
        this.c = c;
        this.task = task;
        this.weightSeed = weightSeed;
        this.epochSize = task.epochSize();
        this.unsupervised = c.localEpochs() * epochSize;
        this.inputs = task.inputDim();
        CompetingLayer.Currents kernel = CompetingLayer.JAVA;
        if (c.nd4j()) {
            FloatProduct product = new FloatProduct();
            kernel = product::multiply;
        }
        this.layer = new CompetingLayer(c.ruleParams(), inputs, c.hidden(), c.step(), c.sigma(), weightSeed, kernel);
    }

    @Override
    public String name() {
        return name;
    }

    /** BIO: what the hidden layer learns, it learns by a local rule. */
    @Override
    public Family family() {
        return Family.BIO;
    }

    @Override
    public void learn(Batch batch) {
        int n = batch.size();
        long first = batch.first();
        long epoch = first / epochSize;
        if ((first + n - 1) / epochSize != epoch) {
            throw new IllegalArgumentException("learner '" + name + "' got samples " + first + " to " + (first + n - 1)
                    + ", across the end of epoch " + epoch + "; cut chunks at every epoch.");
        }
        if (first < unsupervised) {
            double rate = c.ruleParams().real("eta") * (1 - (double) epoch / c.localEpochs());
            layer.train(floats(batch.inputs()), n, rate);
        } else {
            if (readout == null) {
                freeze();
            }
            if (batch.ids() == null) {
                throw new IllegalArgumentException("learner '" + name + "' needs batches that name their training images (ids).");
            }
            int h = c.hidden();
            double[][] x = new double[n][h];
            for (int s = 0; s < n; s++) {
                int o = batch.ids()[s] * h;
                for (int m = 0; m < h; m++) {
                    x[s][m] = features[o + m];
                }
            }
            readout.learn(new Batch(x, batch.targets(), first));
        }
        presentations += n;
    }

    /** The end of the unsupervised phase: the readout's inputs for every training image, and the readout. */
    private void freeze() {
        Split train = task.trainingSet();
        if (train == null) {
            throw new UserError("learner '" + name + "' needs a task with a fixed training set, and task '" + task.name() + "' has none.");
        }
        features = activities(train.inputs());
        readout = new Mlp(name + "-readout", new Mlp.Config(c.hidden(), new int[0], c.classes(), "relu", "softmax-ce", "adam",
                c.readoutLr(), c.readoutTau(), c.batch(), 0, weightSeed + 1));
    }

    /** Rows as one row-major float array (reused), the layer's input. */
    private float[] floats(double[][] x) {
        if (rows.length < x.length * inputs) {
            rows = new float[x.length * inputs];
        }
        for (int s = 0; s < x.length; s++) {
            for (int i = 0; i < inputs; i++) {
                rows[s * inputs + i] = (float) x[s][i];
            }
        }
        return rows;
    }

    /**
     * The readout's input for every row: h_μ = max(0, Σ_i W_μi v_i)^n, the plain product as in Krotov
     * &amp; Hopfield's classifier (not the p-weighted current that ranks units for learning), divided by
     * the row's largest h (left at 0 when every product is negative), row-major rows x units,
     * {@value #CHUNK} rows at a time.
     */
    private float[] activities(double[][] x) {
        int units = c.hidden();
        float[] out = new float[x.length * units];
        float[] currents = new float[CHUNK * units];
        for (int from = 0; from < x.length; from += CHUNK) {
            int size = Math.min(CHUNK, x.length - from);
            layer.products(floats(java.util.Arrays.copyOfRange(x, from, from + size)), size, currents);
            for (int r = 0; r < size; r++) {
                int o = (from + r) * units;
                double largest = 0;
                for (int m = 0; m < units; m++) {
                    float cur = currents[r * units + m];
                    double h = cur > 0 ? Math.pow(cur, c.power()) : 0;
                    out[o + m] = (float) h;
                    largest = Math.max(largest, h);
                }
                if (largest > 0) {
                    float inv = (float) (1 / largest);
                    for (int m = 0; m < units; m++) {
                        out[o + m] *= inv;
                    }
                }
            }
        }
        return out;
    }

    /** Whether the readout exists, so that the learner predicts: from the first sample after the unsupervised phase. */
    @Override
    public boolean predicts() {
        return readout != null;
    }

    /** The share of hidden units whose p-norm ‖W_μ‖_p is within 1 % of 1, the sphere the rule drives them to. */
    public double unitsOnSphere() {
        int on = 0;
        double[] norms = layer.pNorms();
        for (double v : norms) {
            if (Math.abs(v - 1) < 0.01) {
                on++;
            }
        }
        return (double) on / norms.length;
    }

    /**
     * The readout's class probabilities for each row, through the frozen layer.
     *
     * @throws IllegalStateException before the readout exists ({@link #predicts()})
     */
    @Override
    public double[][] predict(double[][] x) {
        if (readout == null) {
            throw new IllegalStateException("learner '" + name + "' has no readout before its unsupervised phase is over");
        }
        int units = c.hidden();
        double[][] out = new double[x.length][];
        for (int from = 0; from < x.length; from += CHUNK) {
            int size = Math.min(CHUNK, x.length - from);
            float[] h = activities(java.util.Arrays.copyOfRange(x, from, from + size));
            double[][] rowsOfH = new double[size][units];
            for (int r = 0; r < size; r++) {
                for (int m = 0; m < units; m++) {
                    rowsOfH[r][m] = h[r * units + m];
                }
            }
            System.arraycopy(readout.predict(rowsOfH), 0, out, from, size);
        }
        return out;
    }

    /** The hidden layer's weights: group "w", one row per unit (its receptive field). */
    @Override
    public WeightView weights() {
        return layer.weights();
    }

    @Override
    public long presentations() {
        return presentations;
    }
}
