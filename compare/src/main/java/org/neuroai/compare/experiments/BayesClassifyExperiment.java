package org.neuroai.compare.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.bio.Activation;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.compare.comparison.TaskBaselines;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.measures.HeldOut;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.bayes.BayesianModel;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;

/**
 * A Bayesian learner on the classification tasks, beside the local and the gradient learner:
 * Bayesian logistic regression by the Laplace approximation ({@code bayes}, one unit per class,
 * moderated probabilities), the delta rule ({@code delta}, one linear unit per class with a bias)
 * and a softmax layer trained by Adam on the cross-entropy ({@code softmax}, Deeplearning4j), on
 * iris, wine and breast cancer, each a condition with the task's own standardised features and
 * fixed held-out split. All take {@code epochs} passes over the same samples in the same order,
 * one sample at a time. The Bayesian learner's first pass is the online Laplace approximation;
 * in later passes it replaces each sample's factor of the posterior rather than counting its
 * evidence again (Laplace propagation), so that its passes converge to the batch Laplace
 * approximation, the posterior given all the training samples. Tribuo's logistic regression
 * (10 passes of its SGD over the same training split) is the reference a practitioner would
 * reach for; its held-out accuracy is a fact of the run ({@code tribuo_accuracy}).
 *
 * <p>Metrics per task: {@code accuracy}; {@code ece}, the expected calibration error of the
 * confidence of each prediction (10 bins); and, for the Bayesian learner,
 * {@code predictive_nll}, the mean negative log posterior predictive of the held-out labels.
 */
public final class BayesClassifyExperiment implements Experiment {
    /** The tasks, in order. */
    public static final List<String> TASKS = List.of("iris", "wine", "breast-cancer");
    /** Bayesian logistic regression. */
    public static final String BAYES = "bayes";
    /** The delta rule. */
    public static final String DELTA = "delta";
    /** The softmax layer trained by Adam. */
    public static final String SOFTMAX = "softmax";

    @Override
    public String name() {
        return "bayes-classify";
    }

    @Override
    public String description() {
        return "Bayesian logistic regression (Laplace, one sample at a time) vs the delta rule vs a softmax layer (DL4J) on iris, wine and breast "
                + "cancer: accuracy and calibration, beside Tribuo's logistic regression";
    }

