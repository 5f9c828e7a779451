package org.neuroai.bio.spiking.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;

/**
 * The Aplysia synapse against the published facts of {@code shared/published/README.md}
 * (section "Aplysia gill-withdrawal habituation and sensitization"), one test per fact, plus its
 * event arithmetic and contracts. Every range comes from the papers, not from the model's output.
 */
class AplysiaRuleTest {
    private static final double S = 1000.0;
    private static final double MIN = 60 * S;
    private static final double HOUR = 60 * MIN;
    private static final double DAY = 24 * HOUR;

    private static final AplysiaRule RULE = new AplysiaRule();

    private static SpikeSynapse naive() {
        return RULE.create(RULE.params(null, Map.of(), "test"));
    }

    /** Gives n stimuli isiMs apart from t0Ms and returns their amplitudes. */
    private static double[] train(SpikeSynapse s, double t0Ms, double isiMs, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.pre(t0Ms + i * isiMs);
        }
        return out;
    }

    private static double tenthResponse(double isiS) {
        return train(naive(), 0, isiS * S, 10)[9];
    }

    private static double plateauAtOneSecond() {
        double[] r = train(naive(), 0, 1 * S, 30);
        return (r[25] + r[26] + r[27] + r[28] + r[29]) / 5;
    }

    @Test
    void oneSecondIntervalsReachAPlateauNearAThirdOfControl() {
        // Byrne 1982 (J Neurophysiol 48:431): at 1 s between stimuli the EPSP plateaus at about 36 %
        // of control. Plateau = mean of stimuli 26-30 of 30.
        double plateau = plateauAtOneSecond();
        assertTrue(plateau >= 0.30 && plateau <= 0.42, "plateau at 1 s ISI = " + plateau);
    }

    @Test
    void hundredSecondIntervalsLeaveTheTenthResponseNearTwoThirds() {
        // Byrne 1982: with 100 s between stimuli the 10th EPSP is about 65 % of control.
        double tenth = tenthResponse(100);
        assertTrue(tenth >= 0.55 && tenth <= 0.75, "10th response at 100 s ISI = " + tenth);
    }

    @Test
    void threeTenAndThirtySecondIntervalsLieBetweenAndAgree() {
        // Byrne 1982: 3, 10 and 30 s intervals lie between the 1 s plateau and the 100 s value and
        // do not differ significantly from each other.
        double plateau = plateauAtOneSecond();
        double[] tenth = {tenthResponse(3), tenthResponse(10), tenthResponse(30)};
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double v : tenth) {
            assertTrue(v > plateau && v < 0.75, "10th response " + v + " not between the plateau " + plateau + " and 0.75");
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(hi - lo <= 0.10, "10th responses at 3/10/30 s spread over " + (hi - lo));
    }

    @Test
    void recoveryAfterATrainIsFasterAfterShorterIntervals() {
        // Byrne 1982: recovery after a 10-stimulus train is faster after shorter intervals. Measured
        // as a test stimulus 60 s after the train's last one, relative to that last response.
        double[] ratio = new double[2];
        double[] isiS = {1, 30};
        for (int k = 0; k < 2; k++) {
            SpikeSynapse s = naive();
            double[] r = train(s, 0, isiS[k] * S, 10);
            ratio[k] = s.pre(9 * isiS[k] * S + 60 * S) / r[9];
        }
        assertTrue(ratio[0] > ratio[1], "recovery after 1 s ISI " + ratio[0] + " vs after 30 s ISI " + ratio[1]);
    }

    @Test
    void restBringsSpontaneousRecovery() {
        // Pinsker, Kupfermann, Castellucci & Kandel 1970 (Science 167:1740): repeated stimuli give a
        // decrement and the response recovers spontaneously with rest. Here: after an hour's rest
        // at least half of the decrement is gone.
        SpikeSynapse s = naive();
        double[] r = train(s, 0, 10 * S, 10);
        assertTrue(r[9] < 0.75 * r[0], "no decrement: " + r[9]);
        double test = s.pre(90 * S + HOUR);
        assertTrue((test - r[9]) / (1 - r[9]) >= 0.5, "after 1 h of rest: " + test + ", last " + r[9]);
    }

    @Test
    void aShockDishabituatesWithoutUndoingTheDepression() {
        // Carew, Castellucci & Kandel 1971 (Int J Neurosci 2:79): dishabituation is a heterosynaptic
        // facilitation superimposed on habituation, not an undoing of it; Pinsker et al. 1970: a
        // strong stimulus elsewhere dishabituates. The shock comes right after the 10th stimulus
        // (same time), so x and d can be compared before and after it.
        SpikeSynapse s = naive();
        double[] r = train(s, 0, 10 * S, 10);
        Map<String, Double> before = s.probe();
        s.modulate(90 * S, 1.0);
        Map<String, Double> after = s.probe();
        assertEquals(before.get("x"), after.get("x"), 0.0, "the shock changed the releasable pool");
        assertEquals(before.get("d"), after.get("d"), 0.0, "the shock changed slow depression");
        double next = s.pre(100 * S);
        assertTrue(next >= 1.2 * r[9], "response after the shock " + next + " vs last before it " + r[9]);
    }

    /** Four 10-trial sessions (30 s ISI) 1.5 h apart, or the same 40 trials massed; a test 7 days after the end. */
    private static double[] spacedAndMassedAfterSevenDays() {
        SpikeSynapse spaced = naive();
        for (int k = 0; k < 4; k++) {
            train(spaced, k * 1.5 * HOUR, 30 * S, 10);
        }
        double spacedTest = spaced.pre(3 * 1.5 * HOUR + 9 * 30 * S + 7 * DAY);
        SpikeSynapse massed = naive();
        train(massed, 0, 30 * S, 40);
        double massedTest = massed.pre(39 * 30 * S + 7 * DAY);
        return new double[] {spacedTest, massedTest};
    }

    @Test
    void spacedTrainingOutlastsTheSameTrialsMassed() {
        // Carew & Kandel 1973 (Science 182:1158): four 10-trial sessions 1.5 h apart give retention
        // for more than a week; spaced training outlasts the same number of massed trials.
        double[] r = spacedAndMassedAfterSevenDays();
        assertTrue(r[0] < r[1], "7 days later: spaced " + r[0] + " vs massed " + r[1]);
        assertTrue(r[0] < 0.9, "7 days after spaced training the response is back to " + r[0]);
    }

    @Test
    void dailySessionsBuildHabituationThatLastsThreeWeeks() {
        // Carew, Pinsker & Kandel 1972 (Science 175:451): five daily 10-trial sessions give
        // habituation that builds across days and lasts at least 3 weeks.
        SpikeSynapse s = naive();
        double previous = Double.MAX_VALUE;
        for (int day = 0; day < 5; day++) {
            double first = train(s, day * DAY, 30 * S, 10)[0];
            assertTrue(first < previous, "day " + (day + 1) + " starts at " + first + ", day before at " + previous);
            previous = first;
        }
        double test = s.pre(4 * DAY + 9 * 30 * S + 21 * DAY);
        assertTrue(test < 1.0, "21 days after the last session: " + test);
    }

    @Test
    void repeatedShocksAddReleaseSitesUpToTheCap() {
        // Bailey & Chen 1983 (Science 220:91): long-term sensitization roughly doubles a sensory
        // neuron's varicosities, about 1300 to 2700, so N rises above 1 and stays below 2700/1300.
        SpikeSynapse s = naive();
        for (int session = 0; session < 4; session++) {
            for (int shock = 0; shock < 4; shock++) {
                s.modulate(session * 1.5 * HOUR + shock * 10 * MIN, 1.0);
            }
        }
        double n = s.probe().get("n");
        assertTrue(n > 1.0 && n <= 2700.0 / 1300 + 0.01, "N after 4 sessions of 4 shocks: " + n);
        // A week later, with facilitation long gone, the response is still above control.
        assertTrue(s.pre(3 * 1.5 * HOUR + 30 * MIN + 7 * DAY) > 1.0);

        SpikeSynapse heavy = naive();
        for (int i = 0; i < 500; i++) {
            heavy.modulate(i * HOUR, 10.0);
        }
        double cap = heavy.probe().get("n");
        assertTrue(cap > 1.5 && cap <= 2700.0 / 1300 + 0.01, "N after heavy training: " + cap);
    }

    @Test
    void postsynapticSpikesChangeNothing() {
        // Castellucci & Kandel 1974 (PNAS 71:5004): habituation is presynaptic, with unchanged
        // postsynaptic sensitivity; the model ignores the motor neuron's spikes.
        SpikeSynapse s = naive();
        SpikeSynapse t = naive();
        for (int i = 0; i < 5; i++) {
            s.pre(i * S);
            t.pre(i * S);
            s.post(i * S + 2);
        }
        assertEquals(t.probe(), s.probe());
        assertEquals(t.pre(10 * S), s.pre(10 * S), 0.0);
    }

    @Test
    void twoStimuliAndAShockFollowTheEquationsExactly() {
        Params p = RULE.params(null, Map.ofEntries(Map.entry("release_fraction", 0.5), Map.entry("tau_fast_s", 2.0),
                Map.entry("slow_step", 0.25), Map.entry("d_min", 0.4), Map.entry("tau_slow_s", 600.0),
                Map.entry("facilitation_gain", 0.8), Map.entry("tau_facilitation_min", 20.0), Map.entry("n_min", 0.5),
                Map.entry("n_max", 2.08), Map.entry("habituation_step", 0.1), Map.entry("sensitization_step", 0.1),
                Map.entry("resource_use", 0.2), Map.entry("tau_resource_min", 60.0), Map.entry("tau_structural_days", 21.0)),
                "test");
        SpikeSynapse s = RULE.create(p);
        assertEquals(1.0, s.pre(1000), 1e-12);
        // After the first stimulus: x = 0.5, d = 1 − 0.25·0.6 = 0.85, N = 1 − 0.1·1·0.5 = 0.95, R = 0.8.
        double dt = 3000;
        double x = 1 - 0.5 * Math.exp(-dt / 2000);
        double d = 1 - 0.15 * Math.exp(-dt / 600_000);
        double n = 1 - 0.05 * Math.exp(-dt / (21 * DAY));
        assertEquals(n * x * d, s.pre(1000 + dt), 1e-12);

        // The second stimulus found R = r2 and left 0.8·r2. A shock of strength 1 at 5 s, a stimulus
        // at 8 s: h = e^(−3 s/20 min), N jumps a fraction k_sens·R = 0.1·R of the way to n_max = 2.08,
        // with R as the shock found it.
        double r2 = 1 - 0.2 * Math.exp(-dt / HOUR);
        double r = 1 - (1 - 0.8 * r2) * Math.exp(-1000 / HOUR);
        double xAfter = x * 0.5;
        double dAfter = d - 0.25 * (d - 0.4);
        double nAfter = n - 0.1 * r2 * (n - 0.5);
        double nShock = 1 + (nAfter - 1) * Math.exp(-1000 / (21 * DAY));
        nShock += 0.1 * r * (2.08 - nShock);
        s.modulate(5000, 1.0);
        double expected = (1 + (nShock - 1) * Math.exp(-3000 / (21 * DAY)))
                * (1 - (1 - xAfter) * Math.exp(-4000 / 2000.0))
                * (1 - (1 - dAfter) * Math.exp(-4000 / 600_000.0))
                * (1 + 0.8 * Math.exp(-3000 / (20 * MIN)));
        assertEquals(expected, s.pre(8000), 1e-12);
    }

    @Test
    void relaxationIsExactWhateverTheEventsInBetween() {
        // Closed-form decays: a zero-strength shock in the middle of a gap changes nothing.
        SpikeSynapse a = naive();
        SpikeSynapse b = naive();
        for (int i = 0; i < 10; i++) {
            a.pre(i * 2 * S);
            b.pre(i * 2 * S);
        }
        for (int k = 1; k < 50; k++) {
            b.modulate(18 * S + k * 37 * S, 0.0);
        }
        assertEquals(a.pre(18 * S + 2 * HOUR), b.pre(18 * S + 2 * HOUR), 1e-12);
    }

    @Test
    void resetRestoresTheNaiveState() {
        SpikeSynapse fresh = naive();
        SpikeSynapse s = naive();
        double[] firstRun = train(s, 0, 5 * S, 12);
        s.modulate(60 * S, 2.0);
        s.pre(70 * S);
        s.reset();
        assertEquals(fresh.probe(), s.probe());
        assertEquals(1.0, s.weight(), 0.0);
        double[] again = train(s, 0, 5 * S, 12);
        for (int i = 0; i < again.length; i++) {
            assertEquals(firstRun[i], again[i], 0.0, "stimulus " + (i + 1));
        }
    }

    @Test
    void weightIsTheResponseAStimulusWouldGiveNow() {
        SpikeSynapse s = naive();
        train(s, 0, 2 * S, 5);
        s.modulate(8 * S, 1.0);
        assertEquals(s.weight(), s.pre(8 * S), 0.0);
    }

    @Test
    void aNegativeTimeConstantIsRejected() {
        UserError e = assertThrows(UserError.class, () -> RULE.params(null, Map.of("tau_fast_s", -1.0), "--set"));
        assertTrue(e.getMessage().contains("tau_fast_s"), e.getMessage());
        assertThrows(UserError.class, () -> RULE.params(null, Map.of("d_min", 1.5), "--set"));
        assertThrows(UserError.class, () -> RULE.params(null, Map.of("tau_fast_ms", 1.0), "--set"));
    }

    @Test
    void eventsOutOfOrderAndBadShocksAreRejected() {
        SpikeSynapse s = naive();
        s.pre(5000);
        assertThrows(IllegalArgumentException.class, () -> s.pre(4000));
        assertThrows(IllegalArgumentException.class, () -> s.modulate(6000, -1));
        assertThrows(IllegalArgumentException.class, () -> s.pre(Double.NaN));
    }

    @Test
    void theRegistryFindsItAsAplysia() {
        assertInstanceOf(AplysiaRule.class, Registry.get(SpikeRule.class, "aplysia", "rule"));
    }
}
