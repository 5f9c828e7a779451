package org.neuroai.compare.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neuroai.core.UserError;

/**
 * The loss landscapes of a run (Li et al. 2018) as files: what {@code neuroai landscape} and the
 * setting {@code landscape} compute, and all that the landscape figures read. One landscape
 * (surface) is the loss over one learner's parameters, its owner; other learners whose weights live
 * in the same space (guests) are drawn on it too.
 *
 * <ul>
 *   <li>{@value #SURFACES}: {@code surface,learner,note,title,loss,final_loss,seed}, one row per
 *       learner drawn on a surface, the owner first (its learner is the surface); {@code title} and
 *       {@code loss} (the loss's name with its unit) are given on the owner's row, {@code note} on a
 *       guest's row says what of the guest is drawn ("encoder as W");</li>
 *   <li>{@value #LINE}: {@code surface,learner,seed,alpha,loss}, the loss on the line
 *       θ0 + α(θT − θ0) of each learner drawn on the surface;</li>
 *   <li>{@value #PLANES}: {@code surface,seed,plane,a,b,loss}, the loss on the grids of the random
 *       plane ({@code random}) and of the plane of the owner's trajectory ({@code pca});</li>
 *   <li>{@value #PATHS}: {@code surface,learner,seed,step,a,b,loss}, each learner's checkpoints
 *       projected onto the pca plane, with the loss at its own weights;</li>
 *   <li>{@value #PCA}: {@code surface,seed,component,explained_variance}.</li>
 * </ul>
 */
public final class LandscapeFiles {
    /** What each surface is and who is drawn on it. */
    public static final String SURFACES = "landscape_surfaces.csv";
    /** The loss along the line from initial to final weights. */
    public static final String LINE = "landscape_1d.csv";
    /** The loss on the random and the pca planes. */
    public static final String PLANES = "landscape_2d.csv";
    /** Trajectories projected onto the pca plane. */
    public static final String PATHS = "landscape_paths.csv";
    /** Variance of the trajectory along the pca plane's two directions. */
    public static final String PCA = "landscape_pca.csv";
    /** Every file, in the order they are written. */
    public static final List<String> ALL = List.of(SURFACES, LINE, PLANES, PATHS, PCA);

    static final String SURFACES_HEADER = "surface,learner,note,title,loss,final_loss,seed";
    static final String LINE_HEADER = "surface,learner,seed,alpha,loss";
    static final String PLANES_HEADER = "surface,seed,plane,a,b,loss";
    static final String PATHS_HEADER = "surface,learner,seed,step,a,b,loss";
    static final String PCA_HEADER = "surface,seed,component,explained_variance";
    /** The plane of two random directions. */
    public static final String RANDOM_PLANE = "random";
    /** The plane of the owner's trajectory's first two principal components. */
    public static final String PCA_PLANE = "pca";

    private LandscapeFiles() {}

    /**
     * What a landscape is.
     *
     * @param name its owner, as named in learners.csv
     * @param title what it shows, for panel titles
     * @param loss the loss's name with its unit; surfaces with the same loss share a panel of the 1-D figure
     * @param seed the run seed whose trajectories were used
     * @param finalLoss the loss at the owner's final weights
     * @param guests the other learners drawn on it
     */
    public record Surface(String name, String title, String loss, long seed, double finalLoss, List<Guest> guests) {
        /** Copies the list. */
        public Surface {
            guests = List.copyOf(guests);
        }

        /** Whether a learner is drawn on this surface as a guest (not its owner). */
        public boolean guest(String learner) {
            return !learner.equals(name);
        }

        /** The note of a guest, or "" for the owner and a learner not drawn here. */
        public String note(String learner) {
            return guests.stream().filter(g -> g.learner().equals(learner)).map(Guest::note).findFirst().orElse("");
        }
    }

