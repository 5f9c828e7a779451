package org.neuroai.bio.spiking.protocols;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;

/**
 * Habituation training: sessions of evenly spaced stimuli, an optional shock in every session and
 * an optional test stimulus after a rest, as in the Aplysia gill-withdrawal experiments
 * (Byrne 1982; Carew, Pinsker & Kandel 1972; Carew & Kandel 1973; see
 * {@link org.neuroai.bio.spiking.rules.AplysiaRule}).
 *
 * <p>The timeline, in seconds from the first stimulus at 0:
 * <ul>
 *   <li>session j (0-based) starts at j · {@code session_interval_s} (onset to onset; a day is
 *       86400 s) and gives {@code stimuli} stimuli {@code isi_s} apart;</li>
 *   <li>a shock, if any, comes in every session, either {@code shock_at_s} after the session's
 *       start or right after its stimulus {@code shock_after} (at the same time, after it); a
 *       stimulus and a shock at the same time are given stimulus first;</li>
 *   <li>if {@code rest_s} &gt; 0, one test stimulus comes {@code rest_s} after the last stimulus
 *       of the last session.</li>
 * </ul>
 * Each stimulus is one {@link SpikeSynapse#pre} and each shock one {@link SpikeSynapse#modulate}.
 * Any rule's synapse can be run; the answer is one {@link Response} per stimulus, with the
 * amplitude relative to the run's first response.
 */
public final class Habituation {
    /** The rule {@link #run(Protocol)} uses. */
    public static final String DEFAULT_RULE = "aplysia";

    /** Most stimuli (stimuli × sessions) one protocol may give. */
    public static final int MAX_STIMULI = 10_000_000;

    private static final double MS_PER_S = 1000.0;

    private Habituation() {}

    /**
     * What to give and when. Built with {@link #of(double, int)} and the {@code with...} methods,
     * or directly; every value is checked on construction.
     *
     * @param isiS {@code isi_s}: seconds between stimuli in a session, &gt; 0
     * @param stimuli {@code stimuli}: stimuli per session, at least 1
     * @param sessions {@code sessions}: number of sessions, at least 1
     * @param sessionIntervalS {@code session_interval_s}: seconds from one session's start to the
     *     next's, longer than a session ((stimuli − 1) · isi_s) when there are several sessions;
     *     unused, but still at least 0, with one session
     * @param restS {@code rest_s}: seconds from the last stimulus to a test stimulus, or 0 for no test
     * @param shock the shock given in every session, or null for none
     * @throws UserError naming the option and what is valid
     */
    public record Protocol(double isiS, int stimuli, int sessions, double sessionIntervalS, double restS, Shock shock) {
        /** Checks every value. */
        public Protocol {
            if (!(isiS > 0) || Double.isInfinite(isiS)) {
                throw invalid("--isi", isiS, "a finite number of seconds > 0");
            }
            if (stimuli < 1) {
                throw invalid("--stimuli", stimuli, "an integer >= 1");
            }
            if (sessions < 1) {
                throw invalid("--sessions", sessions, "an integer >= 1");
            }
            if ((long) stimuli * sessions > MAX_STIMULI) {
                throw invalid("--sessions", sessions, "at most " + MAX_STIMULI + " stimuli in all, here " + MAX_STIMULI / stimuli
                        + " sessions of " + stimuli);
            }
            double sessionS = (stimuli - 1) * isiS;
            if (!(sessionIntervalS >= 0) || Double.isInfinite(sessionIntervalS)) {
                throw invalid("--session-interval", sessionIntervalS, "a finite number of seconds >= 0");
            }
            if (sessions > 1 && !(sessionIntervalS > sessionS)) {
                throw invalid("--session-interval", sessionIntervalS,
                        "more than one session's length, (stimuli - 1) * isi_s = " + sessionS + " s");
            }
            if (!(restS >= 0) || Double.isInfinite(restS)) {
                throw invalid("--rest", restS, "a finite number of seconds >= 0 (0 for no test stimulus)");
            }
            if (shock instanceof Shock.After after && after.stimulus() > stimuli) {
                throw invalid("--shock-after", after.stimulus(), "an integer in [1, " + stimuli + "], a stimulus of the session");
            }
        }

        /**
         * One session, no rest, no shock.
         *
         * @param isiS seconds between stimuli
         * @param stimuli number of stimuli
         * @return the protocol
         */
        public static Protocol of(double isiS, int stimuli) {
            return new Protocol(isiS, stimuli, 1, 0, 0, null);
        }

        /**
         * The same with several sessions.
         *
         * @param count number of sessions
         * @param intervalS seconds from one session's start to the next's
         * @return the new protocol
         */
        public Protocol withSessions(int count, double intervalS) {
            return new Protocol(isiS, stimuli, count, intervalS, restS, shock);
        }

        /**
         * The same with a test stimulus after a rest.
         *
         * @param seconds seconds from the last stimulus to the test, 0 for none
         * @return the new protocol
         */
        public Protocol withRest(double seconds) {
            return new Protocol(isiS, stimuli, sessions, sessionIntervalS, seconds, shock);
        }

