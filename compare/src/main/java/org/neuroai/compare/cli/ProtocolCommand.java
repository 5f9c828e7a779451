package org.neuroai.compare.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroai.compare.files.OutputFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.bio.spiking.protocols.Habituation;
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.bio.spiking.protocols.Trains;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.HabituationFigures;
import org.neuroai.compare.charts.ProtocolFigures;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai protocol NAME}: runs a stimulation protocol on a spike-driven synapse model and
 * prints the result as a table or one JSON object; with {@code --out} also CSV and a chart.
 */
@Command(name = "protocol", description = "Run a stimulation protocol: stdp-window, stdp-frequency, stp-train, habituation, custom.")
final class ProtocolCommand implements Callable<Integer> {
    static final List<String> PROTOCOLS = List.of("stdp-window", "stdp-frequency", "stp-train", "habituation", "custom");

    @Parameters(index = "0", paramLabel = "NAME", description = "stdp-window, stdp-frequency, stp-train, habituation or custom")
    String protocol;

    @Option(names = "--rule", paramLabel = "R", description = "Synapse model (see 'neuroai list'); default depends on the protocol.")
    String rule;

    @Option(names = "--preset", paramLabel = "P", description = "A named parameter set of the rule.")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a parameter of the rule; repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write PROTOCOL.csv and a chart (PNG and SVG) here, beside other protocols' results.")
    Path out;

    @Option(names = "--force", description = "Replace this protocol's files from an earlier run in the --out folder.")
    boolean force;

    @Option(names = "--pairs", description = "stdp-window: pairs per timing (default 60).")
    int pairs = 60;

    @Option(names = "--frequency", description = "stdp-window: pairing rate in Hz (default 0.1); stp-train: train rate (default 20).")
    Double frequency;

    @Option(names = "--from", description = "stdp-window: first Δt in ms (default -100).")
    double from = -100;

    @Option(names = "--to", description = "stdp-window: last Δt in ms (default 100).")
    double to = 100;

    @Option(names = "--step", description = "stdp-window: Δt spacing in ms (default 2).")
    double step = 2;

    @Option(names = "--spikes", description = "stp-train: number of spikes (default 10).")
    int spikes = 10;

    @Option(names = "--isi", description = "habituation: seconds between stimuli (default 10).")
    double isi = 10;

    @Option(names = "--stimuli", description = "habituation: stimuli per session (default 10).")
    int stimuli = 10;

    @Option(names = "--sessions", description = "habituation: number of sessions (default 1).")
    int sessions = 1;

    @Option(names = "--session-interval", description = "habituation: seconds from one session's start to the next (default 86400, a day).")
    double sessionInterval = 86400;

    @Option(names = "--rest", description = "habituation: seconds of rest after the last stimulus, then one test stimulus (default: none).")
    Double rest;

    @Option(names = "--shock-after", description = "habituation: a tail shock right after this stimulus of every session (default: none).")
    Integer shockAfter;

    @Option(names = "--shock-amount", description = "habituation: strength of the shock, 1 = one standard shock (default 1).")
    double shockAmount = 1;

    @Option(names = "--pre-spikes", paramLabel = "MS,...|FILE", description = "custom: presynaptic spike times in ms, or a file of them.")
    String preSpikes = "";

    @Option(names = "--post-spikes", paramLabel = "MS,...|FILE", description = "custom: postsynaptic spike times in ms, or a file of them.")
    String postSpikes = "";

    @Spec
    CommandSpec spec;

    private static String defaultRule(String protocol) {
        return switch (protocol) {
            case "stdp-window", "stdp-frequency" -> "stdp-triplet";
            case "stp-train" -> "tsodyks-markram";
            case "habituation" -> "aplysia";
            default -> "stdp-pair";
        };
    }

