package org.neuroai.bio.spiking.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;

/** The LIF neuron against its closed-form theory (Gerstner &amp; Kistler 2002, section 4.1). */
class LifNeuronTest {
    private static final double TAU = 10;
    private static final double V_REST = -70;
    private static final double V_TH = -50;
    private static final double R = 10;

    private static LifNeuron.CurrentBased current(double vReset, double refractory, double tauSyn) {
        return new LifNeuron.CurrentBased(Params.resolve(LifNeuron.CurrentBased.currentParameters(),
                Map.of("tau_m_ms", TAU, "v_rest_mv", V_REST, "v_threshold_mv", V_TH, "v_reset_mv", vReset,
                        "refractory_ms", refractory, "r_m_mohm", R, "tau_syn_ms", tauSyn), "test"));
    }

    private static LifNeuron.ConductanceBased conductance(Map<String, Object> overrides) {
        return new LifNeuron.ConductanceBased(Params.resolve(LifNeuron.ConductanceBased.conductanceParameters(), overrides, "test"));
    }

    /** Theory: time from V_0 to threshold under a constant drive I, no synaptic current. */
    private static double timeToThreshold(double v0, double current) {
        double ri = R * current;
        return TAU * Math.log((ri - (v0 - V_REST)) / (ri - (V_TH - V_REST)));
    }

    private static List<Double> spikesUntil(LifNeuron.CurrentBased n, double until) {
        List<Double> s = new ArrayList<>();
        while (n.advance(until)) {
            s.add(n.time());
        }
        return s;
    }

    @Test
    void theFirstSpikeUnderAConstantDriveComesAtTheTheoreticalTime() {
        // From reset = rest: T = τ_m ln(R I / (R I − (V_th − V_reset))).
        for (double current : new double[] {2.05, 2.5, 4, 12}) {
            LifNeuron.CurrentBased n = current(V_REST, 0, 5);
            n.setDrive(current);
            assertTrue(n.advance(1000), "I = " + current);
            double ri = R * current;
            assertEquals(TAU * Math.log(ri / (ri - (V_TH - V_REST))), n.time(), 1e-9, "I = " + current);
            assertEquals(V_REST, n.v(), 0.0, "V is at reset right after the spike");
        }
    }

    @Test
    void theIntervalFromAResetBelowThresholdFollowsTheGeneralFormula() {
        // Reset at −60 mV, above rest: every interval after the first is T = τ_m ln((R I − (V_reset − V_rest)) / (R I − (V_th − V_rest))).
        LifNeuron.CurrentBased n = current(-60, 0, 5);
        n.setDrive(2.5);
        List<Double> s = spikesUntil(n, 500);
        assertEquals(timeToThreshold(V_REST, 2.5), s.get(0), 1e-9);
        for (int i = 1; i < s.size(); i++) {
            assertEquals(timeToThreshold(-60, 2.5), s.get(i) - s.get(i - 1), 1e-9, "interval " + i);
        }
        assertTrue(s.size() > 20);
    }

    @Test
    void belowRheobaseThereIsNoSpikeAndVSettlesAtRestPlusRI() {
        for (double current : new double[] {0, 1, 1.99, 2.0}) { // rheobase: R I = V_th − V_rest = 20 mV at I = 2 nA
            LifNeuron.CurrentBased n = current(V_REST, 0, 5);
            n.setDrive(current);
            assertFalse(n.advance(100_000), "I = " + current);
            assertEquals(0, n.spikeCount());
            assertEquals(V_REST + R * current, n.v(), 1e-9);
            assertEquals(100_000, n.time());
        }
    }

    @Test
    void theRefractoryPeriodHoldsVAtResetAndSetsTheFICurve() {
        // Rate = 1 / (t_ref + T): every interval must equal t_ref + T to 1e-9 ms.
        double tRef = 3;
        for (double current : new double[] {2.2, 3, 5, 10, 40}) {
            LifNeuron.CurrentBased n = current(V_REST, tRef, 5);
            n.setDrive(current);
            List<Double> s = spikesUntil(n, 2000);
            double period = tRef + timeToThreshold(V_REST, current);
            assertEquals(Math.floor((2000 + tRef) / period), s.size(), 1.0, "I = " + current);
            for (int i = 1; i < s.size(); i++) {
                assertEquals(period, s.get(i) - s.get(i - 1), 1e-9, "I = " + current + ", interval " + i);
            }
        }
        // Within the refractory period V stays at reset, whatever the input.
        LifNeuron.CurrentBased n = current(V_REST, tRef, 5);
        n.setDrive(40);
        assertTrue(n.advance(100));
        double spike = n.time();
        n.inject(100);
        assertFalse(n.advance(spike + 0.5 * tRef));
        assertEquals(V_REST, n.v(), 0.0);
        assertFalse(n.advance(spike + tRef));
        assertEquals(V_REST, n.v(), 0.0);
    }

