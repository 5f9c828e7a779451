package org.neuroai.compare.figures;

import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.charts.TileGridFigure;
import org.neuroai.compare.files.Fields;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
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
        int side = side(run);
        List<TraceRow> rows = TraceReader.read(run.file(Fields.NAME), r -> true);
        List<TileGridFigure.Grid> grids = grids(look, rows, side);
        if (grids.isEmpty()) {
            throw new UserError(run.file(Fields.NAME) + ": no weights to draw.");
        }
        int most = most(grids);
        long seed = rows.get(0).seed();
        return new TileGridFigure("Receptive fields after training " + look.onTask(),
                "each tile: one unit's incoming weights laid out as the " + side + "x" + side + " input, first " + most
                        + " units at most, seed " + seed, grids, columns(most));
    }

    /** The side of the run's square input images, from its provenance. */
    static int side(RunFolder run) {
        int side = run.provenance().at(Fields.SIDE).asInt(0);
        if (side == 0) {
            throw new UserError(run.dir() + ": the run's task has no square images (no " + Fields.SIDE + " in its provenance), "
                    + "so no receptive fields to draw.");
        }
        return side;
    }

    /**
     * The final incoming weights of the first units of each learner's first layer (group "w"), as
     * recorded in weights.csv at each learner's own last step (first seed), each drawn as an image
     * of the input: for a run whose learners stop at different times and record their weights at
     * their ends.
     */
    public static final class AtEnd implements Figure {
        @Override
        public String name() {
            return "final-receptive-fields";
        }

        @Override
        public String description() {
            return "each learner's first units' weights (group w of weights.csv) at its own last step, drawn as images (first seed)";
        }

        @Override
        public String file() {
            return "receptive_fields";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, Traces.WEIGHTS);
        }

        @Override
        public String caption(RunFolder run) {
            return "Receptive fields of the first hidden units of each learner after training (first seed)";
        }

        @Override
        public Drawing draw(RunFolder run) {
            return atEnd(Look.of(run), run.firstSeed());
        }
    }

    /**
     * The receptive fields of the units in weights.csv (group "w"), each learner at its own last
     * recorded step.
     *
     * @param look the run's look (of an image task)
     * @param seed the seed whose weights are drawn
     * @return the figure
     */
    static TileGridFigure atEnd(Look look, long seed) {
        RunFolder run = look.run();
        int side = side(run);
        List<TraceRow> rows = TraceReader.read(run.file(Traces.WEIGHTS), r -> r.seed() == seed && r.metric().equals("w"));
        Map<String, Long> last = new LinkedHashMap<>();
        for (TraceRow r : rows) {
            last.merge(r.learner(), r.step(), Math::max);
        }
        List<TileGridFigure.Grid> grids = grids(look, rows.stream().filter(r -> r.step() == last.get(r.learner())).toList(), side);
        if (grids.isEmpty()) {
            throw new UserError(run.file(Traces.WEIGHTS) + ": no weights of group w of seed " + seed + " to draw.");
        }
        int most = most(grids);
        int units = run.provenance().at(Fields.LAYER_UNITS).asInt(most);
        String which = units == most ? "all " + units : "the first " + most + " of " + units;
        return new TileGridFigure("Receptive fields of " + which + " hidden units after training",
                "Each tile: one hidden unit's weights from the " + side + "x" + side + " pixels; blue negative, red positive (seed "
                        + seed + ")", grids, columns(most));
    }

    /**
     * One grid per learner, in the order of the run's learners: its units' incoming weights, each
     * as an image.
     *
     * @param look the run's look, for the labels and the order
     * @param rows weights of one seed and step per learner, index = unit · side² + input
     * @param side the side of the square input images
     * @return the grids, one per learner with rows
     */
    static List<TileGridFigure.Grid> grids(Look look, List<TraceRow> rows, int side) {
        int d = side * side;
        Map<String, TreeMap<Integer, double[]>> units = new LinkedHashMap<>();
        for (String learner : look.run().learners().keySet()) {
            units.put(learner, new TreeMap<>());
        }
        for (TraceRow r : rows) {
            units.computeIfAbsent(r.learner(), k -> new TreeMap<>()).computeIfAbsent(r.index() / d, k -> new double[d])[r.index() % d] = r.value();
        }
        List<TileGridFigure.Grid> grids = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, double[]>> e : units.entrySet()) {
            if (!e.getValue().isEmpty()) {
                grids.add(new TileGridFigure.Grid(look.labelWithStops(e.getKey()), e.getValue().values().toArray(new double[0][]), side));
            }
        }
        return grids;
    }

    /** The most tiles of any grid. */
    static int most(List<TileGridFigure.Grid> grids) {
        return grids.stream().mapToInt(g -> g.tiles().length).max().orElse(0);
    }

    /** Columns of a square-ish grid of {@code tiles} tiles. */
    static int columns(int tiles) {
        return (int) Math.ceil(Math.sqrt(tiles));
    }
}
