package org.neuroai.compare.experiments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.figures.LandscapeFigures;
import org.neuroai.compare.figures.PcaFigures;
import org.neuroai.compare.landscape.Block;
import org.neuroai.compare.landscape.Landscapes;
import org.neuroai.compare.landscape.Losses;
import org.neuroai.compare.landscape.Surface;
import org.neuroai.compare.measures.HeldOut;
import org.neuroai.compare.measures.UnitNorm;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.PrincipalSubspace;
import org.neuroai.core.Registry;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.trace.Monitor;


/**
 * The first paired comparison: principal subspace learning by Hebbian rules (Oja's rule with one
 * unit, Sanger's GHA with k units) and by a linear autoencoder trained by gradient descent, on the
 * same stream of samples.
 *
 * <p>The engine draws samples in chunks of {@code batch} and hands each chunk to every learner:
 * the Hebbian layers take one presentation per sample, the autoencoder one gradient step on the
 * chunk. Every learner has seen the same samples, in the same order, at every checkpoint.
 * Seeds are kept apart: the run seed orders the samples, a derived seed draws initial weights.
 */
public final class PcaExperiment implements Experiment {
    /** Learner names, as in traces and charts. */
    public static final String OJA = "oja";
    /** Sanger's rule. */
    public static final String GHA = "gha";
    /** The DL4J linear autoencoder. */
    public static final String AUTOENCODER = "autoencoder";

    @Override
    public String name() {
        return "pca";
    }

    @Override
    public String description() {
        return "principal subspace: Oja and Sanger (GHA) rules vs a linear autoencoder trained by gradient descent";
    }

    @Override
    public String mainMetric() {
        return "principal_angle_deg";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.choice("task", "gaussian", List.of("gaussian", "digits"), "the task"),
                ParamSpec.integer("d", 10, 2, 1000, "input dimension of the gaussian task"),
                ParamSpec.integer("k", 3, 1, 64, "units of GHA and hidden units of the autoencoder"),
                ParamSpec.integer("steps", 20000, 1, 100_000_000, "presentations (samples) per learner"),
                ParamSpec.integer("eval_every", 200, 1, 100_000_000, "presentations between checkpoints"),
                ParamSpec.integer("batch", 10, 1, 10_000, "samples per chunk: one gradient step of the autoencoder"),
                ParamSpec.positive("bio.eta", 0.15, 1.0, "1",
                        "initial learning rate of Oja and GHA relative to the input power: eta = bio.eta / E||x||^2"),
                ParamSpec.real("bio.tau", 500, 0, 1e12, "presentations", "annealing: eta/(1+t/tau); 0 keeps eta constant"),
                ParamSpec.positive("bio.init_norm", 0.5, 100, "1", "norm of each initial Hebbian weight vector"),
                ParamSpec.choice("ae.optimiser", "adam", List.of("sgd", "adam"), "optimiser of the autoencoder"),
                ParamSpec.positive("ae.lr", 0.01, 10, "1", "initial learning rate of the autoencoder"),
                ParamSpec.real("ae.tau", 2000, 0, 1e12, "presentations", "annealing: lr/(1+t/tau); 0 keeps lr constant"),
                ParamSpec.text("extra_rules", "", "comma-separated registered rules to run as more bio learners with k units"),
                ParamSpec.flag("landscape", false, "compute the loss landscapes at the end of the run (landscape_*.csv) and draw the figures "
                        + String.join(", ", LandscapeFigures.NAMES)),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("steps", 8000, "eval_every", 100);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("steps", 400, "eval_every", 100, "landscape", true);
    }

    /** The task the settings name. */
    private static Task task(Params s) {
        String taskName = s.string("task");
        TaskFactory tf = Registry.get(TaskFactory.class, taskName, "task");
        Map<String, Object> taskParams = taskName.equals("gaussian") ? Map.of("d", s.integer("d")) : Map.of();
        return tf.create(Params.resolve(tf.parameters(), taskParams, "task " + taskName));
    }

