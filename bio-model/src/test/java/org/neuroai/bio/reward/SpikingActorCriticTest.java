package org.neuroai.bio.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroai.bio.spiking.rules.RewardStdpRule;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.reward.CartPole;
import org.neuroai.core.reward.Environment;
import org.neuroai.core.reward.EnvironmentTask;

/**
 * The spiking actor on cart-pole: it learns from the critic's TD error released as dopamine, the
 * dopamine changes each synapse in the direction its eligibility says, and ties are the agent's
 * own seeded draws.
 */
class SpikingActorCriticTest {
    private static final EnvironmentTask TASK = CartPole.task(Params.resolve(new CartPole.Factory().parameters(),
            Map.of("max_steps", 500), "test"));

    /** The actor as it was before the normalisation: its earlier defaults. */
    private static final Map<String, Object> WITHOUT_NORMALISATION = Map.of("box_total", 0.0, "w0", 2.0, "noise_na", 0.25, "eta", 3.0);

    private static Params settings(Map<String, ?> overrides) {
        return Params.resolve(SpikingActorCritic.settings(), overrides, "test");
    }

    /** Mean length of episodes [from, to) of the first {@code to}, for an agent that learns on them. */
    private static double meanSteps(SpikingActorCritic agent, long seed, int from, int to) {
        SampleStream s = TASK.stream(seed);
        double sum = 0;
        for (int ep = 0; ep < to; ep++) {
            agent.learn(s.next(1));
            sum += ep >= from ? agent.tally().lastSteps() : 0;
        }
        return sum / (to - from);
    }

    /**
     * The acceptance this learner meets: on seeds 1 to 3, over episodes 80 to 120, it keeps the
     * pole up at least 8 times as long on average as a policy of fair coin flips does on the same
     * episodes (about 20 steps, 0.4 s). It does not reach the full 10 s of these episodes within
     * them; with the defaults of the normalised actor the means there are 234 to 288 steps.
     */
    @Test
    void learnsToBalanceEightTimesLongerThanARandomPolicyWithinAHundredAndTwentyEpisodes() {
        for (long seed = 1; seed <= 3; seed++) {
            double random = randomPolicySteps(seed, 80, 120);
            assertTrue(random > 10 && random < 30, "seed " + seed + ": a random policy balances " + random + " steps");
            double learnt = meanSteps(new SpikingActorCritic("rs", TASK.environment(), settings(Map.of()), seed), seed, 80, 120);
            assertTrue(learnt >= 8 * random, "seed " + seed + ": " + learnt + " steps against " + random + " for coin flips");
        }
    }

    private static double randomPolicySteps(long seed, int from, int to) {
        Environment env = TASK.environment();
        SampleStream s = TASK.stream(seed);
        SplittableRandom coin = new SplittableRandom(seed);
        double[] obs = new double[env.observationDim()];
        double sum = 0;
        for (int ep = 0; ep < to; ep++) {
            double[] key = s.next(1).inputs()[0];
            env.reset(EnvironmentTask.episodeOf(key), EnvironmentTask.seedOf(key), obs);
            int steps = 0;
            do {
                env.step(coin.nextInt(2), obs);
                steps++;
            } while (!env.terminal() && steps < env.maxSteps());
            sum += ep >= from ? steps : 0;
        }
        return sum / (to - from);
    }

    /**
     * Until the first failure every TD error is 0 (no reward, a critic still at zero), so no
     * synapse changes; the failure's error of −1 is released as −0.5 μM of dopamine, and each
     * synapse then moves against the sign of its eligibility, by η ∫ c d dt.
     */
    @Test
    void theFailuresDopamineMovesEachSynapseAgainstItsEligibility() {
        SpikingActorCritic agent = new SpikingActorCritic("rs", TASK.environment(), settings(WITHOUT_NORMALISATION), 5);
        Environment env = agent.environment();
        double[] obs = new double[env.observationDim()];
        env.reset(0, 11, obs);
        agent.beginEpisode(obs);
        int n = 2 * Boxes.SIZE;
        double[] c = new double[n];
        double[] m = new double[1];
        while (true) {
            int a = agent.act(obs);
            agent.probe(RewardStdpRule.ELIGIBILITY, c);
            env.step(a, obs);
            boolean terminal = env.terminal();
            agent.feedback(terminal ? -1 : 0, obs, terminal);
            agent.probe(SpikingActorCritic.MODULATOR, m);
            if (terminal) {
                break;
            }
            assertEquals(0.0, m[0], 0.0);
            for (double w : agent.weights().copy("w")) {
                assertEquals(2.0, w, 0.0, "no dopamine, no change");
            }
        }
        assertEquals(-1.0, m[0], 0.0, "the TD error of a failure from a critic at zero");
        agent.endEpisode(false);
        double[] w = agent.weights().copy("w");
        int moved = 0;
        for (int j = 0; j < n; j++) {
            if (Math.abs(c[j]) > 1e-3) {
                moved++;
                assertTrue(Math.signum(w[j] - 2.0) == -Math.signum(c[j]), "synapse " + j + ": c = " + c[j] + ", w = " + w[j]);
                // (the eligibility left at the failure, times 0.5 μM, times η τ_c τ_d / (τ_c + τ_d); pairings of the
                // last spikes during the pause may add a little)
                double expected = -3.0 * c[j] * 0.5 * (0.2 * 0.05 / 0.25);
                assertEquals(expected, w[j] - 2.0, 0.1 * Math.abs(expected), "synapse " + j);
            }
        }
        assertTrue(moved >= 2, "the synapses of the boxes just visited were eligible");
    }

