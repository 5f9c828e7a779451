package org.neuroai.compare.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.core.Registry;

/**
 * Every check of {@code validate} must be failed by at least one plausible wrong model: a
 * parameter off by 20 %, two time constants swapped, a sign flipped, a reset or a term missing,
 * the update order reversed, the diagonal kept. A check that no mutant fails proves nothing.
 * The README's table lists the checks and the mutants that fail them.
 */
class MutantsTest {
    @TempDir
    Path tmp;

    /** A wrong model and the group of checks it is run through. */
    record Mutant(String name, Validation.Group group, Models models) {}

    private static SpikeRule spike(String name) {
        return Registry.get(SpikeRule.class, name, "rule");
    }

    private static PlasticityRule rate(String name) {
        return Registry.get(PlasticityRule.class, name, "rule");
    }

    static List<Mutant> mutants() {
        Models real = Models.registered();
        List<Mutant> m = new ArrayList<>();
        SpikeRule pair = spike("stdp-pair");
        m.add(new Mutant("stdp-pair: τ₊ and τ₋ swapped", PairStdpChecks::run, real.with(Mutants.params(pair, Mutants.swap("tau_plus_ms", "tau_minus_ms")))));
        m.add(new Mutant("stdp-pair: the pairing schemes exchanged (traces reset where they should add, and back)", PairStdpChecks::run,
                real.with(Mutants.params(pair, v -> v.put("pairing", "all-to-all".equals(v.get("pairing")) ? "nearest-spike" : "all-to-all")))));
        SpikeRule triplet = spike("stdp-triplet");
        m.add(new Mutant("triplet: τ_x and τ_y swapped", Validation::triplet,
                real.with(Mutants.params(triplet, Mutants.swap("tau_x_ms", "tau_y_ms")))));
        m.add(new Mutant("triplet: A2₊ and A3₊ swapped (the pair and triplet potentiation terms exchanged)", Validation::triplet,
                real.with(Mutants.params(triplet, Mutants.swap("A2_plus", "A3_plus")))));
        m.add(new Mutant("triplet: A2− off by +40 %", Validation::triplet, real.with(Mutants.params(triplet, Mutants.scale("A2_minus", 1.4)))));
        m.add(new Mutant("triplet: A2− off by −40 %", Validation::triplet, real.with(Mutants.params(triplet, Mutants.scale("A2_minus", 0.6)))));
        SpikeRule tm = spike("tsodyks-markram");
        m.add(new Mutant("tsodyks-markram: τ_rec off by +20 %", Validation::tsodyksMarkram,
                real.with(Mutants.params(tm, Mutants.scale("tau_rec_ms", 1.2)))));
        m.add(new Mutant("tsodyks-markram: update order reversed (release, then facilitate)", Validation::tsodyksMarkram,
                real.with(Mutants.create(tm, Mutants.ReleaseBeforeFacilitation::new))));
        SpikeRule calcium = spike("calcium");
        m.add(new Mutant("calcium: θ_d and θ_p swapped", CalciumChecks::run, real.with(Mutants.params(calcium, Mutants.swap("theta_d", "theta_p")))));
        m.add(new Mutant("calcium: γ_d and γ_p swapped", CalciumChecks::run, real.with(Mutants.params(calcium, Mutants.swap("gamma_d", "gamma_p")))));
        m.add(new Mutant("calcium: γ_p off by −20 %", CalciumChecks::run, real.with(Mutants.params(calcium, Mutants.scale("gamma_p", 0.8)))));
        m.add(new Mutant("calcium: noise σ off by +50 %", CalciumChecks::run, real.with(Mutants.params(calcium, Mutants.scale("sigma", 1.5)))));
        m.add(new Mutant("LIF: refractory period missing", NeuronChecks::run,
                real.withNeuron(Models.LIF_CURRENT, Map.of("refractory_ms", 0.0)).withNeuron(Models.LIF_CONDUCTANCE, Map.of("refractory_ms", 0.0))));
        m.add(new Mutant("LIF: τ_m off by +20 %", NeuronChecks::run,
                real.withNeuron(Models.LIF_CURRENT, Map.of("tau_m_ms", 12.0)).withNeuron(Models.LIF_CONDUCTANCE, Map.of("tau_m_ms", 12.0))));
        m.add(new Mutant("LIF: reset to rest instead of V_reset", NeuronChecks::run,
                real.withNeuron(Models.LIF_CURRENT, Map.of("v_reset_mv", -74.0)).withNeuron(Models.LIF_CONDUCTANCE, Map.of("v_reset_mv", -74.0))));
        SpikeRule aplysia = spike("aplysia");
        m.add(new Mutant("aplysia: slow-depression floor d_min off by +20 %", Validation::aplysia,
                real.with(Mutants.params(aplysia, Mutants.scale("d_min", 1.2)))));
        m.add(new Mutant("aplysia: fast and slow recovery times swapped", Validation::aplysia,
                real.with(Mutants.params(aplysia, v -> {
                    double fast = (Double) v.get("tau_fast_s");
                    v.put("tau_fast_s", v.get("tau_slow_s"));
                    v.put("tau_slow_s", fast);
                }))));
        m.add(new Mutant("aplysia: a shock resets the synapse (undoes habituation)", Validation::aplysia,
                real.with(Mutants.synapse(aplysia, s -> new Mutants.Forwarding(s) {
                    @Override
                    public void modulate(double tMs, double amount) {
                        s.reset();
                        s.modulate(0, amount);
                    }
                }))));
        m.add(new Mutant("aplysia: no long-term habituation (k_hab = 0)", Validation::aplysia,
                real.with(Mutants.params(aplysia, Mutants.set("habituation_step", 0.0)))));
        m.add(new Mutant("aplysia: no consolidation resource (c = 0)", Validation::aplysia,
                real.with(Mutants.params(aplysia, Mutants.set("resource_use", 0.0)))));
        m.add(new Mutant("oja: sign of the update flipped", Validation::principalComponents,
                real.with(Mutants.rate(rate("oja"), p -> (w, pre, post, t, eta) -> p.update(w, pre, post, t, -eta)))));
        m.add(new Mutant("gha: symmetric subspace rule (every unit subtracts all units)", Validation::principalComponents,
                real.with(Mutants.rate(rate("gha"), p -> MutantsTest::subspaceRule))));
        m.add(new Mutant("bcm: sign of the update flipped", Validation::bcm,
                real.with(Mutants.rate(rate("bcm"), p -> (w, pre, post, t, eta) -> p.update(w, pre, post, t, -eta)))));
        m.add(new Mutant("hopfield: diagonal kept", Validation::hopfield, real.with(Mutants.rate(rate("hopfield"), p -> MutantsTest::withDiagonal))));
        m.add(new Mutant("hopfield: sign of the update flipped", Validation::hopfield,
                real.with(Mutants.rate(rate("hopfield"), p -> (w, pre, post, t, eta) -> p.update(w, pre, post, t, -eta)))));
        m.add(new Mutant("bcm: θ averages y instead of y²", Validation::bcm, real.with(Mutants.rate(rate("bcm"), p -> new Mutants.Update() {
            private double[] theta;

            @Override
            public void apply(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                theta = theta == null ? new double[w.length] : theta;
                for (int i = 0; i < w.length; i++) {
                    double g = eta * post[i] * (post[i] - theta[i]);
                    for (int j = 0; j < pre.length; j++) {
                        w[i][j] += g * pre[j];
                    }
                    theta[i] += (post[i] - theta[i]) / 50;
                }
            }
        }))));
        PlasticityRule kh = rate("krotov-hopfield");
        m.add(new Mutant("krotov-hopfield: the anti-Hebbian rank off by one (k − 1)", Validation::krotovHopfield,
                real.with(Mutants.rate(kh, p -> (w, pre, post, t, eta) -> {
                    double[][] copy = w;
                    References.krotovHopfield(copy, pre, 3, 6, 0.4, eta);
                }))));
        m.add(new Mutant("krotov-hopfield: units ranked by the plain product W·v", Validation::krotovHopfield,
                real.with(Mutants.rate(kh, p -> (w, pre, post, t, eta) -> References.krotovHopfield(w, pre, 2, 7, 0.4, eta)))));
        PlasticityRule rw = rate("rescorla-wagner");
        m.add(new Mutant("rescorla-wagner: each cue's error uses its own strength only (no shared surprise)", SupervisedChecks::run,
                real.with(Mutants.rate(rw, p -> (w, pre, post, t, eta) -> {
                    for (int j = 0; j < pre.length; j++) {
                        w[0][j] += 0.5 * eta * pre[j] * (t[0] - w[0][j] * pre[j]);
                    }
                }))));
        m.add(new Mutant("rescorla-wagner: saliences ignored (α = 0.5 for every cue)", SupervisedChecks::run,
                real.with(Mutants.rate(rw, p -> (w, pre, post, t, eta) -> {
                    double err = t[0] - (w[0][0] * pre[0] + w[0][1] * pre[1]);
                    for (int j = 0; j < pre.length; j++) {
                        w[0][j] += 0.5 * eta * err * pre[j];
                    }
                }))));
        m.add(new Mutant("perceptron: sign of the update flipped", SupervisedChecks::run,
                real.with(Mutants.rate(rate("perceptron"), p -> (w, pre, post, t, eta) -> p.update(w, pre, post, t, -eta)))));
        m.add(new Mutant("delta: error taken on the thresholded output (a perceptron)", SupervisedChecks::run,
                real.with(Mutants.rate(rate("delta"), p -> (w, pre, post, t, eta) -> rate("perceptron").create(null, pre.length, 1)
                        .update(w, pre, post, t, eta)))));
        return m;
    }

