package org.neuroai.bio.spiking.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.bio.spiking.protocols.Trains;
import org.neuroai.bio.spiking.SpikeSynapse;

class ShortTermAndCalciumTest {
    private final TsodyksMarkramRule tm = new TsodyksMarkramRule();

    @Test
    void depressingSynapseReachesTheClosedFormSteadyState() {
        for (double f : new double[] {1, 5, 20, 50}) {
            for (String preset : new String[] {"tpm98-depressing"}) {
                List<Trains.Response> r = Trains.regular(tm.create(tm.params(preset, Map.of(), "t")), f, 400);
                double expected = 0.5 * TsodyksMarkramRule.steadyStateResource(0.5, 800, f);
                assertEquals(expected, r.get(r.size() - 1).response(), 1e-9, preset + " at " + f + " Hz");
            }
        }
        assertEquals(0.5, Trains.regular(tm.create(tm.params(null, Map.of(), "t")), 10, 1).get(0).response(), 0.0);
    }

    @Test
    void bothConventionsAgreeWithoutFacilitation() {
        for (double f : new double[] {2, 30}) {
            List<Trains.Response> a = Trains.regular(tm.create(tm.params(null, Map.of("convention", "tpm98"), "t")), f, 20);
            List<Trains.Response> b = Trains.regular(tm.create(tm.params(null, Map.of("convention", "mwt98"), "t")), f, 20);
            for (int i = 0; i < 20; i++) {
                assertEquals(a.get(i).response(), b.get(i).response(), 1e-12);
            }
        }
    }

    @Test
    void mwt98FollowsItsRecursionByHand() {
        // gupta-EE: U = 0.5, D = 1100 ms, F = 50 ms, at 20 Hz (Δ = 50 ms)
        List<Trains.Response> r = Trains.regular(tm.create(tm.params("gupta-EE", Map.of(), "t")), 20, 2);
        double u2 = 0.5 + 0.5 * 0.5 * Math.exp(-1.0);
        double r2 = 1 + (1 - 0.5 - 1) * Math.exp(-50 / 1100.0);
        assertEquals(0.5, r.get(0).response(), 0);
        assertEquals(u2 * r2, r.get(1).response(), 1e-12);
    }

    @Test
    void facilitatingSynapseGrowsThenDepressesAtHighRates() {
        List<Trains.Response> r = Trains.regular(tm.create(tm.params("tpm98-facilitating", Map.of(), "t")), 20, 10);
        assertTrue(r.get(1).response() > r.get(0).response() * 1.5, "paired-pulse facilitation at 20 Hz");
        assertEquals(0.03, r.get(0).response(), 1e-15);
    }

    @Test
    void uAndRAreWhatASpikeArrivingNowWouldUseUnderBothConventions() {
        // tpm98-facilitating: U = 0.03, tau_rec = 130 ms, tau_facil = 530 ms; spikes at 0 and 50 ms, read at 20 ms
        SpikeSynapse s = tm.create(tm.params("tpm98-facilitating", Map.of(), "t"));
        assertEquals(Map.of("u", 0.03, "R", 1.0), s.probe(), "at rest: u = U, R = 1");
        s.pre(0);
        double u1 = 0.03;
        double x1 = 1 - u1;
        double uAt20 = u1 * Math.exp(-20 / 530.0) + 0.03 * (1 - u1 * Math.exp(-20 / 530.0));
        double rAt20 = 1 - (1 - x1) * Math.exp(-20 / 130.0);
        assertEquals(uAt20, s.probe(20).get("u"), 1e-15);
        assertEquals(rAt20, s.probe(20).get("R"), 1e-15);
        // the spike at 50 ms releases exactly u R as read just before it, at 50 ms
        double u50 = s.probe(50).get("u");
        double r50 = s.probe(50).get("R");
        assertEquals(u50 * r50, s.pre(50), 1e-15);
        // gupta-EE (mwt98): U = 0.5, tau_rec = 1100 ms, tau_facil = 50 ms; after a spike at 0, read at 30 ms
        SpikeSynapse m = tm.create(tm.params("gupta-EE", Map.of(), "t"));
        assertEquals(Map.of("u", 0.5, "R", 1.0), m.probe(), "at rest: u = U, R = 1");
        m.pre(0);
        assertEquals(0.5 + 0.5 * 0.5 * Math.exp(-30 / 50.0), m.probe(30).get("u"), 1e-15);
        assertEquals(1 + (1 - 0.5 - 1) * Math.exp(-30 / 1100.0), m.probe(30).get("R"), 1e-15);
        assertEquals(m.probe(30).get("u") * m.probe(30).get("R"), m.pre(30), 1e-15);
    }