    /**
     * A learner drawn on another's landscape.
     *
     * @param learner its name
     * @param note what of it is drawn, for legends ("encoder as W", "no loss of its own")
     */
    public record Guest(String learner, String note) {}

    /** The loss of one learner's weights along θ(α) = θ_0 + α(θ_T − θ_0). */
    public record Line(String learner, double[] alpha, double[] loss) {}

    /** The loss on a grid θ_T + a·d1 + b·d2; {@code loss[i][j]} is at (as[j], bs[i]). */
    public record Field(String plane, double[] as, double[] bs, double[][] loss) {}

    /** A trajectory projected onto a plane, with the loss at each checkpoint's own weights. */
    public record Walk(String learner, long[] steps, double[] a, double[] b, double[] loss) {}

    /**
     * Everything of one landscape.
     *
     * @param surface what it is
     * @param lines the owner's line first, then the guests'
     * @param random the random plane
     * @param pca the plane of the owner's trajectory
     * @param explained the share of the trajectory's variance along the pca plane's two directions
     * @param walks the trajectories on the pca plane, the owner's first
     */
    public record Landscape(Surface surface, List<Line> lines, Field random, Field pca, double[] explained, List<Walk> walks) {}

    /**
     * Writes every file.
     *
     * @param dir the folder
     * @param landscapes the landscapes, in order
     * @throws IOException when a file cannot be written
     */
    public static void write(Path dir, List<Landscape> landscapes) throws IOException {
        try (BufferedWriter w = open(dir, SURFACES, SURFACES_HEADER)) {
            for (Landscape l : landscapes) {
                Surface s = l.surface();
                w.write(Csv.line(List.of(s.name(), s.name(), "", s.title(), s.loss(), num(s.finalLoss()), Long.toString(s.seed()))) + "\n");
                for (Guest g : s.guests()) {
                    w.write(Csv.line(List.of(s.name(), g.learner(), g.note(), "", "", "", Long.toString(s.seed()))) + "\n");
                }
            }
        }
        try (BufferedWriter w = open(dir, LINE, LINE_HEADER)) {
            for (Landscape l : landscapes) {
                for (Line x : l.lines()) {
                    for (int i = 0; i < x.alpha().length; i++) {
                        w.write(l.surface().name() + "," + x.learner() + "," + l.surface().seed() + "," + x.alpha()[i] + "," + x.loss()[i] + "\n");
                    }
                }
            }
        }
        try (BufferedWriter w = open(dir, PLANES, PLANES_HEADER)) {
            for (Landscape l : landscapes) {
                for (Field f : List.of(l.random(), l.pca())) {
                    for (int i = 0; i < f.bs().length; i++) {
                        for (int j = 0; j < f.as().length; j++) {
                            w.write(l.surface().name() + "," + l.surface().seed() + "," + f.plane() + "," + f.as()[j] + "," + f.bs()[i] + ","
                                    + f.loss()[i][j] + "\n");
                        }
                    }
                }
            }
        }
        try (BufferedWriter w = open(dir, PATHS, PATHS_HEADER)) {
            for (Landscape l : landscapes) {
                for (Walk k : l.walks()) {
                    for (int i = 0; i < k.steps().length; i++) {
                        w.write(l.surface().name() + "," + k.learner() + "," + l.surface().seed() + "," + k.steps()[i] + "," + k.a()[i] + ","
                                + k.b()[i] + "," + k.loss()[i] + "\n");
                    }
                }
            }
        }
        try (BufferedWriter w = open(dir, PCA, PCA_HEADER)) {
            for (Landscape l : landscapes) {
                for (int c = 0; c < l.explained().length; c++) {
                    w.write(l.surface().name() + "," + l.surface().seed() + "," + (c + 1) + "," + l.explained()[c] + "\n");
                }
            }
        }
    }

