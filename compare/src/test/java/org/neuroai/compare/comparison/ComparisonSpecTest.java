package org.neuroai.compare.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.Registry;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/** A comparison spec is checked whole before anything runs; every mistake comes with its line. */
class ComparisonSpecTest {
    private static List<String> problems(String yaml) {
        UserError e = assertThrows(UserError.class, () -> ComparisonSpec.parse(yaml, "t.yaml", "t"));
        return e.getMessage().lines().toList();
    }

    private static final String GOOD = """
            task: {name: xor}
            learners:
              - {name: delta, rule: delta, bias: true, params: {eta: 0.05}}
              - {name: mlp, network: mlp, params: {hidden: "4"}}
            steps: 100
            batch: 4
            eval_every: 20
            """;

    @Test
    void threeMistakesAtThreeLevelsAreEachReportedWithTheirLine() {
        List<String> p = problems("""
                task: {name: digits, heldout_fraction: 0.9}
                learners:
                  - name: oja
                    rule: oja
                    params:
                      eta: -1
                steps: 100
                colour: red
                """);
        assertEquals(3, p.size(), String.join("\n", p));
        assertTrue(p.stream().anyMatch(l -> l.startsWith("t.yaml:1: invalid value '0.9' for 'heldout_fraction'")
                && l.contains("valid is a number in [0.05")), String.join("\n", p));
        assertTrue(p.stream().anyMatch(l -> l.startsWith("t.yaml:6: invalid value '-1' for 'eta'")), String.join("\n", p));
        assertTrue(p.stream().anyMatch(l -> l.startsWith("t.yaml:8: unknown key 'colour'; valid keys are: name, description, task,")),
                String.join("\n", p));
    }

    @Test
    void unknownNamesListTheRegisteredOnes() {
        List<String> p = problems("""
                task: {name: mnist-fashion}
                learners:
                  - {name: a, rule: hebbian}
                  - {name: b, network: transformer}
                steps: 10
                """);
        assertEquals(List.of(
                "t.yaml:1: unknown task 'mnist-fashion'; valid tasks are: " + Registry.names(TaskFactory.class) + ".",
                "t.yaml:3: unknown rule 'hebbian'; valid rules are: " + Registry.names(PlasticityRule.class) + ".",
                "t.yaml:4: unknown network 'transformer'; valid networks are: " + Registry.names(NetworkFactory.class) + "."), p);
    }

    @Test
    void aColourIsAHexColourAndALabelIsText() {
        List<String> p = problems("""
                task: {name: xor}
                learners:
                  - {name: d, rule: delta, colour: red, label: "delta rule, one unit"}
                steps: 10
                """);
        assertEquals(List.of("t.yaml:3: invalid value 'red' for 'colour'; valid is a hex colour such as '#0072B2' (quoted in YAML, "
                + "since # starts a comment)."), p);
    }

    @Test
    void unknownKeysAreFoundAtEveryLevel() {
        List<String> p = problems("""
                task: {name: xor, noize: 0.1}
                learners:
                  - {name: d, rule: delta, color: red, params: {eta: 0.1, beta: 2}}
                steps: 10
                record: {metrics: [accuracy], weights: {often: 3}}
                """);
        assertEquals(4, p.size(), String.join("\n", p));
        assertTrue(p.get(0).startsWith("t.yaml:1: unknown key 'noize'; valid keys are: noise."), p.get(0));
        assertTrue(p.stream().anyMatch(l -> l.startsWith("t.yaml:3: unknown key 'learners[0].color'; valid keys under")), String.join("\n", p));
        assertTrue(p.stream().anyMatch(l -> l.startsWith("t.yaml:3: unknown key 'beta'; valid keys are: eta.")), String.join("\n", p));
        assertTrue(p.stream().anyMatch(l -> l.startsWith("t.yaml:5: unknown key 'record.weights.often'")), String.join("\n", p));
    }

    @Test
    void wrongTypesAndRangesSayWhatIsValid() {
        List<String> p = problems("""
                task: {name: xor}
                learners:
                  - {name: d, rule: delta, bias: maybe, units: 1.5}
                steps: many
                batch: 0
                """);
        assertEquals(List.of(
                "t.yaml:5: invalid value '0' for 'batch'; valid is an integer in [1, 100000].",
                "t.yaml:4: invalid value 'many' for 'steps'; valid is an integer in [1, 1000000000].",
                "t.yaml:3: invalid value '1.5' for 'learners[0].units'; valid is an integer in [1, 100000].",
                "t.yaml:3: invalid value 'maybe' for 'learners[0].bias'; valid is true or false."), p);
    }

