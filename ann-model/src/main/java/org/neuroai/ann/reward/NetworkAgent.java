package org.neuroai.ann.reward;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.neuroai.core.Family;
import org.neuroai.core.WeightView;
import org.neuroai.core.reward.AgentLearner;
import org.neuroai.core.reward.Environment;
import org.neuroai.core.reward.PolicyView;
import org.neuroai.core.reward.Softmax;

/**
 * What the gradient agents share: a softmax policy that is a Deeplearning4j network (observation,
 * divided by the environment's {@link Environment#scale()}, → one tanh hidden layer → one
 * pre-activation per action, trained with {@link PolicyGradientLoss}), the transitions of the
 * current stretch of experience, and the choice of actions.
 *
 * <p>An action is drawn from the policy at every step, but ND4J costs tens of microseconds per
 * call whatever the size of the network, which would make acting most of the run's time. So the
 * policy's forward pass for choosing is computed here in plain Java from a copy of the network's
 * weights (DL4J's {@code params()} is a live view; the copy is taken after every update, so the
 * agent acts with exactly the network it trains). Updates go through DL4J, one batched fit per
 * stretch of experience. As a {@link PolicyView} it gives the policy it acts with at any observation.
 */
abstract class NetworkAgent extends AgentLearner implements PolicyView {
    protected final MultiLayerNetwork policy;
    protected final double[] scale;
    protected final int k;
    private final long seed;
    private SplittableRandom rng;
    private double[][] w1;
    private double[] b1;
    private double[][] w2;
    private double[] b2;
    private final double[] hidden;
    private final double[] logits;
    /** The stretch of experience since the last update. */
    protected final List<double[]> states = new ArrayList<>();
    protected final List<double[]> nexts = new ArrayList<>();
    protected final List<Integer> actions = new ArrayList<>();
    protected final List<Double> rewards = new ArrayList<>();
    protected final List<Boolean> terminals = new ArrayList<>();
    private double[] current;
    private int action;

    /**
     * @param name the learner's name
     * @param env its environment
     * @param hiddenUnits units of the hidden layer
     * @param lr the learning rate for the policy
     * @param sgd plain stochastic gradient descent rather than Adam
     * @param entropy weight of the policy's entropy bonus
     * @param seed seed of the initial weights and of the choices
     */
    NetworkAgent(String name, Environment env, int hiddenUnits, double lr, boolean sgd, double entropy, long seed) {
        this(name, env, hiddenUnits, lr, sgd, entropy, 0, seed);
    }

    /**
     * @param name the learner's name
     * @param env its environment
     * @param hiddenUnits units of the hidden layer
     * @param lr the learning rate for the policy
     * @param sgd plain stochastic gradient descent rather than Adam
     * @param entropy weight of the policy's entropy bonus
     * @param decay weight decay of the policy's weights and biases per update (times the learning rate), 0 for none
     * @param seed seed of the initial weights and of the choices
     */
    NetworkAgent(String name, Environment env, int hiddenUnits, double lr, boolean sgd, double entropy, double decay, long seed) {
        super(name, env);
        this.scale = env.scale();
        this.k = env.actions();
        this.seed = seed;
        this.policy = network(env.observationDim(), hiddenUnits, k, lr, sgd, seed, entropy, decay);
        this.hidden = new double[hiddenUnits];
        this.logits = new double[k];
        this.rng = new SplittableRandom(seed);
        refresh();
    }

    /**
     * A network with one tanh hidden layer, trained by Adam or plain SGD: a policy (identity outputs,
     * the policy gradient loss with this entropy bonus) or, with an entropy of NaN, a value (one
     * linear output, squared error).
     */
    static MultiLayerNetwork network(int in, int hiddenUnits, int out, double lr, boolean sgd, long seed, double entropy) {
        return network(in, hiddenUnits, out, lr, sgd, seed, entropy, 0);
    }

