package org.neuroai.bio.spiking.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.spiking.rules.AplysiaRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.bio.spiking.protocols.Habituation.Protocol;
import org.neuroai.bio.spiking.protocols.Habituation.Response;
import org.neuroai.bio.spiking.protocols.Habituation.Shock;
import org.neuroai.core.UserError;

/** The habituation protocol: its timeline, its shocks, its checks, and one published fact through it. */
class HabituationTest {
    private static final double DAY_S = 86400;

    /** Records every event it is given and answers each stimulus with the same response. */
    private static final class Recorder implements SpikeSynapse {
        final List<String> events = new ArrayList<>();
        final double response;

        Recorder(double response) {
            this.response = response;
        }

        Recorder() {
            this(2.0);
        }

        @Override
        public double pre(double tMs) {
            events.add("pre " + tMs);
            return response;
        }

        @Override
        public void post(double tMs) {
            events.add("post " + tMs);
        }

        @Override
        public void modulate(double tMs, double amount) {
            events.add("shock " + tMs + " " + amount);
        }

        @Override
        public double weight() {
            return response;
        }

        @Override
        public void reset() {
            events.clear();
        }

        @Override
        public Map<String, Double> probe() {
            return Map.of();
        }
    }

    private static SpikeSynapse aplysia() {
        AplysiaRule rule = new AplysiaRule();
        return rule.create(rule.params(null, Map.of(), "test"));
    }

    @Test
    void sessionsShocksAndTheTestStimulusFollowTheTimeline() {
        Recorder r = new Recorder();
        Protocol p = Protocol.of(2, 3).withSessions(2, 100).withRest(50).withShock(new Shock.After(2, 0.5));
        List<Response> out = Habituation.run(r, p);
        assertEquals(List.of("pre 0.0", "pre 2000.0", "shock 2000.0 0.5", "pre 4000.0",
                "pre 100000.0", "pre 102000.0", "shock 102000.0 0.5", "pre 104000.0", "pre 154000.0"), r.events);
        assertEquals(7, out.size());
        assertEquals(7, p.responses());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(i + 1, out.get(i).stimulus());
            assertEquals(1.0, out.get(i).amplitude(), 0.0);
        }
        assertEquals(154.0, out.get(6).timeS(), 0.0);
        assertEquals(102.0, out.get(4).timeS(), 0.0);
    }

    @Test
    void aShockAtATimeComesBetweenTheStimuliAroundIt() {
        Recorder r = new Recorder();
        Habituation.run(r, Protocol.of(10, 3).withShock(new Shock.At(10, 1)));
        assertEquals(List.of("pre 0.0", "pre 10000.0", "shock 10000.0 1.0", "pre 20000.0"), r.events);
        Recorder late = new Recorder();
        Habituation.run(late, Protocol.of(10, 2).withShock(new Shock.At(45, 1)));
        assertEquals(List.of("pre 0.0", "pre 10000.0", "shock 45000.0 1.0"), late.events);
    }

    @Test
    void amplitudesAreRelativeToTheFirstResponse() {
        List<Response> out = Habituation.run(Protocol.of(10, 10));
        assertEquals(1.0, out.get(0).amplitude(), 0.0);
        SpikeSynapse s = aplysia();
        for (int i = 0; i < 10; i++) {
            assertEquals(s.pre(i * 10_000.0), out.get(i).amplitude(), 1e-12, "stimulus " + (i + 1));
        }
    }

    @Test
    void aShockAfterTheTenthStimulusDishabituates() {
        // Pinsker et al. 1970 (Science 167:1740) and Carew, Castellucci & Kandel 1971 (Int J Neurosci
        // 2:79): a strong stimulus elsewhere restores the habituated response.
        List<Response> plain = Habituation.run(Protocol.of(10, 12));
        List<Response> shocked = Habituation.run(Protocol.of(10, 12).withShock(new Shock.After(10, 1)));
        assertEquals(plain.get(9).amplitude(), shocked.get(9).amplitude(), 0.0);
        assertTrue(shocked.get(10).amplitude() >= 1.2 * shocked.get(9).amplitude(),
                "after the shock " + shocked.get(10).amplitude() + ", before " + shocked.get(9).amplitude());
    }

    @Test
    void spacedSessionsOutlastMassedTrials() {
        // Carew & Kandel 1973 (Science 182:1158): four 10-trial sessions 1.5 h apart outlast the same
        // 40 trials massed; retention for more than a week.
        List<Response> spaced = Habituation.run(Protocol.of(30, 10).withSessions(4, 1.5 * 3600).withRest(7 * DAY_S));
        List<Response> massed = Habituation.run(Protocol.of(30, 40).withRest(7 * DAY_S));
        double spacedTest = spaced.get(40).amplitude();
        double massedTest = massed.get(40).amplitude();
        assertTrue(spacedTest < massedTest, "spaced " + spacedTest + " vs massed " + massedTest);
        assertTrue(spacedTest < 0.9, "spaced " + spacedTest);
    }

    @Test
    void invalidOptionsAreNamed() {
        assertNamed("--isi", () -> Protocol.of(0, 10));
        assertNamed("--isi", () -> Protocol.of(Double.NaN, 10));
        assertNamed("--stimuli", () -> Protocol.of(1, 0));
        assertNamed("--sessions", () -> Protocol.of(1, 10).withSessions(0, 100));
        assertNamed("--sessions", () -> Protocol.of(1, 1000).withSessions(1_000_000, 2000));
        assertNamed("--session-interval", () -> Protocol.of(10, 10).withSessions(2, 90));
        assertNamed("--session-interval", () -> Protocol.of(10, 10).withSessions(1, -1));
        assertNamed("--rest", () -> Protocol.of(1, 10).withRest(-5));
        assertNamed("--shock-after", () -> Protocol.of(1, 10).withShock(new Shock.After(11, 1)));
        assertNamed("--shock-after", () -> new Shock.After(0, 1));
        assertNamed("--shock-at", () -> new Shock.At(-1, 1));
        assertNamed("--shock-amount", () -> new Shock.At(1, 0));
    }

    @Test
    void aRuleWithoutAResponseIsReported() {
        assertThrows(UserError.class, () -> Habituation.run(new Recorder(0), Protocol.of(1, 3)));
    }

    private static void assertNamed(String option, Runnable build) {
        UserError e = assertThrows(UserError.class, build::run);
        assertTrue(e.getMessage().contains("'" + option + "'"), e.getMessage());
    }
}
