package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.Map;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.files.Divergences;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.Described;
import org.neuroai.core.Family;

/**
 * How a run's learners and steps look in its figures: each learner's colour, label and family from
 * learners.csv (the same in every figure of the run), and the x axis in presentations, epochs or
 * ms, as the run says.
 */
public final class Look {
    private final RunFolder run;
    private final Map<String, Color> colours;
    private Map<String, java.util.List<Divergences.Stop>> stops;

    private Look(RunFolder run) {
        this.run = run;
        this.colours = Palette.of(run.learners().values());
    }

    /**
     * Where a learner diverged and was stopped, from the marks in curves.csv ({@link Divergences}).
     *
     * @param learner the learner
     * @return its stops, by seed (empty when it never diverged or the run has no curves.csv)
     */
    public java.util.List<Divergences.Stop> stops(String learner) {
        if (stops == null) {
            stops = run.has(Traces.CURVES)
                    ? Divergences.byLearner(TraceReader.read(run.file(Traces.CURVES), r -> Divergences.isMark(r.metric())))
                    : Map.of();
        }
        return stops.getOrDefault(learner, java.util.List.of());
    }

    /** A learner's legend entry, followed by where it diverged when it did: "hebb, diverged at step 2100 (seed 0)". */
    public String labelWithStops(String learner) {
        java.util.List<Divergences.Stop> s = stops(learner);
        return s.isEmpty() ? label(learner) : label(learner) + ", " + Divergences.text(s);
    }

    /**
     * The look of a run.
     *
     * @param run the run
     * @return its look
     */
    public static Look of(RunFolder run) {
        return new Look(run);
    }

    /** The run. */
    public RunFolder run() {
        return run;
    }

    /** A learner's colour; grey for one the run does not describe. */
    public Color colour(String learner) {
        return colours.getOrDefault(learner, Palette.GREY);
    }

    /** A learner's legend entry; its name for one the run does not describe. */
    public String label(String learner) {
        Described d = run.learners().get(learner);
        return d == null ? learner : d.label();
    }

    /** A learner's family; BIO for one the run does not describe. */
    public Family family(String learner) {
        Described d = run.learners().get(learner);
        return d == null ? Family.BIO : d.family();
    }

    /** The x axis title. */
    public String xTitle() {
        if (run.inEpochs()) {
            return "epochs (passes over the training set)";
        }
        return switch (run.stepUnit()) {
            case "presentations" -> "training samples presented (count)";
            case "ms of simulated time" -> "simulated time (s)";
            case "samples", "tosses", "trials" -> run.stepUnit() + " (count)";
            default -> run.stepUnit();
        };
    }

    /** A step in the x axis's unit: epochs, seconds of simulated time, or the step itself. */
    public double x(double step) {
        if (run.inEpochs()) {
            return step / run.epochSize();
        }
        return run.stepUnit().equals("ms of simulated time") ? step / 1000 : step;
    }

    /** Steps in the x axis's unit. */
    public double[] x(double[] steps) {
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            out[i] = x(steps[i]);
        }
        return out;
    }

    /** Whether the x axis counts epochs. */
    public boolean inEpochs() {
        return run.inEpochs();
    }

    /** "on task NAME", for titles: the task of the run's first condition. */
    public String onTask() {
        return "on task " + run.provenance().at("/run/conditions/0/task").asText("?");
    }
}