        /**
         * The same with a shock in every session.
         *
         * @param s the shock, or null for none
         * @return the new protocol
         */
        public Protocol withShock(Shock s) {
            return new Protocol(isiS, stimuli, sessions, sessionIntervalS, restS, s);
        }

        /** Number of stimuli given, the test stimulus included: the size of the run's answer. */
        public int responses() {
            return stimuli * sessions + (restS > 0 ? 1 : 0);
        }

        /** Seconds from the first stimulus to stimulus i (0-based, the test stimulus last). */
        double stimulusTime(int i) {
            int trained = stimuli * sessions;
            if (i < trained) {
                return (i / stimuli) * sessionIntervalS + (i % stimuli) * isiS;
            }
            return (sessions - 1) * sessionIntervalS + (stimuli - 1) * isiS + restS;
        }

        /** Seconds from the first stimulus to the shock of session j (0-based). */
        double shockTime(int j) {
            double offset = shock instanceof Shock.After after ? (after.stimulus() - 1) * isiS : ((Shock.At) shock).seconds();
            return j * sessionIntervalS + offset;
        }
    }

    /** A tail shock (a {@link SpikeSynapse#modulate} event) given in every session. */
    public sealed interface Shock {
        /** Its strength, 1 = one standard shock. */
        double amount();

        /**
         * A shock at a time after the session's start.
         *
         * @param seconds {@code shock_at_s}: seconds after the session's first stimulus, &gt;= 0
         * @param amount {@code shock_amount}: strength, &gt; 0 (1 = one standard shock)
         * @throws UserError naming the option and what is valid
         */
        record At(double seconds, double amount) implements Shock {
            /** Checks both values. */
            public At {
                if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                    throw invalid("--shock-at", seconds, "a finite number of seconds >= 0 after the session's start");
                }
                checkAmount(amount);
            }
        }

        /**
         * A shock right after a stimulus of the session, at the same time.
         *
         * @param stimulus {@code shock_after}: the stimulus of the session it follows, from 1
         * @param amount {@code shock_amount}: strength, &gt; 0 (1 = one standard shock)
         * @throws UserError naming the option and what is valid
         */
        record After(int stimulus, double amount) implements Shock {
            /** Checks both values; {@link Protocol} checks that the stimulus exists. */
            public After {
                if (stimulus < 1) {
                    throw invalid("--shock-after", stimulus, "an integer >= 1, a stimulus of the session");
                }
                checkAmount(amount);
            }
        }
    }

    /**
     * One stimulus and its response.
     *
     * @param stimulus its number, from 1, counted across all sessions (the test stimulus last)
     * @param timeS its time in seconds from the first stimulus
     * @param amplitude its response divided by the run's first response
     */
    public record Response(int stimulus, double timeS, double amplitude) {}

    /**
     * Runs a protocol on a fresh synapse of the default rule ({@value #DEFAULT_RULE}) with its
     * default parameters.
     *
     * @param protocol what to give and when
     * @return one response per stimulus, in time order
     */
    public static List<Response> run(Protocol protocol) {
        SpikeRule rule = Registry.get(SpikeRule.class, DEFAULT_RULE, "rule");
        return run(rule.create(rule.params(null, Map.of(), "defaults")), protocol);
    }

    /**
     * Runs a protocol on a synapse, from its present state (it is not reset, so protocols can be
     * chained; give a fresh synapse from {@link SpikeRule#create} for a naive one). The first
     * stimulus comes at the synapse's time 0, so a used synapse must not have seen later events.
     *
     * @param synapse any rule's synapse; a shock is delivered through {@link SpikeSynapse#modulate}
     * @param protocol what to give and when
     * @return one response per stimulus, in time order, relative to the first
     * @throws UserError when the first response is 0 or not finite, so relative amplitudes are undefined
     */
    public static List<Response> run(SpikeSynapse synapse, Protocol protocol) {
        Objects.requireNonNull(synapse, "synapse");
        int total = protocol.responses();
        int shocks = protocol.shock() == null ? 0 : protocol.sessions();
        List<Response> out = new ArrayList<>(total);
        double first = Double.NaN;
        int j = 0;
        for (int i = 0; i < total; i++) {
            double t = protocol.stimulusTime(i);
            for (; j < shocks && protocol.shockTime(j) < t; j++) {
                synapse.modulate(protocol.shockTime(j) * MS_PER_S, protocol.shock().amount());
            }
            double response = synapse.pre(t * MS_PER_S);
            if (i == 0) {
                if (response == 0 || !Double.isFinite(response)) {
                    throw new UserError("habituation: the rule's first response is " + response
                            + ", so responses relative to it are undefined; use a rule whose stimuli give a response, such as '"
                            + DEFAULT_RULE + "'.");
                }
                first = response;
            }
            out.add(new Response(i + 1, t, response / first));
        }
        for (; j < shocks; j++) {
            synapse.modulate(protocol.shockTime(j) * MS_PER_S, protocol.shock().amount());
        }
        return out;
    }

    private static void checkAmount(double amount) {
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw invalid("--shock-amount", amount, "a finite number > 0 (1 = one standard shock)");
        }
    }

    private static UserError invalid(String option, Object value, String valid) {
        return new UserError("habituation: invalid value " + value + " for '" + option + "'; valid is " + valid + ".");
    }
}
