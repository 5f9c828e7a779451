package org.neuroai.compare.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;

/**
 * The figures of the {@code associative-memory} experiment, drawn from the run's
 * {@code recall.csv} only: recall against the number of patterns stored, and against the
 * corruption of the cues, for the Hopfield network and the denoising autoencoder on both pattern
 * sets.
 */
public final class MemoryFigures {
    /** Base name of the figure of recall against patterns stored. */
    public static final String STORED = "recall_vs_stored";
    /** Base name of the figure of recall against corruption. */
    public static final String CORRUPTION = "recall_vs_corruption";
    /** Critical load of random patterns (Amit, Gutfreund &amp; Sompolinsky 1985), patterns per unit. */
    public static final double ALPHA_C = 0.138;
    private static final String HOPFIELD = "hopfield";
    private static final String DAE = "dae";
    private static final int DIGIT_UNITS = 64;

    private MemoryFigures() {}

    /** How a learner is named in legends. */
    static String label(String learner) {
        return switch (learner) {
            case HOPFIELD -> "Hopfield network (bio, one-shot storage)";
            case DAE -> "denoising autoencoder (gradient)";
            default -> learner;
        };
    }

    /**
     * Draws both figures into {@code dir}.
     *
     * @param dir a finished run's folder
     * @param n units of the random patterns
     * @param daeHidden hidden units of the autoencoder, for legends
     * @param daePresentations training presentations of the autoencoder, for subtitles
     * @throws IOException when a figure cannot be written
     */
    public static void draw(Path dir, int n, int daeHidden, int daePresentations) throws IOException {
        List<RecallPoints.Point> points = RecallPoints.read(dir.resolve("recall.csv"));
        stored(points, n, daeHidden, daePresentations).save(dir, STORED);
        corruption(points, n, daeHidden, daePresentations).save(dir, CORRUPTION);
    }

    /** Recall against patterns stored, one panel per pattern set, with the 0.138 N reference. */
    public static Figure stored(List<RecallPoints.Point> points, int n, int daeHidden, int daePresentations) {
        String x = "patterns stored (P)";
        XYChart random = Charts.panel("Random \u00b11 patterns, N = " + n + " units", x, "cues recalled (%)");
        XYChart digits = Charts.panel("Binarised 8x8 digits, N = " + DIGIT_UNITS + " units", x, "cues recalled (%)");
        Condition c = curves(random, points, "random", "stored");
        curves(digits, points, "digits", "stored");
        capacityLine(random, n, "0.138 N = " + fmt(ALPHA_C * n) + " (Amit et al. 1985)");
        capacityLine(digits, DIGIT_UNITS, "0.138 N = " + fmt(ALPHA_C * DIGIT_UNITS) + " (random patterns)");
        String title = "Associative memory: recall against the number of patterns stored";
        String subtitle = String.format(Locale.ROOT, "Cues: %s %% of units flipped; recalled: overlap \u2265 %s; %s; %s",
                fmt(100 * c.corruption()), fmt(c.overlapThreshold()), dae(daeHidden, daePresentations), band(c.seeds()));
        return new Figure(title, subtitle, List.of(random, digits), 1, 900, 340);
    }

    /** Recall against the fraction of the cue corrupted, one panel per pattern set. */
    public static Figure corruption(List<RecallPoints.Point> points, int n, int daeHidden, int daePresentations) {
        String x = "units flipped in the cue (%)";
        XYChart random = Charts.panel("Random \u00b11 patterns, N = " + n + " units, P = " + storedIn(points, "random")
                + " stored", x, "cues recalled (%)");
        XYChart digits = Charts.panel("Binarised 8x8 digits, N = " + DIGIT_UNITS + " units, P = " + storedIn(points, "digits")
                + " stored", x, "cues recalled (%)");
        Condition c = curves(random, points, "random", "corruption");
        curves(digits, points, "digits", "corruption");
        String title = "Associative memory: recall against the corruption of the cue";
        String subtitle = String.format(Locale.ROOT, "Recalled: overlap \u2265 %s; %s; %s", fmt(c.overlapThreshold()),
                dae(daeHidden, daePresentations), band(c.seeds()));
        return new Figure(title, subtitle, List.of(random, digits), 1, 900, 340);
    }

    /**
     * What the points of a panel share, for subtitles.
     *
     * @param seeds number of seeds
     * @param corruption fraction of units flipped (of the first point)
     * @param overlapThreshold the overlap at which a cue counted as recalled
     */
    private record Condition(int seeds, double corruption, double overlapThreshold) {}

    /** Draws both learners' recall on one panel. */
    private static Condition curves(XYChart c, List<RecallPoints.Point> points, String patterns, String sweep) {
        int seeds = 0;
        for (String learner : List.of(HOPFIELD, DAE)) {
            SeedStats st = RecallPoints.summary(points, learner, patterns, sweep);
            if (st.steps().length == 0) {
                continue;
            }
            Color col = Palette.of(learner, learner.equals(HOPFIELD) ? Family.BIO : Family.GRADIENT);
            Charts.mean(c, label(learner), st.clamped(0, 100), col, 2.2f);
            seeds = Math.max(seeds, st.seeds());
        }
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        RecallPoints.Point first = points.stream().filter(p -> p.patterns().equals(patterns) && p.sweep().equals(sweep))
                .findFirst().orElseThrow(() -> new UserError("recall.csv: no " + sweep + " sweep of the " + patterns
                        + " patterns to draw."));
        return new Condition(seeds, first.corruption(), first.threshold());
    }

    private static String dae(int hidden, int presentations) {
        return String.format(Locale.ROOT, "autoencoder: %d hidden, %,d presentations", hidden, presentations);
    }

    private static String band(int seeds) {
        return SeedStats.caption(seeds);
    }

    private static void capacityLine(XYChart c, int units, String label) {
        double x = ALPHA_C * units;
        Charts.dashed(c, label, new double[] {x, x}, new double[] {0, 100}, Palette.GREY, true);
    }

    private static int storedIn(List<RecallPoints.Point> points, String patterns) {
        return points.stream().filter(p -> p.patterns().equals(patterns) && p.sweep().equals("corruption"))
                .mapToInt(RecallPoints.Point::stored).findFirst().orElse(0);
    }

    /** Three significant digits, without trailing zeros. */
    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
