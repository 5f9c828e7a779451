package org.neuroai.ann.reward;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Probeable;
import org.neuroai.core.reward.Environment;

/**
 * REINFORCE with a baseline (Williams 1992, Machine Learning 8:229-256): after every
 * {@code episodes_per_update} episodes (one by default) the policy network takes one gradient step on Σ_t −(G_t − b) log π(a_t|s_t), where G_t is the
 * discounted return from step t on and b a running average of the returns seen (updated with rate
 * {@code baseline_rate} after each step's use, as in the gradient bandit of Sutton &amp; Barto
 * 2018, section 2.8). The baseline leaves the gradient unbiased and lowers its variance. With
 * {@code weight_decay} λ &gt; 0 every update also shrinks the policy's weights and biases by the
 * learning rate times λ (DL4J's weight decay): the policy forgets, as a Thompson sampler with
 * forgetting does, so that on a task that changes no action's probability is left so small that
 * the gradient, which scales with it, can no longer raise it. Probe {@code baseline}: b.
 */
public final class Reinforce extends NetworkAgent implements Probeable {
    /** Probe: the running average of returns. */
    public static final String BASELINE = "baseline";

    private final double gamma;
    private final double rate;
    private final int perUpdate;
    private final java.util.List<double[]> pendingStates = new java.util.ArrayList<>();
    private final java.util.List<double[]> pendingLabels = new java.util.ArrayList<>();
    private int pendingEpisodes;
    private double baseline;

    /**
     * @param name the learner's name
     * @param env its environment
     * @param s settings: {@code hidden}, {@code lr}, {@code optimiser}, {@code gamma}, {@code entropy}, {@code baseline_rate},
     *     {@code episodes_per_update}
     * @param seed seed of the weights and choices
     */
    public Reinforce(String name, Environment env, Params s, long seed) {
        super(name, env, s.integer("hidden"), s.real("lr"), s.string("optimiser").equals("sgd"), s.real("entropy"), s.real("weight_decay"),
                seed);
        this.gamma = s.real("gamma");
        this.rate = s.real("baseline_rate");
        this.perUpdate = s.integer("episodes_per_update");
    }

    /** Its settings with defaults. */
    public static List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("hidden", 16, 1, 4096, "units of the policy's tanh hidden layer"),
                ParamSpec.positive("lr", 0.01, 10, "1", "the learning rate"),
                ParamSpec.choice("optimiser", "adam", List.of("adam", "sgd"), "how the policy network steps down its gradient"),
                ParamSpec.real("gamma", 0.99, 0, 1, "1", "discount per step"),
                ParamSpec.real("entropy", 0.0, 0, 10, "1", "weight of the entropy bonus that keeps the policy from saturating"),
                ParamSpec.real("weight_decay", 0.0, 0, 1, "1", "decay of the policy's weights and biases towards 0 at each update, "
                        + "times the learning rate: a policy that forgets"),
                ParamSpec.positive("baseline_rate", 0.05, 1, "1", "rate of the running average of returns"),
                ParamSpec.integer("episodes_per_update", 1, 1, 1_000_000, "episodes whose steps make one batch of a gradient step"));
    }

    @Override
    protected boolean due(boolean terminal) {
        return false;
    }

    @Override
    protected boolean update() {
        int n = rewards.size();
        double[] g = new double[n];
        double ret = 0;
        for (int t = n - 1; t >= 0; t--) {
            ret = rewards.get(t) + gamma * ret;
            g[t] = ret;
        }
        for (int t = 0; t < n; t++) {
            double[] label = new double[k];
            label[actions.get(t)] = g[t] - baseline;
            baseline += rate * (g[t] - baseline);
            pendingStates.add(states.get(t));
            pendingLabels.add(label);
        }
        if (++pendingEpisodes < perUpdate) {
            return false;
        }
        policy.fit(matrix(pendingStates), matrix(pendingLabels));
        pendingStates.clear();
        pendingLabels.clear();
        pendingEpisodes = 0;
        return true;
    }

    @Override
    protected Map<String, MultiLayerNetwork> networks() {
        return Map.of("policy", policy);
    }

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(BASELINE, 1);
        return m;
    }

    @Override
    public void probe(String name, double[] dest) {
        dest[0] = baseline;
    }
}
