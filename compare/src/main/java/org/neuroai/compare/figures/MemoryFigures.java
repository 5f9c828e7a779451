package org.neuroai.compare.figures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.neuroai.compare.charts.Charts;
import org.neuroai.compare.charts.Drawing;
import org.neuroai.compare.charts.Palette;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.charts.SeedStats;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RecallTable;
import org.neuroai.compare.files.RecallTable.PatternSet;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.UserError;

/**
 * The figures of an associative memory ({@code associative-memory}), drawn from a finished run's
 * {@code recall.csv} ({@link RecallTable}), its pattern sets in the provenance and learners.csv:
 * recall against the number of patterns stored, and against the corruption of the cues, one panel
 * per pattern set, one line per learner.
 */
public final class MemoryFigures {
    /**
     * Critical load of random patterns in an outer-product associative memory, patterns per unit
     * (Amit, Gutfreund &amp; Sompolinsky 1985, Phys. Rev. Lett. 55:1530).
     */
    public static final double ALPHA_C = 0.138;

    private MemoryFigures() {}

    /** Recall against the number of patterns stored. */
    public static final class Stored implements Figure {
        @Override
        public String name() {
            return "memory-recall-vs-stored";
        }

        @Override
        public String description() {
            return "cues recalled against the number of patterns stored, per pattern set, with the capacity 0.138 N of random patterns";
        }

        @Override
        public String file() {
            return "recall_vs_stored";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, RecallTable.NAME);
        }

        @Override
        public String caption(RunFolder run) {
            return "Recall against the number of patterns stored, one panel per pattern set, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return stored(Look.of(run));
        }
    }

    /** Recall against the corruption of the cues. */
    public static final class Corruption implements Figure {
        @Override
        public String name() {
            return "memory-recall-vs-corruption";
        }

        @Override
        public String description() {
            return "cues recalled against the fraction of units flipped in the cue, at a fixed number of patterns stored, per pattern set";
        }

        @Override
        public String file() {
            return "recall_vs_corruption";
        }

        @Override
        public List<String> reads() {
            return List.of(LearnersFile.NAME, RecallTable.NAME);
        }

        @Override
        public String caption(RunFolder run) {
            return "Recall against the corruption of the cue, at a fixed number of stored patterns, " + SeedStats.caption(run.seeds());
        }

        @Override
        public Drawing draw(RunFolder run) {
            return corruption(Look.of(run));
        }
    }

    /**
     * Recall against patterns stored, one panel per pattern set, with the line at 0.138 N.
     *
     * @param look the run's look
     * @return the figure
     */
    static PanelFigure stored(Look look) {
        List<RecallTable.Row> rows = RecallTable.read(look.run().file(RecallTable.NAME));
        List<XYChart> panels = new ArrayList<>();
        Shared shared = null;
        for (PatternSet set : sets(look.run(), rows, RecallTable.STORED)) {
            XYChart c = Charts.panel(set.title() + ", N = " + set.units() + " units", "patterns stored (P)", "cues recalled (%)");
            shared = curves(c, look, rows, set.name(), RecallTable.STORED);
            double x = ALPHA_C * set.units();
            String label = "0.138 N = " + fmt(x) + (set.random() ? " (Amit et al. 1985)" : " (random patterns)");
            Charts.dashed(c, label, new double[] {x, x}, new double[] {0, 100}, Palette.GREY, true);
            panels.add(c);
        }
        String subtitle = String.format(Locale.ROOT, "Cues: %s %% of units flipped; recalled: overlap \u2265 %s; %s",
                fmt(100 * shared.corruption()), fmt(shared.threshold()), SeedStats.caption(shared.seeds()));
        return LearningCurves.layout("Associative memory: recall against the number of patterns stored", subtitle, panels);
    }

    /**
     * Recall against the fraction of units flipped in the cue, one panel per pattern set.
     *
     * @param look the run's look
     * @return the figure
     */
    static PanelFigure corruption(Look look) {
        List<RecallTable.Row> rows = RecallTable.read(look.run().file(RecallTable.NAME));
        List<XYChart> panels = new ArrayList<>();
        Shared shared = null;
        for (PatternSet set : sets(look.run(), rows, RecallTable.CORRUPTION)) {
            int stored = rows.stream().filter(r -> r.patterns().equals(set.name()) && r.sweep().equals(RecallTable.CORRUPTION))
                    .mapToInt(RecallTable.Row::stored).findFirst().orElse(0);
            XYChart c = Charts.panel(set.title() + ", N = " + set.units() + " units, P = " + stored + " stored",
                    "units flipped in the cue (%)", "cues recalled (%)");
            shared = curves(c, look, rows, set.name(), RecallTable.CORRUPTION);
            panels.add(c);
        }
        String subtitle = String.format(Locale.ROOT, "Recalled: overlap \u2265 %s; %s", fmt(shared.threshold()),
                SeedStats.caption(shared.seeds()));
        return LearningCurves.layout("Associative memory: recall against the corruption of the cue", subtitle, panels);
    }

    /** The run's pattern sets that have rows of a sweep, in the provenance's order. */
    private static List<PatternSet> sets(RunFolder run, List<RecallTable.Row> rows, String sweep) {
        List<PatternSet> out = new ArrayList<>();
        for (PatternSet set : PatternSet.of(run.provenance(), run.file(RunFolder.PROVENANCE))) {
            if (rows.stream().anyMatch(r -> r.patterns().equals(set.name()) && r.sweep().equals(sweep))) {
                out.add(set);
            }
        }
        if (out.isEmpty()) {
            throw new UserError(run.file(RecallTable.NAME) + ": no " + sweep + " sweep of any pattern set to draw.");
        }
        return out;
    }

    /**
     * What the points of a panel share, for subtitles.
     *
     * @param seeds number of seeds
     * @param corruption fraction of units flipped (of the first point)
     * @param threshold the overlap at which a cue counted as recalled
     */
    private record Shared(int seeds, double corruption, double threshold) {}

    /** Draws every learner's recall on one panel, in learners.csv's order. */
    private static Shared curves(XYChart c, Look look, List<RecallTable.Row> rows, String set, String sweep) {
        int seeds = 0;
        RecallTable.Row first = null;
        for (String learner : look.run().learners().keySet()) {
            TreeMap<Double, List<Double>> byX = new TreeMap<>();
            Set<Long> seen = new HashSet<>();
            for (RecallTable.Row r : rows) {
                if (r.learner().equals(learner) && r.patterns().equals(set) && r.sweep().equals(sweep)) {
                    double x = sweep.equals(RecallTable.STORED) ? r.stored() : Math.round(r.corruption() * 1000) / 10.0;
                    byX.computeIfAbsent(x, k -> new ArrayList<>()).add(100 * r.recall());
                    seen.add(r.seed());
                    first = first == null ? r : first;
                }
            }
            if (byX.isEmpty()) {
                continue;
            }
            SeedStats st = SeedStats.of(byX, seen.size());
            Charts.mean(c, look.labelWithStops(learner), st.clamped(0, 100), look.colour(learner), 2.2f);
            seeds = Math.max(seeds, st.seeds());
        }
        if (first == null) {
            throw new UserError(look.run().file(RecallTable.NAME) + ": the " + sweep + " sweep of the " + set
                    + " patterns has no rows of the learners in " + LearnersFile.NAME + ".");
        }
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return new Shared(seeds, first.corruption(), first.threshold());
    }

    /** Three significant digits, without trailing zeros. */
    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