    @Test
    void calciumThresholdsDecideTheSignOfPlasticity() {
        CalciumRule rule = new CalciumRule();
        // Deterministic mean dynamics. Post 10 ms before pre at 1 Hz: the pre transient alone
        // (C_pre = 0.56) stays below θ_d, but arriving on the decaying post transient it drives
        // calcium above θ_d and not θ_p for longer: depression (Graupner & Brunel 2012, Fig 2).
        SpikeSynapse up = rule.create(rule.params(null, Map.of("sigma", 0.0, "beta", 1.0, "synapses", 1), "t"));
        Pairing.pair(up, 60, 1, -10, 1000);
        assertTrue(up.probe().get("rho") < 0.9, "post-pre at 1 Hz drives rho down from the UP state");
        // at 50 Hz calcium stays above θ_p: potentiation whatever the order
        SpikeSynapse down = rule.create(rule.params(null, Map.of("sigma", 0.0, "beta", 0.0, "synapses", 1), "t"));
        assertTrue(Pairing.pair(down, 60, 50, -10, 1000) > 0.5, "50 Hz pairing potentiates");
        // a lone presynaptic spike (0.56 < θ_d) changes nothing
        SpikeSynapse lone = rule.create(rule.params(null, Map.of("sigma", 0.0, "beta", 0.0, "synapses", 1), "t"));
        lone.pre(0);
        lone.advance(100);
        assertEquals(1.0, lone.weight(), 0.0);
        assertEquals(0.5617539 * Math.exp(-(100 - 4.6098) / 22.6936), lone.probe().get("c"), 1e-12);
    }

    @Test
    void theUpAndDownStatesAreStableWithoutCalcium() {
        CalciumRule rule = new CalciumRule();
        // Without calcium ρ = 0 and ρ = 1 are fixed points of the cubic, so the population keeps
        // its fraction β UP for hours.
        for (double beta : new double[] {0.0, 0.3, 1.0}) {
            SpikeSynapse s = rule.create(rule.params(null, Map.of("beta", beta, "synapses", 10), "t"));
            double w0 = s.weight();
            assertEquals(1 + (5.40988 - 1) * beta, w0, 1e-12, "w0 = 1 + (b - 1) beta");
            s.advance(5 * 3_600_000);
            assertEquals(beta, s.probe().get("up"), 1e-12);
            assertEquals(beta, s.probe().get("rho"), 1e-12);
        }
    }

    @Test
    void thePopulationReadoutShowsDepressionAndPotentiation() {
        // Graupner & Brunel 2012: with half the synapses UP, post-before-pre depresses and
        // pre-before-post by 10 ms potentiates (cortical fit, 60 pairs at 1 Hz), so the change can
        // take either sign; a single synapse starting DOWN could only potentiate.
        CalciumRule rule = new CalciumRule();
        SpikeSynapse s = rule.create(rule.params(null, Map.of(), "t"));
        assertTrue(Pairing.pair(s, 60, 1, -10, 5000) < -0.05, "post-pre depresses");
        assertTrue(Pairing.pair(s, 60, 1, 10, 5000) > 0.02, "pre-post by 10 ms potentiates");
        assertTrue(Pairing.pair(s, 60, 1, -80, 5000) > -0.02, "far apart: little change");
    }
}
