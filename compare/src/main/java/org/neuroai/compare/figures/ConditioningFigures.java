package org.neuroai.compare.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.Phases;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of classical conditioning, drawn from a finished run's {@code curves.csv},
 * {@link Phases phases.csv} and learners.csv: associative strength per cue, trial by trial, one
 * panel per learner, the second phase shaded and every phase labelled. The US magnitude λ, drawn
 * as a reference, is the run's fact {@code us}.
 */
public final class ConditioningFigures {
    /** Translucent grey, so the shading reads on a light and on a dark background alike. */
    private static final Color SHADE = new Color(128, 128, 128, 40);

    private ConditioningFigures() {}

    /** Acquisition then extinction of cue A. */
    public static final class Extinction implements Figure {
        @Override
        public String name() {
            return "conditioning-extinction";
        }

        @Override
        public String description() {
            return "acquisition and extinction: associative strength of cue A trial by trial, one panel per learner";
        }

        @Override
        public String file() {
            return "acquisition_extinction";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES, Phases.NAME);
        }

        @Override
        public String caption(RunFolder run) {
            return "Acquisition and extinction: associative strength of cue A trial by trial, one panel per learner, "
                    + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return extinction(Look.of(run));
        }
    }

    /** Blocking of cue B by the pretrained cue A, with the control. */
    public static final class Blocking implements Figure {
        @Override
        public String name() {
            return "conditioning-blocking";
        }

        @Override
        public String description() {
            return "Kamin blocking: associative strengths of cues A and B trial by trial, with the unblocked control, one panel per learner";
        }

        @Override
        public String file() {
            return "blocking";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES, Phases.NAME);
        }

        @Override
        public String caption(RunFolder run) {
            return "Kamin blocking: associative strengths of cues A and B trial by trial, one panel per learner, "
                    + "with the unblocked control, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return blocking(Look.of(run));
        }
    }

    /** Backward blocking: AB+, then A+ lowers B in a learner that keeps the covariance of its weights. */
    public static final class BackwardBlocking implements Figure {
        @Override
        public String name() {
            return "conditioning-backward-blocking";
        }

        @Override
        public String description() {
            return "backward blocking: AB+ then A+; associative strengths of A and B trial by trial, one panel per learner";
        }

        @Override
        public String file() {
            return "backward_blocking";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES, Phases.NAME);
        }

        @Override
        public String caption(RunFolder run) {
            return "Backward blocking: A and B together predict the US, then A alone does; associative strengths trial by trial, "
                    + "one panel per learner, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            Map<String, String> series = new LinkedHashMap<>();
            series.put("backward-blocking.V_A", "V_A (cue A, alone in phase 2)");
            series.put("backward-blocking.V_B", "V_B (cue B, absent in phase 2)");
            return figure(Look.of(run), "backward-blocking",
                    "Backward blocking: learning that A alone predicts the US lowers B only where the weights' covariance is kept", series);
        }
    }

    /** Overshadowing: cues of a compound share what the US supports. */
    public static final class Overshadowing implements Figure {
        @Override
        public String name() {
            return "conditioning-overshadowing";
        }

        @Override
        public String description() {
            return "overshadowing: cues A and B trained together, beside A trained alone, one panel per learner";
        }

        @Override
        public String file() {
            return "overshadowing";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.CURVES, Phases.NAME);
        }

        @Override
        public String caption(RunFolder run) {
            return "Overshadowing: associative strengths of cues A and B trained together, beside A trained alone (dotted), "
                    + "one panel per learner, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            Map<String, String> series = new LinkedHashMap<>();
            series.put("overshadowing.V_A", "V_A (in the compound AB)");
            series.put("overshadowing.V_B", "V_B (in the compound AB)");
            series.put("extinction.V_A", "V_A trained alone");
            return figure(Look.of(run), "overshadowing",
                    "Overshadowing: error-driven learners share the US between the cues of a compound; Hebb gives each the full amount", series);
        }
    }

    /** Acquisition then extinction of cue A. */
    static PanelFigure extinction(Look look) {
        return figure(look, "extinction", "Acquisition and extinction: error-driven learners learn and unlearn; one without an error term cannot unlearn",
                Map.of("extinction.V_A", "V_A (cue A)"));
    }

    /** Blocking of cue B by the pretrained cue A, with the control. */
    static PanelFigure blocking(Look look) {
        Map<String, String> series = new LinkedHashMap<>();
        series.put("blocking.V_A", "V_A (cue A, pretrained)");
        series.put("blocking.V_B", "V_B (cue B, added in phase 2)");
        series.put("control.V_B", "V_B in the control (no phase 1)");
        return figure(look, "blocking", "Kamin blocking: pretrained cue A keeps cue B from learning, unless the learner has no error term", series);
    }

    /** The US magnitude of a run: its fact {@code us}. */
    static double lambda(RunFolder run) {
        if (!run.provenance().path("us").isNumber()) {
            throw new UserError(run.file(RunFolder.PROVENANCE) + ": no number 'us' (the US magnitude); the run does not come "
                    + "from a conditioning experiment.");
        }
        return run.provenance().path("us").asDouble();
    }

    private static PanelFigure figure(Look look, String schedule, String title, Map<String, String> series) {
        RunFolder run = look.run();
        double lambda = lambda(run);
        List<Phases.Phase> phases = Phases.read(run.dir()).stream().filter(p -> p.schedule().equals(schedule)).toList();
        if (phases.isEmpty()) {
            throw new UserError(run.file(Phases.NAME) + ": no phases of schedule '" + schedule + "'.");
        }
        // a reference from another schedule (A trained alone) is drawn over this schedule's trials only
        long from = phases.get(0).first();
        long to = phases.get(phases.size() - 1).last();
        List<TraceRow> rows = TraceReader.read(run.file(Traces.CURVES),
                r -> series.containsKey(r.metric()) && r.step() >= from && r.step() <= to);
        Map<String, Map<String, SeedStats>> byMetric = new LinkedHashMap<>();
        for (String metric : series.keySet()) {
            byMetric.put(metric, SeedStats.byLearner(rows, metric));
        }
        Map<String, SeedStats> first = byMetric.values().iterator().next();
        List<String> learners = new ArrayList<>();
        for (String l : run.learners().keySet()) {
            if (first.containsKey(l)) {
                learners.add(l);
            }
        }
        first.keySet().stream().filter(l -> !learners.contains(l)).forEach(learners::add);
        int seeds = 0;
        boolean identical = true;
        List<XYChart> panels = new ArrayList<>();
        for (String learner : learners) {
            XYChart c = Charts.panel(look.labelWithStops(learner), "trial (count from the first)", "associative strength V (units of US)");
            Color col = look.colour(learner);
            double lo = 0;
            double hi = lambda;
            for (Map<String, SeedStats> m : byMetric.values()) {
                SeedStats st = m.get(learner);
                if (st == null) {
                    continue;
                }
                for (int i = 0; i < st.steps().length; i++) {
                    lo = Math.min(lo, Math.min(st.min()[i], st.low()[i]));
                    hi = Math.max(hi, Math.max(st.max()[i], st.high()[i]));
                    identical &= st.max()[i] - st.min()[i] < 1e-9;
                }
                seeds = Math.max(seeds, st.seeds());
            }
            double top = hi + 0.25 * (hi - lo);
            double bottom = lo - 0.05 * (hi - lo);
            for (int p = 1; p < phases.size(); p += 2) {
                shade(c, phases.get(p), bottom, top);
            }
            // cue A in the learner's colour, cue B in a darker shade of it, the control in grey and
            // dotted (XChart strokes each segment on its own, so a long dash would look solid)
            Color[] colours = {col, Palette.shade(col, 0.5), Palette.GREY};
            int k = 0;
            for (Map.Entry<String, String> e : series.entrySet()) {
                SeedStats st = byMetric.get(e.getKey()).get(learner);
                if (st != null) {
                    XYSeries s = Charts.mean(c, e.getValue(), st, colours[k], 2.2f);
                    if (k == 2) {
                        s.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 4f}, 0f));
                    }
                }
                k++;
            }
            double start = phases.get(0).first();
            double end = phases.get(phases.size() - 1).last();
            Charts.dashed(c, "\u03bb (US magnitude)", new double[] {start, end}, new double[] {lambda, lambda}, Palette.GREY, true)
                    .setLineWidth(1f);
            for (Phases.Phase p : phases) {
                c.addAnnotation(new AnnotationText(p.text(), (p.first() + p.last()) / 2.0, top - 0.08 * (top - bottom), false));
            }
            c.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            c.getStyler().setAnnotationTextFontColor(new Color(0x444444));
            c.getStyler().setXAxisMin(start);
            c.getStyler().setXAxisMax(end);
            c.getStyler().setYAxisMin(bottom);
            c.getStyler().setYAxisMax(top);
            c.getStyler().setYAxisDecimalPattern("0.0");
            c.getStyler().setXAxisTickMarkSpacingHint(80);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            panels.add(c);
        }
        String subtitle = "One panel per learner, all on the same trials from V = 0; " + (phases.size() > 1 ? "shaded: the second phase; " : "")
                + (identical ? (seeds == 1 ? "the trials are fixed, so every seed gives these curves" : "the trials are fixed, so all " + seeds
                        + " seeds agree") : SeedStats.caption(seeds));
        return new PanelFigure(title, subtitle, panels, 1, 940, 250);
    }

    private static void shade(XYChart c, Phases.Phase p, double bottom, double top) {
        XYSeries s = c.addSeries("shade " + p.name(), new double[] {p.first(), p.last(), p.last(), p.first()},
                new double[] {bottom, bottom, top, top});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(SHADE);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setLineWidth(0f);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }
}
