package org.neuroai.ann.networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Predictor;
import org.neuroai.core.Probeable;
import org.neuroai.core.Proposer;
import org.neuroai.ann.record.NetworkProbes;
import org.neuroai.core.UserError;
import org.neuroai.core.WeightView;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * A multilayer perceptron trained by backpropagation with Deeplearning4j: any number of hidden
 * layers with one activation, and an output layer with its loss (softmax with cross-entropy,
 * sigmoid with binary cross-entropy, or a linear or sigmoid output with mean squared error).
 *
 * <p>Weight groups: "w" is the first hidden layer's incoming weights, one row per hidden unit (a
 * hidden unit's receptive field); "layerN" is layer N's weights, one row per unit of that layer;
 * "biasN" (present when the layers have biases) is layer N's biases, one row of one value per unit.
 * Together the "layerN" and "biasN" groups are the network's whole parameter vector.
 */
public final class Mlp implements Learner, Predictor, Probeable, Proposer {
    private final String name;
    private final MultiLayerNetwork net;
    private final int layers;
    private final boolean bias;
    private final NetworkProbes probes;
    private long presentations;

    /**
     * The settings of an MLP.
     *
     * @param inputs input dimension
     * @param hidden hidden layer sizes, none for a single layer
     * @param outputs output units
     * @param hiddenActivation relu, tanh, sigmoid or identity
     * @param output softmax-ce, sigmoid-ce, sigmoid-mse or linear-mse
     * @param optimiser sgd, nesterov, adam or rmsprop
     * @param lr initial learning rate
     * @param tau annealing time constant in presentations, 0 for a constant rate
     * @param batch samples per gradient step (to convert tau to iterations)
     * @param l2 L2 weight penalty
     * @param weightSeed seed of the initial weights
     * @param bias whether every layer has a bias
     * @param init "random" (Xavier, or He for relu layers) or "zero" (only without hidden layers, which
     *     zero would leave identical)
     * @param schedule how the learning rate changes with t presentations: "inverse" lr/(1 + t/tau)
     *     (constant when tau = 0), "constant", "step" lr·decay^floor(t/tau), or "exponential"
     *     lr·decay^(t/tau)
     * @param decay the factor of the step and exponential schedules, in (0, 1]
     */
    public record Config(int inputs, int[] hidden, int outputs, String hiddenActivation, String output, String optimiser,
                         double lr, double tau, int batch, double l2, long weightSeed, boolean bias, String init,
                         String schedule, double decay) {
        /** Settings with biases, random initial weights and the inverse schedule. */
        public Config(int inputs, int[] hidden, int outputs, String hiddenActivation, String output, String optimiser,
                      double lr, double tau, int batch, double l2, long weightSeed) {
            this(inputs, hidden, outputs, hiddenActivation, output, optimiser, lr, tau, batch, l2, weightSeed, true, "random");
        }

        /** Settings with the inverse schedule lr/(1 + t/tau). */
        public Config(int inputs, int[] hidden, int outputs, String hiddenActivation, String output, String optimiser,
                      double lr, double tau, int batch, double l2, long weightSeed, boolean bias, String init) {
            this(inputs, hidden, outputs, hiddenActivation, output, optimiser, lr, tau, batch, l2, weightSeed, bias, init,
                    "inverse", 1.0);
        }

        /** The learning-rate schedule in Deeplearning4j's terms, per iteration (one gradient step of batch samples). */
        ISchedule learningRate() {
            double stepsPerTau = tau / batch;
            if (!schedule.equals("constant") && !schedule.equals("inverse") && tau <= 0) {
                throw new UserError("the " + schedule + " schedule needs tau > 0 presentations; give tau, or use schedule constant.");
            }
            return switch (schedule) {
                case "constant" -> new InverseSchedule(ScheduleType.ITERATION, lr, 0.0, 1.0);
                case "inverse" -> new InverseSchedule(ScheduleType.ITERATION, lr, tau > 0 ? 1.0 / stepsPerTau : 0.0, 1.0);
                case "step" -> new StepSchedule(ScheduleType.ITERATION, lr, decay, stepsPerTau);
                case "exponential" -> new ExponentialSchedule(ScheduleType.ITERATION, lr, Math.pow(decay, 1.0 / stepsPerTau));
                default -> throw new UserError("unknown schedule '" + schedule + "'; valid are: constant, inverse, step, exponential.");
            };
        }
    }

