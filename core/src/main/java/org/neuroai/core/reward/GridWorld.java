package org.neuroai.core.reward;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/**
 * A grid world: walk from a start cell to a goal cell around walls. The default layout is the maze
 * of Sutton &amp; Barto (2018, <i>Reinforcement Learning: An Introduction</i>, 2nd ed., Example 8.1,
 * Figure 8.2): 6 rows by 9 columns, three walls, the start on the left, the goal in the top right
 * corner, and a shortest path of 14 steps.
 *
 * <p>The observation is the one-hot code of the agent's cell (rows × columns values, 1 at the cell,
 * row by row). The actions are 0 up, 1 right, 2 down, 3 left; a move into a wall or off the grid
 * leaves the agent where it is. Every step pays {@code step_reward}, and the step that enters the
 * goal pays {@code goal_reward} on top; the goal ends the episode. With {@code slip} &gt; 0 the
 * grid is slippery: at each step, with that probability, the move goes in a direction drawn
 * uniformly from the four instead of the one chosen (the "slippery" variant of Sutton &amp; Barto's
 * gridworlds, like their windy gridworld's stochastic wind, Exercise 6.10). The episode's seed
 * draws, at every step, one uniform number and one direction, whatever the action, so the same
 * actions give the same episode.
 *
 * <p>The optimal values are computed here by value iteration (Sutton &amp; Barto 2018, section 4.4)
 * with the discount {@code gamma} (1 by default: the expected return itself, which the shortest
 * path gives exactly on a deterministic grid: 14 steps of −1 on the default maze, a return of −14).
 */
