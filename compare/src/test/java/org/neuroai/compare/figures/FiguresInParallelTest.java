package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuroai.compare.charts.Render;
import org.neuroai.compare.engine.SmokeRuns;
import org.neuroai.compare.files.RunFolder;

/**
 * Drawing a run's figures side by side on several threads writes the same bytes, in every format,
 * as drawing them one after the other: the figures share nothing that one could change under
 * another.
 */
class FiguresInParallelTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pca", "stdp-balance"})
    void severalThreadsWriteTheSameFilesAsOne(String name) throws Exception {
        Path one = SmokeRuns.copy(SmokeRuns.of(name), tmp.resolve("one"));
        Path many = SmokeRuns.copy(SmokeRuns.of(name), tmp.resolve("many"));
        List<Figure> figures = Figures.ofRun(RunFolder.open(one));
        assertTrue(figures.size() >= 2, "a run with several figures: " + figures);
        List<Exception> first = Render.DEFAULT.using(() -> Figures.drawEach(figures, RunFolder.open(one), 1));
        List<Exception> second = Render.DEFAULT.using(() -> Figures.drawEach(figures, RunFolder.open(many), 4));
        assertEquals(figures.size(), first.size());
        for (int i = 0; i < figures.size(); i++) {
            assertNull(first.get(i), figures.get(i).name());
            assertNull(second.get(i), figures.get(i).name());
            for (Render.Format x : Render.Format.values()) {
                String file = figures.get(i).file() + "." + x.extension();
                assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(many.resolve(file)), file);
            }
        }
    }
}