    private static BufferedWriter open(Path dir, String name, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
        w.write(header + "\n");
        return w;
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    /**
     * The surfaces of a run, in order.
     *
     * @param dir the run folder
     * @return the surfaces
     * @throws UserError when the file is missing or malformed
     */
    public static List<Surface> surfaces(Path dir) {
        Map<String, String[]> owners = new LinkedHashMap<>();
        Map<String, List<Guest>> guests = new LinkedHashMap<>();
        rows(dir, SURFACES, SURFACES_HEADER, true, (f, where) -> {
            if (f.get(0).equals(f.get(1))) {
                owners.put(f.get(0), new String[] {f.get(3), f.get(4), f.get(5), f.get(6), where});
                guests.putIfAbsent(f.get(0), new ArrayList<>());
            } else {
                guests.computeIfAbsent(f.get(0), k -> new ArrayList<>()).add(new Guest(f.get(1), f.get(2)));
            }
        });
        List<Surface> out = new ArrayList<>();
        for (Map.Entry<String, List<Guest>> e : guests.entrySet()) {
            String[] o = owners.get(e.getKey());
            if (o == null) {
                throw new UserError(dir.resolve(SURFACES) + ": surface '" + e.getKey() + "' has guests but no row of its own "
                        + "(a row whose learner is the surface); run 'neuroai landscape' again.");
            }
            try {
                out.add(new Surface(e.getKey(), o[0], o[1], Long.parseLong(o[3]), Double.parseDouble(o[2]), e.getValue()));
            } catch (NumberFormatException ex) {
                throw new UserError(o[4] + ": final_loss and seed must be numbers.");
            }
        }
        if (out.isEmpty()) {
            throw new UserError(dir.resolve(SURFACES) + ": no surface; run 'neuroai landscape' again.");
        }
        return out;
    }

    /**
     * The lines of every surface.
     *
     * @param dir the run folder
     * @return surface to its learners' lines, in file order
     * @throws UserError when the file is missing or malformed
     */
    public static Map<String, List<Line>> lines(Path dir) {
        // surface -> learner -> alpha -> loss
        Map<String, Map<String, TreeMap<Double, Double>>> all = new LinkedHashMap<>();
        rows(dir, LINE, LINE_HEADER, false, (f, where) -> all.computeIfAbsent(f.get(0), k -> new LinkedHashMap<>())
                .computeIfAbsent(f.get(1), k -> new TreeMap<>()).put(number(f.get(3), where), number(f.get(4), where)));
        Map<String, List<Line>> out = new LinkedHashMap<>();
        all.forEach((surface, byLearner) -> byLearner.forEach((learner, points) -> out.computeIfAbsent(surface, k -> new ArrayList<>())
                .add(new Line(learner, doubles(points.keySet()), doubles(points.values())))));
        return out;
    }

    /**
     * One plane of every surface.
     *
     * @param dir the run folder
     * @param plane {@link #RANDOM_PLANE} or {@link #PCA_PLANE}
     * @return surface to its grid
     * @throws UserError when the file is missing or malformed, or a grid is not complete
     */
    public static Map<String, Field> plane(Path dir, String plane) {
        // surface -> b -> a -> loss
        Map<String, TreeMap<Double, TreeMap<Double, Double>>> all = new LinkedHashMap<>();
        rows(dir, PLANES, PLANES_HEADER, false, (f, where) -> {
            if (f.get(2).equals(plane)) {
                all.computeIfAbsent(f.get(0), k -> new TreeMap<>()).computeIfAbsent(number(f.get(4), where), k -> new TreeMap<>())
                        .put(number(f.get(3), where), number(f.get(5), where));
            }
        });
        Map<String, Field> out = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Double, TreeMap<Double, Double>>> e : all.entrySet()) {
            double[] bs = doubles(e.getValue().keySet());
            TreeSet<Double> aset = new TreeSet<>(e.getValue().firstEntry().getValue().keySet());
            double[] as = doubles(aset);
            double[][] loss = new double[bs.length][];
            int i = 0;
            for (TreeMap<Double, Double> row : e.getValue().values()) {
                if (!row.keySet().equals(aset)) {
                    throw new UserError(dir.resolve(PLANES) + ": the " + plane + " grid of surface '" + e.getKey()
                            + "' is not complete (every b needs the same values of a).");
                }
                loss[i++] = doubles(row.values());
            }
            out.put(e.getKey(), new Field(plane, as, bs, loss));
        }
        return out;
    }

