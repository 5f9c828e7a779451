package org.neuroai.compare.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.learners.ReliabilityObserver;
import org.neuroai.compare.measures.CueWeights;
import org.neuroai.compare.measures.HeldOut;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.CueCombinationTask;

/**
 * Perception as inference, the combination of two cues (Ernst &amp; Banks 2002, Nature 415:429-433,
 * where a bar's height is seen and felt): two noisy cues of one size s, and an observer who learns
 * from feedback trials (s shown) how to combine them.
 *
 * <p>The optimal observer weights each cue by its reliability, w_1 = σ_2²/(σ_1² + σ_2²), and its
 * estimate's variance σ_1²σ_2²/(σ_1² + σ_2²) is below either cue's. That holds under a broad prior
 * over s. Under a Gaussian prior N(0, σ_0²) the posterior mean shrinks towards 0: w_i = r_i / (r_0 +
 * r_1 + r_2) with r = 1/σ², so the weights sum to (r_1 + r_2)/(r_0 + r_1 + r_2) &lt; 1 while their
 * ratio stays the reliability ratio, and the variance is 1/(r_0 + r_1 + r_2). These are also the
 * least-squares weights of s on the two cues ({@link CueCombinationTask}), so the gradient learner,
 * which regresses s on the cues, learns the same shrinkage: it and the Bayesian observer differ
 * from the reliability weights by exactly as much as the prior is narrow, and from each other only
 * in how fast they get there.
 *
 * <p>One condition per ratio ρ = σ_1/σ_2 of the cue noises ({@code ratios} of them, evenly on a
 * log scale from 1/{@code ratio_max} to {@code ratio_max}), with σ_1 = σ √ρ and σ_2 = σ / √ρ, so that
 * their geometric mean σ ({@code cue_sd}) stays fixed. The conditions are named {@code ratio-1},
 * {@code ratio-2}, ... in order; the run's fact {@code cue_conditions} gives each one's ratio, noises
 * and optimal weights. Learners, on the same trials:
 * <ul>
 *   <li>{@code bayes}: a {@link ReliabilityObserver} (Bayesian) that starts not knowing the
 *       variances (inverse-gamma priors IG({@code bayes.shape}, {@code bayes.scale}) over the spread
 *       of s and over each cue's noise) and updates their conjugate posteriors on every trial,
 *       weighting the cues by the posterior mean precisions;</li>
 *   <li>{@code gradient}: a linear unit without bias (DL4J, the registered {@code mlp} with no
 *       hidden layer), trained by SGD on the squared error (ŝ − s)², one trial per step, from zero
 *       weights, its rate {@code gradient.lr}/(1 + t/{@code gradient.tau}).</li>
 * </ul>
 *
 * <p>Metrics, every {@code eval_every} trials: {@code <condition>.w_1} and {@code .w_2} (each
 * learner's weights, read through its weight view), and {@code .mse}, the squared error of its
 * estimates on {@code held_out} held-out trials: the simulated observer's variance. Weights are not
 * written to weights.csv: every condition would write the same learners' synapses at the same
 * steps, so they are recorded as these metrics, condition by condition.
 */
public final class CueCombinationExperiment implements Experiment {
    /** The Bayesian observer. */
    public static final String BAYES = "bayes";
    /** The linear unit trained by gradient descent. */
    public static final String GRADIENT = "gradient";

    @Override
    public String name() {
        return "cue-combination";
    }

