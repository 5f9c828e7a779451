package org.neuroai.ann.reward;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Params;
import org.neuroai.core.reward.Bandit;
import org.neuroai.core.reward.EnvironmentTask;

/**
 * REINFORCE on the bandit of the bandit experiment (5 Bernoulli arms paying 0.2 to 0.8, reversed
 * after 1000 of 2000 trials), with its settings (plain SGD at 2.0 on batches of 10 trials, weight
 * decay 0.01, no entropy bonus, baseline rate 0.02), held to the threshold the three-factor learner
 * is held to: over 5 seeds, the best arm is chosen on at least 90 % of the last 300 trials before
 * the change and at least 70 % of the last 300 of the run. Runs made while choosing the settings
 * gave 0.91 and 0.93 (0.87 to 0.94 on each seed, before and after); with the earlier settings
 * (SGD at 0.5, entropy bonus 0.1, no decay, baseline rate 0.05) 0.79 and 0.54.
 */
class ReinforceTest {
    @Test
    void onTheBanditItEndsOnTheBestArmBeforeAndAfterTheChange() {
        EnvironmentTask task = Bandit.task(Params.resolve(new Bandit.Factory().parameters(), Map.of("trials", 2000), "test"));
        Params s = Params.resolve(Reinforce.settings(), Map.of("hidden", 4, "lr", 2.0, "optimiser", "sgd", "gamma", 0.0,
                "entropy", 0.0, "weight_decay", 0.01, "baseline_rate", 0.02, "episodes_per_update", 10), "test");
        double[] chosen = Bandit.bestArmChosen(task, seed -> new Reinforce("reinforce", task.environment(), s, seed), 5, 300);
        assertTrue(chosen[0] >= 0.9, "before the change: " + chosen[0]);
        assertTrue(chosen[1] >= 0.7, "after the change: " + chosen[1]);
    }
}
