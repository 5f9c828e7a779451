package org.neuroai.compare.charts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A finished drawing: a grid of chart panels ({@link PanelFigure}), contour maps
 * ({@link ContourFigure}) or a grid of image tiles ({@link TileGridFigure}), written in the formats
 * and theme of {@link Render#current()}.
 */
public interface Drawing {
    /**
     * Writes {@code base.png} (at twice the nominal size), {@code base.svg} and {@code base.pdf}, or
     * the formats of {@link Render#current()}, each under a temporary name first.
     *
     * @param dir the folder
     * @param base the file name without extension
     * @throws IOException when a file cannot be written
     */
    void save(Path dir, String base) throws IOException;

    /** Nominal width in pixels in the theme of {@link Render#current()}; the PNG is twice as wide. */
    int width();

    /** Nominal height in pixels in the theme of {@link Render#current()}; the PNG is twice as high. */
    int height();
}