    @Override
    public Integer call() throws IOException {
        if (!PROTOCOLS.contains(protocol)) {
            throw new UserError("unknown protocol '" + protocol + "'; valid protocols are: " + String.join(", ", PROTOCOLS) + ".");
        }
        String ruleName = rule != null ? rule : defaultRule(protocol);
        SpikeRule r = Registry.get(SpikeRule.class, ruleName, "rule");
        if (protocol.startsWith("stdp-") && !r.timingDependent()) {
            throw new UserError("--rule: " + protocol + " needs a rule whose weight depends on pre/post spike timing ("
                    + String.join(", ", Registry.all(SpikeRule.class).stream().filter(SpikeRule::timingDependent)
                            .map(SpikeRule::name).toList()) + "); '" + ruleName + "' does not.");
        }
        Params params = r.params(preset, new LinkedHashMap<>(set), "--set");
        SpikeSynapse syn = r.create(params);
        String usedPreset = preset != null ? preset : r.defaultPreset();
        String label = ProtocolFigures.label(ruleName, usedPreset, set);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("protocol", protocol);
        result.put("rule", ruleName);
        result.put("preset", usedPreset);
        result.put("parameters", params.asMap());
        List<Map<String, Object>> rows = new ArrayList<>();
        PanelFigure figure;
        switch (protocol) {
            case "stdp-window" -> {
                double f = frequency != null ? frequency : 0.1;
                List<Pairing.Point> ps = Pairing.window(syn, from, to, step, pairs, f, r.settleMs());
                for (Pairing.Point p : ps) {
                    rows.add(row("delta_t_ms", p.deltaTMs(), "weight_change", p.weightChange()));
                }
                figure = ProtocolFigures.window(ps, label, pairs);
            }
            case "stdp-frequency" -> {
                List<Pairing.Point> ps = Pairing.sjostrom(syn, r.settleMs());
                for (Pairing.Point p : ps) {
                    rows.add(row("frequency_hz", p.frequencyHz(), "delta_t_ms", p.deltaTMs(), "weight_change", p.weightChange()));
                }
                figure = ProtocolFigures.frequency(ps, label);
            }
            case "stp-train" -> {
                double f = frequency != null ? frequency : 20;
                List<Trains.Response> rs = Trains.regular(syn, f, spikes);
                for (Trains.Response x : rs) {
                    rows.add(row("spike", x.spike(), "time_ms", x.timeMs(), "response", x.response()));
                }
                figure = ProtocolFigures.train(rs, label, f);
            }
            case "habituation" -> figure = habituation(syn, label, rows);
            default -> {
                List<Trains.Event> es = Trains.custom(syn, times(preSpikes, "--pre-spikes"), times(postSpikes, "--post-spikes"));
                for (Trains.Event e : es) {
                    rows.add(row("time_ms", e.timeMs(), "kind", e.kind(), "weight", e.weight()));
                }
                result.put("final_weight", es.isEmpty() ? syn.weight() : es.get(es.size() - 1).weight());
                figure = es.isEmpty() ? null : ProtocolFigures.custom(es, label);
            }
        }
        result.put("results", rows);
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(new ObjectMapper().writeValueAsString(result));
        } else {
            printTable(pw, rows);
            if (result.containsKey("final_weight")) {
                pw.println("final_weight " + result.get("final_weight"));
            }
        }
        if (out != null) {
            // a folder of protocol results: each protocol's files beside the others', replaced only with --force
            try (OutputFolder folder = OutputFolder.open(out, "protocol", true, "--out")) {
                Path dir = folder.scratch();
                writeCsv(dir.resolve(protocol + ".csv"), rows);
                if (figure != null) {
                    figure.save(dir, protocol);
                }
                folder.add(force);
            }
            if (!json) {
                pw.println("wrote " + out.resolve(protocol + ".csv") + (figure != null ? " and " + protocol + ".png/.svg" : ""));
            }
        }
        pw.flush();
        return 0;
    }

    /** Runs the habituation protocol. */
    private PanelFigure habituation(SpikeSynapse syn, String label, List<Map<String, Object>> rows) {
        Habituation.Protocol p = new Habituation.Protocol(isi, stimuli, sessions, sessions > 1 ? sessionInterval : 0,
                rest == null ? 0 : rest, shockAfter == null ? null : new Habituation.Shock.After(shockAfter, shockAmount));
        List<Habituation.Response> rs = Habituation.run(syn, p);
        for (Habituation.Response x : rs) {
            rows.add(row("stimulus", x.stimulus(), "time_s", x.timeS(), "amplitude", x.amplitude()));
        }
        return HabituationFigures.protocol(rs, label, p);
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static double[] times(String spec, String option) {
        if (spec == null || spec.isBlank()) {
            return new double[0];
        }
        String text = spec;
        Path p = Path.of(spec);
        if (!spec.contains(",") && Files.isRegularFile(p)) {
            try {
                text = String.join(",", Files.readAllLines(p).stream().map(String::trim).filter(l -> !l.isEmpty()
                        && !l.startsWith("#")).toList());
            } catch (IOException e) {
                throw new UserError(option + ": cannot read " + p + " (" + e.getMessage() + ").");
            }
        }
        String[] parts = text.split("[,\\s]+");
        List<Double> v = new ArrayList<>();
        for (String s : parts) {
            if (s.isBlank()) {
                continue;
            }
            try {
                v.add(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                throw new UserError(option + ": '" + s + "' is not a time in ms; give comma-separated numbers or a file of them.");
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void printTable(PrintWriter pw, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(rows.get(0).keySet());
        StringBuilder h = new StringBuilder();
        for (String k : keys) {
            h.append(String.format(Locale.ROOT, "%16s", k));
        }
        pw.println(h.toString().stripTrailing());
        for (Map<String, Object> r : rows) {
            StringBuilder b = new StringBuilder();
            for (String k : keys) {
                Object v = r.get(k);
                b.append(v instanceof Double d ? String.format(Locale.ROOT, "%16.6g", d) : String.format(Locale.ROOT, "%16s", v));
            }
            pw.println(b.toString().stripTrailing());
        }
    }

    private static void writeCsv(Path file, List<Map<String, Object>> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (!rows.isEmpty()) {
            sb.append(String.join(",", rows.get(0).keySet())).append('\n');
            for (Map<String, Object> r : rows) {
                sb.append(String.join(",", r.values().stream().map(String::valueOf).toList())).append('\n');
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
