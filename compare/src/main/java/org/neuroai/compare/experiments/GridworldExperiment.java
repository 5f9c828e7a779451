package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.neuroai.ann.reward.DeepActorCritic;
import org.neuroai.ann.reward.Reinforce;
import org.neuroai.bio.reward.ActorCritic;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.files.PolicyTable;
import org.neuroai.compare.measures.Returns;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.reward.EnvironmentTask;
import org.neuroai.core.reward.GridWorld;
import org.neuroai.core.reward.PolicyView;
import org.neuroai.core.trace.Monitor;

/**
 * Finding the way through Sutton &amp; Barto's maze ({@link GridWorld}, slippery by default), on the
 * same episodes (the same slips), with every learner seeing the one-hot code of its cell: the
 * actor-critic of three-factor synapses ({@link ActorCritic}, the paper's critic with its input
 * trace), the same actor with a TD(λ) critic (the {@code td-lambda} rule's accumulating traces),
 * the actor-critic of two Deeplearning4j networks ({@link DeepActorCritic}) and REINFORCE with a
 * baseline ({@link Reinforce}). Metrics every {@code every} episodes: {@code return} and
 * {@code steps}; the optimal expected return, by the grid's value iteration, goes into the
 * provenance as {@code optimal_return}, and the layout as {@code layout}. At the end, every
 * learner's policy and value in every cell, beside the optimal ones, go to {@link PolicyTable}
 * ({@code policy.csv}), drawn by the figure {@code gridworld-policy}.
 */
public final class GridworldExperiment implements Experiment {
    /** The actor-critic of three-factor synapses. */
    public static final String THREE_FACTOR = "three-factor";
    /** The same actor with a TD(λ) critic. */
    public static final String TD_LAMBDA = "td-lambda";
    /** The DL4J actor-critic. */
    public static final String ACTOR_CRITIC = "actor-critic";
    /** REINFORCE. */
    public static final String REINFORCE = "reinforce";

    /** The three-factor learner's settings on the maze (runs of 5 seeds reached the optimum within 10 % after 58 to 120 episodes). */
    static final Map<String, Object> TF_DEFAULTS = Map.of("alpha", 0.3, "delta", 0.8, "beta", 0.3, "lambda", 0.8, "gamma", 1.0,
            "temperature", 1.0, "boxes", false);
    /** With the TD(λ) critic, whose accumulating traces add up in loops: a smaller critic rate. */
    static final Map<String, Object> TD_DEFAULTS = Map.of("alpha", 0.2, "delta", 0.8, "beta", 0.02, "lambda", 0.9, "gamma", 1.0,
            "temperature", 1.0, "boxes", false, "critic", "td-lambda");
    /**
     * How far below the best action value (in return, a fraction of one step's cost of −1) an action
     * counts as optimal in {@link PolicyTable}: on the slippery maze the action values of two ways that
     * are equally long, up to where their slips end, differ by at most 0.08, and the next action
     * differs from the best by 0.17 or more, so 0.1 tells the two apart.
     */
    static final double OPTIMAL_TOLERANCE = 0.1;
    private static final Map<String, Object> AC_DEFAULTS = Map.of("gamma", 1.0, "n_steps", 32);
    private static final Map<String, Object> RF_DEFAULTS = Map.of("gamma", 1.0);

    @Override
    public String name() {
        return "gridworld";
    }

    @Override
    public String description() {
        return "Sutton & Barto's maze, slippery: three-factor actor-critic and TD(lambda) critic on one-hot cells vs DL4J actor-critic "
                + "vs REINFORCE, against the optimal return";
    }

    @Override
    public String mainMetric() {
        return Returns.RETURN;
    }

