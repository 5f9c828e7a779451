package org.neuroai.compare.charts;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neuroai.core.UserError;

/**
 * The table behind the associative-memory figures, {@code recall.csv}: one row per learner,
 * pattern set, sweep, seed and condition (patterns stored, fraction of units corrupted in the
 * cues).
 */
public final class RecallPoints {
    /** The header of {@code recall.csv}. */
    public static final String HEADER = "learner,patterns,sweep,seed,stored,corruption,cues,threshold,recall,overlap";

    private RecallPoints() {}

    /**
     * One condition of one learner and seed.
     *
     * @param learner the learner's name
     * @param patterns the pattern set ("random" or "digits")
     * @param sweep which sweep the row belongs to ("stored" or "corruption")
     * @param seed the run's seed
     * @param stored number of patterns stored
     * @param corruption fraction of the units flipped in each cue
     * @param cues number of cues tested
     * @param threshold the final overlap at or above which a cue counts as recalled
     * @param recall fraction of cues recalled
     * @param overlap mean final overlap with the cued pattern
     */
    public record Point(String learner, String patterns, String sweep, long seed, int stored, double corruption, int cues,
                        double threshold, double recall, double overlap) {
        String csv() {
            return learner + "," + patterns + "," + sweep + "," + seed + "," + stored + "," + corruption + "," + cues + ","
                    + threshold + "," + recall + "," + overlap;
        }
    }

    /** Writes the points, in the order given. */
    public static void write(Path file, List<Point> points) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (Point p : points) {
                w.write(p.csv());
                w.write('\n');
            }
        }
    }

    /**
     * Reads {@code recall.csv}.
     *
     * @throws UserError for a missing or malformed file
     */
    public static List<Point> read(Path file) {
        List<Point> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                throw new UserError(file + ":1: not a recall table; the header must be '" + HEADER + "'.");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] f = line.split(",");
                try {
                    out.add(new Point(f[0], f[1], f[2], Long.parseLong(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]),
                            Integer.parseInt(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                            Double.parseDouble(f[9])));
                } catch (RuntimeException e) {
                    throw new UserError(file + ":" + lineNo + ": malformed row '" + line + "'.");
                }
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the recall table (" + e.getMessage() + ").", e);
        }
        return out;
    }

    /**
     * Recall of one learner on one pattern set and sweep, summarised over seeds at each value of
     * the swept variable (patterns stored, or percent of units corrupted).
     *
     * @param points the table
     * @param learner the learner
     * @param patterns the pattern set
     * @param sweep "stored" or "corruption"
     * @return x (stored, or corruption in percent), and the recall in percent over seeds
     */
    public static SeedStats summary(List<Point> points, String learner, String patterns, String sweep) {
        TreeMap<Double, List<Double>> byX = new TreeMap<>();
        Set<Long> seeds = new HashSet<>();
        for (Point p : points) {
            if (p.learner().equals(learner) && p.patterns().equals(patterns) && p.sweep().equals(sweep)) {
                double x = sweep.equals("stored") ? p.stored() : Math.round(p.corruption() * 1000) / 10.0;
                byX.computeIfAbsent(x, k -> new ArrayList<>()).add(100 * p.recall());
                seeds.add(p.seed());
            }
        }
        return SeedStats.of(byX, seeds.size());
    }
}
