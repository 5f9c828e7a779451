package org.neuroai.ann.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a Deeplearning4j network offers to record, by name, as a rule's state is recorded: a
 * training listener attached to the network keeps the latest values, and a monitor reads them when
 * it records. Probes:
 * <ul>
 *   <li>{@value #LOSS}: the loss of the last minibatch, as DL4J scored it during the step;</li>
 *   <li>{@value #WEIGHT_NORM}, {@value #GRAD_NORM} and {@value #UPDATE_RATIO}: per parameter array,
 *       in DL4J's order ({@link #parameterArrays()}: "0_W", "0_b", "1_W", ...), the L2 norm of the
 *       parameters, of the gradient of the minibatch's mean loss, and log10 of the update's norm over
 *       the parameters' (Karpathy's rule of thumb puts it near −3). The last two are computed during
 *       every step once selected, and not at all otherwise;</li>
 *   <li>{@code activation.layerN}: per unit of layer N, its mean activation over the last minibatch
 *       (a forward pass of that minibatch when the probe is read).</li>
 * </ul>
 * Only the network the probes were made for is followed: a copy trained to propose a step (see
 * {@code Mlp.proposedUpdate}) leaves them as they are.
 */
public final class NetworkProbes extends BaseTrainingListener {
    /** Loss of the last minibatch. */
    public static final String LOSS = "loss";
    /** L2 norm of each parameter array. */
    public static final String WEIGHT_NORM = "weight_norm";
    /** L2 norm of the gradient of each parameter array. */
    public static final String GRAD_NORM = "grad_norm";
    /** log10 of update norm over parameter norm, per parameter array. */
    public static final String UPDATE_RATIO = "update_ratio_log10";
    /** Prefix of the per-layer activation probes. */
    public static final String ACTIVATION = "activation.layer";

    private final MultiLayerNetwork net;
    private final List<String> arrays;
    private final double[] gradNorms;
    private final double[] updateRatios;
    private double loss = Double.NaN;
    private boolean gradients;
    private INDArray lastInput;

    /**
     * Makes the probes of a network and attaches them to it as a listener.
     *
     * @param net the network, initialised
     */
    public NetworkProbes(MultiLayerNetwork net) {
        this.net = net;
        this.arrays = new ArrayList<>(net.paramTable().keySet());
        this.gradNorms = new double[arrays.size()];
        this.updateRatios = new double[arrays.size()];
        java.util.Arrays.fill(gradNorms, Double.NaN);
        java.util.Arrays.fill(updateRatios, Double.NaN);
        net.addListeners(this);
    }

    /** The parameter arrays, in the order of the per-array probes. */
    public List<String> parameterArrays() {
        return List.copyOf(arrays);
    }

    /** The probes offered, with their lengths. */
    public Map<String, Integer> probes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put(LOSS, 1);
        out.put(WEIGHT_NORM, arrays.size());
        out.put(GRAD_NORM, arrays.size());
        out.put(UPDATE_RATIO, arrays.size());
        for (int l = 0; l < net.getnLayers(); l++) {
            out.put(ACTIVATION + l, (int) net.getLayer(l).getParam("W").size(1));
        }
        return out;
    }

    /** Says which probes will be read: the gradient norms are computed during training only when asked for. */
    public void select(Set<String> names) {
        gradients = names.contains(GRAD_NORM) || names.contains(UPDATE_RATIO);
    }

    /**
     * Keeps the features of the minibatch about to be learned, for the activation probes.
     *
     * @param features the minibatch's inputs
     */
    public void learning(INDArray features) {
        lastInput = features;
    }

    /**
     * Copies a probe's current values.
     *
     * @param name one of {@link #probes()}
     * @param dest at least its length
     */
    public void probe(String name, double[] dest) {
        switch (name) {
            case LOSS -> dest[0] = loss;
            case WEIGHT_NORM -> {
                Map<String, INDArray> params = net.paramTable();
                for (int i = 0; i < arrays.size(); i++) {
                    dest[i] = params.get(arrays.get(i)).norm2Number().doubleValue();
                }
            }
            case GRAD_NORM -> System.arraycopy(gradNorms, 0, dest, 0, gradNorms.length);
            case UPDATE_RATIO -> System.arraycopy(updateRatios, 0, dest, 0, updateRatios.length);
            default -> {
                if (!name.startsWith(ACTIVATION)) {
                    throw new IllegalArgumentException("no probe '" + name + "'; the network has " + probes().keySet());
                }
                int layer = Integer.parseInt(name.substring(ACTIVATION.length()));
                if (lastInput == null) {
                    java.util.Arrays.fill(dest, 0, probes().get(name), Double.NaN);
                    return;
                }
                List<INDArray> acts = net.feedForward(lastInput, false);
                double[] mean = acts.get(layer + 1).castTo(DataType.DOUBLE).mean(0).toDoubleVector();
                System.arraycopy(mean, 0, dest, 0, mean.length);
            }
        }
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (model != net || !gradients) {
            return;
        }
        // DL4J holds the gradient summed over the minibatch here and divides it by the batch size
        // in the updater; report the gradient of the mean loss, the one the update follows.
        Map<String, INDArray> g = model.gradient().gradientForVariable();
        double n = Math.max(1, model.batchSize());
        for (int i = 0; i < arrays.size(); i++) {
            INDArray a = g.get(arrays.get(i));
            gradNorms[i] = a == null ? Double.NaN : a.norm2Number().doubleValue() / n;
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (model != net) {
            return;
        }
        loss = model.score();
        if (!gradients) {
            return;
        }
        Map<String, INDArray> params = model.paramTable();
        Map<String, INDArray> updates = model.gradient().gradientForVariable();
        for (int i = 0; i < arrays.size(); i++) {
            double wn = params.get(arrays.get(i)).norm2Number().doubleValue();
            INDArray u = updates.get(arrays.get(i));
            double un = u == null ? Double.NaN : u.norm2Number().doubleValue();
            updateRatios[i] = wn > 0 && un > 0 ? Math.log10(un / wn) : un == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
    }
}
