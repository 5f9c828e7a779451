package org.neuroai.compare.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * The figure of the {@code gradient-alignment} experiment, drawn from {@code curves.csv} alone:
 * the cosine between each learner's proposed weight change and the negative gradient of its task
 * loss over presentations (top), and the loss (bottom), for the regression task (left) and the
 * digits (right). Lines are means over seeds, bands 95 % t-intervals of the mean.
 */
public final class GradientAlignmentFigure {
    /** Base name of the figure. */
    public static final String NAME = "gradient_alignment";
    /** The hidden layer that learns by the Krotov-Hopfield rule, on the digits. */
    public static final String KROTOV_HOPFIELD = "krotov-hopfield";

    private GradientAlignmentFigure() {}

    /** How a learner is named in legends. */
    static String label(String learner) {
        return switch (learner) {
            case "delta" -> "delta rule";
            case "hebb" -> "Hebb, output clamped";
            case "sgd" -> "plain SGD";
            case "adam" -> "Adam";
            case KROTOV_HOPFIELD -> "Krotov-Hopfield rule, hidden layer";
            default -> learner;
        };
    }

    static Family family(String learner) {
        return learner.equals("sgd") || learner.equals("adam") ? Family.GRADIENT : Family.BIO;
    }

    /**
     * Draws the figure into {@code dir}.
     *
     * @param dir a finished run's folder
     * @param d inputs of the regression task, for titles
     * @param hidden hidden units on the digits, for titles
     * @throws IOException when it cannot be written
     */
    public static void draw(Path dir, int d, int hidden) throws IOException {
        figure(dir, d, hidden).save(dir, NAME);
    }

    /**
     * The figure.
     *
     * @param dir a finished run's folder
     * @param d inputs of the regression task
     * @param hidden hidden units on the digits
     * @return the figure, not yet saved
     */
    public static Figure figure(Path dir, int d, int hidden) {
        List<TraceRow> rows = TraceReader.read(dir.resolve("curves.csv"), r -> true);
        Map<String, SeedStats> alignment = SeedStats.byLearner(rows, "alignment", true);
        Map<String, SeedStats> loss = SeedStats.byLearner(rows, "loss", true);
        if (alignment.isEmpty()) {
            throw new UserError(dir.resolve("curves.csv") + ": no alignment rows to draw.");
        }
        String x = "presentations (samples)";
        String images = "presentations (images, 1,797 per epoch)";
        XYChart linear = Charts.panel("Regression, linear unit with " + d + " inputs", x, "cos(ΔW, −∇L)");
        XYChart digits = Charts.panel("8x8 digits, " + hidden + " hidden units", images, "cos(ΔW, −∇L)");
        XYChart linearLoss = Charts.panel("Squared error on the evaluation batch", x, "mean squared error (log scale)");
        XYChart digitsLoss = Charts.panel("Readout's cross-entropy on the evaluation batch", images, "cross-entropy (nats)");
        double linearEnd = 0;
        double digitsEnd = 0;
        for (Map.Entry<String, SeedStats> e : alignment.entrySet()) {
            double[] steps = e.getValue().steps();
            if (e.getKey().equals(KROTOV_HOPFIELD)) {
                digitsEnd = Math.max(digitsEnd, steps[steps.length - 1]);
            } else {
                linearEnd = Math.max(linearEnd, steps[steps.length - 1]);
            }
        }
        // ticks on round numbers, not on the checkpoints
        Charts.roundXTicks(linear, 0, linearEnd, 0.5);
        Charts.roundXTicks(digits, 0, digitsEnd, 0.5);
        for (Map.Entry<String, SeedStats> e : loss.entrySet()) {
            boolean onDigits = e.getKey().equals(KROTOV_HOPFIELD);
            XYChart c = onDigits ? digitsLoss : linearLoss;
            if (c.getSeriesCollection().isEmpty() && e.getValue().mean().length > 0 && e.getValue().mean()[0] > 0) {
                Charts.roundXTicks(c, 0, onDigits ? digitsEnd : linearEnd, e.getValue().mean()[0]);
            }
        }
        int seeds = 0;
        for (Map.Entry<String, SeedStats> e : alignment.entrySet()) {
            boolean onDigits = e.getKey().equals(KROTOV_HOPFIELD);
            curve(onDigits ? digits : linear, e.getKey(), e.getValue(), Scale.COSINE);
            SeedStats l = loss.get(e.getKey());
            if (l != null) {
                curve(onDigits ? digitsLoss : linearLoss, e.getKey(), l, onDigits ? Scale.LINEAR : Scale.LOG);
            }
            seeds = Math.max(seeds, e.getValue().seeds());
        }
        List<XYChart> panels = new ArrayList<>();
        for (XYChart c : List.of(linear, digits)) {
            if (c.getSeriesCollection().size() < 2) {
                continue;
            }
            double xmax = c == linear ? linearEnd : digitsEnd;
            for (double level : new double[] {0, 1}) {
                Charts.dashed(c, "cos = " + (int) level, new double[] {0, xmax}, new double[] {level, level}, Palette.GREY, false);
            }
            c.getStyler().setYAxisMin(-1.05).setYAxisMax(1.05);
            c.getStyler().setYAxisDecimalPattern("0.0");
            c.getStyler().setXAxisMin(0.0).setXAxisMax(xmax);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        }
        // a log axis labels only powers of ten: worth it when the loss falls by more than a decade or so
        double[] range = {Double.POSITIVE_INFINITY, 0};
        loss.forEach((learner, st) -> {
            if (!learner.equals(KROTOV_HOPFIELD)) {
                for (double m : st.mean()) {
                    if (m > 0) {
                        range[0] = Math.min(range[0], m);
                        range[1] = Math.max(range[1], m);
                    }
                }
            }
        });
        if (range[1] / range[0] > ContourFigure.LOG_RATIO) {
            linearLoss.getStyler().setYAxisLogarithmic(true);
        } else {
            linearLoss.setYAxisTitle("mean squared error (squared output units)");
        }
        for (XYChart c : List.of(linear, digits, linearLoss, digitsLoss)) {
            if (c.getSeriesCollection().stream().anyMatch(XYSeries::isShowInLegend)) {
                panels.add(c);
            }
        }
        for (XYChart c : List.of(linearLoss, digitsLoss)) {
            c.getStyler().setLegendVisible(false);
        }
        String title = "How far from gradient descent: cosine between each learner's weight change and −∇ of its loss";
        String subtitle = "Change proposed on a fixed evaluation batch at the current weights; line = mean, band = 95 % t-interval over "
                + seeds + " seed" + (seeds == 1 ? "" : "s") + "; dashed: 1 (gradient descent) and 0 (orthogonal)";
        return new Figure(title, subtitle, panels, panels.size() > 2 ? 2 : panels.size(), 600, 340);
    }

