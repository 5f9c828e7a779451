package org.neuroai.compare.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.bio.rules.DeltaRule;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.measures.CredibleCoverage;
import org.neuroai.compare.measures.HeldOut;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.bayes.BayesianLearner;
import org.neuroai.core.bayes.LinearGaussian;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.LinearTeacherTask;
import org.neuroai.core.trace.Monitor;

/**
 * Online linear regression three ways, on identical samples: Bayesian linear regression
 * ({@code bayes}: a Gaussian posterior over the weights, updated exactly one sample at a time),
 * the delta rule ({@code delta}, LMS: Δw = η (t − y) x; Widrow &amp; Hoff 1960) and a linear unit
 * trained by SGD on the squared error ({@code sgd}, Deeplearning4j). The task is a linear teacher
 * ({@link LinearTeacherTask}, spread 1: isotropic Gaussian inputs, t = w*·x + σε with |w*| = 1),
 * and every learner starts at w = 0, the prior mean.
 *
 * <p>The Bayesian learner is told the noise σ and has the prior N(0, s₀² I); it then makes the
 * most of every sample: with few samples its held-out error is the lowest of the three, while the
 * delta rule and SGD, whose step size is a compromise between speed and final noise, catch up
 * only over hundreds of samples. SGD's step on (y − t)² is 2 lr (t − y) x, so with lr = η/2 it
 * takes the delta rule's steps and the two curves lie on each other.
 *
 * <p>Metrics: {@code mse} (held-out, per checkpoint), and for the Bayesian learner
 * {@code coverage_95}, the fraction of the true weights inside its 95 % credible intervals, and
 * {@code weight_error}. Probes {@code posterior_mean}, {@code posterior_sd} and
 * {@code posterior_cov2} are recorded for the figures of the weights with their credible band
 * and of the posterior's ellipse in the plane of the first two weights.
 */
public final class BayesVsDeltaExperiment implements Experiment {
    /** The Bayesian learner. */
    public static final String BAYES = "bayes";
    /** The delta rule. */
    public static final String DELTA = "delta";
    /** The linear unit trained by SGD. */
    public static final String SGD = "sgd";

    @Override
    public String name() {
        return "bayes-vs-delta";
    }

    @Override
    public String description() {
        return "online linear regression: Bayesian linear regression vs the delta rule vs SGD (DL4J), with credible bands";
    }

    @Override
    public String mainMetric() {
        return HeldOut.MSE;
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("d", 2, 2, 1000, "input dimension"),
                ParamSpec.positive("noise", 0.5, 100, "1", "sigma, the standard deviation of the noise on the teacher's output"),
                ParamSpec.integer("teacher_seed", 15, 0, Integer.MAX_VALUE, "seed of the teacher's weights (a unit vector)"),
                ParamSpec.integer("steps", 300, 1, 10_000_000, "samples presented"),
                ParamSpec.integer("eval_every", 1, 1, 10_000_000, "samples between checkpoints"),
                ParamSpec.integer("heldout", 1000, 10, 1_000_000, "held-out samples for the error"),
                ParamSpec.positive("bayes.prior_sd", 1.0, 1e6, "1", "s0, the prior standard deviation of each weight"),
                ParamSpec.positive("delta.eta", 0.05, 10, "1", "delta rule's learning rate"),
                ParamSpec.positive("sgd.lr", 0.025, 10, "1", "SGD's learning rate; its step is 2 lr (t - y) x, so eta/2 matches the delta rule"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("steps", 100, "heldout", 300);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("steps", 30, "heldout", 50);
    }

    @Override
    public Study study(Params s) {
        int d = s.integer("d");
        double noise = s.real("noise");
        LinearTeacherTask task = new LinearTeacherTask(d, 1, noise, s.integer("teacher_seed"), s.integer("heldout"));
        DeltaRule delta = new DeltaRule();
        Params deltaParams = delta.params(Map.of("eta", s.real("delta.eta")), "setting delta.eta");
        double priorSd = s.real("bayes.prior_sd");
        List<LearnerSpec> learners = List.of(
                LearnerSpec.of(new Described(BAYES, Family.BAYESIAN, "Bayesian linear regression", "#7B3294",
                        "bayes bayes-linear, prior sd " + priorSd + ", noise sd " + noise),
                        b -> new LinearGaussian(BAYES, d, 1, false, priorSd, noise, 0)),
                LearnerSpec.of(new Described(DELTA, Family.BIO, "delta rule (bio)", "#117733",
                        "rule delta, 1 linear unit"),
                        b -> new RuleNetwork(DELTA, delta, deltaParams, d, 1, Activation.LINEAR, false, 0, 0.0, b.weightSeed())),
                LearnerSpec.of(new Described(SGD, Family.GRADIENT, "SGD on squared error (DL4J)", "#D55E00",
                        "network mlp, no hidden layer, SGD"),
                        b -> GradientAlignmentExperiment.linearUnit(SGD, "sgd", s.real("sgd.lr"), d, 1, b.weightSeed())));
        Map<String, int[]> allWeights = Map.of("w", Monitor.all(d));
        Schedule schedule = Schedule.uniform(s.integer("steps"), 1, s.integer("eval_every")).with(Record.HISTOGRAMS, Schedule.NEVER)
                .startingWithRecord(true);
        double[] truth = task.teacher();
        Condition c = new Condition(task, learners, schedule,
                List.of(() -> HeldOut.plain(List.of(HeldOut.MSE)), () -> new CredibleCoverage(truth)),
                Condition.Recording.NONE.weights(l -> allWeights)
                        .probes(List.of(BayesianLearner.MEAN, BayesianLearner.SD, LinearGaussian.COV2), Math.max(3, d)));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("teacher", truth);
        facts.put("noise_sd", noise);
        facts.put("prior_sd", priorSd);
        facts.put("irreducible_mse", noise * noise);
        return new Study(List.of(c), List.of(HeldOut.MSE, CredibleCoverage.COVERAGE), Plugin.NONE,
                List.of("learning-curves", "bayes-weights", "posterior-ellipse"), "samples", false, s.integer("threads"), facts);
    }
}
