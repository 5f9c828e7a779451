package org.neuroai.bio.reward;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuroai.bio.rules.TdLambdaRule;
import org.neuroai.bio.rules.ThreeFactorRule;
import org.neuroai.core.Family;
import org.neuroai.core.Params;
import org.neuroai.core.Probeable;
import org.neuroai.core.WeightView;
import org.neuroai.core.reward.AgentLearner;
import org.neuroai.core.reward.Environment;
import org.neuroai.core.reward.PolicyView;
import org.neuroai.core.reward.Softmax;

/**
 * The actor-critic of Barto, Sutton &amp; Anderson (1983, "Neuronlike adaptive elements that can
 * solve difficult learning control problems", IEEE Trans. Syst. Man Cybern. SMC-13:834-846) built
 * from two {@link ThreeFactorRule} layers, one learning synapse by synapse from a global
 * neuromodulator:
 * <ul>
 *   <li>the critic (adaptive critic element) predicts p(t) = v·x(t) and broadcasts the internal
 *       reinforcement r̂(t+1) = r(t+1) + γ p(t+1) − p(t) (with p = 0 after a failure): the
 *       temporal-difference error, the signal dopamine neurons are thought to carry;</li>
 *   <li>the actor (associative search element, one unit per action) chooses an action with
 *       probability softmax(w·x / T) (the paper added Gaussian noise of s.d. 0.01 to one unit's
 *       input and took its sign; logistic noise, which is what a softmax of two units adds, is
 *       the same up to the noise's shape and carries over to more actions);</li>
 *   <li>both learn by the three-factor rule with M = r̂: the actor's synapses from input x_j to
 *       the unit of the chosen action keep the trace e ← δ e + (1 − δ) x_j, the critic's
 *       x̄ ← λ x̄ + (1 − λ) x_j, and w += α r̂ e, v += β r̂ x̄.</li>
 * </ul>
 * With two actions the difference of the two units' weights changes exactly as the paper's single
 * element's weight. With {@code critic} = {@code td-lambda} the critic is instead the
 * {@link TdLambdaRule} (Sutton 1988): accumulating traces e ← γλ e + x and v += β δ e, whose TD
 * error δ = r + γ p(t+1) − p(t) is the actor's modulator (the actor-critic with eligibility traces
 * of Sutton &amp; Barto 2018, section 13.5). The input is the observation, or for cart-pole the paper's 162 {@link Boxes}.
 * Traces are cleared when an episode starts. As a {@link PolicyView} it gives the actor's softmax and the critic's
 * v·x at any observation. Probes: {@code eligibility} (the actor's traces),
 * {@code modulator} (the last r̂), {@code value} (the last prediction p).
 */
public final class ActorCritic extends AgentLearner implements Probeable, PolicyView {
    /** Probe: the last internal reinforcement, the neuromodulator. */
    public static final String MODULATOR = "modulator";
    /** Probe: the critic's last prediction. */
    public static final String VALUE = "value";

    private final Params actorRule;
    private final AdaptiveCritic critic;
    private final double temperature;
    private final boolean boxes;
    private final long seed;
    private final int n;
    private final int k;
    private final double[][] w;
    private final ThreeFactorRule.Trace actor;
    private final double[] x;
    private final double[] xNext;
    private final double[] chosen;
    private final double[] mActor;
    private final double[] h;
    private SplittableRandom rng;
    private double lastModulator;
    private int action;

    /**
     * @param name the learner's name
     * @param env its environment
     * @param s its settings: {@code alpha}, {@code delta} (the actor's rate and trace decay),
     *     {@code beta}, {@code lambda} (the critic's), {@code gamma} (the discount),
     *     {@code temperature}, the flag {@code boxes} and {@code critic} (three-factor or td-lambda)
     * @param seed the seed of its choices
     */
    public ActorCritic(String name, Environment env, Params s, long seed) {
        super(name, env);
        ThreeFactorRule rule = new ThreeFactorRule();
        this.actorRule = rule.params(Map.of("eta", s.real("alpha"), "decay", s.real("delta")), "actor");
        this.temperature = s.real("temperature");
        this.boxes = s.flag("boxes");
        this.seed = seed;
        this.n = boxes ? Boxes.SIZE : env.observationDim();
        this.k = env.actions();
        this.w = new double[k][n];
        this.actor = rule.create(actorRule, n, k);
        this.critic = new AdaptiveCritic(s.real("beta"), s.real("lambda"), s.real("gamma"), n, s.string("critic").equals("td-lambda"));
        this.x = new double[n];
        this.xNext = new double[n];
        this.chosen = new double[k];
        this.mActor = new double[k];
        this.h = new double[k];
        reset();
    }

