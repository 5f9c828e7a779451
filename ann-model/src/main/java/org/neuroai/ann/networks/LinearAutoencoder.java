package org.neuroai.ann.networks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Probeable;
import org.neuroai.ann.record.NetworkProbes;
import org.neuroai.core.Reconstructor;
import org.neuroai.core.SubspaceLearner;
import org.neuroai.core.WeightView;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * A linear autoencoder x → E x → D E x with k hidden units and no biases, trained by
 * Deeplearning4j to minimise the mean squared reconstruction error.
 *
 * <p>Its global minimum spans the top-k principal subspace of centred data (Baldi &amp; Hornik
 * 1989, "Neural networks and principal component analysis", Neural Networks 2:53-58), the same
 * subspace Sanger's rule finds, but without an ordering or orthonormality of the units. The
 * learned subspace reported for principal angles is the span of the decoder's k output vectors
 * (the space the reconstructions live in); the "w" weight group holds the encoder's rows, one per
 * hidden unit, to stand beside a Hebbian unit's incoming weights.
 *
 * <p>The learning rate is annealed per iteration as lr / (1 + iteration · batch / τ), the same
 * schedule in presentations as the bio learners.
 */
public final class LinearAutoencoder implements Learner, Reconstructor, SubspaceLearner, Probeable {
    private final String name;
    private final MultiLayerNetwork net;
    private final int d;
    private final int k;
    private final NetworkProbes probes;
    private long presentations;

    /**
     * @param name the learner's name
     * @param d input dimension
     * @param k hidden units
     * @param optimiser "sgd" or "adam"
     * @param lr initial learning rate
     * @param tau annealing time constant in presentations (0 = constant)
     * @param batch presentations per gradient step (only used to convert τ to iterations)
     * @param weightSeed seed of the initial weights
     */
    public LinearAutoencoder(String name, int d, int k, String optimiser, double lr, double tau, int batch,
                             long weightSeed) {
        this.name = name;
        this.d = d;
        this.k = k;
        ISchedule schedule = new InverseSchedule(ScheduleType.ITERATION, lr, tau > 0 ? batch / tau : 0.0, 1.0);
        IUpdater updater = switch (optimiser) {
            case "sgd" -> new Sgd(schedule);
            case "adam" -> new Adam(schedule);
            default -> throw new IllegalArgumentException("optimiser " + optimiser);
        };
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(weightSeed)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER)
                .updater(updater)
                .list()
                .layer(new DenseLayer.Builder().nIn(d).nOut(k).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(k).nOut(d)
                        .activation(Activation.IDENTITY).hasBias(false).build())
                .build();
        this.net = new MultiLayerNetwork(conf);
        net.init();
        probes = new NetworkProbes(net);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.GRADIENT;
    }

    /** One gradient step on the whole batch (its mean loss). */
    @Override
    public void learn(Batch batch) {
        INDArray x = Nd4j.create(batch.inputs());
        probes.learning(x);
        net.fit(new DataSet(x, x));
        presentations += batch.size();
    }

    @Override
    public long presentations() {
        return presentations;
    }

    /** The underlying Deeplearning4j network (for listeners and inspection). */
    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public WeightView weights() {
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.of("w", "decoder");
            }

            @Override
            public int[] shape(String group) {
                return new int[] {k, d};
            }

            @Override
            public void copy(String group, double[] dest) {
                // encoder 0_W is d x k (nIn x nOut): its transpose has one row per hidden unit.
                // decoder 1_W is k x d: row i is what hidden unit i writes into input space.
                INDArray m = group.equals("w") ? net.getParam("0_W").transpose() : net.getParam("1_W");
                double[][] a = m.toDoubleMatrix();
                for (int i = 0; i < k; i++) {
                    System.arraycopy(a[i], 0, dest, i * d, d);
                }
            }
        };
    }

    @Override
    public double[][] reconstruct(double[][] inputs) {
        return net.output(Nd4j.create(inputs)).toDoubleMatrix();
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
    public void select(Set<String> names) {
        probes.select(names);
    }

    @Override
    public double[][] subspaceBasis() {
        return weights().matrix("decoder");
    }
}
