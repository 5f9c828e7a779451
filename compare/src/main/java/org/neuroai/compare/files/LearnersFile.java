package org.neuroai.compare.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;

/**
 * {@code learners.csv}: how each learner of a run is shown, one row per learner in the order they
 * are drawn: {@code learner,family,label,colour,model}. The colour is a colour key: a hex colour
 * the experiment chose, or empty for the next free colour of the family's palette. Every figure
 * takes a learner's label, family and colour from here, never from its name.
 */
public final class LearnersFile {
    /** The file's name. */
    public static final String NAME = "learners.csv";
    /** Its header. */
    public static final String HEADER = "learner,family,label,colour,model";

    private LearnersFile() {}

    /**
     * Writes the file; a learner named twice (in several conditions) is written once, as first described.
     *
     * @param dir the run folder
     * @param learners the learners, in drawing order
     * @throws IOException when it cannot be written
     */
    public static void write(Path dir, List<Described> learners) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Described d : learners) {
            if (seen.add(d.name())) {
                b.append(Csv.line(List.of(d.name(), d.family().name(), d.label(), d.colour(), d.model()))).append('\n');
            }
        }
        Files.writeString(dir.resolve(NAME), b, StandardCharsets.UTF_8);
    }

    /**
     * Reads the file.
     *
     * @param dir the run folder
     * @return learner name to its description, in file order
     * @throws UserError when the file is missing or malformed
     */
    public static Map<String, Described> read(Path dir) {
        Path file = dir.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the run's learners (" + e.getMessage() + "); it comes from an older "
                    + "version or is not a run folder; run the experiment again.");
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new UserError(file + ":1: not a learners file; the header must be '" + HEADER + "'.");
        }
        Map<String, Described> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                List<String> f = Csv.split(lines.get(i));
                out.put(f.get(0), new Described(f.get(0), Family.valueOf(f.get(1)), f.get(2), f.get(3), f.get(4)));
            } catch (RuntimeException e) {
                throw new UserError(file + ":" + (i + 1) + ": malformed row '" + lines.get(i) + "'; valid is " + HEADER
                        + " with family one of BIO, GRADIENT, BAYESIAN and a colour such as #0072B2 or empty.");
            }
        }
        return out;
    }
}