    @Override
    public List<ParamSpec> settings() {
        List<ParamSpec> s = new ArrayList<>(List.of(
                ParamSpec.integer("episodes", 300, 1, 10_000_000, "episodes in all"),
                ParamSpec.real("slip", 0.1, 0, 1, "1", "probability that a move goes in a random direction"),
                ParamSpec.integer("max_steps", 500, 1, 100_000_000, "steps after which an episode that has not reached the goal is cut off"),
                ParamSpec.integer("every", 5, 1, 1_000_000, "episodes between records (each record averages them)"),
                ParamSpec.flag("gradient", true, "run the two DL4J learners (false: the biological learners alone)"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core")));
        s.addAll(RewardLearners.prefixed("tf", ActorCritic.settings(), TF_DEFAULTS));
        s.addAll(RewardLearners.prefixed("td", ActorCritic.settings(), TD_DEFAULTS));
        s.addAll(RewardLearners.prefixed("ac", DeepActorCritic.settings(), AC_DEFAULTS));
        s.addAll(RewardLearners.prefixed("rf", Reinforce.settings(), RF_DEFAULTS));
        return s;
    }

    @Override
    public Map<String, Object> quickSettings() {
        return Map.of("episodes", 80, "max_steps", 200);
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("episodes", 4, "max_steps", 40, "every", 2);
    }

    @Override
    public Study study(Params s) {
        int episodes = s.integer("episodes");
        Params g = Params.resolve(new GridWorld.Factory().parameters(), Map.of("slip", s.real("slip"), "max_steps", s.integer("max_steps")),
                "settings slip, max_steps");
        EnvironmentTask task = GridWorld.task(g);
        GridWorld grid = GridWorld.of(g);
        Params tf = RewardLearners.of(s, "tf", ActorCritic.settings());
        Params td = RewardLearners.of(s, "td", ActorCritic.settings());
        Params ac = RewardLearners.of(s, "ac", DeepActorCritic.settings());
        Params rf = RewardLearners.of(s, "rf", Reinforce.settings());
        List<LearnerSpec> learners = new ArrayList<>();
        learners.add(LearnerSpec.of(new Described(THREE_FACTOR, Family.BIO, "three-factor actor-critic (bio)", "#117733",
                "three-factor actor and critic on one-hot cells"), b -> new ActorCritic(THREE_FACTOR, env(b), tf, b.weightSeed())));
        learners.add(LearnerSpec.of(new Described(TD_LAMBDA, Family.BIO, "three-factor actor, TD(\u03bb) critic (bio)", "#44AA99",
                "three-factor actor, td-lambda critic, lambda " + td.real("lambda")),
                b -> new ActorCritic(TD_LAMBDA, env(b), td, b.weightSeed())));
        if (s.flag("gradient")) {
            learners.add(LearnerSpec.of(new Described(ACTOR_CRITIC, Family.GRADIENT, "actor-critic (gradient, DL4J)",
                    "#D55E00", "actor and critic networks, " + ac.integer("hidden") + " tanh units, Adam, " + ac.integer("n_steps")
                    + "-step returns"), b -> new DeepActorCritic(ACTOR_CRITIC, env(b), ac, b.weightSeed())));
            learners.add(LearnerSpec.of(new Described(REINFORCE, Family.GRADIENT, "REINFORCE (gradient, DL4J)", "#E69F00",
                    "policy network, " + rf.integer("hidden") + " tanh units, " + rf.string("optimiser")),
                    b -> new Reinforce(REINFORCE, env(b), rf, b.weightSeed())));
        }
        int every = Math.min(s.integer("every"), episodes);
        Schedule schedule = Schedule.uniform(episodes, every, every).with(Record.WEIGHTS, Schedule.NEVER)
                .with(Record.HISTOGRAMS, Schedule.NEVER).with(Record.PROBES, Schedule.NEVER).startingWithRecord(false);
        Condition c = new Condition(task, learners, schedule, List.of(Returns::new), Condition.Recording.NONE);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("optimal_return", grid.optimalReturn());
        facts.put("shortest_path", grid.shortestPath());
        facts.put("fewest_expected_steps", grid.fewestExpectedSteps());
        facts.put("slip", s.real("slip"));
        facts.put("max_steps", s.integer("max_steps"));
        facts.put("layout", grid.layout());
        facts.put("optimal_tolerance", OPTIMAL_TOLERANCE);
        return new Study(List.of(c), List.of(Returns.RETURN, Returns.STEPS), new Policies(grid), List.of("gridworld-return",
                "gridworld-policy"), "episodes", false, s.integer("threads"), facts);
    }

    /**
     * After each seed, every learner's policy and value in every cell an agent can stand in, read
     * through {@link PolicyView} (which changes nothing), beside the optimal values and actions;
     * written at the end, in seed order, to {@link PolicyTable}.
     */
    static final class Policies implements Plugin {
        private final GridWorld grid;
        private final double[] optimalValues;
        private final boolean[][] optimal;
        private final Map<Integer, List<PolicyTable.Row>> bySeed = new ConcurrentHashMap<>();

        Policies(GridWorld grid) {
            this.grid = grid;
            this.optimalValues = grid.optimalValues();
            this.optimal = grid.optimalActions(OPTIMAL_TOLERANCE);
        }

        @Override
        public void trained(At at, List<Learner> learners, Monitor monitor) {
            bySeed.put(at.seedIndex(), rows(grid, optimalValues, optimal, learners, at.seed()));
        }

        @Override
        public Map<String, Object> finish(Path out) throws IOException {
            List<PolicyTable.Row> rows = new ArrayList<>();
            new TreeMap<>(bySeed).values().forEach(rows::addAll);
            PolicyTable.write(out.resolve(PolicyTable.NAME), rows);
            return Map.of();
        }
    }

    /**
     * The rows of {@link PolicyTable} of trained learners: each learner that is a {@link PolicyView}, each
     * cell that is neither a wall nor the goal, row by row.
     */
    static List<PolicyTable.Row> rows(GridWorld grid, double[] optimalValues, boolean[][] optimal, List<Learner> learners, long seed) {
        List<PolicyTable.Row> rows = new ArrayList<>();
        double[] obs = new double[grid.observationDim()];
        for (Learner l : learners) {
            if (!(l instanceof PolicyView view)) {
                continue;
            }
            for (int cell = 0; cell < grid.rows() * grid.cols(); cell++) {
                if (grid.wall(cell) || cell == grid.goal()) {
                    continue;
                }
                grid.observe(cell, obs);
                double[] p = new double[grid.actions()];
                view.policy(obs, p);
                rows.add(new PolicyTable.Row(l.name(), seed, cell / grid.cols(), cell % grid.cols(), p, view.value(obs),
                        optimalValues[cell], optimal[cell].clone()));
            }
        }
        return rows;
    }

    private static org.neuroai.core.reward.Environment env(LearnerSpec.Birth b) {
        return ((EnvironmentTask) b.task()).environment();
    }
}
