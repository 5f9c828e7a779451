package org.neuroai.compare.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.UserError;

/**
 * {@code recall.csv}, the table of an associative memory's recall: one row per learner, pattern
 * set, sweep, seed and condition (patterns stored, fraction of units corrupted in the cues). The
 * pattern sets themselves ({@link PatternSet}) are in the provenance under {@link #PATTERN_SETS}.
 */
public final class RecallTable {
    /** The file's name. */
    public static final String NAME = "recall.csv";
    /** Its header. */
    public static final String HEADER = "learner,patterns,sweep,seed,stored,corruption,cues,threshold,recall,overlap";
    /** The sweep over the number of patterns stored, at a fixed corruption of the cues. */
    public static final String STORED = "stored";
    /** The sweep over the corruption of the cues, at a fixed number of patterns stored. */
    public static final String CORRUPTION = "corruption";
    /** Where the provenance describes the pattern sets. */
    public static final String PATTERN_SETS = "/pattern_sets";

    private RecallTable() {}

    /**
     * A pattern set as the provenance describes it: a list of these under {@link #PATTERN_SETS}.
     *
     * @param name its name in the table's {@code patterns} column
     * @param title how figures name it
     * @param units units per pattern, N
     * @param random whether the patterns are random ±1 patterns, of which an outer-product memory
     *     holds up to about 0.138 N
     */
    public record PatternSet(String name, String title, int units, boolean random) {
        /** The entry of the provenance. */
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("title", title);
            m.put("units", units);
            m.put("random", random);
            return m;
        }

        /**
         * The pattern sets of a run, in the order its experiment listed them.
         *
         * @param provenance the run's parsed provenance
         * @param where the provenance file, for the message
         * @return the sets
         * @throws UserError when the provenance describes none
         */
        public static List<PatternSet> of(JsonNode provenance, Path where) {
            JsonNode sets = provenance.at(PATTERN_SETS);
            if (!sets.isArray() || sets.isEmpty()) {
                throw new UserError(where + ": no '" + PATTERN_SETS.substring(1) + "'; the run does not describe the pattern sets "
                        + "of an associative memory.");
            }
            List<PatternSet> out = new ArrayList<>();
            for (JsonNode s : sets) {
                out.add(new PatternSet(s.path("name").asText(), s.path("title").asText(), s.path("units").asInt(),
                        s.path("random").asBoolean()));
            }
            return out;
        }
    }

    /**
     * One condition of one learner and seed.
     *
     * @param learner the learner's name
     * @param patterns the pattern set
     * @param sweep which sweep the row belongs to ({@link #STORED} or {@link #CORRUPTION})
     * @param seed the run's seed
     * @param stored number of patterns stored
     * @param corruption fraction of the units flipped in each cue
     * @param cues number of cues tested
     * @param threshold the final overlap at or above which a cue counts as recalled
     * @param recall fraction of cues recalled
     * @param overlap mean final overlap with the cued pattern
     */
    public record Row(String learner, String patterns, String sweep, long seed, int stored, double corruption, int cues,
                      double threshold, double recall, double overlap) {
        String csv() {
            return learner + "," + patterns + "," + sweep + "," + seed + "," + stored + "," + corruption + "," + cues + ","
                    + threshold + "," + recall + "," + overlap;
        }
    }

    /**
     * Writes the rows, in the order given.
     *
     * @param file the file
     * @param rows the rows
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, List<Row> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (Row r : rows) {
                w.write(r.csv());
                w.write('\n');
            }
        }
    }

    /**
     * Reads the table.
     *
     * @param file the file
     * @return its rows, in file order
     * @throws UserError for a missing or malformed file
     */
    public static List<Row> read(Path file) {
        List<Row> out = new ArrayList<>();
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
                    out.add(new Row(f[0], f[1], f[2], Long.parseLong(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]),
                            Integer.parseInt(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9])));
                } catch (RuntimeException e) {
                    throw new UserError(file + ":" + lineNo + ": malformed row '" + line + "'; valid is " + HEADER + ".");
                }
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the recall table (" + e.getMessage() + ").", e);
        }
        return out;
    }
}