    /**
     * Three landscapes, all of the expected reconstruction error E‖x − x̂‖² under the task's
     * covariance C = Σ λ_i u_i u_iᵀ, in closed form: Oja's unit on the one-unit tied loss J₁(w);
     * GHA on the k-unit tied loss J(W) = E‖x − WᵀWx‖², with the autoencoder's encoder drawn on it
     * as if it were W (its decoder left aside); and the autoencoder on its own loss over its whole
     * parameter vector, encoder and decoder.
     */
    @Override
    public List<Surface> landscapes(Params s) {
        PrincipalSubspace task = (PrincipalSubspace) task(s);
        double[] lambda = task.eigenvalues();
        int d = lambda.length;
        int k = Math.min(s.integer("k"), d);
        double[][] u = task.principalAxes(d);
        double[][] c = new double[d][d];
        for (int m = 0; m < d; m++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += lambda[m] * u[m][i] * u[m][j];
                }
            }
        }
        String loss = "reconstruction error E\u2016x \u2212 x\u0302\u2016\u00b2 (input units\u00b2)";
        Block encoder = new Block("w", k, d, Block.Filters.ROWS);
        return List.of(
                new Surface(OJA, "Oja (1 unit) on J\u2081(w) = E\u2016x \u2212 ww\u1d40x\u2016\u00b2", loss,
                        List.of(new Block("w", 1, d, Block.Filters.ROWS)), Losses.tied(c, 1), List.of()),
                new Surface(GHA, "GHA (" + k + " units) on J(W) = E\u2016x \u2212 W\u1d40Wx\u2016\u00b2", loss, List.of(encoder),
                        Losses.tied(c, k), List.of(new Surface.Walker(AUTOENCODER, "encoder drawn as W", List.of(encoder)))),
                new Surface(AUTOENCODER, "Autoencoder on its own loss (encoder and decoder)", loss,
                        List.of(encoder, new Block("decoder", k, d, Block.Filters.COLUMNS)), Losses.autoencoder(c, k), List.of()));
    }

    @Override
    public Study study(Params s) {
        String taskName = s.string("task");
        Task task = task(s);
        int d = task.inputDim();
        int k = s.integer("k");
        if (k > d) {
            throw new UserError("setting 'k' = " + k + " exceeds the input dimension " + d + " of task '" + taskName
                    + "'; valid is an integer in [1, " + d + "].");
        }
        PlasticityRule oja = Registry.get(PlasticityRule.class, OJA, "rule");
        PlasticityRule gha = Registry.get(PlasticityRule.class, GHA, "rule");
        // A Hebbian rule is stable while eta * ||x||^2 stays well below 1 (as for normalised LMS), so the
        // rate is given relative to the input power E||x||^2 = trace of the covariance; one setting then
        // suits tasks whose inputs differ in scale.
        double power = 0;
        for (double v : ((PrincipalSubspace) task).eigenvalues()) {
            power += v;
        }
        double eta = s.real("bio.eta") / power;
        Params ojaParams = oja.params(Map.of("eta", eta), "setting bio.eta");
        Params ghaParams = gha.params(Map.of("eta", eta), "setting bio.eta");
        NetworkFactory nf = Registry.get(NetworkFactory.class, "linear-autoencoder", "network");
        Params aeParams = Params.resolve(nf.parameters(), Map.of("k", k, "optimiser", s.string("ae.optimiser"),
                "lr", s.real("ae.lr"), "tau", s.real("ae.tau"), "batch", s.integer("batch")), "settings ae.*");
        double tau = s.real("bio.tau");
        double init = s.real("bio.init_norm");
        List<LearnerSpec> learners = new ArrayList<>(List.of(
                LearnerSpec.of(new Described(OJA, Family.BIO, "Oja's rule (bio, 1 unit)", "#0072B2", "rule oja, 1 unit"),
                        b -> new RuleNetwork(OJA, oja, ojaParams, d, 1, tau, init, b.weightSeed())),
                LearnerSpec.of(new Described(GHA, Family.BIO, "Sanger's GHA (bio, " + k + " units)", "#009E73", "rule gha, " + k + " units"),
                        b -> new RuleNetwork(GHA, gha, ghaParams, d, k, tau, init, b.weightSeed())),
                LearnerSpec.of(new Described(AUTOENCODER, Family.GRADIENT, "linear autoencoder (gradient, " + k + " hidden)", "#D55E00",
                        "network linear-autoencoder, " + k + " hidden"), b -> nf.create(AUTOENCODER, aeParams, d, b.weightSeed()))));
        for (String name : s.string("extra_rules").split(",")) {
            String n = name.trim();
            if (n.isEmpty()) {
                continue;
            }
            if (learners.stream().anyMatch(l -> l.name().equals(n))) {
                throw new UserError("setting 'extra_rules': '" + n + "' is already a learner of this run; list other "
                        + "registered rules (" + Registry.names(PlasticityRule.class) + ") once each.");
            }
            PlasticityRule rule = Registry.get(PlasticityRule.class, n, "rule");
            if (rule.supervised()) {
                throw new UserError("setting 'extra_rules': rule '" + n + "' is supervised, but the pca tasks give no targets; "
                        + "list unsupervised rules only.");
            }
            Params p = rule.params(Map.of("eta", eta), "setting bio.eta");
            learners.add(LearnerSpec.of(new Described(n, Family.BIO, n + " (bio, " + k + " units)", "", "rule " + n + ", " + k + " units"),
                    b -> new RuleNetwork(n, rule, p, d, k, tau, init, b.weightSeed())));
        }
        long every = s.integer("eval_every");
        Schedule schedule = Schedule.uniform(s.integer("steps"), s.integer("batch"), every).with(Record.HISTOGRAMS, Schedule.NEVER);
        Map<String, int[]> selection = new LinkedHashMap<>();
        selection.put("w", Monitor.all(k * d));
        selection.put("decoder", Monitor.all(k * d));
        Condition condition = new Condition(task, learners, schedule,
                List.of(() -> HeldOut.plain(List.of(HeldOut.RECONSTRUCTION, HeldOut.ANGLE)), UnitNorm::new),
                Condition.Recording.TRAINING_LOSS.weights(l -> selection));
        List<String> figures = new ArrayList<>(List.of("pca-curves", "pca-weights"));
        if (s.flag("landscape")) {
            figures.addAll(LandscapeFigures.NAMES);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("task", Map.of("name", task.name(), "input_dim", d, "eigenvalues", ((PrincipalSubspace) task).eigenvalues()));
        facts.put("bio_eta_per_presentation", eta);
        return new Study(List.of(condition), List.of(HeldOut.ANGLE, HeldOut.RECONSTRUCTION, UnitNorm.NAME), new Axes(task, k, s),
                figures, "presentations", false, s.integer("threads"), facts);
    }

    /** Writes the true principal axes, and the loss landscapes when asked. */
    private final class Axes implements Plugin {
        private final Task task;
        private final int k;
        private final Params s;
        private long firstSeed;

        Axes(Task task, int k, Params s) {
            this.task = task;
            this.k = k;
            this.s = s;
        }

        @Override
        public void start(Path out, long[] seeds) {
            firstSeed = seeds[0];
        }

        @Override
        public Map<String, Object> finish(Path out) throws IOException {
            double[][] axes = ((PrincipalSubspace) task).principalAxes(k);
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(PcaFigures.AXES))) {
                w.write("axis,index,value\n");
                for (int a = 0; a < axes.length; a++) {
                    for (int j = 0; j < axes[a].length; j++) {
                        w.write(a + "," + j + "," + axes[a][j] + "\n");
                    }
                }
            }
            if (s.flag("landscape")) {
                Landscapes.write(out, landscapes(s), Landscapes.Options.defaults(firstSeed));
            }
            return Map.of();
        }
    }
}
