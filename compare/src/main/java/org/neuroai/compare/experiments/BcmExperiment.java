package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.Activation;
import org.neuroai.bio.network.InitialWeights;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.compare.Experiment;
import org.neuroai.compare.Seeds;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.charts.BcmFigures;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import org.neuroai.core.linalg.Linalg;
import org.neuroai.core.trace.CsvSink;
import org.neuroai.core.trace.SeedOrderedTraces;

/**
 * Selectivity by the BCM rule: a layer of independent units with a sliding threshold each, shown
 * K patterns in random order, ends with every unit responding to one pattern only
 * (Bienenstock, Cooper &amp; Munro 1982; Intrator &amp; Cooper 1992; see
 * {@link org.neuroai.bio.rules.BcmRule}).
 *
 * <p>The K patterns are random positive vectors of unit norm in {@code dim} dimensions, drawn
 * from {@code pattern_seed} and so the same for every seed; the run's seed draws the initial
 * weights (random positive, of norm {@code init_norm}) and the order of presentation (each
 * presentation a pattern drawn with probability 1/K). Every {@code eval_every} presentations
 * the responses of every unit to every pattern, its threshold and its selectivity are recorded.
 *
 * <p>Selectivity is 1 − mean/max of a unit's responses to the K patterns (Bienenstock et al.
 * 1982), responses below 0 counting as 0: 0 for a unit that answers every pattern alike, at most
 * 1 − 1/K for a unit that answers one pattern only. A unit counts as selective when its
 * responses to all patterns but its preferred one are smaller in size than 10 % of the response
 * to the preferred one.
 */
public final class BcmExperiment implements Experiment {
    /** The learner's name in traces. */
    public static final String BCM = "bcm";
    /** A unit is selective when its responses to all but one pattern are below this fraction of its strongest. */
    public static final double SELECTIVE_RATIO = 0.1;

    @Override
    public String name() {
        return "bcm-selectivity";
    }

    @Override
    public String description() {
        return "BCM selectivity: units with a sliding threshold each come to respond to one of K patterns";
    }

    @Override
    public String mainMetric() {
        return "selectivity_mean";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.integer("patterns", 5, 2, 100, "number K of patterns, presented with probability 1/K each"),
                ParamSpec.integer("dim", 20, 2, 10_000, "inputs per pattern (at least K, for independent patterns)"),
                ParamSpec.integer("units", 10, 1, 1000, "BCM units, each with its own weights and threshold"),
                ParamSpec.choice("activation", "rectified", List.of("rectified", "linear"), "what the units do with their input"),
                ParamSpec.integer("presentations", 100_000, 1, 100_000_000, "presentations per seed"),
                ParamSpec.integer("eval_every", 500, 1, 100_000_000, "presentations between recordings"),
                ParamSpec.positive("bio.eta", 0.005, 1.0, "1", "learning rate per presentation"),
                ParamSpec.real("bio.tau_theta", 50, 1, 1e9, "presentations", "time constant of the sliding threshold"),
                ParamSpec.real("bio.theta0", 0, 0, 1e6, "y^2", "threshold before the first presentation"),
                ParamSpec.positive("bio.init_norm", 0.5, 100, "1", "norm of each unit's initial (positive) weight vector"),
                ParamSpec.integer("pattern_seed", 2024, 0, Integer.MAX_VALUE, "seed of the patterns, the same for every seed"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("presentations", 60_000, "eval_every", 1000);
    }

    @Override
    public void redraw(java.nio.file.Path runDir, com.fasterxml.jackson.databind.JsonNode prov) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode set = prov.at("/spec/set");
        if (set.path("activation").isMissingNode()) {
            throw new org.neuroai.core.UserError(runDir.resolve("provenance.json") + ": missing settings activation; "
                    + "it does not come from a " + name() + " run.");
        }
        org.neuroai.compare.charts.BcmFigures.draw(runDir, set.path("activation").asText(), prov.at("/spec/first_seed").asLong());
    }

    @Override
    public Prepared prepare(Params s, long[] seeds) {
        int k = s.integer("patterns");
        int dim = s.integer("dim");
        if (dim < k) {
            throw new UserError("setting 'dim' = " + dim + " is smaller than 'patterns' = " + k
                    + ", so the patterns cannot be linearly independent; valid is an integer in [" + k + ", 10000].");
        }
        PlasticityRule rule = Registry.get(PlasticityRule.class, BCM, "rule");
        Params ruleParams = rule.params(Map.of("eta", s.real("bio.eta"), "tau_theta", s.real("bio.tau_theta"),
                "theta0", s.real("bio.theta0")), "settings bio.*");
        return new Run(s, seeds, patterns(k, dim, s.integer("pattern_seed")), rule, ruleParams);
    }

