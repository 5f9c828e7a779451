package org.neuroai.compare.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroai.core.UserError;

/**
 * {@code phases.csv}: the phases of the training schedules of a run, one row per phase, steps on
 * the run's timeline (a condition's step offset included):
 * {@code schedule,phase,first_step,last_step,cues,us}, where {@code cues} names the cues present
 * ("A", "AB") and {@code us} is 1 when the unconditioned stimulus comes, 0 when it does not.
 */
public final class Phases {
    /** The file's name. */
    public static final String NAME = "phases.csv";
    /** Its header. */
    public static final String HEADER = "schedule,phase,first_step,last_step,cues,us";

    private Phases() {}

    /**
     * One phase.
     *
     * @param schedule the schedule (a condition's name)
     * @param name the phase's name
     * @param first the step at which it starts
     * @param last the step at which it ends
     * @param cues the cues present
     * @param us whether the US comes
     */
    public record Phase(String schedule, String name, long first, long last, String cues, boolean us) {
        /** "acquisition: A → US", "extinction: A alone". */
        public String text() {
            return name + ": " + cues + (us ? " \u2192 US" : " alone");
        }
    }

    /**
     * Writes the file.
     *
     * @param dir the run folder
     * @param phases the phases, in order
     * @throws IOException when it cannot be written
     */
    public static void write(Path dir, List<Phase> phases) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Phase p : phases) {
            b.append(Csv.line(List.of(p.schedule(), p.name(), Long.toString(p.first()), Long.toString(p.last()), p.cues(),
                    p.us() ? "1" : "0"))).append('\n');
        }
        Files.writeString(dir.resolve(NAME), b, StandardCharsets.UTF_8);
    }

    /**
     * Reads the file.
     *
     * @param dir the run folder
     * @return the phases, in file order
     * @throws UserError when the file is missing or malformed
     */
    public static List<Phase> read(Path dir) {
        Path file = dir.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the phases (" + e.getMessage() + ").", e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new UserError(file + ":1: the header must be '" + HEADER + "'.");
        }
        List<Phase> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            try {
                List<String> f = Csv.split(lines.get(n));
                out.add(new Phase(f.get(0), f.get(1), Long.parseLong(f.get(2)), Long.parseLong(f.get(3)), f.get(4), f.get(5).equals("1")));
            } catch (RuntimeException e) {
                throw new UserError(file + ":" + (n + 1) + ": malformed row '" + lines.get(n) + "'; valid is " + HEADER + ".");
            }
        }
        return out;
    }
}
