package org.neuroai.ann.networks;

import java.util.List;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/** Registers {@link TdCritic} under the name "td-critic". */
public final class TdCriticFactory implements NetworkFactory {
    @Override
    public String name() {
        return "td-critic";
    }

    @Override
    public String description() {
        return "critic trained by semi-gradient TD(0) (DL4J): a small network V, one SGD step per time step on "
                + "(V(x) - r - gamma V(x'))^2; the TD error is its dopamine-like signal";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.text("hidden", "16", "hidden layer sizes, comma-separated (empty for a linear critic)"),
                ParamSpec.choice("activation", "tanh", List.of("tanh", "identity"), "hidden activation (both are 0 at 0)"),
                ParamSpec.positive("lr", 1.0, 10.0, "1", "SGD learning rate on the mean over a batch of n steps: each step moves by 2 lr / n delta grad V"),
                ParamSpec.real("gamma", 0.98, 0, 1, "1", "the discount per time step"),
                ParamSpec.integer("trial", 0, 0, 100_000_000, "steps per episode, each ending in a terminal state (0: continuing)"));
    }

    @Override
    public void footprint(Footprint f, Params p, int nInputs, String paramsKey, String learner, int copies) {
        MlpFactory.declare(f, nInputs, p.string("hidden"), 1, "sgd", 1, paramsKey, learner, copies);
    }

    @Override
    public Learner create(String name, Params p, int nInputs, long weightSeed) {
        Mlp.Config c = new Mlp.Config(nInputs, MlpFactory.hidden(p.string("hidden")), 1, p.string("activation"), "linear-mse", "sgd",
                p.real("lr"), 0, 1, 0, weightSeed, false, "random", "constant", 1.0);
        return new TdCritic(name, c, p.real("gamma"), p.integer("trial"));
    }
}