    /** The same with weight decay (of weights and biases, times the learning rate, at every update): 0 for none. */
    static MultiLayerNetwork network(int in, int hiddenUnits, int out, double lr, boolean sgd, long seed, double entropy, double decay) {
        boolean isPolicy = !Double.isNaN(entropy);
        OutputLayer.Builder o = isPolicy ? new OutputLayer.Builder(new PolicyGradientLoss(entropy))
                : new OutputLayer.Builder(LossFunctions.LossFunction.MSE);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).updater(sgd ? new org.nd4j.linalg.learning.config.Sgd(lr) : new Adam(lr))
                .weightDecay(decay).weightDecayBias(decay).list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(hiddenUnits).activation(Activation.TANH).build())
                .layer(o.nIn(hiddenUnits).nOut(out).activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Copies the policy's weights for acting. */
    protected final void refresh() {
        w1 = policy.getLayer(0).getParam("W").toDoubleMatrix();
        b1 = policy.getLayer(0).getParam("b").toDoubleVector();
        w2 = policy.getLayer(1).getParam("W").toDoubleMatrix();
        b2 = policy.getLayer(1).getParam("b").toDoubleVector();
    }

    /** The observation divided by the scale: a new array. */
    protected final double[] scaled(double[] obs) {
        double[] x = new double[obs.length];
        for (int i = 0; i < obs.length; i++) {
            x[i] = obs[i] / scale[i];
        }
        return x;
    }

    /** Rows as a float matrix for DL4J. */
    protected static INDArray matrix(List<double[]> rows) {
        double[][] m = rows.toArray(new double[0][]);
        return Nd4j.create(m).castTo(DataType.FLOAT);
    }

    /** The labels of the policy gradient: each row the advantage times the action's one-hot code. */
    protected final INDArray policyLabels(double[] advantage) {
        double[][] l = new double[advantage.length][k];
        for (int t = 0; t < advantage.length; t++) {
            l[t][actions.get(t)] = advantage[t];
        }
        return Nd4j.create(l).castTo(DataType.FLOAT);
    }

    @Override
    public Family family() {
        return Family.GRADIENT;
    }

    @Override
    public int act(double[] observation) {
        current = scaled(observation);
        forward(current, w1, b1, w2, b2, hidden, logits);
        action = Softmax.choose(logits, rng);
        return action;
    }

    /**
     * The forward pass of a network of one tanh hidden layer and linear outputs, in plain Java.
     *
     * @param x the (scaled) input
     * @param w1 the hidden layer's weights, [input][unit] as DL4J keeps them
     * @param b1 its biases
     * @param w2 the output layer's weights, [unit][output]
     * @param b2 its biases
     * @param hidden where the hidden activities are written
     * @param out where the outputs are written
     */
    static void forward(double[] x, double[][] w1, double[] b1, double[][] w2, double[] b2, double[] hidden, double[] out) {
        for (int h = 0; h < hidden.length; h++) {
            double s = b1[h];
            for (int i = 0; i < x.length; i++) {
                s += x[i] * w1[i][h];
            }
            hidden[h] = Math.tanh(s);
        }
        for (int a = 0; a < out.length; a++) {
            double s = b2[a];
            for (int h = 0; h < hidden.length; h++) {
                s += hidden[h] * w2[h][a];
            }
            out[a] = s;
        }
    }

    /** The policy the agent acts with (the copy of the network's weights taken after its last update), from arrays of its own. */
    @Override
    public void policy(double[] observation, double[] probabilities) {
        forward(scaled(observation), w1, b1, w2, b2, new double[hidden.length], probabilities);
        Softmax.probabilities(probabilities);
    }

    /** No critic: NaN, unless the agent has one. */
    @Override
    public double value(double[] observation) {
        return Double.NaN;
    }

    @Override
    public void feedback(double reward, double[] next, boolean terminal) {
        states.add(current);
        nexts.add(scaled(next));
        actions.add(action);
        rewards.add(reward);
        terminals.add(terminal);
        if (due(terminal)) {
            if (update()) {
                refresh();
            }
            clearExperience();
        }
    }

    @Override
    public void endEpisode(boolean truncated) {
        if (!states.isEmpty()) {
            if (update()) {
                refresh();
            }
            clearExperience();
        }
    }

    private void clearExperience() {
        states.clear();
        nexts.clear();
        actions.clear();
        rewards.clear();
        terminals.clear();
    }

    /** Whether to update after this step, before the episode ends. */
    protected abstract boolean due(boolean terminal);

    /**
     * Learns from the stretch of experience gathered, which is cleared afterwards.
     *
     * @return whether the policy network changed
     */
    protected abstract boolean update();

    /** The networks whose weights are shown, by name. */
    protected abstract java.util.Map<String, MultiLayerNetwork> networks();

    @Override
    public WeightView weights() {
        java.util.Map<String, INDArray> groups = new java.util.LinkedHashMap<>();
        networks().forEach((name, net) -> {
            for (int i = 0; i < net.getnLayers(); i++) {
                groups.put(name + i, net.getLayer(i).getParam("W"));
            }
        });
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.copyOf(groups.keySet());
            }

            @Override
            public int[] shape(String group) {
                long[] s = groups.get(group).shape();
                return new int[] {(int) s[1], (int) s[0]};
            }

            @Override
            public void copy(String group, double[] dest) {
                // one row per unit: the transpose of DL4J's [nIn, nOut]
                double[][] m = groups.get(group).transpose().toDoubleMatrix();
                for (int i = 0; i < m.length; i++) {
                    System.arraycopy(m[i], 0, dest, i * m[i].length, m[i].length);
                }
            }
        };
    }
}
