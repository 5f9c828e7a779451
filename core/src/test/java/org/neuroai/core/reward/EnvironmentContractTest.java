package org.neuroai.core.reward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/**
 * Contracts every registered environment keeps (the tasks whose task is an
 * {@link EnvironmentTask}), in the manner of the task and rule contract tests: under a fixed
 * sequence of actions the same episode and seed give the same episode, step for step, and another
 * seed another one; starting an episode again starts it afresh; rewards and observations are
 * finite; episodes end; bad parameters are refused with the key named. A new environment is picked
 * up here without editing this file.
 */
class EnvironmentContractTest {
    static Stream<String> environments() {
        return Registry.all(TaskFactory.class).stream()
                .filter(f -> f.create(Params.defaults(f.parameters())) instanceof EnvironmentTask).map(TaskFactory::name);
    }

    private static EnvironmentTask task(String name) {
        TaskFactory f = Registry.get(TaskFactory.class, name, "task");
        return (EnvironmentTask) f.create(Params.defaults(f.parameters()));
    }

    /** Observations and rewards of an episode under the actions 0, 1, 2, ... (mod the number of actions), at most 300 steps. */
    private static List<double[]> play(Environment env, long episode, long seed) {
        List<double[]> out = new ArrayList<>();
        double[] obs = new double[env.observationDim()];
        env.reset(episode, seed, obs);
        out.add(obs.clone());
        for (int t = 0; t < Math.min(300, env.maxSteps()); t++) {
            double r = env.step(t % env.actions(), obs);
            double[] row = java.util.Arrays.copyOf(obs, obs.length + 1);
            row[obs.length] = r;
            out.add(row);
            if (env.terminal()) {
                break;
            }
        }
        return out;
    }

    private static boolean same(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void theSameSeedGivesTheSameEpisodeUnderTheSameActionsAndAnotherSeedAnother(String name) {
        EnvironmentTask t = task(name);
        List<double[]> a = play(t.environment(), 3, 77);
        List<double[]> b = play(t.environment(), 3, 77);
        assertTrue(same(a, b), "two copies of the environment, one episode and seed");
        boolean differs = false;
        for (long seed = 78; seed < 98 && !differs; seed++) {
            differs = !same(a, play(t.environment(), 3, seed));
        }
        assertTrue(differs, "another seed draws another episode");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void resetStartsAnEpisodeAfreshWhateverCameBefore(String name) {
        Environment env = task(name).environment();
        List<double[]> first = play(env, 5, 11);
        play(env, 9, 12);
        assertTrue(same(first, play(env, 5, 11)), "an episode played again after others");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void rewardsAndObservationsAreFiniteAndEpisodesEnd(String name) {
        EnvironmentTask t = task(name);
        Environment env = t.environment();
        assertEquals(t.observationDim(), env.observationDim());
        assertTrue(env.actions() >= 2, "a choice needs two actions");
        assertEquals(env.observationDim(), env.scale().length);
        for (double s : env.scale()) {
            assertTrue(s > 0);
        }
        for (long seed = 0; seed < 5; seed++) {
            for (double[] row : play(env, seed, seed)) {
                for (double v : row) {
                    assertTrue(Double.isFinite(v), java.util.Arrays.toString(row));
                }
            }
        }
        assertTrue(env.maxSteps() >= 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void theStreamsKeysNameEpisodesAndTheirSeedsExactly(String name) {
        EnvironmentTask t = task(name);
        var b = t.stream(4).next(5);
        for (int i = 0; i < 5; i++) {
            double[] key = b.inputs()[i];
            assertEquals(i, EnvironmentTask.episodeOf(key));
            assertArrayEquals(key, EnvironmentTask.key(EnvironmentTask.episodeOf(key), EnvironmentTask.seedOf(key)), 0.0);
        }
        assertEquals(-1L, EnvironmentTask.seedOf(EnvironmentTask.key(0, -1L)), "every bit of a seed survives its key");
        assertEquals(Long.MIN_VALUE + 12345, EnvironmentTask.seedOf(EnvironmentTask.key(0, Long.MIN_VALUE + 12345)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void badParametersAreRefusedWithTheirKey(String name) {
        TaskFactory f = Registry.get(TaskFactory.class, name, "task");
        assertThrows(UserError.class, () -> Params.resolve(f.parameters(), Map.of("no_such_key", 1), "test"));
        for (ParamSpec p : f.parameters()) {
            if (p.defaultValue() instanceof Number && Double.isFinite(p.max())) {
                UserError e = assertThrows(UserError.class, () -> Params.resolve(f.parameters(), Map.of(p.name(), p.max() * 2 + 1), "test"));
                assertTrue(e.getMessage().contains("'" + p.name() + "'"), e.getMessage());
            }
        }
        assertFalse(f.description().isBlank());
    }
}
