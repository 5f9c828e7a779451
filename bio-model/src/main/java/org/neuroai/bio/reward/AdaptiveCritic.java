package org.neuroai.bio.reward;

import java.util.Arrays;
import java.util.Map;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.rules.TdLambdaRule;
import org.neuroai.bio.rules.ThreeFactorRule;

/**
 * The adaptive critic element of Barto, Sutton &amp; Anderson (1983, IEEE Trans. Syst. Man
 * Cybern. SMC-13:834), made of {@link ThreeFactorRule} synapses: it predicts p(t) = v·x(t) and
 * broadcasts the internal reinforcement r̂(t+1) = r(t+1) + γ p(t+1) − p(t) (with p = 0 after a
 * failure), the temporal-difference error; its synapses keep the input's trace
 * x̄ ← λ x̄ + (1 − λ) x and learn v += β r̂ x̄; or, as an option, TD(λ)'s accumulating traces.
 * Shared by the actors that learn from its error
 * ({@link ActorCritic}, {@link SpikingActorCritic}).
 */
final class AdaptiveCritic {
    private final double beta;
    private final double gamma;
    private final boolean td;
    private final double[][] v;
    private final Plasticity trace;
    private final double[] m = new double[1];
    private final double[] one = {1};
    private final double[] zeros;
    private double p;

    /**
     * The paper's critic.
     *
     * @param beta the learning rate β (the paper: 0.5)
     * @param lambda the decay λ of the input trace per step (the paper: 0.8)
     * @param gamma the discount γ per step (the paper: 0.95)
     * @param n inputs
     */
    AdaptiveCritic(double beta, double lambda, double gamma, int n) {
        this(beta, lambda, gamma, n, false);
    }

    /**
     * The paper's critic, or with {@code tdLambda} the {@link TdLambdaRule} (Sutton 1988):
     * accumulating traces e ← γλ e + x and v += β δ e, with the same TD error δ.
     *
     * @param beta the learning rate β
     * @param lambda the decay λ of the input trace (the paper's critic), or TD(λ)'s λ
     * @param gamma the discount γ per step
     * @param n inputs
     * @param tdLambda whether the critic is TD(λ)
     */
    AdaptiveCritic(double beta, double lambda, double gamma, int n, boolean tdLambda) {
        this.beta = beta;
        this.gamma = gamma;
        this.td = tdLambda;
        this.v = new double[1][n];
        this.zeros = new double[n];
        if (tdLambda) {
            TdLambdaRule r = new TdLambdaRule();
            this.trace = r.create(r.params(Map.of("eta", beta, "gamma", gamma, "lambda", lambda), "critic"), n, 1);
        } else {
            ThreeFactorRule r = new ThreeFactorRule();
            this.trace = r.create(r.params(Map.of("eta", beta, "decay", lambda), "critic"), n, 1);
        }
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
        if (td) {
            // TD(lambda) remembers the input before the first step; no trace yet, so nothing is learnt
            m[0] = 0;
            trace.update(v, x, one, m, beta);
        }
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
        if (td) {
            // TD(lambda) takes the next input (zero after a terminal state) and the reward, and finds the same error itself
            m[0] = reward;
            trace.update(v, terminal ? zeros : xNext, one, m, beta);
        } else {
            m[0] = rhat;
            trace.update(v, x, one, m, beta);
        }
        if (!terminal) {
            p = dot(xNext);
        }
        return rhat;
    }

    /** The last prediction p. */
    double value() {
        return p;
    }

    /** The prediction v·x of an input, without learning or remembering it. */
    double predict(double[] x) {
        return dot(x);
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