public final class GridWorld implements Environment {
    /** Sutton &amp; Barto 2018, Figure 8.2: '#' a wall, 'S' the start, 'G' the goal, rows separated by '/'. */
    public static final String DYNA_MAZE = ".......#G/..#....#./S.#....#./..#....../.....#.../.........";
    /** Row and column steps of the actions up, right, down, left. */
    private static final int[][] MOVES = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};
    /** The names of the actions, in order. */
    public static final List<String> ACTIONS = List.of("up", "right", "down", "left");

    private final int rows;
    private final int cols;
    private final boolean[] wall;
    private final int start;
    private final int goal;
    private final double slip;
    private final double stepReward;
    private final double goalReward;
    private final double gamma;
    private final long maxSteps;
    private int cell;
    private boolean done;
    private SplittableRandom rng;

    /** Registers the task under the name "gridworld". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "gridworld";
        }

        @Override
        public String description() {
            return "a grid world (Sutton & Barto 2018's maze, Example 8.1): from start to goal around walls, optionally slippery";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.text("layout", DYNA_MAZE, "rows separated by '/': '.' free, '#' wall, 'S' start, 'G' goal "
                            + "(default: Sutton & Barto's maze, 6 x 9)"),
                    ParamSpec.real("slip", 0.1, 0, 1, "1", "probability that a move goes in a random direction instead of the chosen one"),
                    ParamSpec.real("step_reward", -1.0, -1e6, 1e6, "1", "reward of every step"),
                    ParamSpec.real("goal_reward", 0.0, -1e6, 1e6, "1", "reward added on the step that reaches the goal"),
                    ParamSpec.real("gamma", 1.0, 0, 1, "1", "the discount by which the optimal values are reckoned"),
                    ParamSpec.integer("max_steps", 500, 1, 100_000_000, "steps after which an episode that has not reached the goal is cut off"));
        }

        @Override
        public Task create(Params p) {
            return task(p);
        }
    }

    /**
     * The grid world's task: episodes for ever.
     *
     * @param p resolved parameters of {@link Factory}
     * @return the task
     * @throws UserError on a bad layout, or a discount of 1 with steps that cost nothing
     */
    public static EnvironmentTask task(Params p) {
        GridWorld g = of(p);
        return new EnvironmentTask("gridworld", g::copy, Long.MAX_VALUE);
    }

    /**
     * The grid world of resolved parameters.
     *
     * @param p resolved parameters of {@link Factory}
     * @return the grid world
     * @throws UserError on a bad layout, or a discount of 1 with steps that cost nothing
     */
    public static GridWorld of(Params p) {
        if (p.real("gamma") == 1 && !(p.real("step_reward") < 0)) {
            throw new UserError("task gridworld: with 'gamma' = 1 the 'step_reward' must be negative (not " + p.real("step_reward")
                    + "), or no path is better than a longer one; give step_reward < 0 or gamma < 1.");
        }
        return new GridWorld(p.string("layout"), p.real("slip"), p.real("step_reward"), p.real("goal_reward"), p.real("gamma"),
                p.integer("max_steps"));
    }

    /**
     * @param layout rows separated by '/': '.' free, '#' wall, 'S' start, 'G' goal
     * @param slip probability of a move in a random direction
     * @param stepReward reward of every step
     * @param goalReward reward added on reaching the goal
     * @param gamma discount of the optimal values
     * @param maxSteps steps after which an episode is cut off
     * @throws UserError when the layout is not a rectangle of those characters with one start and one goal the start can reach
     */
    public GridWorld(String layout, double slip, double stepReward, double goalReward, double gamma, long maxSteps) {
        String[] r = layout.split("/", -1);
        this.rows = r.length;
        this.cols = r[0].length();
        this.wall = new boolean[rows * cols];
        int s = -1;
        int g = -1;
        for (int i = 0; i < rows; i++) {
            if (r[i].length() != cols || cols == 0) {
                throw new UserError("task gridworld: every row of 'layout' must have the same length (row 1 has " + cols + " cells, row "
                        + (i + 1) + " has " + r[i].length() + "); rows are separated by '/'.");
            }
            for (int j = 0; j < cols; j++) {
                char c = r[i].charAt(j);
                int at = i * cols + j;
                switch (c) {
                    case '#' -> wall[at] = true;
                    case 'S' -> s = s < 0 ? at : -2;
                    case 'G' -> g = g < 0 ? at : -2;
                    case '.' -> { }
                    default -> throw new UserError("task gridworld: 'layout' may hold only '.', '#', 'S', 'G' and '/', not '" + c + "'.");
                }
            }
        }
        if (s < 0 || g < 0) {
            throw new UserError("task gridworld: 'layout' must have exactly one start 'S' and one goal 'G'.");
        }
        this.start = s;
        this.goal = g;
        this.slip = slip;
        this.stepReward = stepReward;
        this.goalReward = goalReward;
        this.gamma = gamma;
        this.maxSteps = maxSteps;
        if (shortestPath() < 0) {
            throw new UserError("task gridworld: in 'layout' the walls cut the start off from the goal; open a path.");
        }
    }

    private GridWorld copy() {
        return new GridWorld(this, stepReward, goalReward, gamma);
    }

    /** The same grid with other rewards and discount. */
    private GridWorld(GridWorld o, double stepReward, double goalReward, double gamma) {
        this.rows = o.rows;
        this.cols = o.cols;
        this.wall = o.wall;
        this.start = o.start;
        this.goal = o.goal;
        this.slip = o.slip;
        this.stepReward = stepReward;
        this.goalReward = goalReward;
        this.gamma = gamma;
        this.maxSteps = o.maxSteps;
    }

    /** Rows of the grid. */
    public int rows() {
        return rows;
    }

    /** Columns of the grid. */
    public int cols() {
        return cols;
    }

    /** Whether a cell (row × cols + column) is a wall. */
    public boolean wall(int cell) {
        return wall[cell];
    }

    /** The start cell. */
    public int start() {
        return start;
    }

    /** The goal cell. */
    public int goal() {
        return goal;
    }

    /** The cell a move leads to from a cell, without slipping: the same cell when a wall or the edge is in the way. */
    public int move(int from, int action) {
        int r = from / cols + MOVES[action][0];
        int c = from % cols + MOVES[action][1];
        if (r < 0 || r >= rows || c < 0 || c >= cols || wall[r * cols + c]) {
            return from;
        }
        return r * cols + c;
    }

    /** Steps of the shortest path from start to goal (breadth-first search), or −1 when there is none. */
    public int shortestPath() {
        int[] dist = new int[rows * cols];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> q = new ArrayDeque<>();
        dist[start] = 0;
        q.add(start);
        while (!q.isEmpty()) {
            int at = q.poll();
            for (int a = 0; a < MOVES.length; a++) {
                int n = move(at, a);
                if (dist[n] < 0) {
                    dist[n] = dist[at] + 1;
                    q.add(n);
                }
            }
        }
        return dist[goal];
    }

    /** The expected reward and the probability of each next cell of a step from a cell with an action. */
    private double outcomes(int from, int action, double[] next) {
        Arrays.fill(next, 0);
        next[move(from, action)] += 1 - slip;
        for (int d = 0; d < MOVES.length; d++) {
            next[move(from, d)] += slip / MOVES.length;
        }
        return stepReward + goalReward * next[goal];
    }

    /**
     * The optimal value of every cell by value iteration (Sutton &amp; Barto 2018, section 4.4):
     * V(s) ← max_a Σ_s' p(s'|s,a) [r + γ V(s')], with V = 0 at the goal (the episode ends there) and
     * at walls, swept until no value changes by more than 1e-12.
     *
     * @return one value per cell, row by row
     */
    public double[] optimalValues() {
        int n = rows * cols;
        double[] v = new double[n];
        double[] p = new double[n];
        for (int sweep = 0; sweep < 1_000_000; sweep++) {
            double change = 0;
            for (int s = 0; s < n; s++) {
                if (wall[s] || s == goal) {
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < MOVES.length; a++) {
                    best = Math.max(best, q(s, a, v, p));
                }
                change = Math.max(change, Math.abs(best - v[s]));
                v[s] = best;
            }
            if (change < 1e-12) {
                break;
            }
        }
        return v;
    }

    private double q(int s, int a, double[] v, double[] p) {
        double r = outcomes(s, a, p);
        double sum = 0;
        for (int t = 0; t < p.length; t++) {
            if (p[t] != 0 && t != goal) {
                sum += p[t] * v[t];
            }
        }
        return r + gamma * sum;
    }

    /**
     * The value of each action in each cell under the optimal values (action values, row by cell).
     *
     * @param v the optimal values
     * @return [cell][action]
     */
    public double[][] actionValues(double[] v) {
        double[][] out = new double[rows * cols][MOVES.length];
        double[] p = new double[rows * cols];
        for (int s = 0; s < out.length; s++) {
            for (int a = 0; a < MOVES.length; a++) {
                out[s][a] = wall[s] || s == goal ? 0 : q(s, a, v, p);
            }
        }
        return out;
    }

    /**
     * The optimal actions of every cell: those whose action value under the optimal values is within
     * a tolerance of the best; none at walls and at the goal. On a slippery grid two ways round a
     * wall that are equally long differ in value by a little (their slips run into different walls),
     * so a tolerance of a fraction of a step's cost counts both.
     *
     * @param tolerance how far below the best value an action may be and still count (≥ 0; 1e-9 for exact ties)
     * @return [cell][action], true for an optimal action
     */
    public boolean[][] optimalActions(double tolerance) {
        double[][] q = actionValues(optimalValues());
        boolean[][] out = new boolean[q.length][MOVES.length];
        for (int s = 0; s < q.length; s++) {
            if (wall[s] || s == goal) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (double v : q[s]) {
                best = Math.max(best, v);
            }
            for (int a = 0; a < MOVES.length; a++) {
                out[s][a] = q[s][a] >= best - tolerance;
            }
        }
        return out;
    }

    /**
     * The observation an agent sees in a cell: its one-hot code.
     *
     * @param cell row × cols + column
     * @param observation where it is written, of length {@link #observationDim()}
     */
    public void observe(int cell, double[] observation) {
        Arrays.fill(observation, 0);
        observation[cell] = 1;
    }

    /** The layout in the notation of the {@code layout} parameter: '#' a wall, 'S' the start, 'G' the goal, rows separated by '/'. */
    public String layout() {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < rows * cols; s++) {
            if (s > 0 && s % cols == 0) {
                b.append('/');
            }
            b.append(wall[s] ? '#' : s == start ? 'S' : s == goal ? 'G' : '.');
        }
        return b.toString();
    }

    /** The optimal expected return from the start (discounted by {@code gamma}): the value iteration's value of the start cell. */
    public double optimalReturn() {
        return optimalValues()[start];
    }

    /**
     * The fewest steps to the goal that any policy can expect from the start: the optimal return at
     * −1 per step, nothing at the goal and no discount, whatever this grid's rewards.
     */
    public double fewestExpectedSteps() {
        GridWorld steps = new GridWorld(this, -1, 0, 1);
        return -steps.optimalReturn();
    }

    @Override
    public String name() {
        return "gridworld";
    }

    @Override
    public int observationDim() {
        return rows * cols;
    }

    @Override
    public int actions() {
        return MOVES.length;
    }

    @Override
    public long maxSteps() {
        return maxSteps;
    }

    @Override
    public void reset(long episode, long seed, double[] observation) {
        rng = new SplittableRandom(seed);
        cell = start;
        done = false;
        encode(observation);
    }

    private void encode(double[] observation) {
        observe(cell, observation);
    }

    @Override
    public double step(int action, double[] observation) {
        double u = rng.nextDouble();
        int d = rng.nextInt(MOVES.length);
        cell = move(cell, u < slip ? d : action);
        done = cell == goal;
        encode(observation);
        return stepReward + (done ? goalReward : 0);
    }

    @Override
    public boolean terminal() {
        return done;
    }
}
