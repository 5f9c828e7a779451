package org.neuroai.ann.networks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Predictor;
import org.neuroai.core.Probeable;
import org.neuroai.core.UserError;
import org.neuroai.core.WeightView;

/**
 * A critic trained by gradient descent on the temporal-difference target: semi-gradient TD(0)
 * (R. S. Sutton &amp; A. G. Barto 2018, <i>Reinforcement Learning</i>, 2nd ed., §9.3) with a small
 * Deeplearning4j network as the value function V. Each sample is one time step: its input x_t the
 * stimulus representation, its target r_t the reward delivered at that step. For every step
 *
 * <pre>
 *   δ_t = r_t + γ V(x_t) − V(x_{t−1})
 * </pre>
 *
 * and, as every network here, one gradient step per batch: SGD on the mean over the batch's steps
 * of (V(x_{t−1}) − [r_t + γ V(x_t)])², the bracket held fixed (the "semi" of semi-gradient: no
 * gradient flows through the target), every V of the batch taken with the weights at its start.
 * Deeplearning4j's squared error has the gradient 2 (V − target), so a batch of n steps moves
 * the weights by (2 lr / n) Σ_t δ_t ∇V(x_{t−1}): with a batch of one trial, offline TD(0) with
 * α = 2 lr / n. δ_t is the network's counterpart of the dopamine signal of {@code td-lambda},
 * recorded under the same probe names.
 *
 * <p>The network is a {@link Mlp} without biases (a step without stimulus predicts nothing, as
 * before the cue) and with its output weights set to zero, so that V starts at 0 everywhere, as
 * the synaptic learner's does; its hidden weights are random, which breaks the hidden units'
 * symmetry. With {@code trial} &gt; 0 the stream is cut into episodes of that many steps, each
 * ending in a terminal state of value 0. A step whose previous input is all zeros has no gradient
 * (no biases: every unit's input is 0, tanh(0) = 0) and is left out of the mean.
 *
 * <p>Probes, besides the network's: {@code td_error} and {@code value}, δ and V(x_t) of the last
 * step; {@code trial_td_error} and {@code trial_value}, at every step of the current episode.
 */
public final class TdCritic implements Learner, Predictor, Probeable {
    /** The probe of the TD error, as the rule's. */
    public static final String TD_ERROR = "td_error";
    /** The probe of the prediction V(x_t). */
    public static final String VALUE = "value";
    /** The probe of the TD error at every step of the current trial, as the rule's. */
    public static final String TRIAL_TD_ERROR = "trial_td_error";
    /** The probe of the prediction at every step of the current trial, as the rule's. */
    public static final String TRIAL_VALUE = "trial_value";

    private final String name;
    private final Mlp net;
    private final double gamma;
    private final int trial;
    private final int span;
    private final double[] trialDelta;
    private final double[] trialValue;
    private double[] previous;
    private double delta;
    private double value;
    private long presentations;

    /**
     * @param name the learner's name
     * @param config the network: one output, linear with squared error, no biases
     * @param gamma the discount per step, in [0, 1]
     * @param trial steps per episode, 0 for one continuing stream
     */
    public TdCritic(String name, Mlp.Config config, double gamma, int trial) {
        if (config.outputs() != 1 || !config.output().equals("linear-mse") || config.bias()) {
            throw new UserError("a TD critic is a network with one linear output, squared error and no biases.");
        }
        this.name = name;
        this.net = new Mlp(name, config);
        this.gamma = gamma;
        this.trial = trial;
        this.span = Math.max(trial, 1);
        this.trialDelta = new double[span];
        this.trialValue = new double[span];
        int out = config.hidden().length;
        net.network().getParam(out + "_W").assign(0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.GRADIENT;
    }

    @Override
    public void learn(Batch batch) {
        if (batch.targets() == null) {
            throw new UserError("the td-critic network needs a task whose targets are rewards.");
        }
        int n = batch.size();
        boolean carried = previous != null;
        double[][] rows = new double[n + (carried ? 1 : 0)][];
        if (carried) {
            rows[0] = previous;
        }
        System.arraycopy(batch.inputs(), 0, rows, carried ? 1 : 0, n);
        double[][] v = net.predict(rows);
        int off = carried ? 1 : 0;
        List<double[]> xs = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        double vPrevious = carried ? v[0][0] : 0;
        for (int s = 0; s < n; s++) {
            double[] x = batch.inputs()[s];
            double r = batch.targets()[s][0];
            value = v[s + off][0];
            delta = r + gamma * value - vPrevious;
            int at = (int) (presentations % span);
            trialDelta[at] = delta;
            trialValue[at] = value;
            if (previous != null && nonzero(previous)) {
                xs.add(previous);
                targets.add(new double[] {r + gamma * value});
            }
            previous = x;
            vPrevious = value;
            presentations++;
            if (trial > 0 && presentations % trial == 0) {
                if (nonzero(x)) {
                    xs.add(x);
                    targets.add(new double[] {0});
                }
                previous = null;
                vPrevious = 0;
            }
        }
        if (previous != null) {
            previous = previous.clone();
        }
        if (!xs.isEmpty()) {
            net.learn(new Batch(xs.toArray(new double[0][]), targets.toArray(new double[0][]), batch.first()));
        }
    }

    private static boolean nonzero(double[] x) {
        for (double xi : x) {
            if (xi != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long presentations() {
        return presentations;
    }

    @Override
    public double[][] predict(double[][] in) {
        return net.predict(in);
    }

    @Override
    public WeightView weights() {
        return net.weights();
    }

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> p = new LinkedHashMap<>(net.probes());
        p.put(TD_ERROR, 1);
        p.put(VALUE, 1);
        p.put(TRIAL_TD_ERROR, span);
        p.put(TRIAL_VALUE, span);
        return p;
    }

    @Override
    public void probe(String probe, double[] dest) {
        switch (probe) {
            case TD_ERROR -> dest[0] = delta;
            case VALUE -> dest[0] = value;
            case TRIAL_TD_ERROR -> System.arraycopy(trialDelta, 0, dest, 0, span);
            case TRIAL_VALUE -> System.arraycopy(trialValue, 0, dest, 0, span);
            default -> net.probe(probe, dest);
        }
    }

    @Override
    public void select(java.util.Set<String> names) {
        net.select(names);
    }
}