    /** V after a time t from rest with a synaptic current I_0 at 0, by RK4 with a tiny step. */
    private static double rk4(double i0, double tauSyn, double drive, double t) {
        int n = 200_000;
        double h = t / n;
        double v = V_REST;
        for (int k = 0; k < n; k++) {
            double s = k * h;
            double k1 = dv(v, s, i0, tauSyn, drive);
            double k2 = dv(v + 0.5 * h * k1, s + 0.5 * h, i0, tauSyn, drive);
            double k3 = dv(v + 0.5 * h * k2, s + 0.5 * h, i0, tauSyn, drive);
            double k4 = dv(v + h * k3, s + h, i0, tauSyn, drive);
            v += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return v;
    }

    private static double dv(double v, double s, double i0, double tauSyn, double drive) {
        return (-(v - V_REST) + R * (drive + i0 * Math.exp(-s / tauSyn))) / TAU;
    }

    @Test
    void aSynapticCurrentIsIntegratedExactlyForAnyTimeConstant() {
        // τ_syn below, equal to and just off τ_m, and above it: the closed form matches a fine RK4 solution.
        for (double tauSyn : new double[] {2, TAU, TAU * (1 + 1e-9), 25}) {
            for (double t : new double[] {0.3, 7, 40}) {
                LifNeuron.CurrentBased n = current(V_REST, 0, tauSyn);
                n.setDrive(0.5);
                n.inject(1.2);
                assertFalse(n.advance(t));
                assertEquals(rk4(1.2, tauSyn, 0.5, t), n.v(), 1e-9, "tau_syn = " + tauSyn + ", t = " + t);
                assertEquals(1.2 * Math.exp(-t / tauSyn), n.synapticCurrent(), 1e-12);
            }
        }
        // Far beyond every time constant nothing overflows: V is back at V_rest + R I_ext.
        LifNeuron.CurrentBased n = current(V_REST, 0, 25);
        n.inject(1.5);
        assertFalse(n.advance(1e6));
        assertEquals(V_REST, n.v(), 1e-12);
    }

    @Test
    void aSpikeInsideAnIntervalIsFoundEvenWhenVFallsBackBelowThresholdByItsEnd() {
        // A brief strong current pulse carries V over threshold and it would decay again before the end
        // of the interval: the maximum inside the interval must be found.
        // With τ_syn = 1 ms the peak of V − V_rest is 0.774 R I_0: 23 mV for 30 nA, 18.6 mV for 24 nA.
        LifNeuron.CurrentBased n = current(V_REST, 0, 1);
        n.inject(30);
        assertTrue(n.advance(100));
        double spike = n.time();
        assertTrue(spike > 0 && spike < 5, "spike at " + spike);
        // The crossing time agrees with a fine search along the RK4 trajectory.
        assertTrue(rk4(30, 1, 0, spike - 1e-4) < V_TH && rk4(30, 1, 0, spike + 1e-4) > V_TH);
        // Slightly weaker, the peak stays below threshold: no spike.
        LifNeuron.CurrentBased weak = current(V_REST, 0, 1);
        weak.inject(24);
        assertFalse(weak.advance(100));
    }

    @Test
    void aResetAtOrAboveThresholdIsRefused() {
        UserError e = assertThrows(UserError.class, () -> current(-50, 0, 5));
        assertTrue(e.getMessage().contains("v_reset_mv") && e.getMessage().contains("v_threshold_mv"), e.getMessage());
    }

    @Test
    void aConstantConductanceSettlesAtTheWeightedMeanOfTheReversalPotentials() {
        // With g constant (τ_e far longer than the run) and the threshold out of reach, V → (E_l + g E_e) / (1 + g).
        // The step rule is exact for constant g; what remains is the decay of g over the run, a relative
        // 2e-7 in 200 ms, worth about 2e-5 mV.
        for (double gConst : new double[] {0.1, 0.3, 1, 3}) {
            LifNeuron.ConductanceBased n = conductance(Map.of("tau_e_ms", 1e9, "v_threshold_mv", 50.0));
            n.excite(0, gConst);
            for (int k = 0; k < 2000; k++) {
                assertFalse(n.step());
            }
            assertEquals((-74 + gConst * 0) / (1 + gConst), n.v(), 1e-4, "g = " + gConst);
        }
    }

    /** V at time t after a conductance kick g0 at 0, from rest, by RK4 with a tiny step. */
    private static double rk4Conductance(double g0, double t) {
        int n = 100_000;
        double h = t / n;
        double v = -74;
        for (int k = 0; k < n; k++) {
            double s = k * h;
            double k1 = dvc(v, s, g0);
            double k2 = dvc(v + 0.5 * h * k1, s + 0.5 * h, g0);
            double k3 = dvc(v + 0.5 * h * k2, s + 0.5 * h, g0);
            double k4 = dvc(v + h * k3, s + h, g0);
            v += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return v;
    }

    private static double dvc(double v, double s, double g0) {
        double g = g0 * Math.exp(-s / 5);
        return ((-74 - v) + g * (0 - v)) / 10;
    }

    private static double afterKick(double dt, double g0, double t) {
        LifNeuron.ConductanceBased n = conductance(Map.of("dt_ms", dt, "v_threshold_mv", 50.0));
        n.excite(0, g0);
        long steps = Math.round(t / dt);
        for (long k = 0; k < steps; k++) {
            n.step();
        }
        return n.v();
    }

    @Test
    void theFixedStepIsSecondOrderForADecayingConductance() {
        // Holding g at its step mean is the first Magnus term: the global error falls four-fold per halving of dt.
        double exact = rk4Conductance(0.8, 6);
        double e1 = Math.abs(afterKick(0.2, 0.8, 6) - exact);
        double e2 = Math.abs(afterKick(0.1, 0.8, 6) - exact);
        assertTrue(e2 < 1e-3, "error at dt = 0.1 ms: " + e2 + " mV");
        assertEquals(4, e1 / e2, 1, "error ratio " + e1 / e2);
    }

    private static double firstSpike(double dt) {
        LifNeuron.ConductanceBased n = conductance(Map.of("dt_ms", dt));
        n.excite(0, 2.0);
        while (!n.step()) {
            if (n.time() > 100) {
                return Double.NaN;
            }
        }
        return n.time();
    }

    @Test
    void halvingTheStepMovesTheFirstSpikeByLessThanOneStep() {
        // A spike is reported at the end of the step in which V crossed, so it is late by less than one
        // step plus an O(dt²) integration error; two step sizes then agree within the larger step.
        double reference = firstSpike(0.001);
        assertTrue(reference > 0.5 && reference < 20, "the kick makes the neuron fire, at " + reference + " ms");
        for (double dt : new double[] {0.2, 0.1, 0.05}) {
            double t = firstSpike(dt);
            double half = firstSpike(dt / 2);
            assertTrue(Math.abs(t - half) <= dt + 1e-9, "dt = " + dt + ": " + t + " vs " + half + " ms");
            assertTrue(t >= reference - 1e-3 && t - reference <= dt + 1e-3, "dt = " + dt + ": " + t + " vs " + reference + " ms");
        }
    }

    @Test
    void theConductanceNeuronRespectsItsRefractoryPeriod() {
        LifNeuron.ConductanceBased n = conductance(Map.of("tau_e_ms", 1e9, "refractory_ms", 2.05));
        n.excite(0, 20);
        double last = Double.NEGATIVE_INFINITY;
        int spikes = 0;
        for (int k = 0; k < 10_000; k++) {
            if (n.step()) {
                if (spikes > 0) {
                    // rounded up to whole steps: 2.1 ms at least, and with this strong drive the next step after it
                    assertEquals(2.2, n.time() - last, 1e-9);
                }
                last = n.time();
                spikes++;
            }
        }
        assertTrue(spikes > 100);
    }

    @Test
    void anInputOutsideTheCurrentStepIsRefused() {
        LifNeuron.ConductanceBased n = conductance(Map.of());
        assertThrows(IllegalArgumentException.class, () -> n.excite(0.1, 1));
        n.excite(0.099, 1);
        n.step();
        assertThrows(IllegalArgumentException.class, () -> n.excite(0.05, 1));
    }
}