    @Override
    public String description() {
        return "perception as inference: a Bayesian observer and a linear unit trained by SGD learn to weight two noisy cues by "
                + "their reliabilities (Ernst & Banks 2002)";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("trials", 2000, 1, 10_000_000, "feedback trials per ratio of cue noises"),
                ParamSpec.positive("prior_sd", 3, 1e6, "mm", "sigma_0, the spread of the true sizes around the standard; the larger, the closer the optimal weights come to the reliability weights"),
                ParamSpec.positive("cue_sd", 1, 1e6, "mm", "sigma, the geometric mean of the two cues' noises: sigma_1 = sigma sqrt(rho), "
                        + "sigma_2 = sigma / sqrt(rho)"),
                ParamSpec.real("ratio_max", 4, 1.01, 1000, "1", "the largest ratio rho = sigma_1/sigma_2; the ratios run from its inverse "
                        + "to it, evenly on a log scale"),
                ParamSpec.integer("ratios", 7, 2, 41, "ratios of the cue noises, one condition each"),
                ParamSpec.positive("bayes.shape", 1, 1e6, "1", "shape a of the observer's inverse-gamma prior over every variance"),
                ParamSpec.positive("bayes.scale", 1, 1e12, "mm^2", "scale b of that prior: its guess of every precision is a/b"),
                ParamSpec.positive("gradient.lr", 0.01, 1, "1", "initial SGD learning rate of the linear unit; above about 1/(2 (cue_sd^2 + 2 prior_sd^2)) "
                        + "it diverges"),
                ParamSpec.real("gradient.tau", 100, 0, 1e12, "trials", "time constant of its rate lr/(1 + t/tau); 0 keeps it constant"),
                ParamSpec.integer("eval_every", 20, 1, 10_000_000, "trials between records"),
                ParamSpec.integer("held_out", 1000, 10, 1_000_000, "held-out trials that score each learner's estimates"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("trials", 400, "ratios", 3, "eval_every", 20, "held_out", 300);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("trials", 20, "ratios", 3, "eval_every", 5, "held_out", 50);
    }

    /** The ratios ρ = σ_1/σ_2 of a run's conditions, evenly on a log scale from 1/max to max. */
    public static double[] ratios(Params s) {
        int n = s.integer("ratios");
        double log = Math.log(s.real("ratio_max"));
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.exp(-log + 2 * log * i / (n - 1));
        }
        return r;
    }

    @Override
    public Study study(Params s) {
        NetworkFactory mlp = Registry.get(NetworkFactory.class, "mlp", "network");
        Params gradientParams = Params.resolve(mlp.parameters(), Map.of("hidden", "", "output", "linear-mse", "optimiser", "sgd",
                "lr", s.real("gradient.lr"), "tau", s.real("gradient.tau"), "bias", false, "init", "zero"), "settings gradient.*");
        double shape = s.real("bayes.shape");
        double scale = s.real("bayes.scale");
        List<LearnerSpec> learners = List.of(
                LearnerSpec.of(new Described(BAYES, Family.BAYESIAN,
                        "Bayesian observer (conjugate)", "#AA4499",
                        "inverse-gamma posteriors over the variances, cues weighted by posterior mean precision"),
                        b -> new ReliabilityObserver(BAYES, 2, shape, scale)),
                LearnerSpec.of(new Described(GRADIENT, Family.GRADIENT, "linear unit, SGD (gradient, DL4J)", "#CC6677",
                        "network mlp, no hidden layer, no bias, SGD"), b -> mlp.create(GRADIENT, gradientParams, 2, b.weightSeed())));
        double cue = s.real("cue_sd");
        int trials = s.integer("trials");
        Schedule schedule = Schedule.uniform(trials, 1, s.integer("eval_every")).with(Record.WEIGHTS, Schedule.NEVER)
                .with(Record.HISTOGRAMS, Schedule.NEVER);
        List<Condition> conditions = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<Map<String, Object>> described = new ArrayList<>();
        double[] ratios = ratios(s);
        for (int i = 0; i < ratios.length; i++) {
            String name = "ratio-" + (i + 1);
            CueCombinationTask task = new CueCombinationTask(s.real("prior_sd"), cue * Math.sqrt(ratios[i]), cue / Math.sqrt(ratios[i]),
                    i + 1, s.integer("held_out"));
            conditions.add(new Condition(name, task, learners, schedule,
                    List.of(CueWeights::new, () -> HeldOut.plain(List.of(HeldOut.MSE))), Condition.Recording.TRAINING_LOSS, 0));
            for (String m : List.of(CueWeights.W_1, CueWeights.W_2, HeldOut.MSE)) {
                metrics.add(name + "." + m);
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            c.put("ratio", ratios[i]);
            c.put("sd_1", task.cueSd(1));
            c.put("sd_2", task.cueSd(2));
            c.put("optimal_weights", task.optimalWeights());
            c.put("reliability_weight_1", task.cueSd(2) * task.cueSd(2) / (task.cueSd(1) * task.cueSd(1) + task.cueSd(2) * task.cueSd(2)));
            c.put("optimal_variance", task.optimalVariance());
            described.add(c);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cue_conditions", described);
        facts.put("prior_sd", s.real("prior_sd"));
        return new Study(conditions, metrics, Plugin.NONE, List.of("cue-combination-weights", "cue-combination-learning"), "trials",
                false, s.integer("threads"), facts);
    }
}
