/**
 * Learning from reward: {@link org.neuroai.core.reward.Environment}s that an
 * {@link org.neuroai.core.reward.Agent} acts in, registered as tasks whose stream hands out
 * episodes ({@link org.neuroai.core.reward.EnvironmentTask}), so every learner meets the same
 * episodes through the one training loop; the episode loop itself
 * ({@link org.neuroai.core.reward.AgentLearner}); a bandit whose best arm changes, a grid world and
 * cart-pole; and Thompson sampling, the Bayesian agent of the bandit.
 */
package org.neuroai.core.reward;