    /**
     * The trajectories on the pca plane of every surface.
     *
     * @param dir the run folder
     * @return surface to its walks, in file order
     * @throws UserError when the file is missing or malformed
     */
    public static Map<String, List<Walk>> walks(Path dir) {
        // surface -> learner -> step -> a, b, loss
        Map<String, Map<String, TreeMap<Long, double[]>>> all = new LinkedHashMap<>();
        rows(dir, PATHS, PATHS_HEADER, false, (f, where) -> {
            long step;
            try {
                step = Long.parseLong(f.get(3));
            } catch (NumberFormatException e) {
                throw new UserError(where + ": step '" + f.get(3) + "' is not a whole number.");
            }
            all.computeIfAbsent(f.get(0), k -> new LinkedHashMap<>()).computeIfAbsent(f.get(1), k -> new TreeMap<>())
                    .put(step, new double[] {number(f.get(4), where), number(f.get(5), where), number(f.get(6), where)});
        });
        Map<String, List<Walk>> out = new LinkedHashMap<>();
        all.forEach((surface, byLearner) -> byLearner.forEach((learner, points) -> {
            int n = points.size();
            long[] steps = new long[n];
            double[][] v = new double[3][n];
            int i = 0;
            for (Map.Entry<Long, double[]> p : points.entrySet()) {
                steps[i] = p.getKey();
                for (int c = 0; c < 3; c++) {
                    v[c][i] = p.getValue()[c];
                }
                i++;
            }
            out.computeIfAbsent(surface, k -> new ArrayList<>()).add(new Walk(learner, steps, v[0], v[1], v[2]));
        }));
        return out;
    }

    /**
     * The variance explained by the pca plane's directions.
     *
     * @param dir the run folder
     * @return surface to the share of each component, in order
     * @throws UserError when the file is missing or malformed
     */
    public static Map<String, double[]> explained(Path dir) {
        Map<String, TreeMap<Double, Double>> all = new LinkedHashMap<>();
        rows(dir, PCA, PCA_HEADER, false, (f, where) -> all.computeIfAbsent(f.get(0), k -> new TreeMap<>())
                .put(number(f.get(2), where), number(f.get(3), where)));
        Map<String, double[]> out = new LinkedHashMap<>();
        all.forEach((surface, byComponent) -> out.put(surface, doubles(byComponent.values())));
        return out;
    }

    /** What one row of a file is handed to, with its place ("file:line") for errors. */
    private interface Row {
        void accept(List<String> fields, String where);
    }

    private static void rows(Path dir, String name, String header, boolean quoted, Row row) {
        Path file = dir.resolve(name);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the loss landscape (" + e.getMessage() + "); compute it with 'neuroai landscape "
                    + dir + "'.");
        }
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new UserError(file + ":1: the header must be '" + header + "'.");
        }
        int columns = header.split(",").length;
        for (int n = 1; n < lines.size(); n++) {
            String where = file + ":" + (n + 1);
            List<String> f;
            try {
                f = quoted ? Csv.split(lines.get(n)) : List.of(lines.get(n).split(",", -1));
            } catch (IllegalArgumentException e) {
                throw new UserError(where + ": a quoted field is not closed.");
            }
            if (f.size() != columns) {
                throw new UserError(where + ": " + f.size() + " fields; the header '" + header + "' has " + columns + ".");
            }
            row.accept(f, where);
        }
    }

    private static double number(String s, String where) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserError(where + ": '" + s + "' is not a number.");
        }
    }

    private static double[] doubles(java.util.Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
