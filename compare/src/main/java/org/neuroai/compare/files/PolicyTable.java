package org.neuroai.compare.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroai.core.UserError;
import org.neuroai.core.reward.GridWorld;

/**
 * {@code policy.csv}, what each learner of a grid world learnt, cell by cell: one row per learner,
 * seed and cell an agent can stand in (neither a wall nor the goal), with the probability of each
 * action under the trained policy, the learner's value there (empty where it has no critic), the
 * probability that its policy takes an optimal action, and the optimal value and action(s) by the
 * grid's value iteration.
 */
public final class PolicyTable {
    /** The file's name. */
    public static final String NAME = "policy.csv";
    /** Its header. */
    public static final String HEADER = "learner,seed,row,col,p_up,p_right,p_down,p_left,p_optimal,value,optimal_value,optimal_actions";

    private PolicyTable() {}

    /**
     * One row.
     *
     * @param learner the learner's name
     * @param seed the run's seed
     * @param row the cell's row, 0 at the top
     * @param col its column, 0 on the left
     * @param p the probability of each action, in the order of {@link GridWorld#ACTIONS}
     * @param value the learner's value of the cell, NaN without a critic
     * @param optimalValue the optimal value by value iteration
     * @param optimal whether each action is optimal, in the same order
     */
    public record Row(String learner, long seed, int row, int col, double[] p, double value, double optimalValue, boolean[] optimal) {
        /** The probability that the policy takes an optimal action. */
        public double pOptimal() {
            double s = 0;
            for (int a = 0; a < p.length; a++) {
                s += optimal[a] ? p[a] : 0;
            }
            return s;
        }

        /** The most probable action (the first of a tie). */
        public int mostProbable() {
            int best = 0;
            for (int a = 1; a < p.length; a++) {
                if (p[a] > p[best]) {
                    best = a;
                }
            }
            return best;
        }
    }

    /**
     * Writes the table.
     *
     * @param file where
     * @param rows the rows, in the order they are to appear
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, List<Row> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (Row r : rows) {
                List<String> f = new ArrayList<>(List.of(r.learner(), Long.toString(r.seed()), Integer.toString(r.row()),
                        Integer.toString(r.col())));
                for (double x : r.p()) {
                    f.add(num(x));
                }
                f.add(num(r.pOptimal()));
                f.add(Double.isNaN(r.value()) ? "" : num(r.value()));
                f.add(num(r.optimalValue()));
                List<String> names = new ArrayList<>();
                for (int a = 0; a < r.optimal().length; a++) {
                    if (r.optimal()[a]) {
                        names.add(GridWorld.ACTIONS.get(a));
                    }
                }
                f.add(String.join("|", names));
                w.write(Csv.line(f) + "\n");
            }
        }
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /**
     * Reads the table.
     *
     * @param file where
     * @return its rows, in order
     * @throws UserError when it is missing or malformed
     */
    public static List<Row> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + " is missing: the run does not come from the gridworld experiment, or stopped before its end.");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the policies (" + e.getMessage() + ").", e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new UserError(file + ": the first line must be the header '" + HEADER + "'.");
        }
        int k = GridWorld.ACTIONS.size();
        List<Row> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = Csv.split(lines.get(i));
            String[] names = HEADER.split(",");
            if (f.size() != names.length) {
                throw new UserError(file + ", line " + (i + 1) + ": " + f.size() + " columns where " + names.length + " are needed: " + HEADER + ".");
            }
            try {
                double[] p = new double[k];
                for (int a = 0; a < k; a++) {
                    p[a] = number(f, 4 + a, names);
                }
                boolean[] optimal = new boolean[k];
                for (String name : f.get(11).split("\\|")) {
                    int a = GridWorld.ACTIONS.indexOf(name);
                    if (a < 0) {
                        throw new IllegalArgumentException("unknown action '" + name + "'");
                    }
                    optimal[a] = true;
                }
                String v = f.get(9);
                out.add(new Row(f.get(0), (long) number(f, 1, names), (int) number(f, 2, names), (int) number(f, 3, names), p,
                        v.isEmpty() ? Double.NaN : number(f, 9, names), number(f, 10, names), optimal));
            } catch (RuntimeException e) {
                throw new UserError(file + ", line " + (i + 1) + ": " + e.getMessage() + "; each line must have the columns " + HEADER + ".");
            }
        }
        return out;
    }

    private static double number(List<String> fields, int column, String[] names) {
        try {
            return Double.parseDouble(fields.get(column));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + names[column] + "' is not a number ('" + fields.get(column) + "')");
        }
    }
}
