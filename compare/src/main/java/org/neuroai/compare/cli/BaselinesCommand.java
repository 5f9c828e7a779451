package org.neuroai.compare.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.core.UserError;
import org.neuroai.core.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroai baselines}: Tribuo's linear classifiers on every classification data set. */
@Command(name = "baselines", description = "Tribuo logistic regression and linear SVM on the classification data sets, with provenance.")
final class BaselinesCommand implements Callable<Integer> {
    static final List<String> DATASETS = List.of("iris", "wine", "breast-cancer", "digits", "mnist");

    @Option(names = "--datasets", split = ",", paramLabel = "NAME,...", description = "Which data sets (default: all of iris, wine, breast-cancer, digits, mnist).")
    List<String> datasets = DATASETS;

    @Option(names = "--mnist-train", description = "MNIST training images to use (default 60000).")
    int mnistTrain = 60000;

    @Option(names = "--epochs", description = "Passes over the training data (default 10).")
    int epochs = 10;

    @Option(names = "--seed", description = "Seed of the split and the trainers (default 1).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Write baselines.csv and each model's Tribuo provenance here (default out/baselines).")
    Path out = Path.of("out", "baselines");

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (String d : datasets) {
            if (!DATASETS.contains(d)) {
                throw new UserError("--datasets: unknown data set '" + d + "'; valid are: " + String.join(", ", DATASETS) + ".");
            }
        }
        if (epochs < 1 || mnistTrain < 1 || mnistTrain > 60000) {
            throw new UserError("--epochs must be >= 1 and --mnist-train in [1, 60000].");
        }
        List<TribuoBaselines.Result> all = new ArrayList<>();
        for (String d : datasets) {
            all.addAll(switch (d) {
                case "iris" -> TribuoBaselines.run(d, Datasets.iris(), 0.3, epochs, seed);
                case "wine" -> TribuoBaselines.run(d, Datasets.wine(), 0.3, epochs, seed);
                case "breast-cancer" -> TribuoBaselines.run(d, Datasets.breastCancer(), 0.3, epochs, seed);
                case "digits" -> TribuoBaselines.run(d, Datasets.digits(), 0.25, epochs, seed);
                default -> TribuoBaselines.run(d, Datasets.mnistTrain(mnistTrain), Datasets.mnistTest(10000), epochs, seed, false);
            });
        }
        TribuoBaselines.write(all, out, out);
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TribuoBaselines.Result r : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dataset", r.dataset());
                m.put("model", r.model());
                m.put("accuracy", r.accuracy());
                m.put("macro_f1", r.macroF1());
                m.put("train", r.train());
                m.put("test", r.test());
                rows.add(m);
            }
            pw.println(new ObjectMapper().writeValueAsString(Map.of("results", rows)));
        } else {
            pw.printf(Locale.ROOT, "%-14s %-20s %9s %9s %7s %6s%n", "dataset", "model", "accuracy", "macro_f1", "train", "test");
            for (TribuoBaselines.Result r : all) {
                pw.printf(Locale.ROOT, "%-14s %-20s %9.4f %9.4f %7d %6d%n", r.dataset(), r.model(), r.accuracy(), r.macroF1(),
                        r.train(), r.test());
            }
            pw.println("wrote " + out.resolve("baselines.csv") + " and each model's Tribuo provenance");
        }
        pw.flush();
        return 0;
    }
}
