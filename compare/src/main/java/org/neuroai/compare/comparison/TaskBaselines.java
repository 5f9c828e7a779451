package org.neuroai.compare.comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.core.Batch;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.data.Dataset;

/**
 * Tribuo's linear classifiers ({@link TribuoBaselines}) on the task of a comparison: trained on the
 * training samples the learners are given and scored by Tribuo's evaluator on the held-out split
 * that the {@code accuracy} metric uses, with the features exactly as the learners see them (the
 * task's own scaling, nothing more). A task has class targets when every held-out target is a
 * one-hot row, or a single 0 or 1; the class is then the position of the 1, or the value, which is
 * what the accuracy metric compares too.
 *
 * <p>The training samples: the task's fixed training split when it has one (digits, the tabular
 * data sets), whole, whatever the length of the run; otherwise (a task that adds fresh noise to
 * every presentation, such as XOR) the first presentations of the first seed's stream, as many as
 * the run presents and at most {@value #MAX_DRAWN}.
 */
public final class TaskBaselines {
    /** Passes of Tribuo's SGD over the training samples, as in {@code neuroai baselines}. */
    public static final int EPOCHS = 10;
    /** Training samples drawn from a task without a fixed training split, at most. */
    static final int MAX_DRAWN = 20_000;

    private TaskBaselines() {}

    /**
     * Whether a task's targets are classes: every held-out target a one-hot row, or a single 0 or 1.
     *
     * @param task the task
     * @return true for a classification task
     */
    static boolean classTargets(Task task) {
        double[][] t = task.heldOut().targets();
        if (t == null || t.length == 0) {
            return false;
        }
        for (double[] row : t) {
            if (label(row) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The class of one target row, or −1 when it is not a class. */
    private static int label(double[] row) {
        if (row.length == 1) {
            return row[0] == 0 ? 0 : row[0] == 1 ? 1 : -1;
        }
        int hot = -1;
        for (int j = 0; j < row.length; j++) {
            if (row[j] == 1 && hot < 0) {
                hot = j;
            } else if (row[j] != 0) {
                return -1;
            }
        }
        return hot;
    }

    /**
     * Samples with class targets as a labelled data set: classes named by their index.
     *
     * @param split the samples
     * @param source a name for provenance
     * @return the data set, sharing the split's input rows
     */
    public static Dataset labelled(Split split, String source) {
        double[][] t = split.targets();
        int classes = Math.max(2, t[0].length);
        int[] labels = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            labels[i] = label(t[i]);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(String.valueOf(c));
        }
        return new Dataset(split.inputs(), labels, names, source);
    }

    /**
     * The training samples the baselines learn from (see the class comment).
     *
     * @param plan the run's plan
     * @param seed the first seed
     * @return the samples
     */
    static Split training(Plan plan, long seed) {
        Split fixed = plan.task().trainingSet();
        if (fixed != null) {
            return fixed;
        }
        Batch b = plan.task().stream(seed).next((int) Math.min(plan.total(), MAX_DRAWN));
        return new Split("train", b.inputs(), b.targets());
    }

    /**
     * Trains the plan's baselines, scores them on the held-out split, and writes {@value TribuoBaselines#FILE}
     * and their provenance into the run folder.
     *
     * @param plan the run's plan, with at least one baseline
     * @param seed the first seed: it seeds Tribuo's trainers (and draws the samples of a task without a fixed split)
     * @param out the run folder
     * @return what the run's provenance records of them
     * @throws IOException when a file cannot be written
     */
    static Map<String, Object> runAndWrite(Plan plan, long seed, Path out) throws IOException {
        String task = plan.task().name();
        return TribuoBaselines.runAndWrite(task, labelled(training(plan, seed), task + " training samples"),
                labelled(plan.task().heldOut(), task + " held-out samples"), plan.baselines(), EPOCHS, seed, false, out);
    }
}
