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
import org.neuroai.compare.charts.NeuronFigures;
import org.neuroai.compare.charts.ProtocolFigures;
import org.neuroai.bio.spiking.neurons.LifNeuron;
import org.neuroai.bio.spiking.protocols.NeuronProtocols;
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
@Command(name = "protocol", description = "Run a stimulation protocol: stdp-window, stdp-frequency, stp-train, habituation, custom; "
        + "for the LIF neuron itself: fi-curve, membrane, psp.")
final class ProtocolCommand implements Callable<Integer> {
    static final List<String> PROTOCOLS = List.of("stdp-window", "stdp-frequency", "stp-train", "habituation", "custom", "fi-curve",
            "membrane", "psp");
    /** The protocols of the neuron itself, which take no synapse rule. */
    static final List<String> NEURON_PROTOCOLS = List.of("fi-curve", "membrane", "psp");

    @Parameters(index = "0", paramLabel = "NAME", description = "stdp-window, stdp-frequency, stp-train, habituation, custom, fi-curve, membrane or psp")
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
        if (NEURON_PROTOCOLS.contains(protocol)) {
            return neuron();
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
        return finish(result, rows, figure);
    }

    /** Prints the rows (or JSON) and, with --out, writes the CSV and the figure. */
    private int finish(Map<String, Object> result, List<Map<String, Object>> rows, PanelFigure figure) throws IOException {
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

    /**
     * The neuron protocols: LIF parameters from --set (each kind takes the keys it knows), with a
     * 2 ms refractory period unless set.
     */
    private int neuron() throws IOException {
        Map<String, Object> cur = new LinkedHashMap<>(Map.of("refractory_ms", 2.0));
        Map<String, Object> cond = new LinkedHashMap<>(Map.of("refractory_ms", 2.0));
        java.util.Set<String> curKeys = new java.util.HashSet<>();
        java.util.Set<String> condKeys = new java.util.HashSet<>();
        LifNeuron.CurrentBased.currentParameters().forEach(x -> curKeys.add(x.name()));
        LifNeuron.ConductanceBased.conductanceParameters().forEach(x -> condKeys.add(x.name()));
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (!curKeys.contains(e.getKey()) && !condKeys.contains(e.getKey())) {
                throw new UserError("--set: unknown LIF parameter '" + e.getKey() + "'; valid are: "
                        + String.join(", ", new java.util.TreeSet<>(java.util.stream.Stream.concat(curKeys.stream(), condKeys.stream()).toList()))
                        + ".");
            }
            if (curKeys.contains(e.getKey())) {
                cur.put(e.getKey(), e.getValue());
            }
            if (condKeys.contains(e.getKey())) {
                cond.put(e.getKey(), e.getValue());
            }
        }
        Params pc = Params.resolve(LifNeuron.CurrentBased.currentParameters(), cur, "--set");
        Params pg = Params.resolve(LifNeuron.ConductanceBased.conductanceParameters(), cond, "--set");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("protocol", protocol);
        result.put("current_based", pc.asMap());
        result.put("conductance_based", pg.asMap());
        List<Map<String, Object>> rows = new ArrayList<>();
        PanelFigure figure;
        switch (protocol) {
            case "fi-curve" -> {
                double rest = pc.real("v_rest_mv");
                double rheobase = (pc.real("v_threshold_mv") - rest) / pc.real("r_m_mohm");
                double[] in = new double[25];
                double[] sim = new double[in.length];
                double[] th = new double[in.length];
                for (int i = 0; i < in.length; i++) {
                    in[i] = rheobase * i / 8.0;
                    sim[i] = NeuronProtocols.currentRate(pc, in[i], 3000);
                    th[i] = closedRate(pc.real("tau_m_ms"), rest + pc.real("r_m_mohm") * in[i], pc);
                    rows.add(row("neuron", "current-based", "input", in[i], "rate_hz", sim[i], "closed_form_hz", th[i]));
                }
                double[] gs = new double[25];
                double[] simG = new double[gs.length];
                double[] thG = new double[gs.length];
                for (int i = 0; i < gs.length; i++) {
                    gs[i] = 0.25 * i;
                    simG[i] = NeuronProtocols.conductanceRate(pg, gs[i], 3000);
                    double a = 1 + gs[i];
                    thG[i] = closedRate(pg.real("tau_m_ms") / a, (pg.real("v_rest_mv") + gs[i] * pg.real("e_e_mv")) / a, pg);
                    rows.add(row("neuron", "conductance-based", "input", gs[i], "rate_hz", simG[i], "closed_form_hz", thG[i]));
                }
                // the threshold unit of the rate models: fires at its maximum rate above threshold, not at all below
                double[] unit = new double[in.length];
                for (int i = 0; i < in.length; i++) {
                    unit[i] = in[i] > rheobase ? 1000.0 / pc.real("refractory_ms") : 0;
                    rows.add(row("neuron", "threshold-unit", "input", in[i], "rate_hz", unit[i], "closed_form_hz", unit[i]));
                }
                org.knowm.xchart.XYChart c = NeuronFigures.fiPanel("Current-based LIF and a threshold unit", "constant current I (nA)", in, sim, th,
                        "1/(t_ref + τ ln(RI/(RI − θ)))");
                org.neuroai.compare.charts.Charts.dashed(c, "threshold unit: 1/t_ref", in, unit,
                        org.neuroai.compare.charts.Palette.VERMILLION, true);
                figure = new PanelFigure("Firing rate against constant input (f-I curve)",
                        "points: simulated; lines: closed forms; refractory period " + ProtocolFigures.fmt(pc.real("refractory_ms")) + " ms",
                        List.of(c, NeuronFigures.fiPanel("Conductance-based LIF", "constant conductance g_e (leak units)", gs, simG, thG,
                                "closed form (τ, E_l scaled by 1+g)")), 2, 520, 400);
            }
            case "membrane" -> {
                NeuronProtocols.Trace step = NeuronProtocols.step(pc, 2.5, 20, 180, 200, 0.05);
                NeuronProtocols.Trace poisson = NeuronProtocols.poisson(pc, 4000, 0.1, 200, 0.05, 1);
                for (int k = 0; k < step.timeMs().length; k++) {
                    rows.add(row("input", "step", "time_ms", step.timeMs()[k], "input", step.first()[k], "v_mv", step.v()[k]));
                }
                for (int k = 0; k < poisson.timeMs().length; k++) {
                    rows.add(row("input", "poisson", "time_ms", poisson.timeMs()[k], "input", poisson.first()[k], "v_mv", poisson.v()[k]));
                }
                figure = NeuronFigures.membrane(step, "step current 2.5 nA from 20 to 180 ms", poisson,
                        "Poisson input, 4 kHz of 0.1 nA jumps (τ_syn = " + ProtocolFigures.fmt(pc.real("tau_syn_ms")) + " ms)");
            }
            default -> {
                NeuronProtocols.Trace c = NeuronProtocols.pspCurrent(pc, 1, 10, 80, 0.05);
                NeuronProtocols.Trace g = NeuronProtocols.pspConductance(pg, 0.1, 10, 80);
                for (int k = 0; k < c.timeMs().length; k++) {
                    rows.add(row("neuron", "current-based", "time_ms", c.timeMs()[k], "input", c.first()[k], "v_mv", c.v()[k]));
                }
                for (int k = 0; k < g.timeMs().length; k++) {
                    rows.add(row("neuron", "conductance-based", "time_ms", g.timeMs()[k], "input", g.first()[k], "v_mv", g.v()[k]));
                }
                figure = NeuronFigures.psp(c, "current jump of 1 nA at 10 ms", g, "conductance jump of 0.1 at 10 ms");
            }
        }
        result.put("results", rows);
        return finish(result, rows, figure);
    }

    /** The closed-form LIF rate for the given effective time constant and steady potential. */
    private static double closedRate(double tau, double mu, Params p) {
        double theta = p.real("v_threshold_mv");
        return mu <= theta ? 0 : 1000.0 / (p.real("refractory_ms") + tau * Math.log((mu - p.real("v_reset_mv")) / (mu - theta)));
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
