package org.neuroai.compare.charts;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.bio.spiking.protocols.Habituation;

/** Habituation curves: EPSP amplitude per stimulus, with Byrne's 1982 numbers where they apply. */
public final class HabituationFigures {
    private HabituationFigures() {}

    private static final Color[] ISI_COLOURS = {new Color(0x0072B2), new Color(0x56B4E9), new Color(0x009E73),
        new Color(0xE69F00), new Color(0xD55E00)};

    /**
     * One protocol's responses.
     *
     * @param rs the responses
     * @param model legend label
     * @param protocol the protocol, for the subtitle
     * @return the figure
     */
    public static PanelFigure protocol(List<Habituation.Response> rs, String model, Habituation.Protocol protocol) {
        XYChart c = Charts.panel("EPSP amplitude at every stimulus", "stimulus (count from the first)", "amplitude (fraction of the first)");
        XYSeries s = Charts.line(c, model, rs.stream().mapToDouble(Habituation.Response::stimulus).toArray(),
                rs.stream().mapToDouble(Habituation.Response::amplitude).toArray(), ISI_COLOURS[0], 1.8f);
        s.setMarker(SeriesMarkers.CIRCLE);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setYAxisDecimalPattern("0.00");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        String sub = String.format(java.util.Locale.ROOT, "%d stimuli %s s apart%s%s%s", protocol.stimuli(),
                ProtocolFigures.fmt(protocol.isiS()),
                protocol.sessions() > 1 ? ", " + protocol.sessions() + " sessions " + ProtocolFigures.fmt(protocol.sessionIntervalS())
                        + " s apart" : "",
                protocol.shock() != null ? ", tail shock in each session" : "",
                protocol.restS() > 0 ? ", test after " + ProtocolFigures.fmt(protocol.restS()) + " s rest" : "");
        return new PanelFigure("Habituation of the gill-withdrawal synapse: " + model, sub, List.of(c), 1, 900, 420);
    }

    /**
     * Habituation at several intervals against Byrne 1982.
     *
     * @param byIsi responses by inter-stimulus interval in seconds
     * @return the figure
     */
    public static PanelFigure byrne(Map<Double, List<Habituation.Response>> byIsi) {
        XYChart c = Charts.panel("Homosynaptic depression at five stimulus intervals", "stimulus (count from the first)",
                "EPSP amplitude (fraction of the first)");
        int i = 0;
        for (Map.Entry<Double, List<Habituation.Response>> e : byIsi.entrySet()) {
            XYSeries s = Charts.line(c, "model, " + ProtocolFigures.fmt(e.getKey()) + " s between stimuli",
                    e.getValue().stream().mapToDouble(Habituation.Response::stimulus).toArray(),
                    e.getValue().stream().mapToDouble(Habituation.Response::amplitude).toArray(),
                    ISI_COLOURS[i++ % ISI_COLOURS.length], 1.8f);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        // Byrne 1982: plateau at about 36 % (accepted 30-42 %) with 1 s between stimuli; 10th EPSP about
        // 65 % (55-75 %) with 100 s between stimuli. Drawn as points with the accepted range as bars.
        ProtocolFigures.data(c, "Byrne 1982: plateau at 1 s (accepted range)", new double[] {28}, new double[] {0.36},
                new double[] {0.06});
        XYSeries b = c.addSeries("Byrne 1982: 10th EPSP at 100 s (accepted range)", new double[] {10}, new double[] {0.65},
                new double[] {0.10});
        b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        b.setMarker(SeriesMarkers.SQUARE);
        b.setMarkerColor(new Color(0x222222));
        c.getStyler().setMarkerSize(7);
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setYAxisDecimalPattern("0.0");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.05);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return new PanelFigure("Aplysia sensory-to-motor synapse: habituation depends on the stimulus interval",
                "model ('aplysia' rule, defaults) beside Byrne 1982", List.of(c), 1, 1000, 460);
    }
}
