package org.neuroai.ann.networks;

import java.util.Arrays;
import java.util.List;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/** Registers {@link Mlp} as "mlp". */
public final class MlpFactory implements NetworkFactory {
    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "multilayer perceptron trained by backpropagation (DL4J): any depth, softmax/sigmoid/linear outputs";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new java.util.ArrayList<>(List.of(
                ParamSpec.text("hidden", "16", "hidden layer sizes, comma-separated (empty for none)"),
                ParamSpec.integer("outputs", 1, 1, 100_000, "output units"),
                ParamSpec.choice("activation", "tanh", List.of("relu", "tanh", "sigmoid", "identity"), "hidden activation"),
                ParamSpec.choice("output", "sigmoid-ce", List.of("softmax-ce", "sigmoid-ce", "sigmoid-mse", "linear-mse"),
                        "output activation and loss")));
        p.addAll(training());
        p.add(ParamSpec.flag("bias", true, "every layer has a bias"));
        p.add(ParamSpec.choice("init", "random", List.of("random", "zero"),
                "initial weights: random (Xavier, He for relu) or zero (only without hidden layers)"));
        return List.copyOf(p);
    }

    /**
     * The parameters of gradient training that every network built on {@link Mlp} accepts:
     * optimiser, learning rate and its schedule, minibatch size and L2 penalty.
     */
    static List<ParamSpec> training() {
        return List.of(
                ParamSpec.choice("optimiser", "adam", List.of("sgd", "nesterov", "adam", "rmsprop"),
                        "optimiser (nesterov: SGD with Nesterov momentum 0.9, the momentum method Deeplearning4j provides)"),
                ParamSpec.positive("lr", 0.01, 10.0, "1", "initial learning rate"),
                ParamSpec.choice("schedule", "inverse", List.of("constant", "inverse", "step", "exponential"),
                        "learning-rate schedule over t presentations: inverse lr/(1+t/tau) (constant when tau=0), constant, "
                                + "step lr*decay^floor(t/tau), exponential lr*decay^(t/tau)"),
                ParamSpec.real("tau", 0, 0, 1e12, "presentations", "time constant of the schedule; 0 keeps lr constant under inverse"),
                ParamSpec.real("decay", 0.5, 1e-6, 1, "1", "factor of the step and exponential schedules per tau presentations"),
                ParamSpec.integer("batch", 1, 1, 100_000, "samples per gradient step (to convert tau to iterations)"),
                ParamSpec.real("l2", 0, 0, 10, "1", "L2 weight penalty"));
    }

    /** Parses the hidden sizes, e.g. "256,128". */
    static int[] hidden(String text) {
        if (text.isBlank()) {
            return new int[0];
        }
        try {
            int[] h = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int v : h) {
                if (v < 1) {
                    throw new NumberFormatException();
                }
            }
            return h;
        } catch (NumberFormatException e) {
            throw new UserError("invalid value '" + text + "' for 'hidden'; valid is a comma-separated list of layer sizes >= 1, such as 256,128.");
        }
    }

    @Override
    public void footprint(Footprint f, Params p, int nInputs, String paramsKey, String learner, int copies) {
        declare(f, nInputs, p.string("hidden"), p.integer("outputs"), p.string("optimiser"), p.integer("batch"), paramsKey, learner,
                copies);
    }

    /** Declares a network built on {@link Mlp}, under its key 'hidden'. */
    static void declare(Footprint f, int nInputs, String hiddenText, int outputs, String optimiser, int batch, String paramsKey,
                        String learner, int copies) {
        int[] h = hidden(hiddenText);
        String what = "'hidden' = '" + hiddenText + "' of learner '" + learner + "' (on " + nInputs + " inputs"
                + (copies > 1 ? ", " + copies + " seeds at once" : "") + ")";
        f.need(paramsKey + ".hidden", what, copies * Mlp.nativeBytes(nInputs, h, outputs, optimiser, batch), Footprint.Pool.NATIVE);
        f.need(paramsKey + ".hidden", what, copies * Mlp.heapBytes(nInputs, h, outputs), Footprint.Pool.HEAP);
    }

    @Override
    public Learner create(String name, Params p, int nInputs, long weightSeed) {
        return new Mlp(name, new Mlp.Config(nInputs, hidden(p.string("hidden")), p.integer("outputs"), p.string("activation"),
                p.string("output"), p.string("optimiser"), p.real("lr"), p.real("tau"), p.integer("batch"), p.real("l2"), weightSeed,
                p.flag("bias"), p.string("init"), p.string("schedule"), p.real("decay")));
    }
}
