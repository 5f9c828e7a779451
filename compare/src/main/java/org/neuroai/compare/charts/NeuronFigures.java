package org.neuroai.compare.charts;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.bio.spiking.protocols.NeuronProtocols;

/** Figures of the neuron protocols: f-I curves, membrane traces, single synaptic events. */
public final class NeuronFigures {
    private NeuronFigures() {}

    /**
     * One f-I panel: simulated rates as points, the closed form as a line.
     *
     * @param title panel title
     * @param xTitle the input's name and unit
     * @param x inputs
     * @param simulated simulated rates, Hz
     * @param theory closed-form rates, Hz
     * @param theoryLabel legend of the closed form
     * @return the panel
     */
    public static XYChart fiPanel(String title, String xTitle, double[] x, double[] simulated, double[] theory, String theoryLabel) {
        XYChart c = Charts.panel(title, xTitle, "firing rate (Hz)");
        Charts.line(c, theoryLabel, x, theory, Palette.GREY, 2f);
        points(c, "simulated", x, simulated, SeriesMarkers.CIRCLE, Palette.BLUE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return c;
    }

    /** Adds points without a line. */
    private static void points(XYChart c, String label, double[] x, double[] y, org.knowm.xchart.style.markers.Marker marker,
                               java.awt.Color colour) {
        XYSeries s = c.addSeries(label, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(colour);
        c.getStyler().setMarkerSize(8);
    }

    /** A membrane-potential panel, spikes drawn as marks above the trace. */
    public static XYChart voltage(String title, NeuronProtocols.Trace t, double spikeMarkMv) {
        XYChart c = Charts.panel(title, "time (ms)", "membrane potential V (mV)");
        double[] v = t.v();
        Charts.roundXTicks(c, t.timeMs()[0], t.timeMs()[t.timeMs().length - 1], v[0]);
        Charts.line(c, "V", t.timeMs(), v, Palette.BLUE, 1.5f);
        if (!t.spikesMs().isEmpty()) {
            double[] x = t.spikesMs().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = new double[x.length];
            java.util.Arrays.fill(y, spikeMarkMv);
            points(c, "spikes (" + x.length + ")", x, y, SeriesMarkers.DIAMOND, Palette.VERMILLION);
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return c;
    }

    /** A panel of the trace's first variable (input current or conductance). */
    public static XYChart input(String title, String yTitle, NeuronProtocols.Trace t) {
        XYChart c = Charts.panel(title, "time (ms)", yTitle);
        Charts.roundXTicks(c, t.timeMs()[0], t.timeMs()[t.timeMs().length - 1], t.first()[0]);
        Charts.line(c, yTitle, t.timeMs(), t.first(), Palette.BLUISH_GREEN, 1.5f);
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /** The membrane under a step current and under Poisson input. */
    public static PanelFigure membrane(NeuronProtocols.Trace step, String stepLabel, NeuronProtocols.Trace poisson, String poissonLabel) {
        return new PanelFigure("LIF membrane potential: a step current, then Poisson input", "current-based LIF",
                List.of(voltage(stepLabel, step, -50), input("input current", "I (nA)", step),
                        voltage(poissonLabel, poisson, -50), input("synaptic current", "I_syn (nA)", poisson)), 2, 520, 320);
    }

    /** A single synaptic event: current (or conductance) and potential, for both LIF kinds. */
    public static PanelFigure psp(NeuronProtocols.Trace current, String currentLabel, NeuronProtocols.Trace conductance,
                                  String conductanceLabel) {
        return new PanelFigure("One synaptic event: the postsynaptic current or conductance, and the potential (PSP)",
                "both LIF neurons at rest", List.of(input(currentLabel, "I_syn (nA)", current), voltage("PSP, current-based", current, 0),
                        input(conductanceLabel, "g_e (leak units)", conductance), voltage("PSP, conductance-based", conductance, 0)),
                2, 520, 320);
    }
}
