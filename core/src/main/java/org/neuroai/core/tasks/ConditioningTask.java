package org.neuroai.core.tasks;

import java.util.List;
import org.neuroai.core.Batch;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/**
 * Trials of classical conditioning: two cues, A and B (the two inputs, 1 when the cue is present),
 * and an unconditioned stimulus (US, the target: {@code us} on reinforced trials, 0 otherwise), in
 * phases of {@code trials} trials each, the same every time (the seed changes nothing).
 *
 * <p>Three schedules:
 * <ul>
 *   <li>{@code extinction}: acquisition (A → US), then extinction (A alone).</li>
 *   <li>{@code blocking}: phase 1 (A → US), then phase 2 (A and B together → US), Kamin's blocking
 *       design (Kamin 1969, in <i>Punishment and aversive behavior</i>, 279-296).</li>
 *   <li>{@code control}: phase 2 alone (AB → US), the reference against which B counts as
 *       blocked.</li>
 *   <li>{@code backward-blocking}: phase 1 (A and B together → US), then phase 2 (A alone → US):
 *       learning afterwards that A alone predicts the US lowers B, though B is absent (Shanks
 *       1985, Q J Exp Psychol 37B:1-21; Miller &amp; Matute 1996). A learner whose change of a
 *       cue's strength needs that cue present, as Rescorla-Wagner's does, cannot show it.</li>
 *   <li>{@code overshadowing}: one compound phase (A and B together → US); each cue ends weaker than
 *       it would when trained alone (Pavlov 1927), the cues sharing what the US supports.</li>
 * </ul>
 * A run of the task is at most {@link #length()} trials long. The held-out samples are the two cues
 * alone, without targets: what a learner predicts from each cue is that cue's associative strength.
 */
public final class ConditioningTask implements Task {
    /** The schedules, by name. */
    public static final List<String> SCHEDULES = List.of("extinction", "blocking", "control", "backward-blocking", "overshadowing");

    /**
     * One phase of a schedule: which cues are present and whether the US comes.
     *
     * @param name the phase's name ("acquisition", "phase 2", ...)
     * @param a whether cue A is present
     * @param b whether cue B is present
     * @param us whether the US comes
     */
    public record Phase(String name, boolean a, boolean b, boolean us) {
        /** The cues present, as "A", "B" or "AB". */
        public String cues() {
            return (a ? "A" : "") + (b ? "B" : "");
        }
    }

    private final String schedule;
    private final List<Phase> phases;
    private final int trials;
    private final double us;

    /** Registers the task under the name "conditioning". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "conditioning";
        }

        @Override
        public String description() {
            return "classical conditioning trials: cues A and B and an unconditioned stimulus, in the phases of "
                    + "extinction, blocking or its control, backward blocking or overshadowing";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.choice("schedule", "blocking", SCHEDULES, "the phases: extinction (A+, then A-), blocking "
                            + "(A+, then AB+), control (AB+), backward-blocking (AB+, then A+) or overshadowing (AB+)"),
                    ParamSpec.integer("trials", 50, 1, 100_000, "trials per phase"),
                    ParamSpec.positive("us", 1.0, 100, "1", "lambda, the magnitude of the US on reinforced trials"));
        }

        @Override
        public Task create(Params p) {
            return new ConditioningTask(p.string("schedule"), p.integer("trials"), p.real("us"));
        }
    }

    /**
     * @param schedule one of {@link #SCHEDULES}
     * @param trials trials per phase
     * @param us the magnitude of the US on reinforced trials
     * @throws UserError for an unknown schedule
     */
    public ConditioningTask(String schedule, int trials, double us) {
        this.schedule = schedule;
        this.phases = switch (schedule) {
            case "extinction" -> List.of(new Phase("acquisition", true, false, true), new Phase("extinction", true, false, false));
            case "blocking" -> List.of(new Phase("phase 1", true, false, true), new Phase("phase 2", true, true, true));
            case "control" -> List.of(new Phase("phase 2", true, true, true));
            case "backward-blocking" -> List.of(new Phase("phase 1", true, true, true), new Phase("phase 2", true, false, true));
            case "overshadowing" -> List.of(new Phase("compound", true, true, true));
            default -> throw new UserError("task conditioning: schedule '" + schedule + "' is unknown; valid schedules are "
                    + String.join(", ", SCHEDULES) + ".");
        };
        if (trials < 1) {
            throw new UserError("task conditioning: trials must be at least 1, not " + trials + ".");
        }
        this.trials = trials;
        this.us = us;
    }

    /** The schedule's name. */
    public String schedule() {
        return schedule;
    }

    /** The phases, in order, each {@link #trials()} trials long. */
    public List<Phase> phases() {
        return phases;
    }

    /** Trials per phase. */
    public int trials() {
        return trials;
    }

    /** The magnitude of the US on reinforced trials. */
    public double us() {
        return us;
    }

    /** Trials in the whole schedule: the longest run of the task. */
    @Override
    public long length() {
        return (long) trials * phases.size();
    }

    /** Whether cue B appears in any phase. */
    public boolean presentsB() {
        return phases.stream().anyMatch(Phase::b);
    }

    @Override
    public String name() {
        return "conditioning";
    }

    @Override
    public int inputDim() {
        return 2;
    }

    /** The trials in order; the seed changes nothing. */
    @Override
    public SampleStream stream(long orderSeed) {
        return new PositionStream() {
            @Override
            public Batch next(int n) {
                if (position() + n > length()) {
                    throw new UserError("task conditioning: schedule '" + schedule + "' has " + length() + " trials ("
                            + phases.size() + " phases of " + trials + "); a run of it can be at most " + length() + " steps long.");
                }
                return super.next(n);
            }

            @Override
            protected double[] input(long position) {
                Phase p = phases.get((int) (position / trials));
                return new double[] {p.a() ? 1 : 0, p.b() ? 1 : 0};
            }

            @Override
            protected double[] target(long position) {
                return new double[] {phases.get((int) (position / trials)).us() ? us : 0};
            }
        };
    }

    /** Each cue alone, without a target. */
    @Override
    public Split heldOut() {
        return new Split("cues alone", new double[][] {{1, 0}, {0, 1}}, null);
    }

    /** Every seed presents the same trials: the schedule is the experiment. */
    @Override
    public boolean seedOrdersSamples() {
        return false;
    }

    /** The cues alone, by which the associative strengths are read, are trials of the schedules themselves. */
    @Override
    public boolean scoresOnTrainingSamples() {
        return true;
    }
}
