package org.neuroai.compare.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.compare.comparison.ExampleSpecs;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Registered;
import org.neuroai.core.Registry;
import org.neuroai.core.TaskFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai list}: every registered rule, spike rule, network, task, experiment, bundled spec
 * and figure (with the run files each figure reads).
 */
@Command(name = "list", description = "List rules, spike rules, networks, Bayesian models, tasks, experiments, bundled specs and figures "
        + "(with the files each reads), one line each.")
final class ListCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object with every entry and its parameters.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, List<Entry>> kinds = new LinkedHashMap<>();
        kinds.put("rules", entries(Registry.all(PlasticityRule.class), PlasticityRule::parameters));
        kinds.put("spike_rules", entries(Registry.all(org.neuroai.bio.spiking.SpikeRule.class),
                org.neuroai.bio.spiking.SpikeRule::parameters));
        kinds.put("networks", entries(Registry.all(NetworkFactory.class), NetworkFactory::parameters));
        kinds.put("bayesian_models", entries(Registry.all(org.neuroai.core.bayes.BayesianModel.class),
                org.neuroai.core.bayes.BayesianModel::parameters));
        kinds.put("tasks", entries(Registry.all(TaskFactory.class), TaskFactory::parameters));
        kinds.put("experiments", entries(Registry.all(Experiment.class), Experiment::settings));
        if (json) {
            // the settings of a spec come from checking it, which reads its data and builds its learners
            kinds.put("specs", entries(ExampleSpecs.names().stream().map(org.neuroai.compare.Experiments::get).toList(), Experiment::settings));
        } else {
            kinds.put("specs", ExampleSpecs.names().stream().map(n -> new Entry(n, ExampleSpecs.description(n), null, null, null)).toList());
        }
        List<Entry> figures = new ArrayList<>();
        for (Figure f : Figures.all()) {
            figures.add(new Entry(f.name(), f.description(), null, f.reads(), f.file()));
        }
        kinds.put("figures", figures);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(kinds));
            return 0;
        }
        int width = 0;
        for (List<Entry> es : kinds.values()) {
            for (Entry e : es) {
                width = Math.max(width, e.name().length());
            }
        }
        for (Map.Entry<String, List<Entry>> k : kinds.entrySet()) {
            out.println(k.getKey() + ":");
            for (Entry e : k.getValue()) {
                out.printf("  %-" + width + "s  %s%s%n", e.name(), e.description(),
                        e.reads() == null ? "" : " (reads " + String.join(", ", e.reads()) + ")");
            }
        }
        return 0;
    }

    /**
     * One line of the listing.
     *
     * @param name its registered name
     * @param description what it is
     * @param parameters its parameters or settings, each with default, range and unit (null for a figure)
     * @param reads the run files a figure reads (null for anything else)
     * @param file the file name a figure is saved under, without extension (null for anything else)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String name, String description, List<Map<String, Object>> parameters, List<String> reads, String file) {}

    private static <T extends Registered> List<Entry> entries(List<T> all, java.util.function.Function<T, List<ParamSpec>> params) {
        List<Entry> out = new ArrayList<>();
        for (T t : all) {
            List<Map<String, Object>> ps = new ArrayList<>();
            for (ParamSpec p : params.apply(t)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("default", p.defaultValue());
                m.put("valid", p.validRange());
                m.put("unit", p.unit());
                m.put("description", p.description());
                ps.add(m);
            }
            out.add(new Entry(t.name(), t.description(), ps, null, null));
        }
        return out;
    }
}
