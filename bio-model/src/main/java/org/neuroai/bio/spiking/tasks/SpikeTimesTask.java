package org.neuroai.bio.spiking.tasks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neuroai.bio.spiking.neurons.SpikeSource;
import org.neuroai.bio.spiking.neurons.SpikeTimesSource;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;
import org.neuroai.core.data.DataFiles;

/**
 * Given spike times, read from a CSV file with the header {@code input,time_ms} and one spike per
 * line: the input (0, 1, ...) and its time in ms. Lines may come in any order; blank lines are
 * skipped. Every seed sees the same spikes. The file's SHA-256 goes to the run's provenance.
 */
public final class SpikeTimesTask extends SpikeTask {
    /** The header the file must start with. */
    public static final String HEADER = "input,time_ms";
    private final double[][] times;

    /** Registers the task under the name "spike-times". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "spike-times";
        }

        @Override
        public String description() {
            return "given spike times from a CSV file with the header input,time_ms (steps are ms)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.text("file", "", "the CSV file of spikes, header input,time_ms, one spike per line"),
                    ParamSpec.integer("inputs", 0, 0, 1_000_000, "number of inputs; 0: one more than the largest input in the file"));
        }

        @Override
        public Task create(Params p) {
            return read(Path.of(p.string("file")), p.integer("inputs"));
        }
    }

    private SpikeTimesTask(double[][] times) {
        super("spike-times", times.length);
        this.times = times;
    }

    /**
     * Reads a file of spikes.
     *
     * @param file the CSV file
     * @param inputs the number of inputs, or 0 for one more than the largest input in the file
     * @return the task
     * @throws UserError naming the file, the line and what is valid, for the first mistake
     */
    public static SpikeTimesTask read(Path file, int inputs) {
        if (file.toString().isBlank()) {
            throw new UserError("task spike-times: no 'file' given; give a CSV file with the header " + HEADER + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": spike-times file not found; give a CSV file with the header " + HEADER + ".");
        }
        List<String> lines = new String(DataFiles.read(file), StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new UserError(file + ":1: expected the header '" + HEADER + "', found '" + (lines.isEmpty() ? "" : lines.get(0).strip())
                    + "'.");
        }
        String range = inputs > 0 ? "an integer in [0, " + (inputs - 1) + "]" : "an integer >= 0";
        Map<Integer, TreeMap<Double, Integer>> byInput = new HashMap<>();
        int largest = -1;
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (k + 1);
            String[] f = line.split(",", -1);
            if (f.length != 2) {
                throw new UserError(where + ": expected two fields '" + HEADER + "', found '" + line + "'.");
            }
            int input;
            try {
                input = Integer.parseInt(f[0].strip());
            } catch (NumberFormatException e) {
                input = -1;
            }
            if (input < 0 || (inputs > 0 && input >= inputs)) {
                throw new UserError(where + ": input '" + f[0].strip() + "' is not valid; valid is " + range + ".");
            }
            double t;
            try {
                t = Double.parseDouble(f[1].strip());
            } catch (NumberFormatException e) {
                t = Double.NaN;
            }
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new UserError(where + ": time_ms '" + f[1].strip() + "' is not valid; valid is a finite time in ms >= 0.");
            }
            Integer before = byInput.computeIfAbsent(input, i -> new TreeMap<>()).putIfAbsent(t, k + 1);
            if (before != null) {
                throw new UserError(String.format(Locale.ROOT, "%s: input %d fires twice at %s ms (also on line %d); valid is one "
                        + "spike per input and time.", where, input, f[1].strip(), before));
            }
            largest = Math.max(largest, input);
        }
        int n = inputs > 0 ? inputs : largest + 1;
        if (n == 0) {
            throw new UserError(file + ": no spikes, and 'inputs' is 0; give at least one spike, or the number of inputs.");
        }
        double[][] times = new double[n][];
        for (int i = 0; i < n; i++) {
            TreeMap<Double, Integer> mine = byInput.get(i);
            times[i] = mine == null ? new double[0] : mine.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new SpikeTimesTask(times);
    }

    /** Input i's spike times, in ms, in increasing order. */
    public double[] times(int input) {
        return times[input].clone();
    }

    @Override
    protected SpikeSource[] sources(long seed) {
        SpikeSource[] out = new SpikeSource[times.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new SpikeTimesSource(times[i], "input " + i);
        }
        return out;
    }
}
