package org.neuroai.compare.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of the dopamine-td experiment, drawn from a finished run's {@code probes.csv}
 * (the probe {@code <representation>.trial_td_error}, recorded at the end of every trial, one value
 * per step of the trial) and the run's facts (steps per trial, cue, delay, trials).
 */
public final class DopamineFigures {
    /** The probe of the TD error at every step of a trial. */
    static final String PROBE = "trial_td_error";

    private DopamineFigures() {}

    /** The three panels of Schultz 1997 (and one during learning), per learner and representation. */
    public static final class TdError implements Figure {
        @Override
        public String name() {
            return "dopamine-td-error";
        }

        @Override
        public String description() {
            return "the TD error over the steps of a trial before, during and after learning, and with the reward omitted; "
                    + "one row per learner and representation";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.PROBES);
        }

        @Override
        public String caption(RunFolder run) {
            return "The TD error (the dopamine-like signal) at every step of trial 1, of a trial during learning, of the last "
                    + "rewarded trial and of the probe trial with the reward omitted, one row per learner and representation, "
                    + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return errors(Look.of(run));
        }
    }

    /** A whole-number fact of the run. */
    static int fact(RunFolder run, String key) {
        if (!run.provenance().path(key).isNumber()) {
            throw new UserError(run.file(RunFolder.PROVENANCE) + ": no number '" + key + "'; the run does not come from the "
                    + "dopamine-td experiment.");
        }
        return run.provenance().path(key).asInt();
    }

    /** The trials shown, 1-based: the first, one during learning, the last rewarded one and the probe. */
    static int[] shownTrials(int trials) {
        return new int[] {1, Math.max(2, Math.round(trials / 10f)), trials, trials + 1};
    }

    private static final String[] REPRESENTATION_LABELS = {"delay line", "microstimuli"};

    static PanelFigure errors(Look look) {
        RunFolder run = look.run();
        int steps = fact(run, "steps");
        int cue = fact(run, "cue");
        int delay = fact(run, "delay");
        int trials = fact(run, "trials");
        double reward = run.provenance().path("reward").asDouble(1);
        List<String> reps = new ArrayList<>();
        run.provenance().path("representations").forEach(n -> reps.add(n.asText()));
        int[] shown = shownTrials(trials);
        java.util.Set<Long> at = new java.util.HashSet<>();
        for (int k : shown) {
            at.add((long) k * steps);
        }
        List<TraceRow> rows = TraceReader.read(run.file(Traces.PROBES), r -> r.metric().endsWith("." + PROBE) && at.contains(r.step()));
        if (rows.isEmpty()) {
            throw new UserError(run.file(Traces.PROBES) + ": no probe '" + PROBE + "' at the end of trials " + java.util.Arrays.toString(shown)
                    + "; the run does not come from the dopamine-td experiment.");
        }
        // learner -> representation -> trial -> time from cue -> values over seeds
        Map<String, Map<String, Map<Integer, TreeMap<Double, List<Double>>>>> data = new java.util.LinkedHashMap<>();
        java.util.Set<Long> seeds = new java.util.HashSet<>();
        for (TraceRow r : rows) {
            String rep = r.metric().substring(0, r.metric().length() - PROBE.length() - 1);
            int trial = (int) (r.step() / steps);
            data.computeIfAbsent(r.learner(), l -> new java.util.LinkedHashMap<>()).computeIfAbsent(rep, x -> new TreeMap<>())
                    .computeIfAbsent(trial, x -> new TreeMap<>()).computeIfAbsent((double) (r.index() - cue), x -> new ArrayList<>())
                    .add(r.value());
            seeds.add(r.seed());
        }
        List<String> learners = new ArrayList<>();
        for (String l : run.learners().keySet()) {
            if (data.containsKey(l)) {
                learners.add(l);
            }
        }
        double lo = -1.15 * reward;
        double hi = 1.15 * reward;
        for (Map<String, Map<Integer, TreeMap<Double, List<Double>>>> byRep : data.values()) {
            for (Map<Integer, TreeMap<Double, List<Double>>> byTrial : byRep.values()) {
                for (TreeMap<Double, List<Double>> m : byTrial.values()) {
                    for (List<Double> v : m.values()) {
                        for (double d : v) {
                            lo = Math.min(lo, d - 0.05 * reward);
                            hi = Math.max(hi, d + 0.05 * reward);
                        }
                    }
                }
            }
        }
        String[] when = {"trial " + shown[0], "trial " + shown[1], "trial " + shown[2], "no reward"};
        List<XYChart> panels = new ArrayList<>();
        for (String rep : reps) {
            String repLabel = REPRESENTATION_LABELS[Math.max(0, reps.indexOf(rep)) % REPRESENTATION_LABELS.length];
            for (String learner : learners) {
                Map<Integer, TreeMap<Double, List<Double>>> byTrial = data.get(learner).get(rep);
                if (byTrial == null) {
                    continue;
                }
                String who = (look.family(learner) == org.neuroai.core.Family.GRADIENT ? "DL4J critic" : "TD(\u03bb)") + ", " + repLabel;
                for (int c = 0; c < shown.length; c++) {
                    XYChart p = Charts.panel(who + " \u00b7 " + when[c],
                            "time from cue onset (steps)", "TD error \u03b4 (reward units)");
                    double x0 = -cue;
                    double x1 = steps - 1 - cue;
                    Charts.dashed(p, "cue onset", new double[] {0, 0}, new double[] {lo, hi}, Palette.GREY, false)
                            .setLineWidth(1f);
                    Charts.dashed(p, "reward time", new double[] {delay, delay}, new double[] {lo, hi}, Palette.GREY, false)
                            .setLineWidth(1f);
                    Charts.line(p, "zero", new double[] {x0, x1}, new double[] {0, 0}, new Color(0xBBBBBB), 1f).setShowInLegend(false);
                    TreeMap<Double, List<Double>> m = byTrial.get(shown[c]);
                    if (m != null) {
                        SeedStats st = SeedStats.of(m, seeds.size());
                        Charts.mean(p, look.label(learner), st, look.colour(learner), 2.2f);
                    }
                    p.getStyler().setLegendVisible(false);
                    p.getStyler().setXAxisMin(x0);
                    p.getStyler().setXAxisMax(x1);
                    p.getStyler().setYAxisMin(lo);
                    p.getStyler().setYAxisMax(hi);
                    p.getStyler().setYAxisDecimalPattern("0.0");
                    p.getStyler().setXAxisTickMarkSpacingHint(60);
                    p.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12));
                    panels.add(p);
                }
            }
        }
        String subtitle = "Columns: trials 1, " + shown[1] + " and " + shown[2] + " (the last rewarded), then the probe with the reward "
                + "omitted. Dashed: cue onset (0) and the reward's time (+" + delay + " steps); " + (seeds.size() > 1 ? "mean over "
                + seeds.size() + " seeds, band: 95 % t-interval" : "one seed");
        return new PanelFigure("Dopamine as a TD error: the error moves from the reward to the cue, and dips when the reward is omitted",
                subtitle, panels, shown.length, 350, 220);
    }
}
