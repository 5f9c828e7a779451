package org.neuroai.bio.reward;

import java.util.Arrays;
import java.util.Map;
import org.neuroai.bio.rules.ThreeFactorRule;
import org.neuroai.core.Params;

/**
 * The adaptive critic element of Barto, Sutton &amp; Anderson (1983, IEEE Trans. Syst. Man
 * Cybern. SMC-13:834), made of {@link ThreeFactorRule} synapses: it predicts p(t) = v·x(t) and
 * broadcasts the internal reinforcement r̂(t+1) = r(t+1) + γ p(t+1) − p(t) (with p = 0 after a
 * failure), the temporal-difference error; its synapses keep the input's trace
 * x̄ ← λ x̄ + (1 − λ) x and learn v += β r̂ x̄. Shared by the actors that learn from its error
 * ({@link ActorCritic}, {@link SpikingActorCritic}).
 */
final class AdaptiveCritic {
    private final Params rule;
    private final double gamma;
    private final double[][] v;
    private final ThreeFactorRule.Trace trace;
    private final double[] m = new double[1];
    private final double[] one = {1};
    private double p;

    /**
     * @param beta the learning rate β (the paper: 0.5)
     * @param lambda the decay λ of the input trace per step (the paper: 0.8)
     * @param gamma the discount γ per step (the paper: 0.95)
     * @param n inputs
     */
    AdaptiveCritic(double beta, double lambda, double gamma, int n) {
        ThreeFactorRule r = new ThreeFactorRule();
        this.rule = r.params(Map.of("eta", beta, "decay", lambda), "critic");
        this.gamma = gamma;
        this.v = new double[1][n];
        this.trace = r.create(rule, n, 1);
    }

    /** Back to zero weights and traces. */
    void reset() {
        Arrays.fill(v[0], 0);
        trace.reset();
        p = 0;
    }

    /** An episode starts in input x: the trace is cleared, p = v·x. */
    void begin(double[] x) {
        trace.reset();
        p = dot(x);
    }

    /**
     * One step from input x to xNext: the TD error, and the critic learns from it.
     *
     * @param reward the reward of the step
     * @param x the input the step started from (the one of the last {@link #begin} or {@code learn})
     * @param xNext the next input; ignored when terminal
     * @param terminal whether the episode ended (p(t+1) = 0)
     * @return r̂ = r + γ p(t+1) − p(t), with p(t+1) from the weights before this update
     */
    double learn(double reward, double[] x, double[] xNext, boolean terminal) {
        double pNext = terminal ? 0 : dot(xNext);
        double rhat = reward + gamma * pNext - p;
        m[0] = rhat;
        trace.update(v, x, one, m, rule.real("eta"));
        if (!terminal) {
            p = dot(xNext);
        }
        return rhat;
    }

    /** The last prediction p. */
    double value() {
        return p;
    }

    /** The weights v, one row (live, not a copy). */
    double[][] weights() {
        return v;
    }

    private double dot(double[] x) {
        double s = 0;
        double[] w = v[0];
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }
}