    /** K random positive patterns of unit norm; fails if they are (numerically) dependent. */
    static double[][] patterns(int k, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[k][dim];
        for (double[] p : x) {
            for (int j = 0; j < dim; j++) {
                p[j] = 1.0 - r.nextDouble();
            }
            double norm = Linalg.norm(p);
            for (int j = 0; j < dim; j++) {
                p[j] /= norm;
            }
        }
        double[][] gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                gram[a][b] = Linalg.dot(x[a], x[b]);
            }
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (double v : Linalg.symmetricEigen(gram).values()) {
            smallest = Math.min(smallest, v);
        }
        if (smallest < 1e-9) {
            throw new UserError("setting 'pattern_seed' = " + seed + " gives linearly dependent patterns; choose another seed.");
        }
        return x;
    }

    /** Selectivity 1 − mean/max of responses (negative ones counting as 0); 0 for a unit that never responds. */
    public static double selectivity(double[] responses) {
        double max = 0;
        double sum = 0;
        for (double y : responses) {
            double v = Math.max(0, y);
            max = Math.max(max, v);
            sum += v;
        }
        return max == 0 ? 0 : 1 - sum / responses.length / max;
    }

    /** Whether every response but the strongest is smaller in size than {@link #SELECTIVE_RATIO} times the strongest. */
    public static boolean selective(double[] responses) {
        int best = 0;
        for (int p = 1; p < responses.length; p++) {
            best = responses[p] > responses[best] ? p : best;
        }
        double max = responses[best];
        if (max <= 0) {
            return false;
        }
        for (int p = 0; p < responses.length; p++) {
            if (p != best && Math.abs(responses[p]) >= SELECTIVE_RATIO * max) {
                return false;
            }
        }
        return true;
    }

    /** A prepared run. */
    private static final class Run implements Prepared {
        private final Params s;
        private final long[] seeds;
        private final double[][] patterns;
        private final PlasticityRule rule;
        private final Params ruleParams;

        Run(Params s, long[] seeds, double[][] patterns, PlasticityRule rule, Params ruleParams) {
            this.s = s;
            this.seeds = seeds;
            this.patterns = patterns;
            this.rule = rule;
            this.ruleParams = ruleParams;
        }

        @Override
        public Map<String, Object> run(Path out) throws IOException {
            int threads = Seeds.threads(s.integer("threads"), seeds.length);
            SeedOrderedTraces curves = new SeedOrderedTraces(out.resolve("curves.csv"), false);
            SeedOrderedTraces weights = new SeedOrderedTraces(out.resolve("weights.csv"), true);
            List<CsvSink[]> sinks = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                sinks.add(new CsvSink[] {curves.sinkFor(i), weights.sinkFor(i)});
            }
            Seeds.inParallel(seeds, threads, (i, seed) -> {
                try (CsvSink c = sinks.get(i)[0]; CsvSink w = sinks.get(i)[1]) {
                    runSeed(seed, c, w);
                }
                return null;
            });
            curves.join();
            weights.join();
            BcmFigures.draw(out, s.string("activation"), seeds[0]);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("learners", Map.of(BCM, "BIO"));
            facts.put("patterns", patterns);
            facts.put("threads", threads);
            return facts;
        }

        private void runSeed(long seed, CsvSink curves, CsvSink weights) {
            long weightSeed = Seeds.weightSeed(seed);
            int k = patterns.length;
            RuleNetwork net = new RuleNetwork(BCM, rule, ruleParams, patterns[0].length, s.integer("units"),
                    Activation.of(s.string("activation")), false, 0, InitialWeights.POSITIVE, s.real("bio.init_norm"), weightSeed);
            SplittableRandom order = new SplittableRandom(weightSeed + 1);
            long total = s.integer("presentations");
            long every = s.integer("eval_every");
            record(net, seed, 0, curves, weights);
            for (long t = 1; t <= total; t++) {
                net.present(patterns[order.nextInt(k)], null);
                if (t % every == 0 || t == total) {
                    record(net, seed, t, curves, weights);
                }
            }
        }

        /**
         * weights.csv: "response" (index = unit · K + pattern), "theta" and "selectivity" (index =
         * unit); curves.csv: the mean selectivity, the fraction of selective units, the number of
         * patterns that some selective unit prefers, and the mean threshold.
         */
        private void record(RuleNetwork net, long seed, long step, CsvSink curves, CsvSink weights) {
            int k = patterns.length;
            double[][] y = net.predict(patterns);
            double[] theta = net.plasticity().probe().get("theta");
            int units = theta.length;
            double[] row = new double[k];
            double sumSel = 0;
            int selectiveUnits = 0;
            boolean[] preferred = new boolean[k];
            double sumTheta = 0;
            for (int i = 0; i < units; i++) {
                int best = 0;
                for (int p = 0; p < k; p++) {
                    row[p] = y[p][i];
                    weights.row(BCM, seed, step, "response", i * k + p, row[p]);
                    best = row[p] > row[best] ? p : best;
                }
                double sel = selectivity(row);
                weights.row(BCM, seed, step, "theta", i, theta[i]);
                weights.row(BCM, seed, step, "selectivity", i, sel);
                sumSel += sel;
                sumTheta += theta[i];
                if (selective(row)) {
                    selectiveUnits++;
                    preferred[best] = true;
                }
            }
            int chosen = 0;
            for (boolean b : preferred) {
                chosen += b ? 1 : 0;
            }
            org.neuroai.core.trace.Progress.report(BCM, seed, step);
            curves.row(BCM, seed, step, "selectivity_mean", -1, sumSel / units);
            curves.row(BCM, seed, step, "selective_fraction", -1, (double) selectiveUnits / units);
            curves.row(BCM, seed, step, "patterns_chosen", -1, chosen);
            curves.row(BCM, seed, step, "theta_mean", -1, sumTheta / units);
        }

        @Override
        public long workPerSeed() {
            return s.integer("presentations");
        }

        @Override
        public Map<String, String> figures() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put(BcmFigures.RESPONSES, "Responses of four BCM units to each pattern over time, with each unit's sliding threshold");
            f.put(BcmFigures.THRESHOLD, "Sliding thresholds over time, selectivity over time ("
                    + SeedStats.caption(seeds.length) + "), and the final selectivity of every unit");
            return f;
        }
    }
}
