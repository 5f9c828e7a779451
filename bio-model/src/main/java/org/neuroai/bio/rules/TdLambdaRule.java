package org.neuroai.bio.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/**
 * Temporal-difference learning, TD(λ), with accumulating eligibility traces: the model of the
 * phasic dopamine signal as a reward prediction error (P. R. Montague, P. Dayan &amp; T. J.
 * Sejnowski 1996, J Neurosci 16:1936-1947; W. Schultz, P. Dayan &amp; P. R. Montague 1997, Science
 * 275:1593-1599). Each presentation is one time step; its input x_t is the stimulus
 * representation (a tapped delay line or microstimuli) and its target r_t the reward delivered at
 * that step. A unit's prediction is linear, V(x) = Σ_j w_j x_j, and at every step
 *
 * <pre>
 *   e_t = γ λ e_{t−1} + x_{t−1}                    (eligibility trace of each synapse)
 *   δ_t = r_t + γ V(x_t) − V(x_{t−1})              (the TD error: the "dopamine" signal)
 *   Δw  = α δ_t e_t                                  (three factors: α, the broadcast δ, the local e)
 * </pre>
 *
 * (R. S. Sutton 1988, "Learning to predict by the methods of temporal differences", Machine
 * Learning 3:9-44; Sutton &amp; Barto 1990). Both predictions use the current weights. With
 * {@code trial} &gt; 0 the stream is cut into episodes of that many steps: after the last step of
 * each, the episode ends in a terminal state of value 0 (one more update with δ = −V(x_last)), and
 * the traces and the previous input are cleared, so nothing carries from one trial to the next.
 * With {@code offline} the increments of an episode are summed and applied at its end; then the
 * whole episode's change equals the forward view's, α Σ_t (G^λ_t − V(x_t)) x_t with G^λ_t the
 * λ-return (Sutton 1988; Sutton &amp; Barto 2018, <i>Reinforcement Learning</i>, 2nd ed., §12.1-12.2).
 *
 * <p>Parameters: {@code eta} α, the learning rate per step (dimensionless, in (0, 1]);
 * {@code gamma} γ, the discount per step, in [0, 1]; {@code lambda} λ, the decay of the traces
 * relative to γ, in [0, 1] (0: TD(0), one step back; 1: every earlier step, as Monte Carlo);
 * {@code trial} steps per episode (0: one continuing stream); {@code offline} whether an
 * episode's updates wait for its end. The rule computes V itself, whatever the layer's units; give
 * the layer linear units and no bias, so that its outputs are the predictions and a step without
 * stimulus predicts nothing. Several units learn independently, one per reward channel; their
 * traces are the same, since a trace depends only on the inputs.
 *
 * <p>Probes: {@code td_error} δ of the last step, per unit; {@code value} V(x_t) per unit, with the
 * weights before the step's update; {@code trace} e_t, per input (cleared at an episode's end);
 * {@code trial_td_error} and {@code trial_value}, δ and V at every step of the current episode,
 * unit by unit ({@code trial} values per unit, one when {@code trial} = 0), so that a monitor
 * recording at the end of each trial gets the whole trial.
 */
public final class TdLambdaRule implements PlasticityRule {
    /** The probe of the TD error. */
    public static final String TD_ERROR = "td_error";
    /** The probe of the prediction. */
    public static final String VALUE = "value";
    /** The probe of the eligibility traces. */
    public static final String TRACE = "trace";
    /** The probe of the TD error at every step of the current trial. */
    public static final String TRIAL_TD_ERROR = "trial_td_error";
    /** The probe of the prediction at every step of the current trial. */
    public static final String TRIAL_VALUE = "trial_value";

    @Override
    public String name() {
        return "td-lambda";
    }

