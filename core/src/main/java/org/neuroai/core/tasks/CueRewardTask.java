package org.neuroai.core.tasks;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.Batch;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/**
 * Trials of delay conditioning in time steps, the protocol of Schultz's dopamine recordings
 * (W. Schultz, P. Dayan &amp; P. R. Montague 1997, "A neural substrate of prediction and reward",
 * Science 275:1593-1599): each trial is {@code steps} steps long; a cue comes on at step
 * {@code cue}, and a reward of size {@code reward} comes {@code delay} steps later. After the
 * {@code trials} conditioning trials come {@code probes} probe trials, identical but with the reward
 * omitted. A sample is one time step: its input is the stimulus representation at that step and its
 * target the reward delivered at it (0 at every other step), so a learner of predictions in time,
 * such as temporal-difference learning, sees the trial step by step.
 *
 * <p>Two representations of the cue's history (the input):
 * <ul>
 *   <li>{@code csc}, the complete serial compound or tapped delay line: one input per step since
 *       cue onset, 1 at that step and 0 at every other (Sutton &amp; Barto 1990, in <i>Learning and
 *       Computational Neuroscience</i>, 497-537; Montague, Dayan &amp; Sejnowski 1996, J Neurosci
 *       16:1936). Every step of the trial after the cue has a weight of its own.</li>
 *   <li>{@code microstimulus}: each stimulus (the cue, and the reward itself) starts a memory
 *       trace y = decay^(steps since its onset), and m microstimuli read the trace through
 *       Gaussian bumps, x_i = y · exp(−(y − i/m)² / (2σ²)) / √(2π), i = 1..m: late
 *       microstimuli are weaker and broader in time (E. A. Ludvig, R. S. Sutton &amp; E. J. Kehoe
 *       2008, "Stimulus representation and the timing of reward-prediction errors in models of
 *       the dopamine system", Neural Computation 20:3034-3054). The defaults of the decay, the
 *       width σ and m here suit trials of tens of steps; they are not the paper's.</li>
 * </ul>
 * Before the cue every input is 0, so whatever a learner without a bias predicts there is 0: the
 * trial starts from no expectation.
 *
 * <p>With {@code jitter} &gt; 0 the delay of each trial is drawn uniformly from
 * delay ± jitter by the seed; otherwise every seed presents the same trials.
 */
public final class CueRewardTask implements Task {
    /** The representations, by name. */
    public static final List<String> REPRESENTATIONS = List.of("csc", "microstimulus");

    private final int trials;
    private final int probes;
    private final int steps;
    private final int cue;
    private final int delay;
    private final int jitter;
    private final double reward;
    private final String representation;
    private final int microstimuli;
    private final double decay;
    private final double width;