    /** Oja's symmetric subspace rule: Δw_i = η y_i (x − Σ_k y_k w_k), the right subspace but no order. */
    static void subspaceRule(double[][] w, double[] pre, double[] post, double[] target, double eta) {
        double[] recon = new double[pre.length];
        for (int k = 0; k < w.length; k++) {
            for (int j = 0; j < pre.length; j++) {
                recon[j] += post[k] * w[k][j];
            }
        }
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < pre.length; j++) {
                w[i][j] += eta * post[i] * (pre[j] - recon[j]);
            }
        }
    }

    /** Hebbian outer-product storage that keeps w_ii = Σ ξ_i²/N. */
    static void withDiagonal(double[][] w, double[] pre, double[] post, double[] target, double eta) {
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < pre.length; j++) {
                w[i][j] += eta * post[i] * pre[j] / pre.length;
            }
        }
    }

    private static String key(Check c) {
        return c.check() + " / " + c.model();
    }

    @Test
    void everyCheckIsFailedBySomeMutant() throws IOException {
        List<Check> all = Validation.runAll(tmp.resolve("real"));
        Map<String, List<String>> killers = new LinkedHashMap<>();
        for (Check c : all) {
            killers.put(key(c), new ArrayList<>());
        }
        int k = 0;
        List<String> harmless = new ArrayList<>();
        for (Mutant mu : mutants()) {
            List<Check> got = new ArrayList<>();
            mu.group().run(tmp.resolve("m" + k++), mu.models(), got);
            boolean any = false;
            for (Check c : got) {
                if (!c.pass()) {
                    killers.computeIfAbsent(key(c), x -> new ArrayList<>()).add(mu.name());
                    any = true;
                }
            }
            if (!any) {
                harmless.add(mu.name());
            }
        }
        StringBuilder table = new StringBuilder("| check | mutants that fail it |\n|---|---|\n");
        TreeSet<String> survivors = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : killers.entrySet()) {
            table.append("| ").append(e.getKey().replace("|", "\\|")).append(" | ").append(String.join("; ", e.getValue())).append(" |\n");
            if (e.getValue().isEmpty()) {
                survivors.add(e.getKey());
            }
        }
        System.out.println(table);
        assertTrue(harmless.isEmpty(), "these mutants pass every check of their group: " + harmless);
        assertTrue(survivors.isEmpty(), "no mutant fails these checks: " + survivors);
    }

    @Test
    void theMutantsAreWrongOnlyWhereTheySaySo() {
        // a mutant of one rule leaves every other model as registered
        Models m = mutants().get(0).models();
        assertTrue(m.spike("tsodyks-markram") == Registry.get(SpikeRule.class, "tsodyks-markram", "rule")
                || m.spike("tsodyks-markram").getClass() == Registry.get(SpikeRule.class, "tsodyks-markram", "rule").getClass());
        SpikeSynapse s = m.spike("stdp-triplet").create(m.spike("stdp-triplet").params("visual-cortex-nearest-full", Map.of(), "t"));
        s.pre(0);
        s.post(10);
        assertTrue(s.weight() > 1, "the swapped mutant still potentiates a pre-post pair");
    }
}
