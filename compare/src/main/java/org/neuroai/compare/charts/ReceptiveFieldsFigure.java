package org.neuroai.compare.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * Receptive fields of a comparison on an image task: the final incoming weights of the first
 * units of each learner's first layer (first seed), each drawn as an image of the input, through
 * {@link TileGridFigure}. Drawn from {@code fields.csv}.
 */
public final class ReceptiveFieldsFigure {
    private ReceptiveFieldsFigure() {}

    /**
     * The figure.
     *
     * @param run the run (of an image task)
     * @return the figure
     */
    public static TileGridFigure of(ComparisonRun run) {
        int side = run.imageSide();
        if (side == 0) {
            throw new UserError(run.dir() + ": task '" + run.task() + "' has no square images, so no receptive fields to draw.");
        }
        List<TraceRow> rows = TraceReader.read(run.dir().resolve(ComparisonRun.FIELDS_CSV), r -> true);
        Map<String, TreeMap<Integer, double[]>> units = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            int d = side * side;
            units.computeIfAbsent(r.learner(), k -> new TreeMap<>()).computeIfAbsent(r.index() / d, k -> new double[d])[r.index() % d] = r.value();
        }
        List<TileGridFigure.Grid> grids = new ArrayList<>();
        int most = 0;
        for (Map.Entry<String, TreeMap<Integer, double[]>> e : units.entrySet()) {
            grids.add(new TileGridFigure.Grid(e.getKey(), e.getValue().values().toArray(new double[0][]), side));
            most = Math.max(most, e.getValue().size());
        }
        if (grids.isEmpty()) {
            throw new UserError(run.dir().resolve(ComparisonRun.FIELDS_CSV) + ": no weights to draw.");
        }
        int columns = (int) Math.ceil(Math.sqrt(most));
        long seed = rows.get(0).seed();
        return new TileGridFigure("Receptive fields after training " + run.onTask(),
                "each tile: one unit's incoming weights laid out as the " + side + "x" + side + " input, first " + most
                        + " units at most, seed " + seed, grids, columns);
    }
}
