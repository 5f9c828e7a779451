package org.neuroai.compare.figures;

import java.util.List;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.Registered;

/**
 * A figure drawn from a run folder. To add one: one class with a public no-argument constructor,
 * and its name in {@code META-INF/services/org.neuroai.compare.figures.Figure}; a study or a
 * comparison file can then name it, {@code neuroai plot DIR --figure NAME} draws it, and the chart
 * catalogue test draws it from fixture runs.
 */
public interface Figure extends Registered {
    /**
     * The run files it reads (learners.csv, curves.csv, ...), besides provenance.json, which every run
     * has; {@code neuroai list} shows them, and the figure can be drawn for a run that has them all
     * (and, for a figure of one experiment, whose provenance holds the settings it reads).
     */
    List<String> reads();

    /**
     * One line saying what the figure shows, for the run's report.
     *
     * @param run the run
     * @return the caption
     */
    String caption(RunFolder run);

    /**
     * Draws the figure.
     *
     * @param run the run
     * @return the drawing, ready to save
     * @throws org.neuroai.core.UserError when a file it reads is missing or malformed
     */
    Drawing draw(RunFolder run);

    /** The file name it is saved under, without extension: its name with '_' for '-'. */
    default String file() {
        return name().replace('-', '_');
    }
}
