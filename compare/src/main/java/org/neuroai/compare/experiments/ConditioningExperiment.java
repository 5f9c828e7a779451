package org.neuroai.compare.experiments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.charts.ConditioningFigures;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.trace.CsvSink;

/**
 * Classical conditioning as associative learning: two cues, A and B, predict an unconditioned
 * stimulus (US), and each learner's weight from a cue is that cue's associative strength V.
 *
 * <p>Three schedules, each given to naive learners (every V starts at 0), {@code trials} trials per
 * phase:
 * <ul>
 *   <li>{@code extinction}: acquisition (A → US), then extinction (A alone).</li>
 *   <li>{@code blocking}: phase 1 (A → US), then phase 2 (A and B together → US): Kamin's
 *       blocking (Kamin 1969), where B, though paired with the US as often as A was, learns
 *       little because A already predicts the US.</li>
 *   <li>{@code control}: phase 2 alone (AB → US), aligned with the blocking schedule's phase 2,
 *       the reference against which B counts as blocked.</li>
 * </ul>
 *
 * <p>Learners, on identical trials: {@code rescorla-wagner} (ΔV_j = α_j β x_j (λ − Σ V x)),
 * {@code hebb} (plain Hebb on cue × US: the postsynaptic activity is clamped to the US, so
 * ΔV_j = η x_j US), and {@code gradient}, a linear unit without bias trained by SGD on the squared
 * error (y − λ)² with Deeplearning4j, one step per trial. Its gradient step is
 * Δw = 2 lr (λ − y) x, the delta rule, so with lr = αβ / 2 it takes Rescorla-Wagner's steps when the
 * saliences are equal (Sutton &amp; Barto 1981). Hebb has no error term: it neither extinguishes
 * nor blocks.
 *
 * <p>Metrics, per trial: {@code <schedule>.V_A} and {@code <schedule>.V_B} (B only where it
 * appears). {@code phases.csv} lists each phase's trials for the figures.
 */
public final class ConditioningExperiment implements Experiment {
    /** The Rescorla-Wagner learner. */
    public static final String RW = "rescorla-wagner";
    /** Plain Hebb on cue × US. */
    public static final String HEBB = "hebb";
    /** The linear unit trained by gradient descent. */
    public static final String GRADIENT = "gradient";

    /** One phase of a schedule: which cues are present and whether the US comes, for some trials. */
    private record Phase(String schedule, String name, boolean a, boolean b, boolean us) {
        String cues() {
            return (a ? "A" : "") + (b ? "B" : "");
        }
    }

    private static final List<List<Phase>> SCHEDULES = List.of(
            List.of(new Phase("extinction", "acquisition", true, false, true),
                    new Phase("extinction", "extinction", true, false, false)),
            List.of(new Phase("blocking", "phase 1", true, false, true),
                    new Phase("blocking", "phase 2", true, true, true)),
            List.of(new Phase("control", "phase 2", true, true, true)));

    @Override
    public String name() {
        return "conditioning";
    }

    @Override
    public String description() {
        return "classical conditioning: acquisition, extinction and Kamin blocking under Rescorla-Wagner, Hebb and gradient descent";
    }