    /** The settings an experiment gives this learner, with the paper's values as defaults. */
    public static List<org.neuroai.core.ParamSpec> settings() {
        return List.of(
                org.neuroai.core.ParamSpec.positive("alpha", 1000, 1e9, "1", "the actor's learning rate (the paper: 1000)"),
                org.neuroai.core.ParamSpec.real("delta", 0.9, 0, 0.999, "1", "decay of the actor's eligibility trace per step"),
                org.neuroai.core.ParamSpec.positive("beta", 0.5, 1e6, "1", "the critic's learning rate"),
                org.neuroai.core.ParamSpec.real("lambda", 0.8, 0, 0.999, "1", "decay of the critic's input trace per step"),
                org.neuroai.core.ParamSpec.real("gamma", 0.95, 0, 1, "1", "the critic's discount per step"),
                org.neuroai.core.ParamSpec.positive("temperature", 0.01, 1e6, "1", "softmax temperature of the actor's choice"),
                org.neuroai.core.ParamSpec.flag("boxes", true, "code the cart-pole's state in the paper's 162 boxes"),
                org.neuroai.core.ParamSpec.choice("critic", "three-factor", List.of("three-factor", "td-lambda"),
                        "the critic's rule: the paper's input trace, or TD(lambda)'s accumulating trace (decay gamma lambda)"));
    }

    /** Back to zero weights and the first choice. */
    public void reset() {
        for (double[] row : w) {
            java.util.Arrays.fill(row, 0);
        }
        actor.reset();
        critic.reset();
        rng = new SplittableRandom(seed);
        lastModulator = 0;
        clearTally();
    }

    private void encode(double[] obs, double[] dest) {
        if (boxes) {
            Boxes.encode(obs, dest);
        } else {
            System.arraycopy(obs, 0, dest, 0, n);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    @Override
    public Family family() {
        return Family.BIO;
    }

    @Override
    public void beginEpisode(double[] observation) {
        actor.reset();
        encode(observation, x);
        critic.begin(x);
    }

    @Override
    public int act(double[] observation) {
        for (int a = 0; a < k; a++) {
            h[a] = dot(w[a], x) / temperature;
        }
        action = Softmax.choose(h, rng);
        return action;
    }

    /** The actor's softmax(w·x / T) at an observation, from arrays of its own: the learner is left as it was. */
    @Override
    public void policy(double[] observation, double[] probabilities) {
        double[] in = new double[n];
        encode(observation, in);
        for (int a = 0; a < k; a++) {
            probabilities[a] = dot(w[a], in) / temperature;
        }
        Softmax.probabilities(probabilities);
    }

    /** The critic's prediction v·x at an observation. */
    @Override
    public double value(double[] observation) {
        double[] in = new double[n];
        encode(observation, in);
        return critic.predict(in);
    }

    @Override
    public void feedback(double reward, double[] next, boolean terminal) {
        if (!terminal) {
            encode(next, xNext);
        }
        double rhat = critic.learn(reward, x, xNext, terminal);
        lastModulator = rhat;
        java.util.Arrays.fill(chosen, 0);
        chosen[action] = 1;
        java.util.Arrays.fill(mActor, rhat);
        // the actor's traces take in this step's pre and post, then the modulator changes the weights
        actor.update(w, x, chosen, mActor, actorRule.real("eta"));
        if (!terminal) {
            System.arraycopy(xNext, 0, x, 0, n);
        }
    }

    @Override
    public WeightView weights() {
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.of("w", "critic");
            }

            @Override
            public int[] shape(String group) {
                return group.equals("w") ? new int[] {k, n} : new int[] {1, n};
            }

            @Override
            public void copy(String group, double[] dest) {
                double[][] src = group.equals("w") ? w : critic.weights();
                for (int i = 0; i < src.length; i++) {
                    System.arraycopy(src[i], 0, dest, i * n, n);
                }
            }
        };
    }

    @Override
    public Map<String, Integer> probes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put(ThreeFactorRule.ELIGIBILITY, k * n);
        out.put(MODULATOR, 1);
        out.put(VALUE, 1);
        return out;
    }

    @Override
    public void probe(String name, double[] dest) {
        switch (name) {
            case MODULATOR -> dest[0] = lastModulator;
            case VALUE -> dest[0] = critic.value();
            default -> {
                double[] e = actor.probe().get(ThreeFactorRule.ELIGIBILITY);
                System.arraycopy(e, 0, dest, 0, e.length);
            }
        }
    }
}
