package org.neuroai.ann.networks;

import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Probeable;
import org.neuroai.core.Reconstructor;
import org.neuroai.core.WeightView;

/**
 * An autoencoder trained by backpropagation: an {@link Mlp} whose target is its own input, so its
 * hidden layers must squeeze the inputs through and its output rebuild them. Targets of the task
 * are ignored; any task will do.
 *
 * <p>Weight groups as for {@link Mlp}: "w" is the first hidden layer's incoming weights, one row
 * per hidden unit; "layerN" is layer N's.
 */
public final class Autoencoder implements Learner, Reconstructor, Probeable {
    private final Mlp mlp;

    /**
     * @param mlp a network with as many outputs as inputs
     */
    public Autoencoder(Mlp mlp) {
        this.mlp = mlp;
    }

    @Override
    public String name() {
        return mlp.name();
    }

    @Override
    public Family family() {
        return Family.GRADIENT;
    }

    /** One gradient step on the batch's mean reconstruction loss. */
    @Override
    public void learn(Batch batch) {
        mlp.learn(new Batch(batch.inputs(), batch.inputs(), batch.first()));
    }

    @Override
    public WeightView weights() {
        return mlp.weights();
    }

    @Override
    public long presentations() {
        return mlp.presentations();
    }

    @Override
    public double[][] reconstruct(double[][] inputs) {
        return mlp.predict(inputs);
    }

    /** The probes of its network ({@link org.neuroai.ann.record.NetworkProbes}). */
    @Override
    public java.util.Map<String, Integer> probes() {
        return mlp.probes();
    }

    @Override
    public void probe(String name, double[] dest) {
        mlp.probe(name, dest);
    }

    @Override
    public void select(java.util.Set<String> names) {
        mlp.select(names);
    }
}
