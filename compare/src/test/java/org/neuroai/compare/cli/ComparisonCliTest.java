package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.figures.LearningCurves;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.comparison.ComparisonSpec;
import org.neuroai.compare.comparison.ExampleSpecs;
import org.neuroai.compare.comparison.Plan;
import org.neuroai.core.Split;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** Comparison specs through the command line: run, --threads, seeds, plot, report, sweep, list and show. */
class ComparisonCliTest {
    @TempDir
    Path tmp;

    /** Two learners on XOR, short: a delta-rule layer with a bias and a small MLP. */
    private static final String XOR = """
            name: tiny-xor
            task: {name: xor}
            learners:
              - {name: delta, rule: delta, bias: true, init_norm: 0.7, params: {eta: 0.05}}
              - {name: mlp, network: mlp, params: {hidden: "4", optimiser: sgd, lr: 0.5}}
            steps: 120
            batch: 4
            eval_every: 40
            seeds: 3
            record:
              metrics: [accuracy, mse]
              weights: {every: 40, max_synapses: 5}
              histograms: {every: 40, bins: 10, range: [-2, 2]}
            figures: [learning-curves, weight-norms, weight-trajectories, weight-histograms]
            """;

    private Path spec(String name, String yaml) throws IOException {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private Path run(Path spec, String out, String... more) {
        Path dir = tmp.resolve(out);
        String[] args = new String[4 + more.length];
        args[0] = "run";
        args[1] = spec.toString();
        args[2] = "--out";
        args[3] = dir.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        CliRun o = CliRun.of(args);
        assertEquals(0, o.code(), o.err());
        return dir;
    }

    @Test
    void tracesAreByteIdenticalWithOneAndTwoThreads() throws IOException {
        Path s = spec("xor", XOR);
        Path a = run(s, "one", "--threads", "1");
        Path b = run(s, "two", "--threads", "2");
        for (String f : new String[] {"curves.csv", "weights.csv", "histograms.csv"}) {
            assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), f + " differs");
        }
        // every seed ran, every learner was scored at 0, 40, 80 and 120 presentations
        List<TraceRow> acc = TraceReader.read(a.resolve("curves.csv"), r -> r.metric().equals("accuracy"));
        assertEquals(3 * 2 * 4, acc.size());
    }

    @Test
    void theWeightSeedAndTheDataSeedAreKeptApart() throws IOException {
        Path s = spec("fixed", XOR.replace("seeds: 3", "seeds: 2\nweight_seed: 11"));
        Path a = run(s, "a");
        Map<String, Double> start0 = weights(a, 0, 0);
        Map<String, Double> start1 = weights(a, 1, 0);
        assertFalse(start0.isEmpty());
        assertEquals(start0, start1, "a fixed weight seed: both data orders start from the same weights");
        assertNotEquals(weights(a, 0, 120), weights(a, 1, 120), "different data orders end in different weights");
        Path again = run(s, "again");
        assertEquals(-1L, Files.mismatch(a.resolve("curves.csv"), again.resolve("curves.csv")), "a seed reproduces its run exactly");
        assertEquals(-1L, Files.mismatch(a.resolve("weights.csv"), again.resolve("weights.csv")));
        Path derived = run(spec("derived", XOR.replace("seeds: 3", "seeds: 2")), "derived");
        assertNotEquals(weights(derived, 0, 0), weights(derived, 1, 0), "by default each run seed has its own initial weights");
    }

    /** learner/layer/index to value at one seed and step. */
    private static Map<String, Double> weights(Path run, long seed, long step) {
        return TraceReader.read(run.resolve("weights.csv"), r -> r.seed() == seed && r.step() == step).stream()
                .collect(Collectors.toMap(r -> r.learner() + "/" + r.metric() + "/" + r.index(), TraceRow::value));
    }

    @Test
    void normsAndHistogramsFollowFromTheWeights() throws IOException {
        Path a = run(spec("xor", XOR), "run");
        // a rule layer starts with each unit's weight vector (bias included) scaled to init_norm
        for (TraceRow r : TraceReader.read(a.resolve("curves.csv"), r -> r.metric().equals("norm.w") && r.step() == 0)) {
            assertEquals(0.7, r.value(), 1e-12, r.toString());
        }
        // every histogram counts every weight of its layer: delta 1 unit x (2 inputs + bias);
        // mlp 4 hidden x 2 inputs, then 1 output x 4 hidden (biases are not weights)
        Map<String, Double> sums = new HashMap<>();
        for (TraceRow r : TraceReader.read(a.resolve("histograms.csv"), r -> true)) {
            sums.merge(r.learner() + "/" + r.metric() + "/" + r.seed() + "/" + r.step(), r.value(), Double::sum);
        }
        assertEquals(3 * 4 * 3, sums.size(), "3 layers, 4 snapshots, 3 seeds");
        sums.forEach((k, v) -> assertEquals(k.startsWith("delta/w") ? 3.0 : k.startsWith("mlp/layer0") ? 8.0 : 4.0, v, k));
        // at most max_synapses recorded per learner and layer
        Map<String, Long> perLayer = TraceReader.read(a.resolve("weights.csv"), r -> r.seed() == 0 && r.step() == 0).stream()
                .collect(Collectors.groupingBy(r -> r.learner() + "/" + r.metric(), Collectors.counting()));
        assertEquals(Map.of("delta/w", 3L, "mlp/layer0", 5L, "mlp/layer1", 4L), perLayer);
    }

    @Test
    void plotRedrawsAndReportRebuildsFromTheFiles() throws IOException {
        Path a = run(spec("xor", XOR), "run");
        List<String> figures = List.of("learning_curves", "weight_norms", "weight_trajectories", "weight_histograms");
        for (String f : figures) {
            Files.delete(a.resolve(f + ".png"));
        }
        CliRun o = CliRun.of("plot", a.toString());
        assertEquals(0, o.code(), o.err());
        for (String f : figures) {
            assertTrue(Files.size(a.resolve(f + ".png")) > 0, f);
        }
        Files.delete(a.resolve("report.md"));
        o = CliRun.of("report", a.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(a.resolve("report.md")).contains("# tiny-xor"));
        assertTrue(Files.readString(a.resolve("spec.yaml")).equals(XOR), "the spec is kept as written");
    }

    @Test
    void aSweepVariesALearnersParameter() throws IOException {
        Path s = spec("xor", XOR.replace("seeds: 3", "seeds: 1"));
        CliRun o = CliRun.of("sweep", s.toString(), "--grid", "delta.eta=0.01,0.2", "--out", tmp.resolve("sw").toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(tmp.resolve("sw/sweep.csv"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("0.01,delta,accuracy,")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("0.2,delta,accuracy,")), String.join("\n", lines));
        o = CliRun.of("sweep", s.toString(), "--grid", "delta.eta=0.01,-1", "--out", tmp.resolve("bad").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("invalid value '-1' for 'delta.eta'"), o.err());
    }

    @Test
    void aSpecWithThreeMistakesFailsWithOneLineEachAndWritesNothing() throws IOException {
        Path s = spec("bad", """
                task: {name: iris, heldout_fraction: 2}
                learners:
                  - {name: d, rule: delta, params: {eta: 5}}
                steps: 100
                colour: red
                """);
        Path out = tmp.resolve("never");
        CliRun o = CliRun.of("run", s.toString(), "--out", out.toString());
        assertEquals(2, o.code(), o.err());
        List<String> lines = o.err().strip().lines().toList();
        assertEquals(3, lines.size(), o.err());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("neuroai: " + s + ":")), o.err());
        assertTrue(o.err().contains(s + ":1: invalid value '2' for 'heldout_fraction'"), o.err());
        assertTrue(o.err().contains(s + ":3: invalid value '5' for 'eta'"), o.err());
        assertTrue(o.err().contains(s + ":5: unknown key 'colour'"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void bundledSpecsAreListedShownAndRunByName() {
        CliRun list = CliRun.of("list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("specs:"), list.out());
        for (String name : ExampleSpecs.names()) {
            assertTrue(list.out().contains("  " + name + " "), name);
            CliRun show = CliRun.of("show", name);
            assertEquals(ExampleSpecs.text(name), show.out());
        }
        Path out = tmp.resolve("iris");
        CliRun o = CliRun.of("run", "iris-linear", "--quick", "--seeds", "2", "--set", "epochs=2", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("running iris-linear (quick) with 2 seeds"), o.out());
        // the logistic layer learns Iris: well above the 1/3 of guessing after two epochs
        double acc = TraceReader.read(out.resolve("curves.csv"), r -> r.learner().equals("logistic") && r.metric().equals("accuracy")
                && r.step() == 210).stream().mapToDouble(TraceRow::value).average().orElse(0);
        assertTrue(acc > 0.8, "logistic accuracy " + acc);
    }

    /** Iris, short: a delta-rule layer and a softmax layer, scored twice an epoch. */
    private static final String IRIS = """
            name: tiny-iris
            task: {name: iris, heldout_fraction: 0.3}
            learners:
              - {name: delta, rule: delta, bias: true, params: {eta: 0.01}}
              - {name: logistic, network: mlp, params: {hidden: "", output: softmax-ce, optimiser: sgd, lr: 0.1}}
            epochs: 2
            batch: 1
            eval_every: 35
            seeds: 2
            record: {metrics: [accuracy, mse]}
            figures: [learning-curves]
            """;

    /** The learning-curves figure as plot draws it from a run's files. */
    private static PanelFigure curves(Path run) throws IOException {
        return (PanelFigure) new LearningCurves().draw(RunFolder.open(run));
    }

    /** The dashed line of one Tribuo model on a panel. */
    private static XYSeries line(XYChart panel, String model) {
        String label = "Tribuo " + (model.equals("linear-svm") ? "linear SVM" : "logistic regression") + ":";
        return panel.getSeriesCollection().stream().filter(s -> s.getName().startsWith(label)).findFirst().orElseThrow();
    }

    /**
     * Tribuo's accuracy, computed here from the task's own splits: every feature of every sample
     * as it is, the trainer of {@code neuroai baselines}, Tribuo's evaluator.
     */
    private static double tribuoAccuracy(String model, Split train, Split test, long seed) {
        LabelFactory lf = new LabelFactory();
        LinearSGDTrainer trainer = new LinearSGDTrainer(model.equals("linear-svm") ? new Hinge() : new LogMulticlass(),
                new AdaGrad(1.0, 0.1), 10, 1000, 1, seed);
        return new LabelEvaluator().evaluate(trainer.train(tribuo(train, lf)), tribuo(test, lf)).accuracy();
    }

    private static MutableDataset<Label> tribuo(Split s, LabelFactory lf) {
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance(s.name(), lf), lf);
        int n = s.inputs()[0].length;
        String[] names = new String[n];
        for (int j = 0; j < n; j++) {
            names[j] = String.format("f%04d", j);
        }
        for (int i = 0; i < s.size(); i++) {
            int label = 0;
            for (int k = 0; k < s.targets()[i].length; k++) {
                if (s.targets()[i][k] == 1) {
                    label = k;
                }
            }
            d.add(new ArrayExample<>(new Label(String.valueOf(label)), names, s.inputs()[i]));
        }
        return d;
    }

    @Test
    void tribuoIsFittedOnTheTrainingSplitScoredOnTheHeldOutOneAndDrawnOnTheAccuracyPanel() throws IOException {
        Path a = run(spec("iris", IRIS), "iris");
        Plan plan = ComparisonSpec.parse(IRIS, "iris", "iris").plan();
        Split train = plan.task().trainingSet();
        Split held = plan.task().heldOut();
        List<String> csv = Files.readAllLines(a.resolve("baselines.csv"));
        assertEquals(List.of("dataset,model,accuracy,macro_f1,train,test"), csv.subList(0, 1));
        assertEquals(3, csv.size(), "logistic regression and linear SVM");
        PanelFigure f = curves(a);
        XYChart accuracy = f.panels().get(0);
        for (String row : csv.subList(1, 3)) {
            String[] c = row.split(",");
            double value = Double.parseDouble(c[2]);
            assertEquals(tribuoAccuracy(c[1], train, held, 0), value, 0.0, "baselines.csv holds Tribuo's accuracy on the held-out split");
            assertEquals(List.of("iris", "105", "45"), List.of(c[0], c[4], c[5]), "every training sample, every held-out one");
            assertTrue(Files.readString(a.resolve("baselines/iris_" + c[1] + "_provenance.json")).contains("LinearSGDModel"));
            XYSeries l = line(accuracy, c[1]);
            assertTrue(l.isShowInLegend(), "in the legend");
            assertArrayEquals(new double[] {value, value}, l.getYData(), 0.0, "the line is at the file's accuracy");
            assertArrayEquals(new double[] {0, 2}, l.getXData(), 0.0, "across the run, in epochs");
            assertTrue(l.getName().endsWith(String.format(java.util.Locale.ROOT, ": %.3f", value)), l.getName());
        }
        assertTrue(f.panels().get(1).getSeriesCollection().stream().noneMatch(s -> s.getName().startsWith("Tribuo")),
                "only the accuracy panel has them");
        assertTrue(f.subtitle().contains("dashed: Tribuo"), f.subtitle());
        assertTrue(new ObjectMapper().readTree(a.resolve("provenance.json").toFile()).at("/baselines/seconds").isNumber());
        // without them, nothing of them
        Path off = run(spec("off", IRIS + "baselines: false\n"), "off");
        assertFalse(Files.exists(off.resolve("baselines.csv")) || Files.exists(off.resolve("baselines")));
        assertTrue(curves(off).panels().get(0).getSeriesCollection().stream().noneMatch(s -> s.getName().startsWith("Tribuo")));
    }

    @Test
    void onXorTheBaselinesLearnFromTheFirstSeedsPresentationsAndMissACorner() throws IOException {
        Path a = run(spec("xor", XOR), "xor");
        for (String row : Files.readAllLines(a.resolve("baselines.csv")).subList(1, 3)) {
            String[] c = row.split(",");
            assertEquals(List.of("xor", "120", "4"), List.of(c[0], c[4], c[5]), row);
            // no line separates XOR's classes, so a linear classifier gets at most three of the four corners
            assertTrue(Double.parseDouble(c[2]) <= 0.75, row);
        }
    }

    @Test
    void plotRedrawsTheReferenceLinesFromBaselinesCsv() throws IOException {
        Path a = run(spec("iris", IRIS.replace("seeds: 2", "seeds: 1")), "iris");
        Path csv = a.resolve("baselines.csv");
        Path png = a.resolve("learning_curves.png");
        byte[] before = Files.readAllBytes(png);
        String header = Files.readAllLines(csv).get(0);
        Files.write(csv, List.of(header, "iris,logistic-regression,0.5,0.5,105,45", "iris,linear-svm,0.25,0.25,105,45"));
        CliRun o = CliRun.of("plot", a.toString());
        assertEquals(0, o.code(), o.err());
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(png)), "the figure was drawn again");
        XYChart accuracy = curves(a).panels().get(0);
        assertArrayEquals(new double[] {0.5, 0.5}, line(accuracy, "logistic-regression").getYData(), 0.0);
        assertArrayEquals(new double[] {0.25, 0.25}, line(accuracy, "linear-svm").getYData(), 0.0);
        Files.writeString(csv, header + "\niris,logistic-regression,lots,0.5,105,45\n");
        o = CliRun.of("plot", a.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(csv + ": line 2 needs an accuracy in [0, 1]"), o.err());
    }
}
