package org.neuroai.ann.networks;

import java.util.ArrayList;
import java.util.List;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/** Registers {@link Autoencoder} as "autoencoder". */
public final class AutoencoderFactory implements NetworkFactory {
    @Override
    public String name() {
        return "autoencoder";
    }

    @Override
    public String description() {
        return "autoencoder trained by backpropagation (DL4J): any hidden layers, linear or sigmoid output, input as target";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>(List.of(
                ParamSpec.text("hidden", "16", "hidden layer sizes, comma-separated; the middle one is the code"),
                ParamSpec.choice("activation", "identity", List.of("relu", "tanh", "sigmoid", "identity"), "hidden activation"),
                ParamSpec.choice("output", "linear-mse", List.of("linear-mse", "sigmoid-mse", "sigmoid-ce"),
                        "output activation and reconstruction loss (sigmoid-ce for inputs in [0, 1])")));
        p.addAll(MlpFactory.training());
        return List.copyOf(p);
    }

    @Override
    public void footprint(Footprint f, Params p, int nInputs, String paramsKey, String learner, int copies) {
        MlpFactory.declare(f, nInputs, p.string("hidden"), nInputs, p.string("optimiser"), p.integer("batch"), paramsKey, learner,
                copies);
    }

    @Override
    public Learner create(String name, Params p, int nInputs, long weightSeed) {
        return new Autoencoder(new Mlp(name, new Mlp.Config(nInputs, MlpFactory.hidden(p.string("hidden")), nInputs,
                p.string("activation"), p.string("output"), p.string("optimiser"), p.real("lr"), p.real("tau"), p.integer("batch"),
                p.real("l2"), weightSeed, true, "random", p.string("schedule"), p.real("decay"))));
    }
}
