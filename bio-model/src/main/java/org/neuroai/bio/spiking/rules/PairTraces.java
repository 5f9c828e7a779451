package org.neuroai.bio.spiking.rules;

/**
 * The two traces of pair STDP, shared by the rules that pair spikes ({@link PairStdpRule},
 * {@link RewardStdpRule}): a presynaptic trace a_pre decaying as exp(−Δt/τ₊) and a postsynaptic
 * trace a_post decaying as exp(−Δt/τ₋), exactly between events. A spike reads the other side's
 * trace at its time (the factor of its pairing) and then bumps its own: by 1 (all-to-all) or to 1
 * (nearest-spike, Morrison, Diesmann &amp; Gerstner 2008, Biol Cybern 98:459). Times in ms.
 */
final class PairTraces {
    private final double tauPlus;
    private final double tauMinus;
    private final boolean nearest;
    private double pre;
    private double post;
    private double tLast;

    /**
     * @param tauPlusMs τ₊, the presynaptic trace's time constant, in ms
     * @param tauMinusMs τ₋, the postsynaptic trace's time constant, in ms
     * @param nearest true for nearest-spike pairing, false for all-to-all
     */
    PairTraces(double tauPlusMs, double tauMinusMs, boolean nearest) {
        this.tauPlus = tauPlusMs;
        this.tauMinus = tauMinusMs;
        this.nearest = nearest;
        reset();
    }

    /** Decays both traces to {@code t}; refuses a time before the last event. */
    private void decayTo(double t) {
        double dt = t - tLast;
        if (dt < 0) {
            throw new IllegalArgumentException("spike at " + t + " ms comes before the last event at " + tLast + " ms");
        }
        if (dt > 0) {
            pre *= Math.exp(-dt / tauPlus);
            post *= Math.exp(-dt / tauMinus);
            tLast = t;
        }
    }

    /**
     * A presynaptic spike at {@code tMs}.
     *
     * @return a_post at that time, before the spike: the factor of its depression
     */
    double pre(double tMs) {
        decayTo(tMs);
        double a = post;
        pre = nearest ? 1 : pre + 1;
        return a;
    }

    /**
     * A postsynaptic spike at {@code tMs}.
     *
     * @return a_pre at that time, before the spike: the factor of its potentiation
     */
    double post(double tMs) {
        decayTo(tMs);
        double a = pre;
        post = nearest ? 1 : post + 1;
        return a;
    }

    /** The time of the last spike, in ms (−∞ before any). */
    double lastMs() {
        return tLast;
    }

    /** a_pre as of the last spike. */
    double pre() {
        return pre;
    }

    /** a_post as of the last spike. */
    double post() {
        return post;
    }

    /** a_pre decayed to {@code tMs}, not earlier than the last spike; reading changes nothing. */
    double preAt(double tMs) {
        return pre * Math.exp(-Math.max(0, tMs - tLast) / tauPlus);
    }

    /** a_post decayed to {@code tMs}, not earlier than the last spike; reading changes nothing. */
    double postAt(double tMs) {
        return post * Math.exp(-Math.max(0, tMs - tLast) / tauMinus);
    }

    /** No spikes yet: both traces at 0. */
    void reset() {
        pre = 0;
        post = 0;
        tLast = Double.NEGATIVE_INFINITY;
    }
}
