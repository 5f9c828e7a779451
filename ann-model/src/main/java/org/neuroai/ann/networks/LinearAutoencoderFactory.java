package org.neuroai.ann.networks;

import java.util.List;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/** Registers {@link LinearAutoencoder} as "linear-autoencoder". */
public final class LinearAutoencoderFactory implements NetworkFactory {
    @Override
    public String name() {
        return "linear-autoencoder";
    }

    @Override
    public String description() {
        return "linear autoencoder d-k-d (DL4J), mean squared error, SGD or Adam; finds the top-k principal subspace";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("k", 3, 1, 4096, "hidden units"),
                ParamSpec.choice("optimiser", "adam", List.of("sgd", "adam"), "optimiser"),
                ParamSpec.positive("lr", 0.01, 10.0, "1", "initial learning rate"),
                ParamSpec.real("tau", 2000, 0, 1e12, "presentations", "annealing time constant: lr/(1+t/tau); 0 keeps lr constant"),
                ParamSpec.integer("batch", 10, 1, 100_000, "samples per gradient step"));
    }

    @Override
    public void footprint(Footprint f, Params p, int nInputs, String paramsKey, String learner, int copies) {
        int k = p.integer("k");
        // two d x k matrices in double: parameters, gradients and Adam's two arrays, and their copies when recorded
        double bytes = copies * 6.0 * Double.BYTES * nInputs * k;
        f.need(paramsKey + ".k", "'k' = " + k + " of learner '" + learner + "' (on " + nInputs + " inputs)", bytes, Footprint.Pool.NATIVE);
    }

    @Override
    public Learner create(String name, Params p, int nInputs, long weightSeed) {
        return new LinearAutoencoder(name, nInputs, p.integer("k"), p.string("optimiser"), p.real("lr"), p.real("tau"),
                p.integer("batch"), weightSeed);
    }
}
