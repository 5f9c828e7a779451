package org.neuroai.compare.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neuroai.core.Learner;
import org.neuroai.core.Task;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.engine.Schedule;

/**
 * One run of the loop for every seed: a task, fresh learners, a schedule, what is measured and
 * what is recorded. Most studies have one condition; an experiment that compares schedules of
 * training (acquisition then extinction, or blocking) or sweeps a quantity (patterns stored) has
 * one per schedule or value, each on fresh learners.
 *
 * @param name the condition's name: the prefix of its metrics ("blocking" gives "blocking.V_A"),
 *     or "" for none
 * @param task the task
 * @param learners the learners, in the order they are recorded and drawn
 * @param schedule length, chunks and strides
 * @param measures what is measured at every metrics checkpoint, each made afresh per seed
 * @param recording which synapses, probes and histograms are recorded
 * @param stepOffset added to every step written (to align a condition with another's timeline)
 */
public record Condition(String name, Task task, List<LearnerSpec> learners, Schedule schedule,
                        List<Supplier<? extends Measure>> measures, Recording recording, long stepOffset) {
    /** Copies the lists. */
    public Condition {
        learners = List.copyOf(learners);
        measures = List.copyOf(measures);
    }

    /** A condition without a name or an offset. */
    public Condition(Task task, List<LearnerSpec> learners, Schedule schedule, List<Supplier<? extends Measure>> measures,
                     Recording recording) {
        this("", task, learners, schedule, measures, recording, 0);
    }

    /** The metric name as written: with this condition's prefix. */
    public String metric(String name) {
        return this.name.isEmpty() ? name : this.name + "." + name;
    }

    /**
     * Which synapses, probes and histograms are recorded, at the schedule's strides.
     *
     * @param weights each learner's chosen synapses: group to flat indices
     * @param probes the probes to record, by name, for the learners that offer them
     * @param probeIndices at most this many indices of each probe, evenly spread
     * @param histograms the weight histograms, or null for none
     */
    public record Recording(Function<Learner, Map<String, int[]>> weights, List<String> probes, int probeIndices,
                            Histograms histograms) {
        /** Nothing beyond the metrics. */
        public static final Recording NONE = new Recording(l -> Map.of(), List.of(), 0, null);
        /**
         * The training loss of every learner that has one ({@code loss}, the loss of its last
         * minibatch as its network scored it), at the probes' stride. The engine records it in every
         * study anyway (with the metrics when the schedule records no probes); naming it here makes
         * the stride the probes'.
         */
        public static final Recording TRAINING_LOSS = new Recording(l -> Map.of(), List.of("loss"), 1, null);

        /** Copies the list. */
        public Recording {
            probes = List.copyOf(probes);
        }

        /** A copy that records these synapses. */
        public Recording weights(Function<Learner, Map<String, int[]>> chosen) {
            return new Recording(chosen, probes, probeIndices, histograms);
        }

        /** A copy that records these probes, at most {@code indices} of each. */
        public Recording probes(List<String> names, int indices) {
            return new Recording(weights, names, indices, histograms);
        }

        /** A copy that records these histograms. */
        public Recording histograms(Histograms h) {
            return new Recording(weights, probes, probeIndices, h);
        }
    }

    /**
     * Histograms of weights: the count in each of {@code bins} equal bins over [low, high], values
     * outside in the end bins.
     *
     * @param bins number of bins
     * @param low lower end
     * @param high upper end
     * @param groups each learner's weight groups to count
     */
    public record Histograms(int bins, double low, double high, Function<Learner, List<String>> groups) {}
}