    /** With no input and no noise neither neuron fires: every step is a tie, broken by the agent's own seeded draw. */
    @Test
    void tiesAreBrokenByTheAgentsOwnSeededDraw() {
        Params silent = settings(Map.of("w0", 0.0, "drive_na", 0.0, "noise_hz", 0.0));
        int[] left = new int[2];
        int[][] actions = new int[2][400];
        for (int r = 0; r < 2; r++) {
            SpikingActorCritic agent = new SpikingActorCritic("rs", TASK.environment(), silent, 9);
            double[] obs = new double[4];
            for (int t = 0; t < 400; t++) {
                actions[r][t] = agent.act(obs);
                left[r] += actions[r][t] == 0 ? 1 : 0;
            }
        }
        assertEquals(java.util.Arrays.toString(actions[0]), java.util.Arrays.toString(actions[1]), "the same seed, the same draws");
        assertEquals(200, left[0], 40, "a fair draw: 200 ± 2 s.d. of 400 coin flips");
    }

    /**
     * The normalisation moves each box's weights only in common: after a failure, with and without
     * it, the same spikes (the same seed; no weight changes before the failure) leave the same
     * differences between the actions' weights in every box, and with it every box's weights sum
     * to {@code box_total} again.
     */
    @Test
    void theNormalisationUndoesTheCommonChangeOfABoxsWeightsAndKeepsTheirDifference() {
        Map<String, Object> common = Map.of("w0", 0.5);
        SpikingActorCritic with = new SpikingActorCritic("rs", TASK.environment(), settings(merge(common, Map.of("box_total", 1.0))), 5);
        SpikingActorCritic without = new SpikingActorCritic("rs", TASK.environment(), settings(merge(common, Map.of("box_total", 0.0))), 5);
        Environment env = TASK.environment();
        double[] obs = new double[env.observationDim()];
        env.reset(0, 11, obs);
        with.beginEpisode(obs);
        without.beginEpisode(obs);
        while (true) {
            int a = with.act(obs);
            assertEquals(a, without.act(obs), "the same spikes, the same choice");
            env.step(a, obs);
            boolean terminal = env.terminal();
            with.feedback(terminal ? -1 : 0, obs, terminal);
            without.feedback(terminal ? -1 : 0, obs, terminal);
            if (terminal) {
                break;
            }
        }
        with.endEpisode(false);
        without.endEpisode(false);
        int n = Boxes.SIZE;
        double[] w = with.weights().copy("w");
        double[] raw = without.weights().copy("w");
        int moved = 0;
        for (int b = 0; b < n; b++) {
            assertEquals(1.0, w[b] + w[n + b], 1e-12, "box " + b + ": the sum of its weights");
            assertEquals(raw[n + b] - raw[b], w[n + b] - w[b], 1e-9, "box " + b + ": the difference of its weights");
            moved += Math.abs(raw[b] + raw[n + b] - 1.0) > 1e-3 ? 1 : 0;
        }
        assertTrue(moved >= 2, "without the normalisation the failure moved the sums of the boxes just visited");
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new java.util.HashMap<>(a);
        out.putAll(b);
        return out;
    }

    /**
     * Why the actor without the normalisation falls back after it has learnt (the class's Javadoc):
     * in the box it visits most, a cart near the middle with the pole leaning 1 to 6° (box 85 of
     * {@link Boxes}), seed 1 has learnt a clear preference by episode 140, the winner's weight at
     * w_max; by episode 300 the loser's weight has caught up and the preference is gone. With the
     * normalisation the same box keeps its preference.
     */
    @Test
    void withoutTheNormalisationTheLosersWeightCatchesUpWithTheWinnersAtTheBound() {
        EnvironmentTask task = CartPole.task(Params.resolve(new CartPole.Factory().parameters(), Map.of("max_steps", 1000), "test"));
        int box = 85;
        double[] old140 = preference(task, settings(WITHOUT_NORMALISATION), 140, box);
        assertTrue(Math.abs(old140[1] - old140[0]) > 2.5 && Math.max(old140[0], old140[1]) > 3.9,
                "a clear preference at episode 140: " + java.util.Arrays.toString(old140));
        double[] old300 = preference(task, settings(WITHOUT_NORMALISATION), 300, box);
        assertTrue(Math.abs(old300[1] - old300[0]) < 0.5 && Math.min(old300[0], old300[1]) > 3,
                "both weights near w_max at episode 300: " + java.util.Arrays.toString(old300));
        double[] new300 = preference(task, settings(Map.of()), 300, box);
        assertTrue(Math.abs(new300[1] - new300[0]) > 0.5, "with the normalisation: " + java.util.Arrays.toString(new300));
    }

    /** The two weights (action 0, action 1) from {@code box} after {@code episodes} episodes of seed 1. */
    private static double[] preference(EnvironmentTask task, Params s, int episodes, int box) {
        SpikingActorCritic agent = new SpikingActorCritic("rs", task.environment(), s, 1);
        SampleStream stream = task.stream(1);
        for (int ep = 0; ep < episodes; ep++) {
            agent.learn(stream.next(1));
        }
        double[] w = agent.weights().copy("w");
        return new double[] {w[box], w[Boxes.SIZE + box]};
    }
}