    /** Registers the task under the name "cue-reward". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "cue-reward";
        }

        @Override
        public String description() {
            return "delay conditioning in time steps (Schultz, Dayan & Montague 1997): a cue, a reward a fixed delay later, "
                    + "then probe trials with the reward omitted; the cue as a tapped delay line or as microstimuli";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.integer("trials", 200, 1, 1_000_000, "conditioning trials, rewarded"),
                    ParamSpec.integer("probes", 1, 0, 1_000_000, "probe trials after them, with the reward omitted"),
                    ParamSpec.integer("steps", 25, 3, 10_000, "time steps per trial"),
                    ParamSpec.integer("cue", 5, 1, 10_000, "step of the trial at which the cue comes on (the first step is 0)"),
                    ParamSpec.integer("delay", 10, 1, 10_000, "steps from cue onset to the reward"),
                    ParamSpec.integer("jitter", 0, 0, 10_000, "each trial's delay is drawn from delay +- jitter (0: fixed)"),
                    ParamSpec.positive("reward", 1.0, 1000, "1", "the size of the reward"),
                    ParamSpec.choice("representation", "csc", REPRESENTATIONS,
                            "the input: csc (a tapped delay line, one input per step since the cue) or microstimulus"),
                    ParamSpec.integer("microstimuli", 10, 1, 1000, "microstimuli per stimulus (cue and reward)"),
                    ParamSpec.real("decay", 0.92, 0.01, 0.9999, "1", "decay of a stimulus's memory trace per step"),
                    ParamSpec.positive("width", 0.08, 10, "1", "sigma, the width of each microstimulus on the trace's height"));
        }

        @Override
        public Task create(Params p) {
            return new CueRewardTask(p.integer("trials"), p.integer("probes"), p.integer("steps"), p.integer("cue"),
                    p.integer("delay"), p.integer("jitter"), p.real("reward"), p.string("representation"),
                    p.integer("microstimuli"), p.real("decay"), p.real("width"));
        }
    }

    /**
     * @param trials rewarded conditioning trials
     * @param probes probe trials after them, with the reward omitted
     * @param steps time steps per trial
     * @param cue the step of cue onset, at least 1
     * @param delay steps from cue onset to the reward
     * @param jitter each trial's delay is drawn from delay ± jitter
     * @param reward the reward's size
     * @param representation one of {@link #REPRESENTATIONS}
     * @param microstimuli microstimuli per stimulus
     * @param decay the memory trace's decay per step, in (0, 1)
     * @param width σ of each microstimulus
     * @throws UserError when the reward could come at or after the trial's end, or for an unknown representation
     */
    public CueRewardTask(int trials, int probes, int steps, int cue, int delay, int jitter, double reward, String representation,
                         int microstimuli, double decay, double width) {
        if (!REPRESENTATIONS.contains(representation)) {
            throw new UserError("task cue-reward: representation '" + representation + "' is unknown; valid are "
                    + String.join(", ", REPRESENTATIONS) + ".");
        }
        if (cue < 1 || cue >= steps) {
            throw new UserError("task cue-reward: 'cue' = " + cue + " must be in [1, steps - 1] = [1, " + (steps - 1)
                    + "], so that a trial starts before the cue.");
        }
        if (jitter >= delay) {
            throw new UserError("task cue-reward: 'jitter' = " + jitter + " must be less than 'delay' = " + delay
                    + ", so that the reward comes after the cue.");
        }
        if (cue + delay + jitter >= steps) {
            throw new UserError("task cue-reward: cue + delay + jitter = " + (cue + delay + jitter) + " must be less than 'steps' = "
                    + steps + ", so that every reward comes within its trial; valid is delay <= " + (steps - 1 - cue - jitter) + ".");
        }
        if (trials < 1 || probes < 0) {
            throw new UserError("task cue-reward: 'trials' must be at least 1 and 'probes' at least 0, not " + trials + " and "
                    + probes + ".");
        }
        if (!(decay > 0 && decay < 1) || !(width > 0) || microstimuli < 1) {
            throw new UserError("task cue-reward: 'decay' must be in (0, 1), 'width' > 0 and 'microstimuli' >= 1, not " + decay
                    + ", " + width + " and " + microstimuli + ".");
        }
        this.trials = trials;
        this.probes = probes;
        this.steps = steps;
        this.cue = cue;
        this.delay = delay;
        this.jitter = jitter;
        this.reward = reward;
        this.representation = representation;
        this.microstimuli = microstimuli;
        this.decay = decay;
        this.width = width;
    }

    /** A task with the cue as a tapped delay line, no jitter, and one probe trial. */
    public static CueRewardTask csc(int trials, int steps, int cue, int delay) {
        return new CueRewardTask(trials, 1, steps, cue, delay, 0, 1.0, "csc", 10, 0.92, 0.08);
    }

    /** Rewarded conditioning trials. */
    public int trials() {
        return trials;
    }

    /** Probe trials (reward omitted) after the conditioning trials. */
    public int probes() {
        return probes;
    }

    /** Time steps per trial. */
    public int steps() {
        return steps;
    }

    /** The step of cue onset within a trial. */
    public int cue() {
        return cue;
    }

