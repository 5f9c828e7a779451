package org.neuroai.compare.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;

/**
 * The summary figures of a sweep, drawn from its {@code sweep.csv} alone: for each swept setting,
 * the final value of one metric (the experiment's main metric unless told otherwise) against the
 * setting's values, one line per learner, mean with its 95 % t-interval over seeds. When other
 * settings were swept too, each combination of their values gets its own panel. The x axis is
 * logarithmic when the values are positive and span more than a factor of {@value #LOG_SPAN};
 * values that are not numbers are placed at equal spacing in grid order.
 */
public final class SweepFigures {
    /** The file a sweep writes. */
    public static final String CSV = "sweep.csv";
    /** The columns of {@code sweep.csv} after the swept settings. */
    public static final String COLUMNS = "learner,metric,mean,min,max,seeds,sd,ci95_low,ci95_high";
    /** Values spanning more than this factor get a logarithmic axis. */
    public static final double LOG_SPAN = 20;
    /** At most this many panels (combinations of the other settings) per figure. */
    static final int MAX_PANELS = 6;

    private SweepFigures() {}

    /**
     * One row of {@code sweep.csv}.
     *
     * @param point the swept settings' values, in column order
     * @param learner the learner
     * @param metric the metric
     * @param mean mean final value over seeds
     * @param low lower end of its 95 % t-interval (NaN for one seed)
     * @param high upper end (NaN for one seed)
     * @param seeds number of seeds
     */
    public record Row(Map<String, String> point, String learner, String metric, double mean, double low, double high, int seeds) {}

    /**
     * The rows and the swept settings of a {@code sweep.csv}.
     *
     * @param keys the swept settings, in column order
     * @param rows the rows, in file order
     */
    public record Table(List<String> keys, List<Row> rows) {
        /** The metrics, in order of first appearance. */
        public List<String> metrics() {
            return rows.stream().map(Row::metric).distinct().toList();
        }
    }