    /**
     * @param name the learner's name
     * @param c the settings
     */
    public Mlp(String name, Config c) {
        this.name = name;
        ISchedule schedule = c.learningRate();
        IUpdater updater = switch (c.optimiser()) {
            case "sgd" -> new Sgd(schedule);
            case "nesterov" -> new Nesterovs(schedule, 0.9);
            case "adam" -> new Adam(schedule);
            case "rmsprop" -> new RmsProp(schedule);
            default -> throw new UserError("unknown optimiser '" + c.optimiser() + "'; valid are: sgd, nesterov, adam, rmsprop.");
        };
        boolean zero = switch (c.init()) {
            case "random" -> false;
            case "zero" -> true;
            default -> throw new UserError("unknown init '" + c.init() + "'; valid are: random, zero.");
        };
        if (zero && c.hidden().length > 0) {
            throw new UserError("init=zero would leave every hidden unit identical, so they could never differ; "
                    + "use it only with no hidden layers (hidden empty), or init=random.");
        }
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(c.weightSeed())
                .dataType(DataType.FLOAT)
                .weightInit(c.hiddenActivation().equals("relu") ? WeightInit.RELU : WeightInit.XAVIER)
                .updater(updater);
        if (c.l2() > 0) {
            b.l2(c.l2());
        }
        NeuralNetConfiguration.ListBuilder list = b.list();
        int in = c.inputs();
        for (int h : c.hidden()) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(activation(c.hiddenActivation())).hasBias(c.bias())
                    .build());
            in = h;
        }
        OutputLayer.Builder out = switch (c.output()) {
            case "softmax-ce" -> new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX);
            case "sigmoid-ce" -> new OutputLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID);
            case "sigmoid-mse" -> new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.SIGMOID);
            case "linear-mse" -> new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY);
            default -> throw new UserError("unknown output '" + c.output() + "'; valid are: softmax-ce, sigmoid-ce, sigmoid-mse, linear-mse.");
        };
        list.layer(out.nIn(in).nOut(c.outputs()).weightInit(zero ? WeightInit.ZERO : WeightInit.XAVIER).hasBias(c.bias()).build());
        MultiLayerConfiguration conf = list.build();
        net = new MultiLayerNetwork(conf);
        net.init();
        layers = c.hidden().length + 1;
        bias = c.bias();
        probes = new NetworkProbes(net);
    }

    /**
     * ND4J's native memory a network of these sizes takes, in bytes: its parameters in float, their
     * gradients, the optimiser's state (two arrays for Adam, one for RMSProp and Nesterov
     * momentum) and each layer's activations and errors for a minibatch.
     *
     * @param inputs input dimension
     * @param hidden hidden layer sizes
     * @param outputs output units
     * @param optimiser sgd, nesterov, adam or rmsprop
     * @param batch samples per step
     * @return the estimate, as a double so that no product of sizes overflows
     */
    public static double nativeBytes(int inputs, int[] hidden, int outputs, String optimiser, int batch) {
        double params = 0;
        double units = 0;
        double in = inputs;
        for (int h : hidden) {
            params += in * h + h;
            units += h;
            in = h;
        }
        params += in * outputs + outputs;
        units += outputs + inputs;
        int state = switch (optimiser) {
            case "adam" -> 2;
            case "rmsprop", "nesterov" -> 1;
            default -> 0;
        };
        return Float.BYTES * (params * (2 + state) + 2.0 * units * batch);
    }

    /**
     * The heap a network of these sizes takes while it is recorded: its largest weight matrix
     * copied into doubles, and transposed.
     */
    static double heapBytes(int inputs, int[] hidden, int outputs) {
        double largest = 0;
        double in = inputs;
        for (int h : hidden) {
            largest = Math.max(largest, in * h);
            in = h;
        }
        largest = Math.max(largest, in * outputs);
        return 2.0 * Double.BYTES * largest;
    }

    static Activation activation(String key) {
        return switch (key) {
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "identity" -> Activation.IDENTITY;
            default -> throw new UserError("unknown activation '" + key + "'; valid are: relu, tanh, sigmoid, identity.");
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.GRADIENT;
    }

    /** One gradient step on the batch's mean loss. */
    @Override
    public void learn(Batch batch) {
        if (batch.targets() == null) {
            throw new UserError("the mlp network needs a task with targets.");
        }
        // counted first, so that listeners called during the step see it included
        presentations += batch.size();
        INDArray x = Nd4j.create(batch.inputs()).castTo(DataType.FLOAT);
        probes.learning(x);
        net.fit(new DataSet(x, Nd4j.create(batch.targets()).castTo(DataType.FLOAT)));
    }

    /**
     * The change of the first layer's weights (group "w", one row per unit) that one gradient step
     * on {@code batch} would make, without making it: the step is taken by a copy of the network
     * with its optimiser's state (Adam's moment estimates, the iteration count of the schedule),
     * so for plain SGD it is −lr times the gradient of the batch's mean loss and for Adam the
     * step Adam would take next.
     *
     * @param batch samples with targets
     * @return ΔW, one row per unit of the first layer
     */
    @Override
    public double[][] proposedUpdate(Batch batch) {
        if (batch.targets() == null) {
            throw new UserError("the mlp network needs a task with targets.");
        }
        MultiLayerNetwork copy = net.clone();
        double[][] before = firstLayer(copy);
        copy.fit(new DataSet(Nd4j.create(batch.inputs()).castTo(DataType.FLOAT), Nd4j.create(batch.targets()).castTo(DataType.FLOAT)));
        double[][] after = firstLayer(copy);
        for (int i = 0; i < after.length; i++) {
            for (int j = 0; j < after[i].length; j++) {
                after[i][j] -= before[i][j];
            }
        }
        return after;
    }

    private static double[][] firstLayer(MultiLayerNetwork n) {
        return n.getParam("0_W").transpose().castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    @Override
    public long presentations() {
        return presentations;
    }

    @Override
    public double[][] predict(double[][] inputs) {
        return net.output(Nd4j.create(inputs).castTo(DataType.FLOAT)).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /**
     * Adds training listeners (for example a {@link org.neuroai.ann.record.MonitorListener}).
     *
     * @param listeners the listeners
     */
    public void addListeners(org.deeplearning4j.optimize.api.TrainingListener... listeners) {
        net.addListeners(listeners);
    }

    /** What the network offers to record ({@link NetworkProbes}): loss, norms, activations. */
    @Override
    public Map<String, Integer> probes() {
        return probes.probes();
    }

    @Override
    public void probe(String name, double[] dest) {
        probes.probe(name, dest);
    }

    @Override
    public void select(java.util.Set<String> names) {
        probes.select(names);
    }

    /** The underlying Deeplearning4j network. */
    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public WeightView weights() {
        return new WeightView() {
            @Override
            public List<String> groups() {
                List<String> g = new ArrayList<>();
                g.add("w");
                for (int i = 0; i < layers; i++) {
                    g.add("layer" + i);
                }
                for (int i = 0; bias && i < layers; i++) {
                    g.add("bias" + i);
                }
                return g;
            }

            private INDArray param(String group) {
                if (group.startsWith("bias")) {
                    // 1 x nOut: as a column, one row per unit
                    return net.getParam(Integer.parseInt(group.substring(4)) + "_b").reshape(-1, 1);
                }
                int layer = group.equals("w") ? 0 : Integer.parseInt(group.substring(5));
                return net.getParam(layer + "_W").transpose();
            }

            @Override
            public int[] shape(String group) {
                long[] s = param(group).shape();
                return new int[] {(int) s[0], (int) s[1]};
            }

            @Override
            public void copy(String group, double[] dest) {
                double[][] m = param(group).castTo(DataType.DOUBLE).toDoubleMatrix();
                for (int i = 0; i < m.length; i++) {
                    System.arraycopy(m[i], 0, dest, i * m[i].length, m[i].length);
                }
            }
        };
    }
}
