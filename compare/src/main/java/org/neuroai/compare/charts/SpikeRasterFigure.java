package org.neuroai.compare.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;

/**
 * Spike raster of the {@code stdp-balance} experiment: the spikes of a sample of inputs and of the
 * output neuron in the first and in the last stretch of a run, side by side. Inputs are ranked by
 * their final weight (strongest on top) and coloured by it, so a reader sees what learning did:
 * the same Poisson inputs before and after, and an output that fires less once the weights have
 * split into strong and weak.
 */
public final class SpikeRasterFigure {
    /** The figure's base name. */
    public static final String BASE = "spike_raster";
    /** The file it is drawn from. */
    public static final String CSV = "spikes.csv";
    /** The file's header. */
    public static final String HEADER = "window,start_ms,length_ms,input,final_w,t_ms";

    private SpikeRasterFigure() {}

    /**
     * One spike of {@code spikes.csv}.
     *
     * @param window "first" or "last"
     * @param startMs the stretch's start
     * @param lengthMs its length
     * @param input the input, or -1 for the output neuron
     * @param finalW the input's final weight (NaN for the output)
     * @param tMs the spike time
     */
    public record Spike(String window, double startMs, double lengthMs, int input, double finalW, double tMs) {}

    /**
     * Reads {@code spikes.csv}.
     *
     * @param file the file
     * @return its spikes
     * @throws UserError when the file is missing or malformed
     */
    public static List<Spike> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the spikes (" + e.getMessage() + ").");
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new UserError(file + ":1: expected the header '" + HEADER + "'.");
        }
        List<Spike> out = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            String[] f = lines.get(k).split(",");
            try {
                if (f.length != 6 || !(f[0].equals("first") || f[0].equals("last"))) {
                    throw new NumberFormatException("6 fields, window first or last");
                }
                out.add(new Spike(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            } catch (NumberFormatException e) {
                throw new UserError(file + ":" + (k + 1) + ": malformed row '" + lines.get(k) + "'; expected " + HEADER + ".");
            }
        }
        return out;
    }

    /**
     * Draws the raster into {@code dir} if the run kept spikes.
     *
     * @param dir the run folder
     * @param wMax the weight bound (inputs at or above half of it count as strong)
     * @param seed the seed the spikes come from
     * @throws IOException when the figure cannot be written
     */
    public static void draw(Path dir, double wMax, long seed) throws IOException {
        if (Files.isRegularFile(dir.resolve(CSV))) {
            figure(read(dir.resolve(CSV)), wMax, seed).save(dir, BASE);
        }
    }

    /**
     * The figure: two panels, the first and the last stretch.
     *
     * @param spikes the spikes
     * @param wMax the weight bound
     * @param seed the seed, for the subtitle
     * @return the figure
     */
    public static Figure figure(List<Spike> spikes, double wMax, long seed) {
        // rank inputs by final weight: row 1 the weakest, row n the strongest; the output above them
        TreeMap<Integer, Double> weights = new TreeMap<>();
        for (Spike s : spikes) {
            if (s.input() >= 0) {
                weights.put(s.input(), s.finalW());
            }
        }
        List<Integer> order = new ArrayList<>(weights.keySet());
        order.sort((a, b) -> weights.get(a).equals(weights.get(b)) ? Integer.compare(a, b) : Double.compare(weights.get(a), weights.get(b)));
        Map<Integer, Integer> row = new java.util.HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            row.put(order.get(k), k + 1);
        }
        int outputRow = order.size() + 2;
        List<XYChart> panels = new ArrayList<>();
        double[] rates = new double[2];
        int w = 0;
        for (String window : List.of("first", "last")) {
            List<Spike> mine = spikes.stream().filter(s -> s.window().equals(window)).toList();
            double start = mine.isEmpty() ? 0 : mine.get(0).startMs();
            double length = mine.isEmpty() ? 1000 : mine.get(0).lengthMs();
            long outputs = mine.stream().filter(s -> s.input() < 0).count();
            rates[w++] = outputs / (length / 1000);
            String title = String.format(Locale.ROOT, "%s %s s (from %s s): output %.1f Hz", window.equals("first") ? "First" : "Last",
                    num(length / 1000), num(start / 1000), outputs / (length / 1000));
            XYChart c = Charts.panel(title, "time in the stretch (ms)", "input (rank by final weight)");
            List<double[]> strong = new ArrayList<>();
            List<double[]> weak = new ArrayList<>();
            List<double[]> out = new ArrayList<>();
            for (Spike s : mine) {
                double x = s.tMs() - start;
                if (s.input() < 0) {
                    out.add(new double[] {x, outputRow});
                } else {
                    (s.finalW() >= wMax / 2 ? strong : weak).add(new double[] {x, row.get(s.input())});
                }
            }
            Color bio = Palette.of(StdpFigures.LEARNER, Family.BIO);
            scatter(c, "inputs ending strong (w ≥ w_max/2)", strong, bio);
            scatter(c, "inputs ending weak", weak, Palette.tint(bio, 0.55));
            scatter(c, "output neuron (top row)", out, new Color(0x222222));
            c.getStyler().setLegendVisible(false);
            c.getStyler().setMarkerSize(4);
            c.getStyler().setXAxisMin(0.0).setXAxisMax(length);
            c.getStyler().setYAxisMin(0.0).setYAxisMax(outputRow + 1.0);
            c.getStyler().setYAxisTicksVisible(false);
            Charts.roundXTicks(c, 0, length, 0);
            panels.add(c);
        }
        String title = "Spikes before and after learning: " + order.size() + " inputs and the output neuron";
        String subtitle = String.format(Locale.ROOT, "Seed %d, Poisson inputs at a constant rate; dark: inputs that end strong "
                + "(w ≥ w_max/2), light: end weak; top row: the output neuron, %.1f Hz then %.1f Hz", seed, rates[0], rates[1]);
        return new Figure(title, subtitle, panels, 2, 560, 420);
    }

    private static void scatter(XYChart c, String label, List<double[]> points, Color colour) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        XYSeries s = c.addSeries(label, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
