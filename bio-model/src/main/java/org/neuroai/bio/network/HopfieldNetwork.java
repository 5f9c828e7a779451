package org.neuroai.bio.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Params;
import org.neuroai.core.Predictor;
import org.neuroai.core.WeightView;

/**
 * A Hopfield network: N binary units s_i = ±1, all connected, that store patterns through a
 * plasticity rule and recall them by running to a fixed point of the dynamics.
 *
 * <pre>
 *   storage:  one presentation per pattern ξ, with ξ clamped on the units (pre = post = ξ)
 *   recall:   h_i = Σ_j w_ij s_j,   s_i ← sgn(h_i)   (s_i unchanged when h_i = 0)
 *   energy:   E = −½ Σ_ij w_ij s_i s_j
 * </pre>
 *
 * <p>J. J. Hopfield 1982, "Neural networks and physical systems with emergent collective
 * computational abilities", PNAS 79:2554-2558. With symmetric weights and a zero diagonal (as the
 * {@code hopfield} rule makes them), each asynchronous update changes E by −Δs_i · h_i ≤ 0, so
 * asynchronous recall never raises the energy and ends at a fixed point, a local minimum of E.
 * Synchronous updates (every unit at once) can instead end in a two-state cycle; the step limit
 * ends those.
 *
 * <p>Recall runs in sweeps. An asynchronous sweep updates every unit once, in a fresh random
 * order drawn from the recall seed; a synchronous sweep updates all units from the previous state.
 * Recall stops after a sweep that changes nothing (a fixed point) or after {@code maxSweeps}.
 * As a {@link Learner}, every sample of a batch is stored; as a {@link Predictor}, every input is
 * a cue and the output the recalled state. Not thread-safe.
 */
public final class HopfieldNetwork implements Learner, Predictor {
    /** How units are updated during recall. */
    public enum Update {
        /** One unit at a time, in a random order each sweep (Hopfield 1982). */
        ASYNCHRONOUS,
        /**
         * Every unit at once from the previous state (W. A. Little 1974, "The existence of
         * persistent states in the brain", Math. Biosci. 19:101-120).
         */
        SYNCHRONOUS
    }

    /**
     * What a recall did.
     *
     * @param sweeps sweeps run
     * @param fixedPoint whether it ended at a fixed point (false when the step limit ended it)
     */
    public record Recall(int sweeps, boolean fixedPoint) {}

    private final String name;
    private final int n;
    private final double[][] w;
    private final Plasticity plasticity;
    private final double eta;
    private final Update update;
    private final int maxSweeps;
    private final long recallSeed;
    private final int[] order;
    private final double[] next;
    private SplittableRandom rng;
    private long stored;

    /**
     * @param name name in traces
     * @param rule the storage rule, usually {@code hopfield}
     * @param ruleParams its resolved parameters (including eta)
     * @param n number of units
     * @param update asynchronous or synchronous recall
     * @param maxSweeps the step limit of a recall, in sweeps
     * @param recallSeed seed of the asynchronous update order
     */
    public HopfieldNetwork(String name, PlasticityRule rule, Params ruleParams, int n, Update update, int maxSweeps,
                           long recallSeed) {
        if (n < 2 || maxSweeps < 1) {
            throw new IllegalArgumentException("need at least 2 units and 1 sweep, got " + n + " and " + maxSweeps);
        }
        this.name = name;
        this.n = n;
        this.w = new double[n][n];
        this.plasticity = rule.create(ruleParams, n, n);
        this.eta = ruleParams.real("eta");
        this.update = update;
        this.maxSweeps = maxSweeps;
        this.recallSeed = recallSeed;
        this.order = new int[n];
        this.next = new double[n];
        reset();
    }

    /** Forgets every pattern and restarts the recall order's random stream. */
    public void reset() {
        for (double[] row : w) {
            Arrays.fill(row, 0);
        }
        plasticity.reset();
        rng = new SplittableRandom(recallSeed);
        stored = 0;
    }

    /** Number of units. */
    public int size() {
        return n;
    }

    /**
     * Stores one pattern: a presentation with the pattern clamped as both the input and the
     * units' activity.
     *
     * @param pattern ±1 values, length N
     */
    public void store(double[] pattern) {
        checkState(pattern);
        plasticity.update(w, pattern, pattern, null, eta);
        stored++;
    }

