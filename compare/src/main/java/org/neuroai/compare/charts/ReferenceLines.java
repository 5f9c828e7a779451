package org.neuroai.compare.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.neuroai.core.UserError;

/**
 * Horizontal dashed reference lines in learning-curve charts, labelled in the legend: what a
 * reference model reaches on the same data, such as Tribuo's linear classifiers read from a run's
 * {@code baselines.csv}.
 */
public final class ReferenceLines {
    /** Greys for the lines, darkest first, apart from every learner's colour. */
    private static final Color[] GREYS = {new Color(0x333333), Palette.GREY, new Color(0xAAAAAA)};

    private ReferenceLines() {}

    /**
     * One reference.
     *
     * @param label the legend's label
     * @param value the level, in the unit of the metric
     */
    public record Reference(String label, double value) {}

    /**
     * The accuracy of every model in a {@code baselines.csv} (columns {@code dataset,model,accuracy,...},
     * as {@code neuroai baselines} and the experiments write it), labelled "Tribuo &lt;model&gt;".
     *
     * @param csv the file
     * @return the references in file order, accuracy as a fraction
     * @throws UserError when the file cannot be read or a row is malformed
     */
    public static List<Reference> tribuoAccuracy(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UserError(csv + ": cannot read the baselines (" + e.getMessage() + ").");
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("dataset,model,accuracy")) {
            throw new UserError(csv + ": the first line must be the header dataset,model,accuracy,...; is it a baselines.csv?");
        }
        List<Reference> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",");
            double accuracy;
            try {
                accuracy = f.length >= 3 ? Double.parseDouble(f[2]) : Double.NaN;
            } catch (NumberFormatException e) {
                accuracy = Double.NaN;
            }
            if (!(accuracy >= 0 && accuracy <= 1)) {
                throw new UserError(csv + ": line " + (i + 1) + " needs an accuracy in [0, 1] in its third column, got '"
                        + lines.get(i) + "'.");
            }
            out.add(new Reference("Tribuo " + describe(f[1]), accuracy));
        }
        return out;
    }

    /** How a Tribuo baseline is named in legends. */
    private static String describe(String model) {
        return switch (model) {
            case "logistic-regression" -> "logistic regression";
            case "linear-svm" -> "linear SVM";
            default -> model;
        };
    }

    /**
     * Draws each reference as a horizontal dashed line across [xmin, xmax], labelled in the legend
     * with its level (one decimal).
     *
     * @param c the chart
     * @param refs the references
     * @param xmin left end
     * @param xmax right end
     * @param scale factor from a reference's value to the chart's y unit (100 for a fraction shown in %)
     * @param unit what follows the level in the label ("%", or "" for none)
     */
    public static void draw(XYChart c, List<Reference> refs, double xmin, double xmax, double scale, String unit) {
        draw(c, refs, xmin, xmax, scale, 1, unit);
    }

    /**
     * Draws each reference as a horizontal dashed line across [xmin, xmax], labelled in the legend
     * with its level.
     *
     * @param c the chart
     * @param refs the references
     * @param xmin left end
     * @param xmax right end
     * @param scale factor from a reference's value to the chart's y unit (100 for a fraction shown in %)
     * @param decimals decimals of the level in the label
     * @param unit what follows the level in the label ("%", or "" for none)
     */
    public static void draw(XYChart c, List<Reference> refs, double xmin, double xmax, double scale, int decimals, String unit) {
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            double y = r.value() * scale;
            String label = String.format(Locale.ROOT, "%s: %." + decimals + "f%s", r.label(), y, unit.isEmpty() ? "" : " " + unit);
            Charts.dashed(c, label, new double[] {xmin, xmax}, new double[] {y, y}, GREYS[i % GREYS.length], true);
        }
    }
}