    @Test
    void duplicateLearnerNamesPointAtBoth() {
        List<String> p = problems("""
                task: {name: xor}
                learners:
                  - {name: d, rule: delta}
                  - {name: d, rule: perceptron}
                steps: 10
                """);
        assertEquals(List.of("t.yaml:4: duplicate learner name 'd' (first at t.yaml:3); every learner needs its own name."), p);
    }

    @Test
    void aSupervisedRuleOrNetworkOnATaskWithoutTargetsIsRefused() {
        List<String> p = problems("""
                task: {name: gaussian}
                learners:
                  - {name: d, rule: delta}
                  - {name: m, network: mlp}
                steps: 10
                record: {metrics: [accuracy]}
                """);
        assertEquals(3, p.size(), String.join("\n", p));
        assertTrue(p.get(0).startsWith("t.yaml:3: rule 'delta' is supervised and needs targets, and task 'gaussian' gives none"), p.get(0));
        assertTrue(p.get(1).startsWith("t.yaml:4: network 'mlp' learns targets, and task 'gaussian' gives none"), p.get(1));
        assertTrue(p.get(2).startsWith("t.yaml:6: metric 'accuracy' needs a task with targets"), p.get(2));
    }

    @Test
    void checkpointsMustFallOnWholeSteps() {
        List<String> p = problems(GOOD.replace("eval_every: 20", "eval_every: 30"));
        assertEquals(List.of("t.yaml:7: 'eval_every' is 30, not a multiple of batch (4); checkpoints fall between steps, "
                + "so give a multiple such as 28."), p);
    }

    @Test
    void epochsNeedAFixedTrainingSet() {
        List<String> p = problems("task: {name: gaussian}\nlearners: [{name: o, rule: oja}]\nepochs: 3\n");
        assertEquals(List.of("t.yaml:3: task 'gaussian' draws fresh samples for ever, so it has no epochs; give 'steps'."), p);
    }

    @Test
    void defaultsFollowTheTask() {
        Plan p = ComparisonSpec.parse(GOOD, "t.yaml", "my-xor").plan();
        assertEquals("my-xor", p.name());
        assertEquals(100, p.total());
        assertEquals(1, p.learners().get(0).units(), "a supervised rule gets one unit per target");
        assertEquals(1, p.learners().get(1).params().integer("outputs"), "a network gets one output per target");
        assertEquals(4, p.learners().get(1).params().integer("batch"), "a network's batch is the spec's");
        assertEquals(List.of("accuracy"), p.metrics());
        assertTrue(!p.figures().contains("receptive-fields"), "xor inputs are not images");
        Plan digits = ComparisonSpec.parse("task: digits\nlearners: [{name: o, rule: oja}]\nepochs: 2\n", "t", "t").plan();
        assertEquals(2L * digits.epochSize(), digits.total());
        assertEquals(1438, digits.epochSize(), "1797 images less round(0.2 x 1797) held out");
        assertTrue(digits.figures().contains("receptive-fields"));
        assertTrue(digits.learners().get(0).ridge(), "an unsupervised layer on a classification task is read out");
    }

    @Test
    void overridesAreCheckedAndNamed() {
        ComparisonSpec s = ComparisonSpec.parse(GOOD, "t.yaml", "t");
        assertEquals(0.2, s.plan(java.util.Map.of("delta.eta", 0.2)).learners().get(0).params().real("eta"));
        UserError e = assertThrows(UserError.class, () -> s.plan(java.util.Map.of("eval_every", 30)));
        assertTrue(e.getMessage().startsWith("setting eval_every: 'eval_every' is 30, not a multiple of batch (4)"), e.getMessage());
    }

    @Test
    void theStartingPointInSpecsIsTheBundledExample() throws java.io.IOException {
        java.nio.file.Path copy = java.nio.file.Path.of("..", "specs", "digits-features.yaml");
        assertEquals(ExampleSpecs.text("digits-features"), java.nio.file.Files.readString(copy),
                "specs/digits-features.yaml and the bundled spec must stay the same");
        assertEquals("digits-features", ComparisonSpec.read(copy).plan().name());
    }

