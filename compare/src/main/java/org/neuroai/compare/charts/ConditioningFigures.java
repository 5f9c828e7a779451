package org.neuroai.compare.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figures of the {@code conditioning} experiment, drawn from a finished run's
 * {@code curves.csv} and {@code phases.csv} only: associative strength per cue, trial by trial,
 * one panel per learner, the second phase shaded and every phase labelled.
 */
public final class ConditioningFigures {
    /** Base name of the acquisition-and-extinction figure. */
    public static final String EXTINCTION = "acquisition_extinction";
    /** Base name of the blocking figure. */
    public static final String BLOCKING = "blocking";
    /** Translucent grey, so the shading reads on a light and on a dark background alike. */
    private static final Color SHADE = new Color(128, 128, 128, 40);

    private ConditioningFigures() {}

    /** How a learner is named in panel titles. */
    static String label(String learner) {
        return switch (learner) {
            case "rescorla-wagner" -> "Rescorla-Wagner (bio): \u0394V = \u03b1\u03b2 x (\u03bb \u2212 \u03a3 V x)";
            case "hebb" -> "plain Hebb on cue \u00d7 US (bio): \u0394V = \u03b7 x US";
            case "gradient" -> "linear unit, SGD on (y \u2212 \u03bb)\u00b2 (gradient, DL4J): \u0394w = 2 lr (\u03bb \u2212 y) x";
            default -> learner;
        };
    }

    static Family family(String learner) {
        return learner.equals("gradient") ? Family.GRADIENT : Family.BIO;
    }

    /** One phase as listed in phases.csv. */
    record Phase(String schedule, String name, long first, long last, String cues, boolean us) {
        String text() {
            return name + ": " + cues + (us ? " \u2192 US" : " alone");
        }
    }

    /**
     * Draws both figures into {@code dir}.
     *
     * @param dir a finished run's folder
     * @param lambda the US magnitude, drawn as a reference
     * @throws IOException when a figure cannot be written
     */
    public static void draw(Path dir, double lambda) throws IOException {
        extinction(dir, lambda).save(dir, EXTINCTION);
        blocking(dir, lambda).save(dir, BLOCKING);
    }

    /** Acquisition then extinction of cue A. */
    public static Figure extinction(Path dir, double lambda) {
        return figure(dir, "extinction", lambda,
                "Acquisition and extinction: error-driven rules learn and unlearn; Hebb cannot unlearn",
                Map.of("extinction.V_A", "V_A (cue A)"));
    }

    /** Blocking of cue B by the pretrained cue A, with the control. */
    public static Figure blocking(Path dir, double lambda) {
        Map<String, String> series = new LinkedHashMap<>();
        series.put("blocking.V_A", "V_A (cue A, pretrained)");
        series.put("blocking.V_B", "V_B (cue B, added in phase 2)");
        series.put("control.V_B", "V_B in the control (no phase 1)");
        return figure(dir, "blocking", lambda,
                "Kamin blocking: pretrained cue A keeps cue B from learning, except under Hebb",
                series);
    }

    private static Figure figure(Path dir, String schedule, double lambda, String title, Map<String, String> series) {
        List<TraceRow> rows = TraceReader.read(dir.resolve("curves.csv"), r -> series.containsKey(r.metric()));
        List<Phase> phases = readPhases(dir.resolve("phases.csv")).stream().filter(p -> p.schedule().equals(schedule)).toList();
        if (phases.isEmpty()) {
            throw new UserError(dir.resolve("phases.csv") + ": no phases of schedule '" + schedule + "'.");
        }
        Map<String, Map<String, SeedStats>> byMetric = new LinkedHashMap<>();
        for (String metric : series.keySet()) {
            byMetric.put(metric, SeedStats.byLearner(rows, metric));
        }
        List<String> learners = new ArrayList<>(byMetric.values().iterator().next().keySet());
        int seeds = 0;
        boolean identical = true;
        List<XYChart> panels = new ArrayList<>();
        for (String learner : learners) {
            XYChart c = Charts.panel(label(learner), "trial (count from the first)", "associative strength V (units of US)");
            Color col = Palette.of(learner, family(learner));
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
            double first = phases.get(0).first();
            double last = phases.get(phases.size() - 1).last();
            Charts.dashed(c, "\u03bb (US magnitude)", new double[] {first, last}, new double[] {lambda, lambda}, Palette.GREY, true)
                    .setLineWidth(1f);
            for (Phase p : phases) {
                AnnotationText a = new AnnotationText(p.text(), (p.first() + p.last()) / 2.0, top - 0.08 * (top - bottom), false);
                c.addAnnotation(a);
            }
            c.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            c.getStyler().setAnnotationTextFontColor(new Color(0x444444));
            c.getStyler().setXAxisMin(first);
            c.getStyler().setXAxisMax(last);
            c.getStyler().setYAxisMin(bottom);
            c.getStyler().setYAxisMax(top);
            c.getStyler().setYAxisDecimalPattern("0.0");
            c.getStyler().setXAxisTickMarkSpacingHint(80);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            panels.add(c);
        }
        String subtitle = "One panel per learner, all on the same trials from V = 0; shaded: the second phase; "
                + (identical ? (seeds == 1 ? "the trials are fixed, so every seed gives these curves" : "the trials are fixed, so all " + seeds + " seeds agree")
                        : SeedStats.caption(seeds));
        return new Figure(title, subtitle, panels, 1, 940, 250);
    }

    private static void shade(XYChart c, Phase p, double bottom, double top) {
        XYSeries s = c.addSeries("shade " + p.name(), new double[] {p.first(), p.last(), p.last(), p.first()},
                new double[] {bottom, bottom, top, top});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(SHADE);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setLineWidth(0f);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    static List<Phase> readPhases(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(0).equals("schedule,phase,first_step,last_step,cues,us")) {
                throw new UserError(file + ":1: the header must be 'schedule,phase,first_step,last_step,cues,us'.");
            }
            List<Phase> out = new ArrayList<>();
            for (int n = 1; n < lines.size(); n++) {
                String[] f = lines.get(n).split(",");
                try {
                    out.add(new Phase(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5].equals("1")));
                } catch (RuntimeException e) {
                    throw new UserError(file + ":" + (n + 1) + ": malformed row '" + lines.get(n) + "'.");
                }
            }
            return out;
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the phases (" + e.getMessage() + ").", e);
        }
    }
}