    /** The nominal delay from cue onset to reward, in steps. */
    public int delay() {
        return delay;
    }

    /** The reward's size. */
    public double reward() {
        return reward;
    }

    /** The representation's name. */
    public String representation() {
        return representation;
    }

    /** Whether a trial (0-based) is a probe trial, with the reward omitted. */
    public boolean isProbe(long trial) {
        return trial >= trials;
    }

    /**
     * The step within a trial at which its reward comes (or would have come, on a probe trial).
     *
     * @param trial the trial, 0-based
     * @param orderSeed the stream's seed, which draws the jitter
     * @return the step
     */
    public int rewardStep(long trial, long orderSeed) {
        if (jitter == 0) {
            return cue + delay;
        }
        SplittableRandom r = new SplittableRandom(orderSeed * 0x9E3779B97F4A7C15L + trial);
        return cue + delay + r.nextInt(-jitter, jitter + 1);
    }

    @Override
    public String name() {
        return "cue-reward";
    }

    @Override
    public int inputDim() {
        return representation.equals("csc") ? steps - cue : 2 * microstimuli;
    }

    @Override
    public long length() {
        return (long) (trials + probes) * steps;
    }

    /**
     * The input at a step of a trial.
     *
     * @param step the step within the trial
     * @param rewardAt the step of the reward, or −1 when none comes
     * @return a new array
     */
    public double[] input(int step, int rewardAt) {
        double[] x = new double[inputDim()];
        if (step < cue) {
            return x;
        }
        if (representation.equals("csc")) {
            x[step - cue] = 1;
            return x;
        }
        microstimuli(Math.pow(decay, step - cue), x, 0);
        if (rewardAt >= 0 && step >= rewardAt) {
            microstimuli(Math.pow(decay, step - rewardAt), x, microstimuli);
        }
        return x;
    }

    /** Writes the m microstimuli of a trace of height y into x from offset. */
    private void microstimuli(double y, double[] x, int offset) {
        double norm = 1 / Math.sqrt(2 * Math.PI);
        for (int i = 1; i <= microstimuli; i++) {
            double d = y - (double) i / microstimuli;
            x[offset + i - 1] = y * norm * Math.exp(-d * d / (2 * width * width));
        }
    }

    /**
     * One trial's inputs, a row per step.
     *
     * @param rewardAt the reward's step, or −1 for a trial without reward
     * @return the rows
     */
    public double[][] trialInputs(int rewardAt) {
        double[][] x = new double[steps][];
        for (int t = 0; t < steps; t++) {
            x[t] = input(t, rewardAt);
        }
        return x;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        return new PositionStream() {
            @Override
            public Batch next(int n) {
                if (position() + n > length()) {
                    throw new UserError("task cue-reward has " + length() + " steps (" + (trials + probes) + " trials of " + steps
                            + "); a run of it can be at most " + length() + " steps long.");
                }
                return super.next(n);
            }

            @Override
            protected double[] input(long position) {
                long trial = position / steps;
                return CueRewardTask.this.input((int) (position % steps), isProbe(trial) ? -1 : rewardStep(trial, orderSeed));
            }

            @Override
            protected double[] target(long position) {
                long trial = position / steps;
                boolean now = !isProbe(trial) && position % steps == rewardStep(trial, orderSeed);
                return new double[] {now ? reward : 0};
            }
        };
    }

    /** One rewarded trial at the nominal delay, step by step, with its rewards as targets. */
    @Override
    public Split heldOut() {
        double[][] t = new double[steps][1];
        t[cue + delay][0] = reward;
        return new Split("one rewarded trial", trialInputs(cue + delay), t);
    }

    /** The trials are the same for every seed unless the delay jitters. */
    @Override
    public boolean seedOrdersSamples() {
        return jitter > 0;
    }

    /** The trial by which predictions are read is a trial of the task itself. */
    @Override
    public boolean scoresOnTrainingSamples() {
        return true;
    }
}
