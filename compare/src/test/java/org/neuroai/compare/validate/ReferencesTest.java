package org.neuroai.compare.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.bio.spiking.protocols.Trains;
import org.neuroai.core.Registry;
import org.neuroai.core.data.Published;

/**
 * The deterministic spike models equal the references written apart from them ({@link References}) to
 * 1e-9, on hand-made trains, bursts and at least 20 random trains each.
 */
class ReferencesTest {
    private static final int RANDOM_TRAINS = 25;

    /** Hand-made trains: a pair each way, simultaneous spikes, a burst of post spikes, a burst of pre spikes. */
    private static final double[][][] HAND = {
        {{0}, {10}}, {{10}, {0}}, {{5}, {5}}, {{0, 100}, {10, 15, 20, 25}}, {{0, 4, 8, 12, 16}, {30, 200}},
        {{0, 20, 40, 60}, {5, 25, 45, 65}}, {{}, {3, 9}}, {{1, 2, 3}, {}},
    };

    private static double[] train(SplittableRandom r, double meanIsiMs, int n) {
        return Validation.randomTrain(r, n, meanIsiMs);
    }

    private static double run(SpikeSynapse s, double[] pre, double[] post) {
        var events = Trains.custom(s, pre, post);
        return events.isEmpty() ? s.weight() : events.get(events.size() - 1).weight();
    }

    @Test
    void tripletStdpEqualsTheExplicitTripletSums() {
        SpikeRule rule = Registry.get(SpikeRule.class, "stdp-triplet", "rule");
        for (Map.Entry<String, Map<String, String>> e : Published.pfister2006().entrySet()) {
            SpikeSynapse s = rule.create(rule.params(e.getKey(), Map.of(), "t"));
            for (double[][] h : HAND) {
                assertEquals(References.triplet(e.getValue(), h[0], h[1]), run(s, h[0], h[1]), 1e-9, e.getKey());
            }
            SplittableRandom r = new SplittableRandom(e.getKey().hashCode());
            for (int k = 0; k < RANDOM_TRAINS; k++) {
                double[] pre = train(r, 5 + 60 * r.nextDouble(), 30);
                double[] post = train(r, 5 + 60 * r.nextDouble(), 30);
                assertEquals(References.triplet(e.getValue(), pre, post), run(s, pre, post), 1e-9, e.getKey() + " train " + k);
            }
        }
    }

    @Test
    void pairStdpEqualsTheExplicitPairSums() {
        SpikeRule rule = Registry.get(SpikeRule.class, "stdp-pair", "rule");
        for (String pairing : new String[] {"all-to-all", "nearest-spike"}) {
            // bounds far away, so that the sums are not clipped, and the rule's own bounds, which clip
            for (double wMax : new double[] {100, 1}) {
                Map<String, Object> set = Map.of("pairing", pairing, "w_max", wMax, "w_min", -100.0 * (wMax > 1 ? 1 : 0),
                        "tau_plus_ms", 16.8, "tau_minus_ms", 33.7, "A_plus", 0.01, "A_minus", 0.0105);
                SpikeSynapse s = rule.create(rule.params(null, set, "t"));
                boolean nearest = pairing.equals("nearest-spike");
                double wMin = wMax > 1 ? -100 : 0;
                for (double[][] h : HAND) {
                    assertEquals(References.pair(0.01, 0.0105, 16.8, 33.7, nearest, 0.5, wMin, wMax, h[0], h[1]), run(s, h[0], h[1]), 1e-9);
                }
                SplittableRandom r = new SplittableRandom(7);
                for (int k = 0; k < RANDOM_TRAINS; k++) {
                    double[] pre = train(r, 5 + 40 * r.nextDouble(), 40);
                    double[] post = train(r, 5 + 40 * r.nextDouble(), 40);
                    assertEquals(References.pair(0.01, 0.0105, 16.8, 33.7, nearest, 0.5, wMin, wMax, pre, post), run(s, pre, post), 1e-9,
                            pairing + " w_max " + wMax + " train " + k);
                }
            }
        }
    }

    @Test
    void tsodyksMarkramEqualsThePapersRecursionsAndWeightIsTheNextResponse() {
        SpikeRule rule = Registry.get(SpikeRule.class, "tsodyks-markram", "rule");
        for (Map.Entry<String, Map<String, String>> e : Published.tsodyksMarkram().entrySet()) {
            double bigU = Double.parseDouble(e.getValue().get("U"));
            double rec = Double.parseDouble(e.getValue().get("tau_rec_ms"));
            double facil = Double.parseDouble(e.getValue().get("tau_facil_ms"));
            SpikeSynapse s = rule.create(rule.params(e.getKey(), Map.of(), "t"));
            SplittableRandom r = new SplittableRandom(e.getKey().hashCode());
            for (int k = 0; k < RANDOM_TRAINS; k++) {
                double[] t = k == 0 ? new double[] {0, 5, 10, 15, 20, 25, 525, 526} : train(r, 2 + 200 * r.nextDouble(), 40);
                double[] tpm = References.tpm98(bigU, rec, facil, t);
                double[] mwt = References.mwt98(bigU, rec, facil, t);
                s.reset();
                assertEquals(bigU, s.weight(), 1e-12, "before any spike a spike would release U");
                for (int n = 0; n < t.length; n++) {
                    double got = s.pre(t[n]);
                    // the two papers' recursions are one model: both give the same responses
                    assertEquals(tpm[n], mwt[n], 1e-12);
                    assertEquals(e.getKey().startsWith("tpm98") ? tpm[n] : mwt[n], got, 1e-9, e.getKey() + " train " + k + " spike " + n);
                }
                // weight() is the response of a spike arriving now, under both conventions
                double[] next = java.util.Arrays.copyOf(t, t.length + 1);
                next[t.length] = t[t.length - 1];
                assertEquals(References.tpm98(bigU, rec, facil, next)[t.length], s.weight(), 1e-9, e.getKey());
            }
        }
    }
}