    @Override
    public String mainMetric() {
        return "iris." + HeldOut.ACCURACY;
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("epochs", 10, 1, 10_000, "passes over the training split (the Bayesian learner counts each sample once in all of them)"),
                ParamSpec.choice("bayes.method", "propagation", List.of("propagation", "online"),
                        "how the Bayesian learner takes a sample again: replacing its factor (propagation), or multiplying in its likelihood "
                                + "to the power 1/epochs (online)"),
                ParamSpec.integer("checkpoints", 10, 1, 10_000, "checkpoints per pass"),
                ParamSpec.positive("bayes.prior_sd", 3.0, 1e6, "1", "prior standard deviation of every weight of the Bayesian learner"),
                ParamSpec.positive("delta.eta", 0.01, 1, "1", "delta rule's learning rate"),
                ParamSpec.positive("softmax.lr", 0.01, 1, "1", "Adam's learning rate for the softmax layer"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("epochs", 3);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("epochs", 1, "checkpoints", 2);
    }

    @Override
    public Study study(Params s) {
        BayesianModel logistic = Registry.get(BayesianModel.class, "bayes-logistic", "Bayesian model");
        PlasticityRule delta = Registry.get(PlasticityRule.class, "delta", "rule");
        Params deltaParams = delta.params(Map.of("eta", s.real("delta.eta")), "setting delta.eta");
        NetworkFactory mlp = Registry.get(NetworkFactory.class, "mlp", "network");
        int epochs = s.integer("epochs");
        List<Condition> conditions = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (String name : TASKS) {
            TaskFactory f = Registry.get(TaskFactory.class, name, "task");
            Task task = f.create(Params.defaults(f.parameters()));
            int classes = task.heldOut().targets()[0].length;
            int d = task.inputDim();
            long epoch = task.epochSize();
            boolean propagation = s.string("bayes.method").equals("propagation");
            Params bayesParams = Params.resolve(logistic.parameters(), Map.of("prior_sd", s.real("bayes.prior_sd"), "outputs", classes,
                    "temper", propagation ? 1.0 : 1.0 / epochs, "method", propagation ? "propagation" : "online", "covariance", "full"),
                    "setting bayes.prior_sd");
            Params softmaxParams = Params.resolve(mlp.parameters(), Map.of("hidden", "", "output", "softmax-ce", "optimiser", "adam",
                    "lr", s.real("softmax.lr"), "outputs", classes, "batch", 1), "setting softmax.lr");
            List<LearnerSpec> learners = List.of(
                    LearnerSpec.of(new Described(BAYES, Family.BAYESIAN, "Bayesian logistic regression (Laplace)",
                            "#7B3294", "bayes bayes-logistic, " + (propagation ? "Laplace propagation" : "online, likelihood tempered 1/" + epochs)),
                            b -> logistic.create(BAYES, bayesParams, d, b.weightSeed())),
                    LearnerSpec.of(new Described(DELTA, Family.BIO, "delta rule (bio)", "#117733", "rule delta, one unit per class"),
                            b -> new RuleNetwork(DELTA, delta, deltaParams, d, classes, Activation.LINEAR, true, 0, 0.0, b.weightSeed())),
                    LearnerSpec.of(new Described(SOFTMAX, Family.GRADIENT, "softmax layer, Adam (gradient, DL4J)", "#D55E00",
                            "network mlp, no hidden layer, softmax"), b -> mlp.create(SOFTMAX, softmaxParams, d, b.weightSeed())));
            long every = Math.max(1, epoch / s.integer("checkpoints"));
            Schedule schedule = Schedule.uniform(epochs * epoch, 1, every).with(Record.WEIGHTS, Schedule.NEVER)
                    .with(Record.HISTOGRAMS, Schedule.NEVER).with(Record.PROBES, Schedule.NEVER);
            conditions.add(new Condition(name, task, learners, schedule,
                    List.of(() -> HeldOut.plain(List.of(HeldOut.ACCURACY, HeldOut.ECE, HeldOut.NLL))), Condition.Recording.NONE, 0));
            for (String m : List.of(HeldOut.ACCURACY, HeldOut.ECE)) {
                metrics.add(name + "." + m);
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("passes", epochs);
        facts.put("bayes_method", s.string("bayes.method"));
        facts.put("bayes_likelihood_power", s.string("bayes.method").equals("propagation") ? 1.0 : 1.0 / epochs);
        return new Study(conditions, metrics, new Tribuo(conditions), List.of("classify-summary"), "presentations", false,
                s.integer("threads"), facts);
    }

    /** Tribuo's logistic regression on each task's training split, scored on its held-out split. */
    private static final class Tribuo implements Plugin {
        private final List<Condition> conditions;
        private long firstSeed;

        Tribuo(List<Condition> conditions) {
            this.conditions = conditions;
        }

        @Override
        public void start(Path out, long[] seeds) {
            firstSeed = seeds[0];
        }

        @Override
        public Map<String, Object> finish(Path out) {
            Map<String, Object> accuracy = new LinkedHashMap<>();
            for (Condition c : conditions) {
                Task t = c.task();
                TribuoBaselines.Result r = TribuoBaselines.run(t.name(), TaskBaselines.labelled(t.trainingSet(), t.name() + " training split"),
                        TaskBaselines.labelled(t.heldOut(), t.name() + " held-out split"), List.of("logistic-regression"),
                        TaskBaselines.EPOCHS, firstSeed, false).get(0);
                accuracy.put(c.name(), r.accuracy());
            }
            return Map.of("tribuo_accuracy", accuracy);
        }
    }
}
