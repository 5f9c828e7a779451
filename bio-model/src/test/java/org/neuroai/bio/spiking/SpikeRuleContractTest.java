package org.neuroai.bio.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;

/** Contracts of every registered spike-driven synapse model; a new one is picked up here unchanged. */
class SpikeRuleContractTest {
    static Stream<SpikeRule> rules() {
        return Registry.all(SpikeRule.class).stream();
    }

    /** Random pre and post trains, merged in time order; returns the state after every event. */
    private static List<Map<String, Double>> drive(SpikeSynapse s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Map<String, Double>> out = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < 60; i++) {
            t += r.nextDouble(0.5, 40);
            if (r.nextBoolean()) {
                s.pre(t);
            } else {
                s.post(t);
            }
            out.add(s.probe());
        }
        s.advance(t + 500);
        out.add(s.probe());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyPresetResolvesAndTheDefaultIsOne(SpikeRule rule) {
        assertTrue(rule.name().matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertFalse(rule.description().isBlank());
        for (String p : rule.presets().keySet()) {
            rule.create(rule.params(p, Map.of(), "test"));
        }
        if (!rule.presets().isEmpty()) {
            assertTrue(rule.presets().containsKey(rule.defaultPreset()));
            assertEquals(rule.params(rule.defaultPreset(), Map.of(), "t"), rule.params(null, Map.of(), "t"),
                    "the declared defaults are the default preset's values");
        }
        UserError e = assertThrows(UserError.class, () -> rule.params("no-such-preset", Map.of(), "test"));
        assertTrue(e.getMessage().contains("unknown preset 'no-such-preset'"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void parametersAreValidated(SpikeRule rule) {
        assertThrows(UserError.class, () -> rule.params(null, Map.of("no_such_parameter", 1), "test"));
        for (ParamSpec p : rule.parameters()) {
            if (p.defaultValue() instanceof Number && Double.isFinite(p.min())) {
                double below = p.minExclusive() ? p.min() : p.min() - 1;
                UserError e = assertThrows(UserError.class, () -> rule.params(null, Map.of(p.name(), below), "test"),
                        p.name() + "=" + below);
                assertTrue(e.getMessage().contains("'" + p.name() + "'"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theSameInputGivesIdenticalTracesAndResetRestoresAFreshState(SpikeRule rule) {
        Params p = rule.params(null, Map.of(), "test");
        SpikeSynapse a = rule.create(p);
        Map<String, Double> fresh = a.probe();
        List<Map<String, Double>> first = drive(a, 3);
        assertEquals(first, drive(rule.create(p), 3), "a second synapse with the same input");
        a.reset();
        assertEquals(fresh, a.probe());
        assertEquals(first, drive(a, 3), "after reset");
        assertFalse(first.equals(drive(rule.create(p), 4)), "other spike times must give another trace");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void readingTheStateChangesNothingAndReadsTheLastEventAtItsTime(SpikeRule rule) {
        Params p = rule.params(null, Map.of(), "test");
        SpikeSynapse read = rule.create(p);
        SpikeSynapse left = rule.create(p);
        SplittableRandom r = new SplittableRandom(7);
        double t = 0;
        for (int i = 0; i < 40; i++) {
            t += r.nextDouble(0.5, 40);
            Map<String, Double> later = read.probe(t + 3);
            assertEquals(read.probe().keySet(), later.keySet(), "the same names at any time");
            boolean pre = r.nextBoolean();
            if (pre) {
                assertEquals(left.pre(t), read.pre(t), 0.0, "a spike after a reading transmits the same");
            } else {
                read.post(t);
                left.post(t);
            }
            assertEquals(left.probe(), read.probe());
            if (pre) {
                // (a rule that ignores postsynaptic spikes has its last event at the last presynaptic one)
                assertEquals(read.probe(), read.probe(t), "read at the time of a presynaptic spike: the state after it");
            }
        }
        assertTrue(rule.settleMs() >= 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eventsBackInTimeAreRefused(SpikeRule rule) {
        SpikeSynapse s = rule.create(rule.params(null, Map.of(), "test"));
        s.pre(10);
        s.pre(20);
        assertThrows(IllegalArgumentException.class, () -> s.pre(5));
    }
}