    /**
     * Reads {@code sweep.csv}.
     *
     * @param file the file
     * @return its table
     * @throws UserError for a missing or malformed file
     */
    public static Table read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the sweep's table (" + e.getMessage() + ").", e);
        }
        if (lines.isEmpty() || !lines.get(0).endsWith("," + COLUMNS)) {
            throw new UserError(file + ":1: the header must be the swept settings followed by '" + COLUMNS
                    + "'; a sweep.csv written before the t-interval columns is rewritten by running the same 'neuroai sweep' again.");
        }
        String[] header = lines.get(0).split(",");
        int k = header.length - COLUMNS.split(",").length;
        List<String> keys = List.of(header).subList(0, k);
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",", -1);
            if (f.length != header.length) {
                throw new UserError(file + ":" + (n + 1) + ": " + f.length + " fields where the header has " + header.length + ".");
            }
            Map<String, String> point = new LinkedHashMap<>();
            for (int i = 0; i < k; i++) {
                point.put(keys.get(i), f[i]);
            }
            try {
                rows.add(new Row(point, f[k], f[k + 1], Double.parseDouble(f[k + 2]), Double.parseDouble(f[k + 7]),
                        Double.parseDouble(f[k + 8]), Integer.parseInt(f[k + 5])));
            } catch (NumberFormatException e) {
                throw new UserError(file + ":" + (n + 1) + ": malformed number in '" + lines.get(n) + "'.");
            }
        }
        if (rows.isEmpty()) {
            throw new UserError(file + ": no finished run to draw.");
        }
        return new Table(keys, rows);
    }

    /** Base name of the figure of one swept setting. */
    public static String baseName(String key) {
        return "sweep_" + key.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Draws one figure per swept setting into the sweep folder.
     *
     * @param dir the sweep folder, holding {@code sweep.csv}
     * @param metric the metric to draw; null for the first one in the file (the main metric)
     * @return base name of every figure written, with a caption
     * @throws IOException when a figure cannot be written
     * @throws UserError for a malformed file or an unknown metric
     */
    public static Map<String, String> draw(Path dir, String metric) throws IOException {
        Table t = read(dir.resolve(CSV));
        Map<String, Described> learners = learners(dir);
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : t.keys()) {
            PanelFigure f = figure(t, key, metric, learners);
            f.save(dir, baseName(key));
            out.put(baseName(key), f.title());
        }
        return out;
    }

    /**
     * The figure of one swept setting.
     *
     * @param t the table
     * @param key the swept setting on the x axis
     * @param metric the metric; null for the first in the table
     * @return the figure
     * @throws UserError for an unknown metric
     */
    public static PanelFigure figure(Table t, String key, String metric) {
        return figure(t, key, metric, Map.of());
    }

    /**
     * The learners of a sweep, as the first of its runs describes them (learners.csv), so that the
     * sweep's figures show them as the runs' figures do; empty when no run describes them.
     *
     * @param dir the sweep folder
     * @return learner name to description
     */
    static Map<String, Described> learners(Path dir) throws IOException {
        Path runs = dir.resolve("runs");
        if (!java.nio.file.Files.isDirectory(runs)) {
            return Map.of();
        }
        try (var s = java.nio.file.Files.list(runs)) {
            for (Path p : s.sorted().toList()) {
                if (java.nio.file.Files.isRegularFile(p.resolve(LearnersFile.NAME))) {
                    return LearnersFile.read(p);
                }
            }
        }
        return Map.of();
    }

    /**
     * The figure of one swept setting, learners shown as the runs describe them.
     *
     * @param t the sweep's table
     * @param key the swept setting
     * @param metric the metric to draw, or null for the first
     * @param described the learners' labels, families and colour keys (learners not in it are drawn in their family's colours)
     * @return the figure
     */
    public static PanelFigure figure(Table t, String key, String metric, Map<String, Described> described) {
        String m = metric == null ? t.metrics().get(0) : metric;
        if (!t.metrics().contains(m)) {
            throw new UserError("--metric: '" + m + "' is not in " + CSV + "; its metrics: " + String.join(", ", t.metrics()) + ".");
        }
        List<Row> rows = t.rows().stream().filter(r -> r.metric().equals(m)).toList();
        Map<String, Described> all = new LinkedHashMap<>(described);
        rows.forEach(r -> all.putIfAbsent(r.learner(), new Described(r.learner(), Family.BIO, r.learner(), "", "")));
        Map<String, java.awt.Color> colours = Palette.of(all.values());
        List<String> others = t.keys().stream().filter(k -> !k.equals(key)).toList();
        Map<String, List<Row>> byPanel = new LinkedHashMap<>();
        for (Row r : rows) {
            StringBuilder b = new StringBuilder();
            for (String o : others) {
                b.append(b.length() == 0 ? "" : ", ").append(o).append(" = ").append(r.point().get(o));
            }
            byPanel.computeIfAbsent(b.toString(), x -> new ArrayList<>()).add(r);
        }
        List<String> values = rows.stream().map(r -> r.point().get(key)).distinct().toList();
        Axis axis = Axis.of(values);
        int seeds = rows.stream().mapToInt(Row::seeds).max().orElse(0);
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byPanel.entrySet()) {
            if (panels.size() == MAX_PANELS) {
                break;
            }
            String title = e.getKey().isEmpty() ? "Final " + m + " against " + key : "Final " + m + " at " + e.getKey();
            XYChart c = Charts.panel(title, key + (axis.log() ? " (setting's value, log scale)" : axis.numeric() ? " (setting's value)"
                    : " (setting's value, in grid order)"), m + " (final value)");
            Map<String, TreeMap<Double, Row>> byLearner = new LinkedHashMap<>();
            for (Row r : e.getValue()) {
                byLearner.computeIfAbsent(r.learner(), l -> new TreeMap<>()).put(axis.x(r.point().get(key)), r);
            }
            byLearner.forEach((learner, pts) -> {
                double[] x = pts.keySet().stream().mapToDouble(Double::doubleValue).toArray();
                double[] mean = pts.values().stream().mapToDouble(Row::mean).toArray();
                double[] lo = pts.values().stream().mapToDouble(r -> r.seeds() > 1 ? r.low() : r.mean()).toArray();
                double[] hi = pts.values().stream().mapToDouble(r -> r.seeds() > 1 ? r.high() : r.mean()).toArray();
                int n = pts.values().stream().mapToInt(Row::seeds).min().orElse(1);
                SeedStats st = new SeedStats(x, mean, lo, hi, mean, mean, n);
                XYSeries s = Charts.mean(c, all.get(learner).label(), st, colours.getOrDefault(learner, Palette.GREY), 2.2f);
                s.setMarker(SeriesMarkers.CIRCLE);
            });
            axis.style(c);
            c.getStyler().setMarkerSize(7);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            panels.add(c);
        }
        String title = "Sweep of " + key + ": final " + m + " of each learner";
        String shown = byPanel.size() > MAX_PANELS ? "; the first " + MAX_PANELS + " of " + byPanel.size() + " combinations of "
                + String.join(", ", others) : "";
        String subtitle = "One point per value of " + key + ", " + SeedStats.caption(seeds) + shown;
        return new PanelFigure(title, subtitle, panels, 1, 900, 300);
    }


    /**
     * How the values of a setting map to x.
     *
     * @param values the values, in grid order
     * @param numeric whether every value is a number
     * @param log whether the axis is logarithmic
     */
    record Axis(List<String> values, boolean numeric, boolean log) {
        static Axis of(List<String> values) {
            boolean numeric = true;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (String v : values) {
                try {
                    double d = Double.parseDouble(v);
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            return new Axis(values, numeric, numeric && min > 0 && max / min > LOG_SPAN);
        }

        double x(String v) {
            return numeric ? Double.parseDouble(v) : values.indexOf(v) + 1;
        }

        void style(XYChart c) {
            c.getStyler().setXAxisLogarithmic(log);
            if (!numeric) {
                c.getStyler().setXAxisMin(0.5);
                c.getStyler().setXAxisMax(values.size() + 0.5);
                c.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
                    int i = (int) Math.round(x);
                    return Math.abs(x - i) < 1e-9 && i >= 1 && i <= values.size() ? values.get(i - 1) : "";
                });
            } else {
                c.getStyler().setXAxisDecimalPattern("#,##0.###");
                // a margin of 5 % of the span (of its logarithm on a log axis), so the end points sit inside the frame
                double lo = values.stream().mapToDouble(Double::parseDouble).min().orElse(0);
                double hi = values.stream().mapToDouble(Double::parseDouble).max().orElse(1);
                if (hi > lo) {
                    double pad = log ? Math.pow(hi / lo, 0.05) : 0.05 * (hi - lo);
                    c.getStyler().setXAxisMin(log ? lo / pad : lo - pad);
                    c.getStyler().setXAxisMax(log ? hi * pad : hi + pad);
                }
            }
        }
    }
}
