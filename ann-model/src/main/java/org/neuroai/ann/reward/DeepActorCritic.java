package org.neuroai.ann.reward;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Probeable;
import org.neuroai.core.reward.Environment;

/**
 * An actor-critic whose actor and critic are Deeplearning4j networks (the advantage actor-critic
 * of Mnih et al. 2016, ICML, with one worker and one-step returns; the scheme is Barto, Sutton &amp;
 * Anderson's 1983 with gradients in place of eligibility traces). Every {@code n_steps} steps, and
 * at the end of an episode, the stretch of transitions is learnt in one batch, with the n-step
 * returns of Mnih et al.: R_t = r_t + γ r_{t+1} + … + γ^{m} V(s_end), bootstrapped from the critic V
 * at the state after the stretch (0 after a terminal state, the critic's value after an episode cut
 * off). The errors δ_t = R_t − V(s_t) are the advantages: the critic takes one Adam step on the
 * squared error towards R_t, the actor one step on Σ_t −δ_t log π(a_t|s_t). With a stretch of one
 * step, δ is the temporal-difference error r + γ V(s') − V(s). Probes:
 * {@code td_error} (the last δ, the gradient side's counterpart of the neuromodulator) and
 * {@code value} (the critic's value of the last state learnt from).
 */
public final class DeepActorCritic extends NetworkAgent implements Probeable {
    /** Probe: the last temporal-difference error. */
    public static final String TD_ERROR = "td_error";
    /** Probe: the critic's value of the last state learnt from. */
    public static final String VALUE = "value";

    private final MultiLayerNetwork critic;
    private final double gamma;
    private final int nSteps;
    private double lastDelta;
    private double lastValue;

    /**
     * @param name the learner's name
     * @param env its environment
     * @param s settings: {@code hidden}, {@code lr}, {@code critic_lr}, {@code gamma}, {@code n_steps}
     * @param seed seed of the weights and choices
     */
    public DeepActorCritic(String name, Environment env, Params s, long seed) {
        super(name, env, s.integer("hidden"), s.real("lr"), false, 0, seed);
        this.critic = network(env.observationDim(), s.integer("hidden"), 1, s.real("critic_lr"), false, seed + 1, Double.NaN);
        this.gamma = s.real("gamma");
        this.nSteps = s.integer("n_steps");
    }

    /** Its settings with defaults. */
    public static List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("hidden", 16, 1, 4096, "units of each network's tanh hidden layer"),
                ParamSpec.positive("lr", 0.01, 10, "1", "Adam's learning rate of the actor"),
                ParamSpec.positive("critic_lr", 0.01, 10, "1", "Adam's learning rate of the critic"),
                ParamSpec.real("gamma", 0.99, 0, 1, "1", "discount per step"),
                ParamSpec.integer("n_steps", 32, 1, 1_000_000, "steps between updates (and at every episode's end)"));
    }

    @Override
    protected boolean due(boolean terminal) {
        return rewards.size() >= nSteps;
    }

    @Override
    protected boolean update() {
        int n = rewards.size();
        // one forward pass of the critic for every state of the stretch and the state after it
        java.util.List<double[]> rows = new java.util.ArrayList<>(states);
        rows.add(nexts.get(n - 1));
        double[] v = critic.output(matrix(rows)).toDoubleVector();
        double ret = terminals.get(n - 1) ? 0 : v[n];
        double[] delta = new double[n];
        double[][] target = new double[n][1];
        for (int t = n - 1; t >= 0; t--) {
            ret = rewards.get(t) + (terminals.get(t) ? 0 : gamma * ret);
            target[t][0] = ret;
            delta[t] = ret - v[t];
        }
        INDArray s = matrix(states);
        critic.fit(s, Nd4j.create(target).castTo(DataType.FLOAT));
        policy.fit(s, policyLabels(delta));
        lastDelta = delta[n - 1];
        lastValue = v[n - 1];
        return true;
    }

    /**
     * The critic's value at an observation, computed in plain Java from a copy of its weights, so that
     * the network is left exactly as it was (no forward pass through DL4J, which keeps its last input).
     */
    @Override
    public double value(double[] observation) {
        double[] out = new double[1];
        forward(scaled(observation), critic.getLayer(0).getParam("W").toDoubleMatrix(), critic.getLayer(0).getParam("b").toDoubleVector(),
                critic.getLayer(1).getParam("W").toDoubleMatrix(), critic.getLayer(1).getParam("b").toDoubleVector(),
                new double[(int) critic.getLayer(0).getParam("b").length()], out);
        return out[0];
    }

    @Override
    protected Map<String, MultiLayerNetwork> networks() {
        Map<String, MultiLayerNetwork> m = new LinkedHashMap<>();
        m.put("actor", policy);
        m.put("critic", critic);
        return m;
    }

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(TD_ERROR, 1);
        m.put(VALUE, 1);
        return m;
    }

    @Override
    public void probe(String name, double[] dest) {
        dest[0] = name.equals(TD_ERROR) ? lastDelta : lastValue;
    }
}