    /** What a panel's y axis shows. */
    private enum Scale {
        /** A cosine, in [−1, 1]. */
        COSINE,
        /** A positive quantity on a logarithmic axis. */
        LOG,
        /** Anything else. */
        LINEAR
    }

    /**
     * The mean line of a learner and, with two seeds or more, its 95 % band, at the steps where
     * some seed has a number (and, on a log axis, the mean is positive).
     */
    private static void curve(XYChart c, String learner, SeedStats st, Scale scale) {
        boolean positive = scale == Scale.LOG;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < st.steps().length; i++) {
            if (Double.isFinite(st.mean()[i]) && (!positive || st.mean()[i] > 0)) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            return;
        }
        double[] x = new double[keep.size()];
        double[] mean = new double[keep.size()];
        double[] low = new double[keep.size()];
        double[] high = new double[keep.size()];
        // with one seed there is no interval (SeedStats collapses it onto the mean)
        boolean band = st.seeds() > 1;
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            x[k] = st.steps()[i];
            mean[k] = st.mean()[i];
            low[k] = st.low()[i];
            high[k] = st.high()[i];
            band &= Double.isFinite(low[k]) && Double.isFinite(high[k]);
            if (scale == Scale.COSINE) {
                // a cosine lies in [−1, 1], whatever the interval of its mean says
                low[k] = Math.max(low[k], -1);
                high[k] = Math.min(high[k], 1);
            } else if (positive) {
                // a log axis cannot show an interval that reaches zero: the band stops at a tenth of the mean
                low[k] = Math.max(low[k], mean[k] / 10);
            }
        }
        Color colour = Palette.of(learner, family(learner));
        if (band) {
            Charts.band(c, label(learner) + " " + Charts.BAND, x, low, high, colour);
        }
        // rules wider than the gradient learners, so that a rule under a gradient learner (delta under SGD) still shows
        Charts.line(c, label(learner), x, mean, colour, family(learner) == Family.BIO ? 4.5f : 2.2f);
    }
}
