package org.neuroai.compare.figures;

import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.charts.TileGridFigure;
import org.neuroai.compare.files.Fields;
import org.neuroai.compare.files.RunFolder;
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
public final class ReceptiveFields implements Figure {
    @Override
    public String name() {
        return "receptive-fields";
    }

    @Override
    public String description() {
        return "final incoming weights of the first units of each learner, drawn as images (first seed)";
    }

    @Override
    public List<String> reads() {
        return List.of(LearnersFile.NAME, Fields.NAME);
    }

    @Override
    public String caption(RunFolder run) {
        return "Final incoming weights of the first units of each learner, drawn as images (first seed)";
    }

    @Override
    public Drawing draw(RunFolder run) {
        return of(Look.of(run));
    }

    /**
     * The figure.
     *
     * @param look the run's look (of an image task)
     * @return the figure
     */
    static TileGridFigure of(Look look) {
        RunFolder run = look.run();
        int side = run.provenance().at(Fields.SIDE).asInt(0);
        if (side == 0) {
            throw new UserError(run.dir() + ": the run's task has no square images (no " + Fields.SIDE + " in its provenance), "
                    + "so no receptive fields to draw.");
        }
        List<TraceRow> rows = TraceReader.read(run.file(Fields.NAME), r -> true);
        Map<String, TreeMap<Integer, double[]>> units = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            int d = side * side;
            units.computeIfAbsent(r.learner(), k -> new TreeMap<>()).computeIfAbsent(r.index() / d, k -> new double[d])[r.index() % d] = r.value();
        }
        List<TileGridFigure.Grid> grids = new ArrayList<>();
        int most = 0;
        for (Map.Entry<String, TreeMap<Integer, double[]>> e : units.entrySet()) {
            grids.add(new TileGridFigure.Grid(look.label(e.getKey()), e.getValue().values().toArray(new double[0][]), side));
            most = Math.max(most, e.getValue().size());
        }
        if (grids.isEmpty()) {
            throw new UserError(run.file(Fields.NAME) + ": no weights to draw.");
        }
        int columns = (int) Math.ceil(Math.sqrt(most));
        long seed = rows.get(0).seed();
        return new TileGridFigure("Receptive fields after training " + look.onTask(),
                "each tile: one unit's incoming weights laid out as the " + side + "x" + side + " input, first " + most
                        + " units at most, seed " + seed, grids, columns);
    }
}
