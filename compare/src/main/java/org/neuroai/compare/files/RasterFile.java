package org.neuroai.compare.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroai.core.UserError;

/**
 * {@code spikes.csv}: the spikes of some inputs and of the output neuron of one learner during the
 * first and the last stretch of a run of spiking learners, one row per spike:
 * {@code learner,seed,window,start_ms,length_ms,input,final_w,t_ms}. {@code window} is "first" or
 * "last", {@code start_ms} and {@code length_ms} give that stretch, {@code input} is the input (−1
 * for the output neuron), {@code final_w} the input's weight at the end of the run (NaN for the
 * output neuron), {@code t_ms} the spike's time.
 */
public final class RasterFile {
    /** The file's name. */
    public static final String NAME = "spikes.csv";
    /** Its header. */
    public static final String HEADER = "learner,seed,window,start_ms,length_ms,input,final_w,t_ms";
    /** The stretch at the start of the run. */
    public static final String FIRST = "first";
    /** The stretch at the end of the run. */
    public static final String LAST = "last";
    /** The input index of the output neuron's spikes. */
    public static final int OUTPUT = -1;

    private RasterFile() {}

    /**
     * One spike.
     *
     * @param learner the learner
     * @param seed the run's seed
     * @param window {@link #FIRST} or {@link #LAST}
     * @param startMs the stretch's start
     * @param lengthMs its length
     * @param input the input, or {@link #OUTPUT}
     * @param finalW the input's final weight (NaN for the output neuron)
     * @param tMs the spike's time
     */
    public record Spike(String learner, long seed, String window, double startMs, double lengthMs, int input, double finalW,
                        double tMs) {}

    /**
     * Writes the file.
     *
     * @param file where
     * @param spikes the spikes, in the order to keep
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, List<Spike> spikes) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Spike s : spikes) {
            b.append(Csv.line(List.of(s.learner(), String.valueOf(s.seed()), s.window(), String.valueOf(s.startMs()),
                    String.valueOf(s.lengthMs()), String.valueOf(s.input()), String.valueOf(s.finalW()), String.valueOf(s.tMs()))))
                    .append('\n');
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    /**
     * Reads the file.
     *
     * @param file the file
     * @return its spikes, in file order
     * @throws UserError naming the file and line of the first malformed row
     */
    public static List<Spike> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the spikes (" + e.getMessage() + ").");
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new UserError(file + ":1: not a file of spikes; the header must be '" + HEADER + "'.");
        }
        List<Spike> out = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            if (lines.get(k).isBlank()) {
                continue;
            }
            try {
                List<String> f = Csv.split(lines.get(k));
                if (f.size() != 8 || !(f.get(2).equals(FIRST) || f.get(2).equals(LAST))) {
                    throw new NumberFormatException("8 fields, window first or last");
                }
                out.add(new Spike(f.get(0), Long.parseLong(f.get(1)), f.get(2), Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4)),
                        Integer.parseInt(f.get(5)), Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7))));
            } catch (RuntimeException e) {
                throw new UserError(file + ":" + (k + 1) + ": malformed row '" + lines.get(k) + "'; valid is " + HEADER
                        + " with window first or last.");
            }
        }
        return out;
    }
}