    @Override
    public String description() {
        return "TD(lambda), Sutton 1988: e = gamma lambda e + x, delta = r + gamma V(x') - V(x), dw = alpha delta e; "
                + "delta is the dopamine-like error";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive("eta", 0.1, 1.0, "1", "alpha, the learning rate per time step"),
                ParamSpec.real("gamma", 0.98, 0, 1, "1", "the discount per time step"),
                ParamSpec.real("lambda", 0.9, 0, 1, "1", "the decay of the eligibility traces relative to gamma (0: TD(0))"),
                ParamSpec.integer("trial", 0, 0, 100_000_000, "steps per episode, after which traces clear (0: one continuing stream)"),
                ParamSpec.flag("offline", false, "sum an episode's updates and apply them at its end (needs trial > 0)"));
    }

    @Override
    public boolean supervised() {
        return true;
    }

    @Override
    public List<String> probeable() {
        return List.of(TD_ERROR, VALUE, TRACE, TRIAL_TD_ERROR, TRIAL_VALUE);
    }

    @Override
    public Plasticity create(Params params, int nPre, int nPost) {
        int trial = params.integer("trial");
        boolean offline = params.flag("offline");
        if (offline && trial == 0) {
            throw new UserError("rule 'td-lambda': 'offline' needs episodes to apply their updates at the end of; "
                    + "give 'trial' > 0 (steps per episode), or offline = false.");
        }
        return new Td(params.real("gamma"), params.real("lambda"), trial, offline, nPre, nPost);
    }

    /** The running state: the traces, the previous input, and an episode's pending updates. */
    private static final class Td implements Plasticity {
        private final double gamma;
        private final double lambda;
        private final int trial;
        private final boolean offline;
        private final double[] e;
        private final double[] previous;
        private final double[] delta;
        private final double[] value;
        private final double[][] pending;
        private final int span;
        private final double[] trialDelta;
        private final double[] trialValue;
        private long steps;

        Td(double gamma, double lambda, int trial, boolean offline, int nPre, int nPost) {
            this.gamma = gamma;
            this.lambda = lambda;
            this.trial = trial;
            this.offline = offline;
            this.e = new double[nPre];
            this.previous = new double[nPre];
            this.delta = new double[nPost];
            this.value = new double[nPost];
            this.pending = new double[nPost][nPre];
            this.span = Math.max(trial, 1);
            this.trialDelta = new double[nPost * span];
            this.trialValue = new double[nPost * span];
        }

        @Override
        public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
            for (int j = 0; j < e.length; j++) {
                e[j] = gamma * lambda * e[j] + previous[j];
            }
            for (int i = 0; i < w.length; i++) {
                double v = dot(w[i], pre);
                value[i] = v;
                delta[i] = target[i] + gamma * v - dot(w[i], previous);
            }
            int at = (int) (steps % span);
            for (int i = 0; i < w.length; i++) {
                trialDelta[i * span + at] = delta[i];
                trialValue[i * span + at] = value[i];
            }
            learn(w, delta, eta);
            System.arraycopy(pre, 0, previous, 0, pre.length);
            steps++;
            if (trial > 0 && steps % trial == 0) {
                end(w, eta);
            }
        }

        /** The episode's terminal step (value 0, no reward), then a fresh start. */
        private void end(double[][] w, double eta) {
            double[] last = new double[w.length];
            for (int j = 0; j < e.length; j++) {
                e[j] = gamma * lambda * e[j] + previous[j];
            }
            for (int i = 0; i < w.length; i++) {
                last[i] = -dot(w[i], previous);
            }
            learn(w, last, eta);
            if (offline) {
                for (int i = 0; i < w.length; i++) {
                    for (int j = 0; j < e.length; j++) {
                        w[i][j] += pending[i][j];
                        pending[i][j] = 0;
                    }
                }
            }
            Arrays.fill(e, 0);
            Arrays.fill(previous, 0);
        }

        /** Adds α δ_i e to unit i's weights, or to its pending change when offline. */
        private void learn(double[][] w, double[] d, double eta) {
            double[][] into = offline ? pending : w;
            for (int i = 0; i < w.length; i++) {
                double step = eta * d[i];
                if (step != 0) {
                    double[] row = into[i];
                    for (int j = 0; j < e.length; j++) {
                        row[j] += step * e[j];
                    }
                }
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
        public void reset() {
            Arrays.fill(e, 0);
            Arrays.fill(previous, 0);
            Arrays.fill(delta, 0);
            Arrays.fill(value, 0);
            Arrays.fill(trialDelta, 0);
            Arrays.fill(trialValue, 0);
            for (double[] p : pending) {
                Arrays.fill(p, 0);
            }
            steps = 0;
        }

        @Override
        public Map<String, double[]> probe() {
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put(TD_ERROR, delta.clone());
            m.put(VALUE, value.clone());
            m.put(TRACE, e.clone());
            m.put(TRIAL_TD_ERROR, trialDelta.clone());
            m.put(TRIAL_VALUE, trialValue.clone());
            return m;
        }
    }
}