    @Override
    public void learn(Batch batch) {
        for (double[] x : batch.inputs()) {
            store(x);
        }
    }

    /** The local field on unit i in state s: h_i = Σ_j w_ij s_j. */
    public double field(double[] s, int i) {
        double h = 0;
        double[] wi = w[i];
        for (int j = 0; j < n; j++) {
            h += wi[j] * s[j];
        }
        return h;
    }

    /**
     * One asynchronous update of unit i, in place.
     *
     * @param s the state, ±1 values
     * @param i the unit
     * @return whether the unit flipped
     */
    public boolean updateUnit(double[] s, int i) {
        double h = field(s, i);
        double v = h > 0 ? 1 : h < 0 ? -1 : s[i];
        if (v == s[i]) {
            return false;
        }
        s[i] = v;
        return true;
    }

    /** The energy E = −½ Σ_ij w_ij s_i s_j of a state. */
    public double energy(double[] s) {
        double e = 0;
        for (int i = 0; i < n; i++) {
            e += s[i] * field(s, i);
        }
        return -0.5 * e;
    }

    /**
     * Runs the dynamics from a state until a fixed point or the step limit.
     *
     * @param s the cue on entry, the recalled state on return (±1 values, length N)
     * @return how many sweeps it took and whether it ended at a fixed point
     */
    public Recall recall(double[] s) {
        checkState(s);
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            boolean changed = update == Update.ASYNCHRONOUS ? asynchronousSweep(s) : synchronousSweep(s);
            if (!changed) {
                return new Recall(sweep, true);
            }
        }
        return new Recall(maxSweeps, false);
    }

    private boolean asynchronousSweep(double[] s) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean changed = false;
        for (int i : order) {
            changed |= updateUnit(s, i);
        }
        return changed;
    }

    private boolean synchronousSweep(double[] s) {
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            double h = field(s, i);
            next[i] = h > 0 ? 1 : h < 0 ? -1 : s[i];
            changed |= next[i] != s[i];
        }
        System.arraycopy(next, 0, s, 0, n);
        return changed;
    }

    /** Recalls from every cue; each row of the result is the state the dynamics ended in. */
    @Override
    public double[][] predict(double[][] inputs) {
        double[][] out = new double[inputs.length][];
        for (int c = 0; c < inputs.length; c++) {
            out[c] = inputs[c].clone();
            recall(out[c]);
        }
        return out;
    }

    /**
     * Random ±1 patterns, each unit +1 or −1 with probability 1/2.
     *
     * @param p number of patterns
     * @param n units per pattern
     * @param r the random source
     * @return p rows of n values
     */
    public static double[][] randomPatterns(int p, int n, java.util.SplittableRandom r) {
        double[][] x = new double[p][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                row[i] = r.nextBoolean() ? 1 : -1;
            }
        }
        return x;
    }

    /**
     * A copy of a ±1 pattern with exactly {@code flips} distinct units, chosen at random, flipped.
     *
     * @param pattern the pattern
     * @param flips how many units to flip
     * @param r the random source
     * @return the corrupted copy
     */
    public static double[] corrupt(double[] pattern, int flips, java.util.SplittableRandom r) {
        double[] s = pattern.clone();
        int[] idx = new int[s.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int f = 0; f < flips; f++) {
            int j = f + r.nextInt(idx.length - f);
            int t = idx[f];
            idx[f] = idx[j];
            idx[j] = t;
            s[idx[f]] = -s[idx[f]];
        }
        return s;
    }

    /**
     * The overlap m = (1/N) Σ_i ξ_i s_i of a state with a pattern: 1 when they agree on every unit,
     * 1 − 2e/N with e units wrong, −1 for the mirror image.
     */
    public static double overlap(double[] pattern, double[] s) {
        double m = 0;
        for (int i = 0; i < pattern.length; i++) {
            m += pattern[i] * s[i];
        }
        return m / pattern.length;
    }

    private void checkState(double[] s) {
        if (s.length != n) {
            throw new IllegalArgumentException("a state of " + n + " units was expected, got " + s.length);
        }
        for (double v : s) {
            if (v != 1 && v != -1) {
                throw new IllegalArgumentException("units are +1 or -1, got " + v);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.BIO;
    }

    @Override
    public long presentations() {
        return stored;
    }

    @Override
    public WeightView weights() {
        return WeightView.of(w);
    }
}
