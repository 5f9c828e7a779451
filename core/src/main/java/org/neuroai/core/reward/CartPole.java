package org.neuroai.core.reward;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;

/**
 * Cart-pole balancing as Barto, Sutton &amp; Anderson posed it (1983, "Neuronlike adaptive elements
 * that can solve difficult learning control problems", IEEE Trans. Syst. Man Cybern. SMC-13:834-846):
 * a pole hinged on a cart that moves on a track of ±2.4 m; a force of ±10 N pushes the cart left or
 * right at every step of 0.02 s; the episode fails when the pole leans more than 12° or the cart
 * leaves the track.
 *
 * <p>The dynamics are those of the paper's appendix, integrated by Euler's method with a step τ:
 * <pre>
 *   θ̈ = [g sin θ + cos θ · (−F − m l θ̇² sin θ + μc sgn ẋ)/(mc + m) − μp θ̇/(m l)]
 *        / [l (4/3 − m cos²θ/(mc + m))]
 *   ẍ = [F + m l (θ̇² sin θ − θ̈ cos θ) − μc sgn ẋ]/(mc + m)
 * </pre>
 * with g = 9.8 m/s², cart mass mc = 1 kg, pole mass m = 0.1 kg, half the pole's length l = 0.5 m,
 * θ in radians from upright (positive clockwise, the same way as positive x). Without friction
 * these equations are exact. Florian (2007, "Correct equations for the dynamics of the cart-pole
 * system", Center for Cognitive and Neural Studies, Romania) showed that the paper's cart friction
 * term is not: it ignores that the normal force on the cart can change sign. So friction is 0 by
 * default (μc, μp may be set; with them the equations are the paper's as printed), which is
 * also the task most later work uses.
 *
 * <p>The observation is (x in m, ẋ in m/s, θ in rad, θ̇ in rad/s); action 0 pushes left (−F),
 * action 1 right (+F). The reward is the paper's reinforcement: 0 on every step and −1 on the step
 * that fails. An episode that does not fail is cut off after {@code max_steps} steps, so the number
 * of steps balanced, not the return, says how well an agent does. The episode's seed draws the
 * initial state, each variable uniform in ±{@code init} (the paper started from rest at 0).
 */
public final class CartPole implements Environment {
    /** Gravity, m/s². */
    public static final double G = 9.8;
    /** Mass of the cart, kg. */
    public static final double CART_MASS = 1.0;
    /** Mass of the pole, kg. */
    public static final double POLE_MASS = 0.1;
    /** Half the length of the pole, m. */
    public static final double HALF_LENGTH = 0.5;
    /** The track's half-length, m. */
    public static final double TRACK = 2.4;
    /** The largest lean before a failure, rad (12°). */
    public static final double FAIL_ANGLE = 12 * Math.PI / 180;

    private final double force;
    private final double tau;
    private final double muCart;
    private final double muPole;
    private final double init;
    private final long maxSteps;
    private final double[] s = new double[4];
    private boolean failed;

    /** Registers the task under the name "cart-pole". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "cart-pole";
        }

        @Override
        public String description() {
            return "cart-pole balancing (Barto, Sutton & Anderson 1983): push left or right, fail past 12 degrees or 2.4 m";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.positive("force", 10.0, 1000, "N", "the force of a push"),
                    ParamSpec.positive("tau", 0.02, 1, "s", "the time step of Euler's method"),
                    ParamSpec.real("mu_cart", 0.0, 0, 1, "1", "coefficient of friction of the cart on the track (the paper: 0.0005)"),
                    ParamSpec.real("mu_pole", 0.0, 0, 1, "N m s", "coefficient of friction of the pole on the cart (the paper: 0.000002)"),
                    ParamSpec.real("init", 0.05, 0, 0.2, "m, m/s, rad, rad/s", "each initial state variable is uniform in +-init"),
                    ParamSpec.integer("max_steps", 1000, 1, 100_000_000, "steps after which an episode that has not failed is cut off"));
        }

        @Override
        public Task create(Params p) {
            return task(p);
        }
    }

    /**
     * The cart-pole's task: episodes for ever.
     *
     * @param p resolved parameters of {@link Factory}
     * @return the task
     */
    public static EnvironmentTask task(Params p) {
        double force = p.real("force");
        double tau = p.real("tau");
        double muc = p.real("mu_cart");
        double mup = p.real("mu_pole");
        double init = p.real("init");
        long max = p.integer("max_steps");
        return new EnvironmentTask("cart-pole", () -> new CartPole(force, tau, muc, mup, init, max), Long.MAX_VALUE);
    }

    /**
     * @param force the force of a push, N
     * @param tau the time step, s
     * @param muCart friction of the cart on the track
     * @param muPole friction of the pole on the cart
     * @param init half-width of the initial state's uniform range
     * @param maxSteps steps after which an episode is cut off
     */
    public CartPole(double force, double tau, double muCart, double muPole, double init, long maxSteps) {
        this.force = force;
        this.tau = tau;
        this.muCart = muCart;
        this.muPole = muPole;
        this.init = init;
        this.maxSteps = maxSteps;
    }

    /**
     * The accelerations of the paper's equations.
     *
     * @param state (x, ẋ, θ, θ̇)
     * @param f the force on the cart, N
     * @param muc cart friction
     * @param mup pole friction
     * @return (ẍ, θ̈) in m/s² and rad/s²
     */
    public static double[] accelerations(double[] state, double f, double muc, double mup) {
        double xdot = state[1];
        double th = state[2];
        double thdot = state[3];
        double total = CART_MASS + POLE_MASS;
        double sin = Math.sin(th);
        double cos = Math.cos(th);
        double ml = POLE_MASS * HALF_LENGTH;
        double thacc = (G * sin + cos * (-f - ml * thdot * thdot * sin + muc * Math.signum(xdot)) / total - mup * thdot / ml)
                / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / total));
        double xacc = (f + ml * (thdot * thdot * sin - thacc * cos) - muc * Math.signum(xdot)) / total;
        return new double[] {xacc, thacc};
    }

    @Override
    public String name() {
        return "cart-pole";
    }

    @Override
    public int observationDim() {
        return 4;
    }

    @Override
    public int actions() {
        return 2;
    }

    /** The track's half-length, 2 m/s, the largest lean and 2 rad/s: the ranges an episode that does not fail stays in. */
    @Override
    public double[] scale() {
        return new double[] {TRACK, 2, FAIL_ANGLE, 2};
    }

    @Override
    public long maxSteps() {
        return maxSteps;
    }

    @Override
    public void reset(long episode, long seed, double[] observation) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 4; i++) {
            s[i] = init == 0 ? 0 : (2 * r.nextDouble() - 1) * init;
        }
        failed = false;
        System.arraycopy(s, 0, observation, 0, 4);
    }

    @Override
    public double step(int action, double[] observation) {
        double f = action == 1 ? force : -force;
        double[] acc = accelerations(s, f, muCart, muPole);
        // Euler's method as in the paper: positions move with the old velocities
        s[0] += tau * s[1];
        s[1] += tau * acc[0];
        s[2] += tau * s[3];
        s[3] += tau * acc[1];
        failed = Math.abs(s[0]) > TRACK || Math.abs(s[2]) > FAIL_ANGLE;
        System.arraycopy(s, 0, observation, 0, 4);
        return failed ? -1 : 0;
    }

    @Override
    public boolean terminal() {
        return failed;
    }
}
