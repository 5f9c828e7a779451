package org.neuroai.bio.spiking.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.bio.spiking.protocols.Trains;
import org.neuroai.bio.spiking.SpikeSynapse;

class StdpTest {
    /** Spike times of a Poisson process at {@code rateHz} over [0, durationMs), in ms. */
    static double[] poisson(SplittableRandom r, double rateHz, double durationMs) {
        double[] t = new double[(int) (rateHz * durationMs / 1000 * 2 + 100)];
        int n = 0;
        double now = -Math.log(1 - r.nextDouble()) * 1000 / rateHz;
        while (now < durationMs) {
            t[n++] = now;
            now += -Math.log(1 - r.nextDouble()) * 1000 / rateHz;
        }
        return Arrays.copyOf(t, n);
    }

    @Test
    void allToAllTracesEqualTheExplicitSumOverPairs() {
        // With no bound reached, additive all-to-all STDP is Δw = Σ_{pre<=post} A+ e^{-(t_post-t_pre)/τ+}
        // − Σ_{post<pre} A− e^{-(t_pre-t_post)/τ−} (amplitudes times w_max = 1).
        PairStdpRule rule = new PairStdpRule();
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 5; trial++) {
            double[] pre = poisson(r, 20, 2000);
            double[] post = poisson(r, 15, 2000);
            SpikeSynapse s = rule.create(rule.params(null, Map.of("w_min", -1e9, "w_max", 1e9, "w0", 0.0), "t"));
            s.reset();
            List<Trains.Event> ev = Trains.custom(s, pre, post);
            double expected = 0;
            for (double tp : pre) {
                for (double tq : post) {
                    if (tp <= tq) {
                        expected += 0.01 * Math.exp(-(tq - tp) / 20);
                    } else {
                        expected -= 0.0105 * Math.exp(-(tp - tq) / 20);
                    }
                }
            }
            // w_max scales additive amplitudes: here it is 1e9, so divide it out
            assertEquals(expected, ev.get(ev.size() - 1).weight() / 1e9, 1e-12, "trial " + trial);
        }
    }

    @Test
    void nearestSpikePairsOnlyWithTheLatestSpikeOfTheOtherNeuron() {
        PairStdpRule rule = new PairStdpRule();
        SplittableRandom r = new SplittableRandom(8);
        double[] pre = poisson(r, 20, 3000);
        double[] post = poisson(r, 15, 3000);
        SpikeSynapse s = rule.create(rule.params(null, Map.of("pairing", "nearest-spike", "w_min", -10.0, "w_max", 10.0,
                "w0", 0.0, "A_plus", 0.001, "A_minus", 0.00105), "t"));
        List<Trains.Event> ev = Trains.custom(s, pre, post);
        double expected = 0;
        for (double tq : post) {
            double latest = Double.NEGATIVE_INFINITY;
            for (double tp : pre) {
                if (tp <= tq) {
                    latest = tp;
                }
            }
            if (latest > Double.NEGATIVE_INFINITY) {
                expected += 0.001 * 10 * Math.exp(-(tq - latest) / 20);
            }
        }
        for (double tp : pre) {
            double latest = Double.NEGATIVE_INFINITY;
            for (double tq : post) {
                if (tq < tp) {
                    latest = tq;
                }
            }
            if (latest > Double.NEGATIVE_INFINITY) {
                expected -= 0.00105 * 10 * Math.exp(-(tp - latest) / 20);
            }
        }
        assertEquals(expected, ev.get(ev.size() - 1).weight(), 1e-12);
    }

    @Test
    void hardAndSoftBoundsKeepTheWeightInRange() {
        PairStdpRule rule = new PairStdpRule();
        for (String dep : new String[] {"additive", "multiplicative"}) {
            SpikeSynapse s = rule.create(rule.params(null, Map.of("weight_dependence", dep, "A_plus", 0.5), "t"));
            double ltp = Pairing.pair(s, 200, 10, 5, 0);
            assertTrue(s.weight() <= 1.0 && s.weight() > 0.5, dep + ": " + s.weight());
            assertTrue(ltp > 0);
        }
        // multiplicative: potentiation shrinks as w approaches w_max (soft bound), so it never reaches it
        SpikeSynapse soft = rule.create(rule.params(null, Map.of("weight_dependence", "multiplicative"), "t"));
        Pairing.pair(soft, 100, 10, 5, 0);
        assertTrue(soft.weight() < 1.0);
    }

    @Test
    void aSimultaneousPairCountsAsFullPotentiation() {
        PairStdpRule rule = new PairStdpRule();
        SpikeSynapse s = rule.create(rule.params(null, Map.of(), "t"));
        List<Trains.Event> ev = Trains.custom(s, new double[] {100}, new double[] {100});
        assertEquals("pre", ev.get(0).kind());
        assertEquals(0.5 + 0.01, ev.get(1).weight(), 1e-15);
    }

    @Test
    void tripletPrePostPreMatchesAHandComputation() {
        // pre at 0, post at 10, pre at 25 ms, minimal all-to-all set, w0 = 1:
        //   post at 10: w += r1(10) (A2+ + A3+ o2(10−)) = e^{-10/16.8} (0 + 6.5e-3 · 0)
        //   pre at 25:  w −= o1(25) (A2− + A3− r2(25−)) = e^{-15/33.7} (7.1e-3 + 0)
        TripletStdpRule rule = new TripletStdpRule();
        SpikeSynapse s = rule.create(rule.params(null, Map.of(), "t"));
        List<Trains.Event> ev = Trains.custom(s, new double[] {0, 25}, new double[] {10});
        double expected = 1 + Math.exp(-10 / 16.8) * 0 - Math.exp(-15 / 33.7) * 7.1e-3;
        assertEquals(expected, ev.get(2).weight(), 1e-12);
        // post-pre-post with the full set: the second post reads o2 left by the first
        SpikeSynapse f = rule.create(rule.params("visual-cortex-all-to-all-full", Map.of(), "t"));
        List<Trains.Event> e2 = Trains.custom(f, new double[] {20}, new double[] {0, 30});
        double w = 1 - Math.exp(-20 / 33.7) * (7e-3 + 2.3e-4 * 0);
        w += Math.exp(-10 / 16.8) * (5e-10 + 6.2e-3 * Math.exp(-30 / 125.0));
        assertEquals(w, e2.get(2).weight(), 1e-12);
    }
}
