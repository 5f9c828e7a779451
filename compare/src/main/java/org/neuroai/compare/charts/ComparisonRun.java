package org.neuroai.compare.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroai.core.Family;
import org.neuroai.core.UserError;

/**
 * What the figures of a spec-driven comparison need to know about a run, read from the
 * {@code comparison} entry of its provenance: the learners and their families, the metrics, the
 * figures asked for, and how steps map to epochs. The figures themselves read only the run's CSV
 * files, so {@code neuroai plot} redraws them without training.
 *
 * @param dir the run folder
 * @param name the comparison's name
 * @param task the task's name
 * @param learners learner name to family, in spec order
 * @param metrics the metrics recorded
 * @param figures the figures to draw
 * @param epochSize training samples per epoch, when the x axis counts epochs; 0 for presentations
 * @param imageSide side of the square input images, 0 when inputs are not images
 * @param bins histogram bins
 * @param low lower end of the histograms' range
 * @param high upper end of the histograms' range
 */
public record ComparisonRun(Path dir, String name, String task, Map<String, Family> learners, List<String> metrics,
                            List<String> figures, long epochSize, int imageSide, int bins, double low, double high) {
    /** Weight histograms, long format: metric = layer, index = bin, value = count. */
    public static final String HISTOGRAMS_CSV = "histograms.csv";
    /** Final first-layer weights of the first seed, for receptive fields. */
    public static final String FIELDS_CSV = "fields.csv";
    /** Prefix of the weight-norm metrics in curves.csv: "norm.LAYER". */
    public static final String NORM_PREFIX = "norm.";

    /**
     * Reads a run's facts.
     *
     * @param dir the run folder
     * @param provenance its provenance (or the facts about to be written into it)
     * @return the run
     * @throws UserError when the provenance has no comparison entry
     */
    public static ComparisonRun of(Path dir, JsonNode provenance) {
        JsonNode c = provenance.get("comparison");
        if (c == null) {
            throw new UserError(dir.resolve("provenance.json") + ": no 'comparison' entry; this run does not come from a comparison spec.");
        }
        Map<String, Family> learners = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("learners").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            learners.put(e.getKey(), Family.valueOf(e.getValue().path("family").asText("BIO")));
        }
        List<String> metrics = new ArrayList<>();
        c.path("metrics").forEach(n -> metrics.add(n.asText()));
        List<String> figures = new ArrayList<>();
        c.path("figures").forEach(n -> figures.add(n.asText()));
        JsonNode h = c.path("histograms");
        return new ComparisonRun(dir, c.path("name").asText(), c.path("task").asText(), learners, metrics, figures,
                c.path("in_epochs").asBoolean() ? c.path("epoch_size").asLong() : 0, c.path("image_side").asInt(),
                h.path("bins").asInt(40), h.path("low").asDouble(-1), h.path("high").asDouble(1));
    }

    /**
     * Draws every figure asked for into the run folder.
     *
     * @throws IOException when a figure cannot be written
     */
    public void draw() throws IOException {
        for (String f : figures) {
            switch (f) {
                case "learning-curves" -> LearningCurvesFigure.of(this).save(dir, base(f));
                case "weight-norms" -> WeightNormsFigure.of(this).save(dir, base(f));
                case "weight-trajectories" -> WeightTrajectoriesFigure.of(this).save(dir, base(f));
                case "weight-histograms" -> WeightHistogramsFigure.of(this).save(dir, base(f));
                case "receptive-fields" -> ReceptiveFieldsFigure.of(this).save(dir, base(f));
                default -> throw new UserError(dir.resolve("provenance.json") + ": unknown figure '" + f + "'.");
            }
        }
    }

    /** The file base name of a figure: "learning-curves" → "learning_curves". */
    public static String base(String figure) {
        return figure.replace('-', '_');
    }

    /** A one-line caption of a figure, for reports. */
    public static String caption(String figure) {
        return switch (figure) {
            case "learning-curves" -> "Each metric on held-out samples against training, mean over seeds with a 95 % t-interval";
            case "weight-norms" -> "Mean norm of a unit's incoming weights, per learner and layer, mean over seeds with a 95 % t-interval";
            case "weight-trajectories" -> "Recorded synapses over training, one thin line each (first seed)";
            case "weight-histograms" -> "Distribution of the weights of each learner and layer over training (first seed)";
            case "receptive-fields" -> "Final incoming weights of the first units of each learner, drawn as images (first seed)";
            default -> figure;
        };
    }

    /** The colour of a learner: the same in every figure of the run, and apart from the others'. */
    Color colour(String learner) {
        return Palette.distinct(learners).getOrDefault(learner, Palette.GREY);
    }

    /** The x axis title. */
    String xTitle() {
        return epochSize > 0 ? "epochs (passes over the training set)" : "training samples presented (count)";
    }

    /** A step in the x axis's unit. */
    double x(double step) {
        return epochSize > 0 ? step / epochSize : step;
    }

    /** Steps in the x axis's unit. */
    double[] x(double[] steps) {
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            out[i] = x(steps[i]);
        }
        return out;
    }

    /** "on task NAME (learners a, b, c)", for titles. */
    String onTask() {
        return String.format(Locale.ROOT, "on task %s", task);
    }
}
