package org.neuroai.compare.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.Activation;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.Registry;
import org.neuroai.core.bayes.BetaBernoulli;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.CoinTask;

/**
 * Learning a coin's bias, four ways, from the same tosses: the Beta posterior
 * ({@code beta}: exact Bayes with a uniform prior, Beta(1 + heads, 1 + tails)), the same with
 * forgetting ({@code beta-forgetting}: the gathered counts decay by a fraction every toss, so it
 * weighs the last ~1/forget tosses), a logistic unit trained by gradient descent on the
 * cross-entropy ({@code logistic}, Deeplearning4j; its one weight is the log-odds of heads), and a
 * Hebbian running average ({@code hebb}: Hebb's rule with the postsynaptic activity clamped to the
 * toss and weight decay, Δw = η (toss − w), on the constant input). Half-way the coin's bias
 * changes: a learner with a fixed prior and no forgetting averages the two halves and misses it,
 * those that forget (and the constant-rate running averages) follow.
 *
 * <p>Metrics after every toss: {@code p_heads}, each learner's estimate of the probability of
 * heads (the posterior mean for the Beta learners); {@code abs_error}, its distance from the
 * coin's current bias. The Beta learners' posterior counts (probes {@code alpha}, {@code beta})
 * are recorded for the figure of the posterior density after 0, 1, 5, 20 and 100 tosses.
 */
public final class CoinExperiment implements Experiment {
    /** The exact Beta posterior. */
    public static final String BETA = "beta";
    /** The Beta posterior that forgets. */
    public static final String FORGETTING = "beta-forgetting";
    /** The logistic unit trained by gradient descent. */
    public static final String LOGISTIC = "logistic";
    /** The Hebbian running average. */
    public static final String HEBB = "hebb";

    @Override
    public String name() {
        return "coin";
    }

    @Override
    public String description() {
        return "a coin's bias: the Beta posterior (exact and forgetting) vs a logistic unit (DL4J) vs a Hebbian running average, "
                + "with a change half-way";
    }

    @Override
    public String mainMetric() {
        return "abs_error";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("tosses", 400, 1, 10_000_000, "tosses in all"),
                ParamSpec.real("bias", 0.7, 0, 1, "1", "probability of heads in the first half"),
                ParamSpec.real("bias_after", 0.3, 0, 1, "1", "probability of heads in the second half"),
                ParamSpec.positive("beta.a0", 1.0, 1e6, "1", "the Beta prior's a (pseudo-heads)"),
                ParamSpec.positive("beta.b0", 1.0, 1e6, "1", "the Beta prior's b (pseudo-tails)"),
                ParamSpec.real("forget", 0.05, 0, 0.999, "1", "fraction of its counts beta-forgetting forgets before each toss"),
                ParamSpec.positive("logistic.lr", 0.1, 10, "1", "SGD learning rate of the logistic unit on the cross-entropy"),
                ParamSpec.positive("hebb.eta", 0.05, 1, "1", "rate of the Hebbian running average: dw = eta (toss - w)"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("tosses", 40);
    }

    @Override
    public Study study(Params s) {
        int tosses = s.integer("tosses");
        CoinTask task = new CoinTask(s.real("bias"), s.real("bias_after"), tosses / 2);
        double a0 = s.real("beta.a0");
        double b0 = s.real("beta.b0");
        double forget = s.real("forget");
        NetworkFactory mlp = Registry.get(NetworkFactory.class, "mlp", "network");
        Params logistic = Params.resolve(mlp.parameters(), Map.of("hidden", "", "output", "sigmoid-ce", "optimiser", "sgd",
                "lr", s.real("logistic.lr"), "bias", false, "init", "zero", "outputs", 1), "setting logistic.lr");
        PlasticityRule hebb = Registry.get(PlasticityRule.class, "hebb", "rule");
        Params hebbParams = hebb.params(Map.of("eta", s.real("hebb.eta"), "decay", 1.0, "clamp", true), "setting hebb.eta");
        List<LearnerSpec> learners = List.of(
                LearnerSpec.of(new Described(BETA, Family.BAYESIAN, "Beta posterior, exact (Bayesian)", "#7B3294",
                        "bayes beta-bernoulli, prior Beta(" + a0 + ", " + b0 + ")"), b -> new BetaBernoulli(BETA, a0, b0, 0, 1)),
                LearnerSpec.of(new Described(FORGETTING, Family.BAYESIAN, "Beta, forgetting " + forget + "/toss (Bayesian)",
                        "#C2A5CF", "bayes beta-bernoulli, forget " + forget), b -> new BetaBernoulli(FORGETTING, a0, b0, forget, 1)),
                LearnerSpec.of(new Described(LOGISTIC, Family.GRADIENT, "logistic unit, SGD (gradient, DL4J)", "#D55E00",
                        "network mlp, one sigmoid unit, SGD"), b -> mlp.create(LOGISTIC, logistic, 1, b.weightSeed())),
                LearnerSpec.of(new Described(HEBB, Family.BIO, "Hebbian average (bio): \u0394w = \u03b7 (toss \u2212 w)", "#117733",
                        "rule hebb, clamped, decay 1"),
                        b -> new RuleNetwork(HEBB, hebb, hebbParams, 1, 1, Activation.LINEAR, false, 0, 0.0, b.weightSeed())));
        Schedule everyToss = Schedule.uniform(tosses, 1, 1).with(Record.WEIGHTS, Schedule.NEVER).with(Record.HISTOGRAMS, Schedule.NEVER)
                .startingWithRecord(true);
        Condition c = new Condition(task, learners, everyToss, List.of(() -> new Estimate()),
                Condition.Recording.NONE.probes(List.of(BetaBernoulli.ALPHA, BetaBernoulli.BETA), 1));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("bias", s.real("bias"));
        facts.put("bias_after", s.real("bias_after"));
        facts.put("change_at", task.changeAt());
        facts.put("prior", List.of(a0, b0));
        return new Study(List.of(c), List.of("p_heads", "abs_error"), Plugin.NONE, List.of("coin-posterior", "coin-tracking"), "tosses",
                false, s.integer("threads"), facts);
    }

    /** Each learner's estimate of the probability of heads, and its distance from the coin's bias. */
    static final class Estimate implements Measure {
        @Override
        public void measure(Learner l, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
            if (l instanceof Predictor p) {
                double estimate = p.predict(new double[][] {{1}})[0][0];
                metrics.put("p_heads", estimate);
                // the bias of the toss to come: after t tosses the learner predicts toss t
                metrics.put("abs_error", Math.abs(estimate - ((CoinTask) at.task()).bias(at.step())));
            }
        }
    }
}
