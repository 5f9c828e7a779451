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
     * pole up at least 4 times as long on average as a policy of fair coin flips does on the same
     * episodes (about 20 steps, 0.4 s). It does not reach the full 10 s of these episodes within
     * them; runs made while writing this gave means of 150 to 250 steps there.
     */
    @Test
    void learnsToBalanceFourTimesLongerThanARandomPolicyWithinAHundredAndTwentyEpisodes() {
        for (long seed = 1; seed <= 3; seed++) {
            double random = randomPolicySteps(seed, 80, 120);
            assertTrue(random > 10 && random < 30, "seed " + seed + ": a random policy balances " + random + " steps");
            double learnt = meanSteps(new SpikingActorCritic("rs", TASK.environment(), settings(Map.of()), seed), seed, 80, 120);
            assertTrue(learnt >= 4 * random, "seed " + seed + ": " + learnt + " steps against " + random + " for coin flips");
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
        SpikingActorCritic agent = new SpikingActorCritic("rs", TASK.environment(), settings(Map.of()), 5);
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
}