    @Override
    public String mainMetric() {
        return "blocking.V_B";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("trials", 50, 1, 100_000, "trials per phase"),
                ParamSpec.positive("us", 1.0, 100, "1", "lambda, the magnitude of the US on reinforced trials"),
                ParamSpec.positive("rw.beta", 0.2, 1, "1", "Rescorla-Wagner beta, the learning-rate parameter of the US"),
                ParamSpec.positive("rw.alpha_a", 0.5, 1, "1", "Rescorla-Wagner salience of cue A"),
                ParamSpec.positive("rw.alpha_b", 0.5, 1, "1", "Rescorla-Wagner salience of cue B"),
                ParamSpec.positive("hebb.eta", 0.02, 1, "1", "Hebbian learning rate: dV = eta x US"),
                ParamSpec.positive("gradient.lr", 0.05, 1, "1",
                        "SGD learning rate of the linear unit; its step is 2 lr (lambda - y) x, so alpha beta / 2 matches Rescorla-Wagner"));
    }

    @Override
    public void redraw(java.nio.file.Path runDir, com.fasterxml.jackson.databind.JsonNode prov) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode set = prov.at("/spec/set");
        if (set.path("us").isMissingNode()) {
            throw new org.neuroai.core.UserError(runDir.resolve("provenance.json") + ": missing settings us; "
                    + "it does not come from a " + name() + " run.");
        }
        org.neuroai.compare.charts.ConditioningFigures.draw(runDir, set.path("us").asDouble());
    }

    @Override
    public Prepared prepare(Params s, long[] seeds) {
        PlasticityRule rw = Registry.get(PlasticityRule.class, RW, "rule");
        PlasticityRule hebb = Registry.get(PlasticityRule.class, HEBB, "rule");
        NetworkFactory mlp = Registry.get(NetworkFactory.class, "mlp", "network");
        Params rwParams = rw.params(Map.of("eta", s.real("rw.beta"),
                "alphas", s.real("rw.alpha_a") + "," + s.real("rw.alpha_b")), "settings rw.*");
        Params hebbParams = hebb.params(Map.of("eta", s.real("hebb.eta"), "clamp", true), "setting hebb.eta");
        Params gradientParams = Params.resolve(mlp.parameters(), Map.of("hidden", "", "output", "linear-mse", "optimiser", "sgd",
                "lr", s.real("gradient.lr"), "bias", false, "init", "zero"), "setting gradient.lr");
        return new Run(s, seeds, rw, rwParams, hebb, hebbParams, mlp, gradientParams);
    }

    /** A prepared run. */
    private static final class Run implements Prepared {
        private final Params s;
        private final long[] seeds;
        private final PlasticityRule rw;
        private final Params rwParams;
        private final PlasticityRule hebb;
        private final Params hebbParams;
        private final NetworkFactory mlp;
        private final Params gradientParams;

        Run(Params s, long[] seeds, PlasticityRule rw, Params rwParams, PlasticityRule hebb, Params hebbParams, NetworkFactory mlp,
            Params gradientParams) {
            this.s = s;
            this.seeds = seeds;
            this.rw = rw;
            this.rwParams = rwParams;
            this.hebb = hebb;
            this.hebbParams = hebbParams;
            this.mlp = mlp;
            this.gradientParams = gradientParams;
        }

        /** Naive learners: every associative strength 0, no bias (the seed matters to none of them). */
        private List<Learner> learners(long seed) {
            return List.of(
                    new RuleNetwork(RW, rw, rwParams, 2, 1, Activation.LINEAR, false, 0, 0, seed),
                    new RuleNetwork(HEBB, hebb, hebbParams, 2, 1, Activation.LINEAR, false, 0, 0, seed),
                    mlp.create(GRADIENT, gradientParams, 2, seed));
        }

        @Override
        public Map<String, Object> run(Path out) throws IOException {
            int trials = s.integer("trials");
            double us = s.real("us");
            try (CsvSink curves = new CsvSink(out.resolve("curves.csv"), false)) {
                for (long seed : seeds) {
                    for (List<Phase> schedule : SCHEDULES) {
                        runSchedule(schedule, seed, trials, us, curves);
                    }
                }
            }
            writePhases(out.resolve("phases.csv"), trials);
            ConditioningFigures.draw(out, us);
            Map<String, Object> facts = new LinkedHashMap<>();
            Map<String, String> families = new LinkedHashMap<>();
            for (Learner l : learners(seeds[0])) {
                families.put(l.name(), l.family().name());
            }
            facts.put("learners", families);
            facts.put("rescorla_wagner_alpha_beta", List.of(s.real("rw.alpha_a") * s.real("rw.beta"),
                    s.real("rw.alpha_b") * s.real("rw.beta")));
            facts.put("gradient_effective_rate", 2 * s.real("gradient.lr"));
            return facts;
        }

        /**
         * Runs one schedule on naive learners. Trials are numbered on the blocking timeline, so the
         * control's trials carry the numbers of the phase they stand beside.
         */
        private void runSchedule(List<Phase> schedule, long seed, int trials, double us, CsvSink curves) {
            List<Learner> learners = learners(seed);
            String name = schedule.get(0).schedule();
            boolean withB = schedule.stream().anyMatch(Phase::b);
            long step = name.equals("control") ? trials : 0;
            double[][] x = new double[1][2];
            double[][] t = new double[1][1];
            record(learners, name, withB, seed, step, curves);
            for (Phase p : schedule) {
                x[0][0] = p.a() ? 1 : 0;
                x[0][1] = p.b() ? 1 : 0;
                t[0][0] = p.us() ? us : 0;
                for (int k = 0; k < trials; k++) {
                    Batch trial = new Batch(x, t, step);
                    for (Learner l : learners) {
                        l.learn(trial);
                    }
                    step++;
                    record(learners, name, withB, seed, step, curves);
                }
            }
        }

        private static void record(List<Learner> learners, String schedule, boolean withB, long seed, long step, CsvSink curves) {
            for (Learner l : learners) {
                double[] v = l.weights().copy("w");
                curves.row(l.name(), seed, step, schedule + ".V_A", -1, v[0]);
                if (withB) {
                    curves.row(l.name(), seed, step, schedule + ".V_B", -1, v[1]);
                }
            }
        }

        private static void writePhases(Path file, int trials) throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write("schedule,phase,first_step,last_step,cues,us\n");
                for (List<Phase> schedule : SCHEDULES) {
                    long start = schedule.get(0).schedule().equals("control") ? trials : 0;
                    for (Phase p : schedule) {
                        w.write(p.schedule() + "," + p.name() + "," + start + "," + (start + trials) + "," + p.cues() + ","
                                + (p.us() ? 1 : 0) + "\n");
                        start += trials;
                    }
                }
            }
        }

        @Override
        public Map<String, String> figures() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put(ConditioningFigures.EXTINCTION, "Acquisition and extinction: associative strength of cue A trial by trial, one panel per learner, "
                    + SeedStats.caption(seeds.length));
            f.put(ConditioningFigures.BLOCKING, "Kamin blocking: associative strengths of cues A and B trial by trial, one panel per learner, "
                    + "with the unblocked control, " + SeedStats.caption(seeds.length));
            return f;
        }
    }
}
