package org.neuroai.bio.reward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.rules.ThreeFactorRule;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.reward.Bandit;
import org.neuroai.core.reward.CartPole;
import org.neuroai.core.reward.EnvironmentTask;

/**
 * The actor-critic of three-factor synapses: the paper's result that it learns to balance the pole
 * (Barto, Sutton &amp; Anderson 1983 report runs of over 500,000 steps, about 2.8 hours of simulated
 * time, after about 100 failures), its boxes, and the bandit.
 */
class ActorCriticTest {
    private static Params paper() {
        return Params.defaults(ActorCritic.settings());
    }

    /**
     * Acceptance on cart-pole (episodes cut off at 1000 steps, 20 s): with the paper's parameters,
     * on each of 5 seeds, an episode runs to the cut-off without failing within 150 episodes.
     * Runs made while writing it got there after 30 to 75 episodes.
     */
    @Test
    void balancesThePoleForTwentySecondsWithinAHundredAndFiftyEpisodesOnEverySeed() {
        EnvironmentTask task = CartPole.task(Params.defaults(new CartPole.Factory().parameters()));
        for (long seed = 1; seed <= 5; seed++) {
            ActorCritic ac = new ActorCritic("ac", task.environment(), paper(), seed);
            SampleStream s = task.stream(seed);
            int first = -1;
            for (int ep = 0; ep < 150 && first < 0; ep++) {
                ac.learn(s.next(1));
                if (ac.tally().lastSteps() >= 1000) {
                    first = ep;
                }
            }
            assertTrue(first >= 0, "seed " + seed + ": no episode of 1000 steps within 150 episodes");
        }
    }

    @Test
    void aStateFallsInExactlyOneOfTheHundredAndSixtyTwoBoxes() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        double deg = Math.PI / 180;
        for (double x : new double[] {-1.5, 0, 1.5}) {
            for (double th : new double[] {-8 * deg, -3 * deg, -0.5 * deg, 0.5 * deg, 3 * deg, 8 * deg}) {
                for (double v : new double[] {-1, 0, 1}) {
                    for (double w : new double[] {-60 * deg, 0, 60 * deg}) {
                        double[] in = new double[Boxes.SIZE];
                        Boxes.encode(new double[] {x, v, th, w}, in);
                        assertEquals(1, java.util.Arrays.stream(in).sum(), 0.0);
                        seen.add(Boxes.box(new double[] {x, v, th, w}));
                    }
                }
            }
        }
        assertEquals(Boxes.SIZE, seen.size(), "every range combination has its own box");
    }

    /**
     * On a bandit, the modulator after a trial is the reward minus the critic's prediction, and
     * only the chosen arm's synapse changes, by α (1 − δ) M: the rule of {@link ThreeFactorRule}.
     */
    @Test
    void onABanditOnlyTheChosenArmsSynapseChangesByTheModulatedTrace() {
        Params s = Params.resolve(ActorCritic.settings(), Map.of("alpha", 0.3, "delta", 0.5, "beta", 0.2, "lambda", 0.0,
                "temperature", 1.0, "boxes", false), "test");
        Bandit env = new Bandit(3, 0.2, 0.8, false, 1, 1000);
        ActorCritic ac = new ActorCritic("ac", env, s, 4);
        ac.play(0, 99);
        double[] w = ac.weights().copy("w");
        double[] m = new double[1];
        ac.probe(ActorCritic.MODULATOR, m);
        double reward = ac.tally().lastReturn();
        assertEquals(reward - 0, m[0], 1e-12, "the first prediction is 0");
        int changed = 0;
        for (double v : w) {
            if (v != 0) {
                changed++;
                assertEquals(0.3 * 0.5 * m[0], v, 1e-12);
            }
        }
        assertEquals(reward == 0 ? 0 : 1, changed);
        double[] e = new double[3];
        ac.probe(ThreeFactorRule.ELIGIBILITY, e);
        assertEquals(0.5, java.util.Arrays.stream(e).sum(), 1e-12, "one eligible synapse, at 1 − δ");
        assertArrayEquals(new double[] {0.2 * 1 * m[0]}, ac.weights().copy("critic"), 1e-12);
    }

    /**
     * Acceptance on the bandit (5 Bernoulli arms paying 0.2 to 0.8, reversed after 1000 of 2000
     * trials), with the bandit experiment's settings: over 5 seeds, the best arm is chosen on at
     * least 90 % of the last 300 trials before the change and at least 70 % of the last 300 of the run.
     */
    @Test
    void onTheBanditItEndsOnTheBestArmBeforeAndAfterTheChange() {
        EnvironmentTask task = Bandit.task(Params.resolve(new Bandit.Factory().parameters(), Map.of("trials", 2000), "test"));
        Params s = Params.resolve(ActorCritic.settings(), Map.of("alpha", 0.05, "delta", 0.0, "beta", 0.05, "lambda", 0.0,
                "temperature", 0.2, "boxes", false), "test");
        double[] chosen = Bandit.bestArmChosen(task, seed -> new ActorCritic("ac", task.environment(), s, seed), 5, 300);
        assertTrue(chosen[0] >= 0.9, "before the change: " + chosen[0]);
        assertTrue(chosen[1] >= 0.7, "after the change: " + chosen[1]);
    }
}
