package org.neuroai.compare.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything one run does, the same for every seed: its conditions, the plug-in, the figures to
 * draw (registered names), and how to read its steps. Built by an experiment from its settings, or
 * compiled from a comparison file.
 *
 * @param conditions the conditions, trained in order for each seed
 * @param metrics the metrics the study is about, in the order figures show them (empty: every
 *     metric in curves.csv)
 * @param plugin what is particular to the experiment
 * @param figures names of registered figures drawn after the run
 * @param stepUnit what a step counts, after a number: "presentations", "ms of simulated time", "trials"
 * @param inEpochs whether figures count steps in epochs of the first condition's task
 * @param threads seeds run at once (0: one per core)
 * @param facts what the provenance should keep about the study (task facts, derived rates)
 * @param sideBySide whether the learners of a seed work side by side on the threads the seeds
 *     leave over: worth it when each learner has much work of its own (two networks on MNIST), not
 *     when one learner does most of the work or the run is short, where the threads only compete
 *     with the JIT compiler and the collector
 */
public record Study(List<Condition> conditions, List<String> metrics, Plugin plugin, List<String> figures, String stepUnit, boolean inEpochs,
                    int threads, Map<String, Object> facts, boolean sideBySide) {
    /** Copies the lists. */
    public Study {
        conditions = List.copyOf(conditions);
        metrics = List.copyOf(metrics);
        figures = List.copyOf(figures);
        facts = Map.copyOf(facts);
    }

    /** A study whose learners work one after the other, on the thread of their seed. */
    public Study(List<Condition> conditions, List<String> metrics, Plugin plugin, List<String> figures, String stepUnit,
                 boolean inEpochs, int threads, Map<String, Object> facts) {
        this(conditions, metrics, plugin, figures, stepUnit, inEpochs, threads, facts, false);
    }

    /** A study of one condition, in presentations, one seed per core. */
    public static Study of(Condition condition, Plugin plugin, List<String> figures) {
        return new Study(List.of(condition), List.of(), plugin, figures, "presentations", false, 0, Map.of());
    }

    /** A copy that names the metrics it is about. */
    public Study metrics(List<String> names) {
        return new Study(conditions, names, plugin, figures, stepUnit, inEpochs, threads, facts, sideBySide);
    }

    /** A copy with another plug-in. */
    public Study with(Plugin p) {
        return new Study(conditions, metrics, p, figures, stepUnit, inEpochs, threads, facts, sideBySide);
    }

    /** A copy with these threads. */
    public Study threads(int n) {
        return new Study(conditions, metrics, plugin, figures, stepUnit, inEpochs, n, facts, sideBySide);
    }

    /** A copy with this step unit. */
    public Study stepUnit(String unit) {
        return new Study(conditions, metrics, plugin, figures, unit, inEpochs, threads, facts, sideBySide);
    }

    /** A copy that counts steps in epochs, or not. */
    public Study inEpochs(boolean epochs) {
        return new Study(conditions, metrics, plugin, figures, stepUnit, epochs, threads, facts, sideBySide);
    }

    /** A copy whose learners work side by side, or one after the other. */
    public Study learnersSideBySide(boolean yes) {
        return new Study(conditions, metrics, plugin, figures, stepUnit, inEpochs, threads, facts, yes);
    }

    /** A copy with these facts. */
    public Study facts(Map<String, Object> f) {
        return new Study(conditions, metrics, plugin, figures, stepUnit, inEpochs, threads, f, sideBySide);
    }

    /** The work of one seed in steps, summed over conditions and learners, for a progress display. */
    public long workPerSeed() {
        long w = 0;
        for (Condition c : conditions) {
            for (LearnerSpec l : c.learners()) {
                w += l.until() > 0 ? l.until() : c.schedule().length();
            }
        }
        return w;
    }
}
