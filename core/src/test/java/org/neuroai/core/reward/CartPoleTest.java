package org.neuroai.core.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The cart-pole against its physics: Barto, Sutton &amp; Anderson's accelerations are the solution
 * of the two Lagrange equations of a cart with a uniform rod hinged on it,
 * <pre>
 *   (mc + m) ẍ + m l cos θ · θ̈ = F + m l θ̇² sin θ
 *   cos θ · ẍ + (4/3) l · θ̈ = g sin θ
 * </pre>
 * which the test solves as a 2×2 linear system (Cramer's rule), independently of the class's
 * closed form; a step is Euler's; the upright pole is unstable with the growth rate of the
 * linearised equations; the episode fails past 12°.
 */
class CartPoleTest {
    private static final double M = CartPole.CART_MASS;
    private static final double MP = CartPole.POLE_MASS;
    private static final double L = CartPole.HALF_LENGTH;

    /** (ẍ, θ̈) from the Lagrange equations as a linear system. */
    private static double[] lagrange(double[] s, double f) {
        double th = s[2];
        double w = s[3];
        double a11 = M + MP;
        double a12 = MP * L * Math.cos(th);
        double a21 = Math.cos(th);
        double a22 = 4.0 / 3.0 * L;
        double b1 = f + MP * L * w * w * Math.sin(th);
        double b2 = CartPole.G * Math.sin(th);
        double det = a11 * a22 - a12 * a21;
        return new double[] {(b1 * a22 - a12 * b2) / det, (a11 * b2 - a21 * b1) / det};
    }

    @Test
    void theAccelerationsSolveTheLagrangeEquations() {
        double[][] states = {{0, 0, 0.1, 0}, {0.5, -1, -0.15, 2}, {-2, 0.3, 0.2, -1.5}, {0, 0, 0, 0}};
        for (double[] s : states) {
            for (double f : new double[] {-10, 0, 10}) {
                double[] got = CartPole.accelerations(s, f, 0, 0);
                double[] want = lagrange(s, f);
                assertEquals(want[0], got[0], 1e-12, "x'' at " + java.util.Arrays.toString(s) + ", F " + f);
                assertEquals(want[1], got[1], 1e-12, "theta'' at " + java.util.Arrays.toString(s) + ", F " + f);
            }
        }
    }

    @Test
    void anUprightPoleFallsAtTheRateOfTheLinearisedEquations() {
        // small angles, no force: θ̈ = ω² θ with ω² = g / (l (4/3 − m/(mc + m)))
        double omega2 = CartPole.G / (L * (4.0 / 3.0 - MP / (M + MP)));
        double eps = 1e-4;
        double[] acc = CartPole.accelerations(new double[] {0, 0, eps, 0}, 0, 0, 0);
        assertEquals(omega2 * eps, acc[1], omega2 * eps * 1e-6);
        // the cart recoils: (mc + m) ẍ = −m l θ̈ to first order
        assertEquals(-MP * L * acc[1] / (M + MP), acc[0], 1e-9);
        assertEquals(0, CartPole.accelerations(new double[] {0, 0, 0, 0}, 0, 0, 0)[1], 0.0, "upright at rest is an equilibrium");
    }

    @Test
    void aStepIsEulersAndAPushRightMovesTheCartRightAndTipsThePoleLeft() {
        CartPole env = new CartPole(10, 0.02, 0, 0, 0, 100);
        double[] obs = new double[4];
        env.reset(0, 1, obs);
        assertEquals(0, obs[2], 0.0, "init 0 starts at rest");
        double[] acc = CartPole.accelerations(new double[] {0, 0, 0, 0}, 10, 0, 0);
        double r = env.step(1, obs);
        // positions move with the old velocities (0), velocities with the accelerations
        assertEquals(0, obs[0], 0.0);
        assertEquals(0.02 * acc[0], obs[1], 1e-15);
        assertEquals(0, obs[2], 0.0);
        assertEquals(0.02 * acc[1], obs[3], 1e-15);
        assertTrue(obs[1] > 0 && obs[3] < 0, "the cart goes right and the pole turns left");
        assertEquals(0, r, 0.0);
        assertFalse(env.terminal());
    }

    @Test
    void theEpisodeFailsPastTwelveDegreesWithTheReinforcementMinusOne() {
        CartPole env = new CartPole(10, 0.02, 0, 0, 0, 10_000);
        double[] obs = new double[4];
        env.reset(0, 1, obs);
        double r = 0;
        int steps = 0;
        while (!env.terminal()) {
            r = env.step(1, obs);
            steps++;
        }
        assertEquals(-1, r, 0.0);
        assertTrue(Math.abs(obs[2]) > CartPole.FAIL_ANGLE || Math.abs(obs[0]) > CartPole.TRACK);
        // always pushing right, the pole falls left within a second or so
        assertTrue(steps < 100, steps + " steps");
    }
}