    @Test
    void everyBundledSpecIsValid() {
        for (String name : ExampleSpecs.names()) {
            Plan p = ExampleSpecs.spec(name).plan();
            assertEquals(name, p.name());
            assertTrue(p.quickLength() < p.length(), name + " has a shorter quick version");
            // what 'neuroai list' shows without checking the spec is what the checked spec says of itself
            assertEquals(org.neuroai.compare.Experiments.get(name).description(), ExampleSpecs.description(name), name);
        }
    }

    @Test
    void baselinesAreOnForClassTargetsAndAskedForElsewhereAreAMistakeWithItsLine() {
        List<String> all = org.neuroai.ann.baselines.TribuoBaselines.MODELS;
        // on by default where the targets are classes: one-hot rows (iris) or a single 0 or 1 (xor)
        assertEquals(all, ComparisonSpec.parse(GOOD, "t.yaml", "t").plan().baselines());
        assertEquals(all, ComparisonSpec.parse(GOOD.replace("{name: xor}", "{name: iris}"), "t.yaml", "t").plan().baselines());
        assertEquals(List.of("linear-svm"), ComparisonSpec.parse(GOOD + "baselines: [linear-svm]\n", "t.yaml", "t").plan().baselines());
        ComparisonSpec off = ComparisonSpec.parse(GOOD + "baselines: false\n", "t.yaml", "t");
        assertEquals(List.of(), off.plan().baselines());
        assertEquals(all, off.plan(java.util.Map.of("baselines", true)).baselines(), "--set baselines=true turns them on");
        assertEquals(List.of(), ComparisonSpec.parse(GOOD, "t.yaml", "t").plan(java.util.Map.of("baselines", false)).baselines());
        // off by default without class targets, and a mistake when asked for there
        String gaussian = "task: {name: gaussian}\nlearners: [{name: o, rule: oja}]\nsteps: 10\n";
        assertEquals(List.of(), ComparisonSpec.parse(gaussian, "t.yaml", "t").plan().baselines());
        assertEquals(List.of("t.yaml:4: Tribuo's baselines are classifiers and need a task with class targets (digits, mnist, iris, wine, "
                + "breast-cancer, xor), and task 'gaussian' has no targets; leave 'baselines' out or write baselines: false."),
                problems(gaussian + "baselines: true\n"));
        UserError e = assertThrows(UserError.class,
                () -> ComparisonSpec.parse(gaussian, "t.yaml", "t").plan(java.util.Map.of("baselines", true)));
        assertTrue(e.getMessage().startsWith("setting baselines: Tribuo's baselines are classifiers"), e.getMessage());
        assertEquals(List.of("t.yaml:8: invalid value 'forest' for 'baselines[1]'; valid is one of logistic-regression, linear-svm."),
                problems(GOOD + "baselines: [linear-svm, forest]\n"));
        assertEquals(List.of("t.yaml:8: invalid value '3' for 'baselines'; valid is true, false or a list of logistic-regression, "
                + "linear-svm."), problems(GOOD + "baselines: 3\n"));
        assertEquals(List.of("t.yaml:9: the baselines are drawn on the accuracy panel, and this spec does not record accuracy; "
                + "add accuracy to record.metrics or write baselines: false."),
                problems(GOOD + "record: {metrics: [mse]}\nbaselines: true\n"));
    }

    @Test
    void aBayesianModelIsALearnerOfAnySpecWithTargets() {
        Plan p = ComparisonSpec.parse("""
                task: {name: iris}
                learners:
                  - {name: post, bayes: bayes-logistic, params: {prior_sd: 2}}
                  - {name: blr, bayes: bayes-linear}
                steps: 20
                record: {metrics: [accuracy, ece, predictive_nll, log_evidence]}
                """, "t.yaml", "t").plan();
        assertEquals(org.neuroai.core.Family.BAYESIAN, p.learners().get(0).family());
        assertEquals(3, p.learners().get(0).params().integer("outputs"), "a Bayesian model gets one output per target");
        assertEquals("bayes bayes-logistic", p.learners().get(0).model());
        List<String> problems = problems("""
                task: {name: gaussian}
                learners:
                  - {name: a, bayes: bayes-logistik}
                  - {name: b, bayes: bayes-linear}
                steps: 10
                """);
        assertEquals(List.of(
                "t.yaml:3: unknown Bayesian model 'bayes-logistik'; valid Bayesian models are: "
                        + Registry.names(org.neuroai.core.bayes.BayesianModel.class) + ".",
                "t.yaml:4: Bayesian model 'bayes-linear' learns targets, and task 'gaussian' gives none; use a task with targets "
                        + "(iris, wine, breast-cancer, digits, mnist, xor)."), problems);
    }
}
