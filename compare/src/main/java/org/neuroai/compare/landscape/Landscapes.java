package org.neuroai.compare.landscape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.neuroai.compare.files.Folders;
import org.neuroai.compare.files.LandscapeFiles;
import org.neuroai.compare.files.LandscapeFiles.Field;
import org.neuroai.compare.files.LandscapeFiles.Landscape;
import org.neuroai.compare.files.LandscapeFiles.Line;
import org.neuroai.compare.files.LandscapeFiles.Walk;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;

/**
 * Computes the loss landscapes of a finished run from its weights.csv and writes them into the
 * run's folder as the files of {@link LandscapeFiles}, which the registered landscape figures draw.
 * Every file is written under a temporary name first and renamed into place only when all of them
 * are complete.
 */
public final class Landscapes {
    /** The 1-D line runs over α in [ALPHA_MIN, ALPHA_MAX]. */
    public static final double ALPHA_MIN = -0.5;
    /** Upper end of α. */
    public static final double ALPHA_MAX = 1.5;
    /** Points on the 1-D line. */
    public static final int LINE_POINTS = 81;
    /** Margin around the trajectories on the PCA plane, as a fraction of their extent. */
    static final double MARGIN = 0.2;

    private Landscapes() {}

    /**
     * What to compute.
     *
     * @param seed the run seed whose trajectories are drawn (it also seeds the random directions)
     * @param grid points per side of the 2-D grids
     * @param span the random plane covers [−span, span]² in units of the filter-normalised directions
     */
    public record Options(long seed, int grid, double span) {
        /** Points per side of the 2-D grids unless told otherwise. */
        public static final int GRID = 41;
        /** Half-width of the random plane unless told otherwise. */
        public static final double SPAN = 1.0;

        /**
         * The defaults: a 41 x 41 grid, span 1.
         *
         * @param seed the run seed to draw
         * @return the options
         */
        public static Options defaults(long seed) {
            return new Options(seed, GRID, SPAN);
        }
    }

    /**
     * Computes every surface on one seed's trajectories.
     *
     * @param weights the run's weights.csv
     * @param surfaces the landscapes to compute
     * @param o the options
     * @return one landscape per surface
     */
    public static List<Landscape> compute(Path weights, List<Surface> surfaces, Options o) {
        List<Surface.Walker> walkers = new ArrayList<>();
        for (Surface s : surfaces) {
            walkers.add(new Surface.Walker(s.learner(), "", s.layout()));
            walkers.addAll(s.guests());
        }
        List<Trajectory> read = Trajectory.read(weights, o.seed(), walkers);
        List<Landscape> results = new ArrayList<>();
        int next = 0;
        for (Surface s : surfaces) {
            Trajectory owner = read.get(next++);
            List<Trajectory> guests = read.subList(next, next + s.guests().size());
            next += s.guests().size();
            results.add(compute(s, owner, guests, o));
        }
        return results;
    }

    /**
     * Computes one surface.
     *
     * @param s the surface
     * @param owner the owner's trajectory
     * @param guests the guests' trajectories, in the order of {@link Surface#guests()}
     * @param o the options
     * @return the landscape
     */
    public static Landscape compute(Surface s, Trajectory owner, List<Trajectory> guests, Options o) {
        ToDoubleFunction<double[]> f = s.function();
        double[] end = owner.end();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(s.learner(), alphas(), line(f, owner.start(), end)));
        for (int g = 0; g < guests.size(); g++) {
            lines.add(new Line(s.guests().get(g).learner(), alphas(), line(f, guests.get(g).start(), guests.get(g).end())));
        }
        Random rng = new Random(o.seed() * 1_000_003L + s.learner().hashCode());
        double[] d1 = Directions.filterNormalised(end, s.layout(), rng);
        double[] d2 = Directions.filterNormalised(end, s.layout(), rng);
        double[] axis = linspace(-o.span(), o.span(), o.grid());
        Field random = new Field(LandscapeFiles.RANDOM_PLANE, axis, axis, grid(f, end, d1, d2, axis, axis));

