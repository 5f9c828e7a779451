package org.neuroai.compare.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.bio.Activation;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.network.InitialWeights;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.measures.Selectivity;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.PatternsTask;

/**
 * Selectivity by the BCM rule: a layer of independent units with a sliding threshold each, shown
 * K patterns in random order, ends with every unit responding to one pattern only
 * (Bienenstock, Cooper &amp; Munro 1982; Intrator &amp; Cooper 1992; see
 * {@link org.neuroai.bio.rules.BcmRule}).
 *
 * <p>The task is {@link PatternsTask}: K random positive vectors of unit norm in {@code dim}
 * dimensions, drawn from {@code pattern_seed} and so the same for every seed, one per
 * presentation with probability 1/K in an order drawn from the run seed. The initial weights
 * (random positive, of norm {@code init_norm}) come from the run's weight seed. Every
 * {@code eval_every} presentations {@link Selectivity} records the responses of every unit to
 * every pattern and every unit's selectivity (to probes.csv) with their summaries (to curves.csv),
 * and the rule's threshold θ is recorded as the layer's probe {@code theta}.
 */
public final class BcmExperiment implements Experiment {
    /** The learner's name in traces. */
    public static final String BCM = "bcm";

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
        return Selectivity.SELECTIVITY_MEAN;
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
    public Map<String, Object> smokeSettings() {
        return Map.of("presentations", 2000, "eval_every", 500);
    }

    @Override
    public Study study(Params s) {
        PatternsTask task = new PatternsTask(s.integer("patterns"), s.integer("dim"), s.integer("pattern_seed"));
        PlasticityRule rule = Registry.get(PlasticityRule.class, BCM, "rule");
        Params ruleParams = rule.params(Map.of("eta", s.real("bio.eta"), "tau_theta", s.real("bio.tau_theta"),
                "theta0", s.real("bio.theta0")), "settings bio.*");
        int units = s.integer("units");
        String activation = s.string("activation");
        double initNorm = s.real("bio.init_norm");
        LearnerSpec bcm = LearnerSpec.of(new Described(BCM, Family.BIO, "BCM rule (bio, " + units + " " + activation + " units)", "#0072B2",
                "rule bcm, " + units + " " + activation + " units, positive initial weights"),
                b -> new RuleNetwork(BCM, rule, ruleParams, task.inputDim(), units, Activation.of(activation), false, 0,
                        InitialWeights.POSITIVE, initNorm, b.weightSeed()));
        int every = s.integer("eval_every");
        Schedule schedule = Schedule.uniform(s.integer("presentations"), Math.min(every, 1000), every)
                .with(Record.WEIGHTS, Schedule.NEVER).with(Record.HISTOGRAMS, Schedule.NEVER);
        Condition condition = new Condition(task, List.of(bcm), schedule, List.of(Selectivity::new),
                Condition.Recording.NONE.probes(List.of(Selectivity.THETA), units));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("patterns", task.patterns());
        return new Study(List.of(condition), List.of(Selectivity.SELECTIVITY_MEAN, Selectivity.SELECTIVE_FRACTION,
                Selectivity.PATTERNS_CHOSEN, Selectivity.THETA_MEAN), Plugin.NONE, List.of("bcm-responses", "bcm-threshold"),
                "presentations", false, s.integer("threads"), facts);
    }
}
