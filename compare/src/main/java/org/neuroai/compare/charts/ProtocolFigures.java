package org.neuroai.compare.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.bio.spiking.protocols.Trains;
import org.neuroai.core.data.Published;

/** Figures of the spike-driven protocols, with published data where there are any. */
public final class ProtocolFigures {
    private static final Color MODEL = new Color(0x0072B2);
    private static final Color MODEL_2 = new Color(0x009E73);
    private static final Color DATA = new Color(0x222222);

    private ProtocolFigures() {}

    /** Adds measured points with error bars (mean ± s.e.m.). */
    static void data(XYChart c, String label, double[] x, double[] y, double[] err) {
        if (x.length == 0) {
            return;
        }
        XYSeries s = c.addSeries(label, x, y, err);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(DATA);
        s.setLineColor(DATA);
        c.getStyler().setErrorBarsColor(DATA);
        c.getStyler().setErrorBarsColorSeriesColor(false);
        c.getStyler().setMarkerSize(8);
    }

    private static double[] col(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The STDP window, with Sjöström's points at the protocol's frequency when it has 60 pairs.
     *
     * @param points the model's window
     * @param model legend label of the model (rule and preset)
     * @param pairs pairs per timing
     * @return the figure
     */
    public static PanelFigure window(List<Pairing.Point> points, String model, int pairs) {
        double f = points.get(0).frequencyHz();
        XYChart c = Charts.panel("Weight change after " + pairs + " pairs at " + fmt(f) + " Hz",
                "spike timing Δt = t_post − t_pre (ms)", "weight change (% of w0)");
        Charts.line(c, model, points.stream().mapToDouble(Pairing.Point::deltaTMs).toArray(),
                points.stream().mapToDouble(p -> 100 * p.weightChange()).toArray(), MODEL, 2.2f);
        Charts.dashed(c, "no change", new double[] {points.get(0).deltaTMs(), points.get(points.size() - 1).deltaTMs()},
                new double[] {0, 0}, Palette.GREY, false);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        if (pairs == 60) {
            for (Published.SjostromPoint d : Published.sjostrom2001()) {
                if (d.frequencyHz() == f) {
                    x.add(d.deltaTMs());
                    y.add(100 * d.change());
                    e.add(100 * d.sem());
                }
            }
        }
        data(c, "Sjöström et al. 2001 (mean ± s.e.m.)", col(x), col(y), col(e));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return new PanelFigure("The STDP window of " + model, "Δt > 0: the postsynaptic spike follows the presynaptic one",
                List.of(c), 1, 900, 420);
    }

    /**
     * Frequency dependence against Sjöström's data.
     *
     * @param points the model's points (Δt = ±10 ms at each frequency)
     * @param model legend label
     * @return the figure
     */
    public static PanelFigure frequency(List<Pairing.Point> points, String model) {
        XYChart c = Charts.panel("Weight change after 60 pairs vs pairing frequency", "pairing frequency (Hz)",
                "weight change (% of w0)");
        c.getStyler().setXAxisDecimalPattern("0.#");
        for (double dt : new double[] {10, -10}) {
            List<Pairing.Point> ps = points.stream().filter(p -> p.deltaTMs() == dt).toList();
            Charts.line(c, model + ", Δt = " + (dt > 0 ? "+" : "") + fmt(dt) + " ms",
                    ps.stream().mapToDouble(Pairing.Point::frequencyHz).toArray(),
                    ps.stream().mapToDouble(p -> 100 * p.weightChange()).toArray(), dt > 0 ? MODEL : MODEL_2, 2.2f)
                    .setMarker(SeriesMarkers.DIAMOND);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (Published.SjostromPoint d : Published.sjostrom2001()) {
                if (d.deltaTMs() == dt) {
                    x.add(d.frequencyHz());
                    y.add(100 * d.change());
                    e.add(100 * d.sem());
                }
            }
            data(c, "Sjöström et al. 2001, Δt = " + (dt > 0 ? "+" : "") + fmt(dt) + " ms (mean ± s.e.m.)", col(x), col(y), col(e));
        }
        XYSeries minus = c.getSeries("Sjöström et al. 2001, Δt = -10 ms (mean ± s.e.m.)");
        minus.setMarker(SeriesMarkers.SQUARE);
        minus.setMarkerColor(new Color(0x666666));
        c.getStyler().setMarkerSize(7);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return new PanelFigure("Frequency dependence of STDP: " + model, "60 pairs; Δt = t_post − t_pre; data: visual cortex L5",
                List.of(c), 1, 900, 440);
    }

    /** Responses of a regular train. */
    public static PanelFigure train(List<Trains.Response> rs, String model, double frequencyHz) {
        XYChart c = Charts.panel("Response to each spike of a " + fmt(frequencyHz) + " Hz train", "spike (count from the first)",
                "response (fraction of resources released)");
        XYSeries s = Charts.line(c, model, rs.stream().mapToDouble(Trains.Response::spike).toArray(),
                rs.stream().mapToDouble(Trains.Response::response).toArray(), MODEL, 1.8f);
        s.setMarker(SeriesMarkers.CIRCLE);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setYAxisDecimalPattern("0.00");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return new PanelFigure("Short-term plasticity: " + model, "released fraction u·x at every presynaptic spike", List.of(c), 1, 900, 420);
    }

    /** Weight after every event of a custom protocol. */
    public static PanelFigure custom(List<Trains.Event> events, String model) {
        XYChart c = Charts.panel("Weight after every spike", "time (ms)", "weight (dimensionless)");
        XYSeries s = Charts.line(c, model, events.stream().mapToDouble(Trains.Event::timeMs).toArray(),
                events.stream().mapToDouble(Trains.Event::weight).toArray(), MODEL, 1.8f);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        double[] pre = events.stream().filter(e -> e.kind().equals("pre")).mapToDouble(Trains.Event::timeMs).toArray();
        double[] post = events.stream().filter(e -> e.kind().equals("post")).mapToDouble(Trains.Event::timeMs).toArray();
        double lo = events.stream().mapToDouble(Trains.Event::weight).min().orElse(0);
        marks(c, "presynaptic spikes", pre, lo, SeriesMarkers.TRIANGLE_UP, new Color(0x0072B2));
        marks(c, "postsynaptic spikes", post, lo, SeriesMarkers.TRIANGLE_DOWN, new Color(0xD55E00));
        c.getStyler().setMarkerSize(8);
        return new PanelFigure("Custom spike pattern: " + model, "markers: spike times", List.of(c), 1, 900, 420);
    }

    private static void marks(XYChart c, String label, double[] t, double y, org.knowm.xchart.style.markers.Marker m, Color col) {
        if (t.length == 0) {
            return;
        }
        double[] ys = new double[t.length];
        java.util.Arrays.fill(ys, y);
        XYSeries s = c.addSeries(label, t, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(m);
        s.setMarkerColor(col);
    }

    /** A number without a trailing ".0" when it is whole, for titles and labels. */
    public static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Short legend text for a rule and its preset. */
    public static String label(String rule, String preset, Map<String, String> overrides) {
        String s = rule + (preset == null || preset.isEmpty() ? "" : " (" + preset + ")");
        return overrides.isEmpty() ? s : s + " " + overrides;
    }
}