        Directions.Plane plane = Directions.pca(owner.theta());
        List<Walk> walks = new ArrayList<>();
        walks.add(walk(s.learner(), owner, plane, end, f));
        for (int g = 0; g < guests.size(); g++) {
            walks.add(walk(s.guests().get(g).learner(), guests.get(g), plane, end, f));
        }
        double[] ra = extent(walks, true);
        double[] rb = extent(walks, false);
        if (rb[1] - rb[0] < 1e-9 * (ra[1] - ra[0])) {
            rb = new double[] {-(ra[1] - ra[0]) / 2, (ra[1] - ra[0]) / 2};
        }
        double[] as = linspace(ra[0], ra[1], o.grid());
        double[] bs = linspace(rb[0], rb[1], o.grid());
        Field pca = new Field(LandscapeFiles.PCA_PLANE, as, bs, grid(f, end, plane.d1(), plane.d2(), as, bs));
        LandscapeFiles.Surface described = new LandscapeFiles.Surface(s.learner(), s.title(), s.loss(), o.seed(), f.applyAsDouble(end),
                s.guests().stream().map(w -> new LandscapeFiles.Guest(w.learner(), w.note())).toList());
        return new Landscape(described, lines, random, pca, plane.explained(), walks);
    }

    private static Walk walk(String learner, Trajectory t, Directions.Plane plane, double[] origin, ToDoubleFunction<double[]> f) {
        int n = t.steps().length;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            double[] c = plane.project(t.theta()[i], origin);
            a[i] = c[0];
            b[i] = c[1];
            loss[i] = f.applyAsDouble(t.theta()[i]);
        }
        return new Walk(learner, t.steps(), a, b, loss);
    }

    /** The range of the walks' coordinates along one axis, the origin included, with a margin. */
    private static double[] extent(List<Walk> walks, boolean first) {
        double lo = 0;
        double hi = 0;
        for (Walk w : walks) {
            for (double v : first ? w.a() : w.b()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double m = MARGIN * (hi - lo);
        return new double[] {lo - m, hi + m};
    }

    static double[] alphas() {
        return linspace(ALPHA_MIN, ALPHA_MAX, LINE_POINTS);
    }

    /** The loss along θ_0 + α(θ_T − θ_0) at {@link #alphas()}. */
    static double[] line(ToDoubleFunction<double[]> f, double[] start, double[] end) {
        double[] alpha = alphas();
        double[] loss = new double[alpha.length];
        double[] theta = new double[start.length];
        for (int i = 0; i < alpha.length; i++) {
            for (int j = 0; j < theta.length; j++) {
                theta[j] = start[j] + alpha[i] * (end[j] - start[j]);
            }
            loss[i] = f.applyAsDouble(theta);
        }
        return loss;
    }

    /**
     * The loss on the grid origin + a·d1 + b·d2.
     *
     * @param f the loss
     * @param origin the centre
     * @param d1 first direction
     * @param d2 second direction
     * @param as coordinates along d1
     * @param bs coordinates along d2
     * @return {@code loss[i][j]} at (as[j], bs[i])
     */
    public static double[][] grid(ToDoubleFunction<double[]> f, double[] origin, double[] d1, double[] d2, double[] as, double[] bs) {
        double[][] out = new double[bs.length][as.length];
        double[] theta = new double[origin.length];
        for (int i = 0; i < bs.length; i++) {
            for (int j = 0; j < as.length; j++) {
                for (int p = 0; p < theta.length; p++) {
                    theta[p] = origin[p] + as[j] * d1[p] + bs[i] * d2[p];
                }
                out[i][j] = f.applyAsDouble(theta);
            }
        }
        return out;
    }

    static double[] linspace(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }

    /**
     * Computes the surfaces and writes the files of {@link LandscapeFiles} into {@code dir}, each
     * first under a temporary name, then renamed into place.
     *
     * @param dir the run's folder (it holds weights.csv)
     * @param surfaces the landscapes
     * @param o the options
     * @return the files written, in order
     * @throws IOException when a file cannot be written
     * @throws UserError when weights.csv lacks what a surface needs
     */
    public static List<Path> write(Path dir, List<Surface> surfaces, Options o) throws IOException {
        List<Landscape> landscapes = compute(dir.resolve(Traces.WEIGHTS), surfaces, o);
        Path scratch = dir.resolve(".landscape.partial-" + ProcessHandle.current().pid());
        List<Path> written = new ArrayList<>();
        try {
            Folders.deleteTree(scratch);
            Files.createDirectories(scratch);
            LandscapeFiles.write(scratch, landscapes);
            for (String name : LandscapeFiles.ALL) {
                Path target = dir.resolve(name);
                Files.move(scratch.resolve(name), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
        } finally {
            Folders.deleteTree(scratch);
        }
        return written;
    }

    /**
     * The surfaces to draw, restricted to one learner's when {@code learner} is given.
     *
     * @param all every surface of the experiment
     * @param learner a learner's name, or null for all
     * @param where what to name in an error, e.g. the run folder
     * @return the surfaces
     * @throws UserError when no surface belongs to {@code learner}
     */
    public static List<Surface> select(List<Surface> all, String learner, String where) {
        if (learner == null) {
            return all;
        }
        List<Surface> s = all.stream().filter(x -> x.learner().equals(learner)).toList();
        if (s.isEmpty()) {
            throw new UserError(where + ": no loss landscape for learner '" + learner + "'; valid learners are: "
                    + String.join(", ", all.stream().map(Surface::learner).toList()) + ".");
        }
        return s;
    }
}
