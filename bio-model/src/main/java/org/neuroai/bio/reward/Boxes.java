package org.neuroai.bio.reward;

/**
 * The 162 boxes into which Barto, Sutton &amp; Anderson (1983, IEEE Trans. Syst. Man Cybern.
 * SMC-13:834, section V) cut the cart-pole's state: the cart's position at ±0.8 m (3 ranges), the
 * pole's angle at 0, ±1° and ±6° (6 ranges), the cart's velocity at ±0.5 m/s (3 ranges) and the
 * pole's angular velocity at ±50°/s (3 ranges). A state activates exactly one box: the input
 * vector is 1 at that box and 0 elsewhere, as the paper's decoder gave its elements.
 */
public final class Boxes {
    /** Number of boxes. */
    public static final int SIZE = 162;
    private static final double ONE_DEGREE = Math.PI / 180;

    private Boxes() {}

    /**
     * The box of a state.
     *
     * @param s (x in m, ẋ in m/s, θ in rad, θ̇ in rad/s)
     * @return its box, in [0, 162)
     */
    public static int box(double[] s) {
        double x = s[0];
        double xdot = s[1];
        double th = s[2];
        double thdot = s[3];
        int bx = x < -0.8 ? 0 : x < 0.8 ? 1 : 2;
        int bth;
        if (th < -6 * ONE_DEGREE) {
            bth = 0;
        } else if (th < -ONE_DEGREE) {
            bth = 1;
        } else if (th < 0) {
            bth = 2;
        } else if (th < ONE_DEGREE) {
            bth = 3;
        } else if (th < 6 * ONE_DEGREE) {
            bth = 4;
        } else {
            bth = 5;
        }
        int bv = xdot < -0.5 ? 0 : xdot < 0.5 ? 1 : 2;
        int bw = thdot < -50 * ONE_DEGREE ? 0 : thdot < 50 * ONE_DEGREE ? 1 : 2;
        return bx + 3 * bth + 18 * bv + 54 * bw;
    }

    /**
     * Writes the one-hot input of a state.
     *
     * @param s the state
     * @param dest 162 values, overwritten
     */
    public static void encode(double[] s, double[] dest) {
        java.util.Arrays.fill(dest, 0);
        dest[box(s)] = 1;
    }
}
