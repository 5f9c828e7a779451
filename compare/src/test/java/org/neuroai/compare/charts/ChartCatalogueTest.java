package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neuroai.bio.spiking.protocols.Habituation;
import org.neuroai.bio.spiking.protocols.NeuronProtocols;
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.bio.spiking.protocols.Trains;
import org.neuroai.compare.engine.SmokeRuns;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.figures.Look;
import org.neuroai.compare.files.Fields;
import org.neuroai.compare.files.Histograms;
import org.neuroai.compare.files.LandscapeFiles;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.compare.files.Traces;
import org.neuroai.core.Described;
import org.neuroai.core.Family;

/**
 * The chart catalogue.
 *
 * <p>Every registered figure ({@link Figures#all()}, test sources included) is drawn from the smoke
 * runs of the registered experiments and bundled specs ({@link SmokeRuns#feeding}: the runs that
 * name it, or else the first that has every file it reads), from the first of them in every theme
 * and from the others in the print theme, and checked the same
 * way whatever it is: a title and a subtitle; every panel titled, with axis titles that name their
 * unit in parentheses; every value finite where it is drawn (NaN only as a gap) and positive on a
 * logarithmic axis; no learner shown by its bare name where learners.csv gives it a label; written
 * in every format (print theme) with the PNG at twice the nominal size, the theme's background and
 * an SVG under 1 MB. A figure with a hand check in {@link #HAND} is also drawn from fixture files
 * whose numbers say what it must show (series, values, band edges computed by hand). A new
 * figure needs nothing here to be covered; a hand check is a line in {@link #HAND}.
 *
 * <p>Chart classes that draw no run (sweep summaries, protocol and validation figures, the contour
 * and tile primitives) are drawn from fixture data in {@link #CASES}. The guard test fails when a
 * registered figure has no smoke run to be drawn from, naming the files it reads, and when a chart
 * class of {@code charts} or {@code figures} is neither a registered figure nor in {@link #CASES}.
 * {@code -Dcatalogue.dir=FOLDER} keeps every drawing there, to be looked at.
 */
class ChartCatalogueTest {
    /** Student's t, two-sided 95 %, 2 degrees of freedom (3 seeds): a table value, not the code's. */
    static final double T2 = 4.303;
    static final double EPS = 1e-9;

    @TempDir
    Path tmp;

    // ---------------------------------------------------------------- registered figures

    /** Draws a registered figure from fixture files written into a folder, checks what it shows, and returns it. */
    @FunctionalInterface
    interface HandCheck {
        Drawing draw(Figure f, Path dir) throws Exception;
    }

    /** Registered figures with data checked by hand, by name; every other figure is still drawn and checked generically. */
    static final Map<String, HandCheck> HAND = Map.ofEntries(
            Map.entry("pca-curves", ChartCatalogueTest::pcaCurves),
            Map.entry("pca-weights", ChartCatalogueTest::pcaWeights),
            Map.entry("xor-curves", ChartCatalogueTest::xorCurves),
            Map.entry("xor-regions", ChartCatalogueTest::xorRegions),
            Map.entry("learning-curves", ChartCatalogueTest::learningCurves),
            Map.entry("weight-norms", ChartCatalogueTest::weightNorms),
            Map.entry("weight-trajectories", ChartCatalogueTest::weightTrajectories),
            Map.entry("weight-histograms", ChartCatalogueTest::weightHistograms),
            Map.entry("receptive-fields", ChartCatalogueTest::receptiveFields),
            Map.entry("landscape-line", ChartCatalogueTest::landscapeLine),
            Map.entry("landscape-random", ChartCatalogueTest::landscapeRandom),
            Map.entry("landscape-pca", ChartCatalogueTest::landscapePca),
            Map.entry("cue-combination-weights", ChartCatalogueTest::cueWeights));

    static Stream<String> registered() {
        return Figures.all().stream().map(Figure::name);
    }

    /** Why a figure cannot be drawn: the files it reads that no smoke run has together. */
    static String unfed(Figure f) {
        return "figure '" + f.name() + "' reads " + String.join(", ", f.reads()) + ", and no smoke run (" + String.join(", ", SmokeRuns.names())
                + ") has them all: make an experiment write them in its smoke settings, or name the figure in its study";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registered")
    void everyRegisteredFigureIsDrawnFromTheSmokeRunsInEveryThemeAndFormat(String name) throws Exception {
        Figure f = Figures.get(name);
        List<Path> runs = SmokeRuns.feeding(f);
        assertFalse(runs.isEmpty(), unfed(f));
        for (Path p : runs) {
            RunFolder run = RunFolder.open(p);
            // every run in the print theme; the themes' own checks (background, contrast) once, on the first run
            for (Theme theme : p.equals(runs.get(0)) ? EnumSet.allOf(Theme.class) : EnumSet.of(Theme.PRINT)) {
                Render render = render(theme);
                Drawing d = render.using(() -> f.draw(run));
                String what = name + " of " + p.getFileName() + " (" + theme.id() + ")";
                assertReadable(d, run.learners(), what);
                assertSaved(d, theme, keep("figures", name + "-" + p.getFileName(), theme), f.file(), what);
            }
        }
        HandCheck hand = HAND.get(name);
        if (hand != null) {
            Path dir = keep("hand", name, Theme.PRINT);
            Drawing d = hand.draw(f, dir);
            assertReadable(d, LearnersFile.read(dir), name + " of its fixture");
            assertSaved(d, Theme.PRINT, dir, f.file(), name + " of its fixture");
        }
    }

    // ---------------------------------------------------------------- chart classes that draw no run

    /** Draws a chart from fixture data written into a folder, checking the data behind it, and returns it. */
    @FunctionalInterface
    interface Draw {
        Drawing draw(Path dir) throws Exception;
    }

    /**
     * One chart of a class that draws no run.
     *
     * @param name what is drawn
     * @param covers the chart class it covers
     * @param draw writes the fixture, draws, checks the series, returns the drawing
     */
    record Case(String name, Class<?> covers, Draw draw) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("tile grid", TileGridFigure.class, ChartCatalogueTest::tileGrid),
            new Case("maze", MazeFigure.class, ChartCatalogueTest::maze),
            new Case("protocol stdp window", ProtocolFigures.class, ChartCatalogueTest::protocolWindow),
            new Case("protocol stdp frequency", ProtocolFigures.class, ChartCatalogueTest::protocolFrequency),
            new Case("protocol stp train", ProtocolFigures.class, ChartCatalogueTest::protocolTrain),
            new Case("protocol custom", ProtocolFigures.class, ChartCatalogueTest::protocolCustom),
            new Case("neuron membrane", NeuronFigures.class, ChartCatalogueTest::neuronMembrane),
            new Case("neuron psp", NeuronFigures.class, ChartCatalogueTest::neuronPsp),
            new Case("habituation protocol", HabituationFigures.class, ChartCatalogueTest::habituationProtocol),
            new Case("habituation vs Byrne", HabituationFigures.class, ChartCatalogueTest::habituationByrne),
            new Case("sweep summary, log axis", SweepFigures.class, ChartCatalogueTest::sweepLog),
            new Case("sweep summary, categories", SweepFigures.class, ChartCatalogueTest::sweepCategories),
            new Case("contour figure", ContourFigure.class, ChartCatalogueTest::contour));

    /** Infrastructure of the two packages: no chart of its own. */
    static final Set<Class<?>> NOT_CHARTS = Set.of(PanelFigure.class, Charts.class, Palette.class, SeedStats.class, Theme.class,
            Render.class, Drawing.class, HeatCells.class, ReferenceLines.class, Figure.class, Figures.class, Look.class);

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyOtherChartShowsItsFixtureAndRendersInEveryThemeAndFormat(Case c) throws Exception {
        for (Theme theme : Theme.values()) {
            Path dir = keep("cases", c.name(), theme);
            Drawing d = render(theme).using(() -> c.draw().draw(dir));
            assertReadable(d, Map.of(), c.name() + " (" + theme.id() + ")");
            assertSaved(d, theme, dir, "chart", c.name() + " (" + theme.id() + ")");
        }
    }

    @Test
    void everyRegisteredFigureHasASmokeRunAndEveryOtherChartClassACase() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> unfed = Figures.all().stream().filter(f -> SmokeRuns.feeding(f).isEmpty()).map(ChartCatalogueTest::unfed).toList();
        assertTrue(unfed.isEmpty(), "registered figures that are drawn from no smoke run:\n" + String.join("\n", unfed));
        Set<String> names = Figures.all().stream().map(Figure::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(HAND.keySet()), "hand checks of figures that are not registered: "
                + HAND.keySet().stream().filter(n -> !names.contains(n)).toList());
        Set<Class<?>> registered = Figures.all().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> enclosing = registered.stream().map(Class::getEnclosingClass).filter(k -> k != null).collect(Collectors.toSet());
        Set<Class<?>> covered = CASES.stream().map(Case::covers).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (Class<?> anchor : List.of(PanelFigure.class, Figure.class)) {
            Path classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(anchor.getPackageName().replace('.', '/'));
            try (Stream<Path> s = Files.list(classes)) {
                for (Path p : s.toList()) {
                    String file = p.getFileName().toString();
                    if (!file.endsWith(".class") || file.equals("package-info.class")) {
                        continue;
                    }
                    Class<?> k = Class.forName(anchor.getPackageName() + "." + file.replace(".class", ""));
                    boolean figure = Figure.class.isAssignableFrom(k) && !k.isInterface() && !Modifier.isAbstract(k.getModifiers());
                    if (figure && !registered.contains(k)) {
                        missing.add(k.getName() + " (a Figure not registered in META-INF/services/" + Figure.class.getName() + ")");
                    } else if (!file.contains("$") && isChart(k) && !NOT_CHARTS.contains(k) && !registered.contains(k)
                            && !enclosing.contains(k) && !covered.contains(k)) {
                        missing.add(k.getName() + " (a chart class without a case in ChartCatalogueTest.CASES)");
                    }
                    seen++;
                }
            }
        }
        assertTrue(missing.isEmpty(), "chart classes the catalogue does not draw: " + missing);
        assertTrue(seen >= 20, "the catalogue found the packages' classes: " + seen);
    }

    /** A chart class: named ...Figure(s), or with a public static method that returns a drawing. */
    static boolean isChart(Class<?> k) {
        if (k.getSimpleName().endsWith("Figure") || k.getSimpleName().endsWith("Figures")) {
            return true;
        }
        for (Method m : k.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()) && Drawing.class.isAssignableFrom(m.getReturnType())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- generic checks

    /** Where a drawing goes: the temporary folder, or -Dcatalogue.dir to keep it. */
    Path keep(String kind, String name, Theme theme) throws IOException {
        String keep = System.getProperty("catalogue.dir");
        Path base = keep == null ? tmp : Path.of(keep);
        Path dir = base.resolve(kind).resolve(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")).resolve(theme.id());
        Files.createDirectories(dir);
        return dir;
    }

    /** The print theme in every format; the others as PNG only. */
    static Render render(Theme theme) {
        return new Render(theme, theme == Theme.PRINT ? EnumSet.allOf(Render.Format.class) : EnumSet.of(Render.Format.PNG));
    }

    /** Saves a drawing in a theme and checks the files. */
    static void assertSaved(Drawing d, Theme theme, Path dir, String base, String what) throws Exception {
        Render render = render(theme);
        int[] size = render.using(() -> {
            d.save(dir, base);
            return new int[] {d.width(), d.height()};
        });
        BufferedImage png = ImageIO.read(dir.resolve(base + ".png").toFile());
        assertEquals(2 * size[0], png.getWidth(), what + ": PNG at twice the nominal width");
        assertEquals(2 * size[1], png.getHeight(), what + ": PNG at twice the nominal height");
        assertEquals(theme.background().getRGB(), png.getRGB(2, 2), what + ": the theme's background");
        if (theme == Theme.PRINT) {
            long svg = Files.size(dir.resolve(base + ".svg"));
            assertTrue(svg > 0 && svg < 1_000_000, what + ": SVG under 1 MB: " + svg);
            assertTrue(Files.readString(dir.resolve(base + ".svg")).trim().endsWith("</svg>"), what + ": a whole SVG");
            assertTrue(Files.size(dir.resolve(base + ".pdf")) > 0, what + ": PDF");
        } else {
            assertFalse(Files.exists(dir.resolve(base + ".svg")), what + ": only the formats asked for");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), what + ": no temporary file is left");
        }
    }

    /**
     * What every drawing shows: titles, units, finite values, and learners by their labels.
     *
     * @param d the drawing
     * @param learners the run's learners (empty for a chart of no run)
     * @param what what is drawn, for messages
     */
    static void assertReadable(Drawing d, Map<String, Described> learners, String what) {
        List<String> shown = new ArrayList<>();
        if (d instanceof PanelFigure f) {
            assertText(f.title(), what + ": title");
            assertText(f.subtitle(), what + ": subtitle");
            for (XYChart c : f.panels()) {
                String panel = what + ", panel '" + c.getTitle() + "'";
                assertText(c.getTitle(), what + ": every panel says what it shows");
                assertUnit(c.getXAxisTitle(), panel + ", x axis");
                assertUnit(c.getYAxisTitle(), panel + ", y axis");
                shown.add(c.getTitle());
                for (XYSeries s : c.getSeriesCollection()) {
                    assertDrawn(c, s, panel);
                    if (s.isShowInLegend() && c.getStyler().isLegendVisible()) {
                        shown.add(legend(s));
                    }
                }
            }
        } else if (d instanceof ContourFigure f) {
            assertText(f.title(), what + ": title");
            assertText(f.subtitle(), what + ": subtitle");
            for (ContourFigure.Panel p : f.panels()) {
                String panel = what + ", panel '" + p.title() + "'";
                assertText(p.title(), what + ": every panel says what it shows");
                assertUnit(p.xLabel(), panel + ", x axis");
                assertUnit(p.yLabel(), panel + ", y axis");
                assertUnit(p.zLabel(), panel + ", colour scale");
                shown.add(p.title());
                boolean any = false;
                for (double[] row : p.z()) {
                    assertEquals(p.xs().length, row.length, panel + ": a row of the grid per y");
                    for (double v : row) {
                        assertFalse(Double.isInfinite(v), panel + ": an infinite value on the grid");
                        any |= Double.isFinite(v);
                    }
                }
                assertTrue(any, panel + ": the grid has values");
                for (ContourFigure.Trace t : p.traces()) {
                    assertEquals(t.x().length, t.y().length, panel + ": path '" + t.label() + "'");
                    assertTrue(Arrays.stream(t.x()).allMatch(Double::isFinite) && Arrays.stream(t.y()).allMatch(Double::isFinite),
                            panel + ": path '" + t.label() + "' is finite");
                    shown.add(t.label());
                }
            }
        } else if (d instanceof TileGridFigure f) {
            assertText(f.title(), what + ": title");
            assertText(f.subtitle(), what + ": subtitle");
            for (TileGridFigure.Grid g : f.grids()) {
                assertText(g.label(), what + ": every grid says whose it is");
                shown.add(g.label());
                for (double[] tile : g.tiles()) {
                    assertEquals(g.side() * g.side(), tile.length, what + ", " + g.label() + ": a tile is side x side");
                    assertTrue(Arrays.stream(tile).allMatch(Double::isFinite), what + ", " + g.label() + ": finite tiles");
                }
            }
        } else if (d instanceof MazeFigure f) {
            assertText(f.title(), what + ": title");
            assertText(f.subtitle(), what + ": subtitle");
            assertUnit(f.scaleLabel(), what + ", colour scale");
            MazeFigure.Maze m = f.maze();
            int cells = m.rows() * m.cols();
            assertEquals(cells, m.wall().length, what + ": a wall flag per cell");
            for (MazeFigure.Panel p : f.panels()) {
                assertText(p.label(), what + ": every maze says whose policy it is");
                shown.add(p.label());
                assertEquals(cells, p.shade().length, what + ", " + p.label() + ": a value per cell");
                assertEquals(cells, p.arrows().length, what + ", " + p.label() + ": arrows per cell");
                for (int c = 0; c < cells; c++) {
                    double v = p.shade()[c];
                    assertTrue(Double.isNaN(v) || v >= 0 && v <= 1, what + ", " + p.label() + ": cell " + c + " on the scale [0, 1]: " + v);
                    boolean blocked = m.wall()[c] || c == m.goal();
                    for (boolean a : p.arrows()[c]) {
                        assertFalse(blocked && a, what + ", " + p.label() + ": an arrow in a wall or the goal, cell " + c);
                    }
                }
            }
        } else {
            fail(what + ": a drawing of an unknown kind, " + d.getClass().getName() + "; teach the catalogue to check it");
        }
        assertLabelsNotNames(shown, learners, what);
    }

    static void assertText(String s, String what) {
        assertTrue(s != null && !s.isBlank(), what + " is blank");
    }

    /** An axis title that names its unit in parentheses. */
    static void assertUnit(String title, String what) {
        assertText(title, what + " title");
        int open = title.lastIndexOf('(');
        assertTrue(open >= 0 && title.indexOf(')', open) > open + 1, what + " names no unit in parentheses: '" + title + "'");
    }

    /** The legend entry of a series. */
    static String legend(XYSeries s) {
        return s.getLabel() == null ? s.getName() : s.getLabel();
    }

    /** Every value finite or NaN (a gap), something drawn, and only positive values on a logarithmic axis. */
    static void assertDrawn(XYChart c, XYSeries s, String what) {
        double[] x = s.getXData();
        double[] y = s.getYData();
        assertEquals(x.length, y.length, what + ", series '" + s.getName() + "'");
        int drawn = 0;
        for (int i = 0; i < x.length; i++) {
            assertFalse(Double.isInfinite(x[i]) || Double.isInfinite(y[i]), what + ", series '" + s.getName() + "': infinite at " + i);
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                drawn++;
                assertTrue(!c.getStyler().isYAxisLogarithmic() || y[i] > 0, what + ", series '" + s.getName() + "': " + y[i] + " on a log axis");
                assertTrue(!c.getStyler().isXAxisLogarithmic() || x[i] > 0, what + ", series '" + s.getName() + "': x " + x[i] + " on a log axis");
            }
        }
        assertTrue(drawn > 0, what + ", series '" + s.getName() + "' has no point to draw");
    }

    /**
     * No text that stands for a learner (a legend entry, a panel title, a path or a grid) shows it by
     * the name of learners.csv where it has a label of its own: an entry that starts with a learner's
     * name starts with some learner's label, or is the beginning of one (a label shortened to fit
     * a small legend, such as "logistic unit, SGD: estimate" for "logistic unit, SGD (gradient, DL4J)").
     */
    static void assertLabelsNotNames(List<String> shown, Map<String, Described> learners, String what) {
        List<String> labels = learners.values().stream().map(Described::label).toList();
        for (String t : shown) {
            for (Described l : learners.values()) {
                String n = l.name();
                boolean byName = t.equals(n) || t.startsWith(n + ":") || t.startsWith(n + ",") || t.startsWith(n + " ");
                String head = (t.contains(":") ? t.substring(0, t.indexOf(':')) : t).trim();
                boolean shortened = head.length() > n.length() && labels.stream().anyMatch(lab -> lab.startsWith(head));
                if (!l.label().equals(n) && byName && labels.stream().noneMatch(t::startsWith) && !shortened) {
                    fail(what + ": '" + t + "' shows learner '" + n + "' by its name; learners.csv labels it '" + l.label() + "'");
                }
            }
        }
    }

    @Test
    void onTheDarkThemeEveryLearnerColourOfEverySmokeRunKeepsItsHueAndReadsAgainstTheBackground() {
        int checked = 0;
        for (Path p : SmokeRuns.all()) {
            Map<String, Color> colours = Palette.of(RunFolder.open(p).learners().values());
            for (Map.Entry<String, Color> e : colours.entrySet()) {
                Color c = e.getValue();
                Color d = Theme.DARK.readable(c);
                String who = p.getFileName() + " " + e.getKey();
                assertTrue(Theme.contrast(d, Theme.DARK.background()) >= Theme.MIN_CONTRAST, who + ": " + d);
                float[] h0 = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
                float[] h1 = Color.RGBtoHSB(d.getRed(), d.getGreen(), d.getBlue(), null);
                assertEquals(h0[0], h1[0], 0.03, who + " keeps its hue");
                assertEquals(c, Theme.PRINT.readable(c), who + " is unchanged on white");
                checked++;
            }
        }
        assertTrue(checked >= 10, "the smoke runs have learners: " + checked);
        // ink (text, data points) becomes the theme's ink; opaque fills go halfway to the background
        assertEquals(Theme.DARK.ink(), Theme.DARK.readable(new Color(0x222222)));
        Color bg = Theme.DARK.background();
        assertEquals(new Color((bg.getRed() + 255) / 2, (bg.getGreen() + 255) / 2, (bg.getBlue() + 255) / 2), Theme.DARK.fill(Color.WHITE));
        assertEquals(Color.WHITE, Theme.PRINT.fill(Color.WHITE));
        // black on white is 21:1, and identical colours 1:1 (WCAG definition)
        assertEquals(21.0, Theme.contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1.0, Theme.contrast(Theme.DARK.background(), Theme.DARK.background()), 1e-9);
    }

    @Test
    void aCountAxisWithATickOnEveryValueLabelsOnlyEveryFewWhenAllWouldCrowd() {
        Map<Double, List<Habituation.Response>> byIsi = Map.of(1.0,
                java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> new Habituation.Response(i, i - 1, 1.0 / i)).toList());
        XYChart c = HabituationFigures.byrne(byIsi).panels().get(0);
        Theme.PRINT.apply(c, 1000, 460);
        java.util.function.Function<Double, String> label = c.getStyler().getxAxisTickLabelsFormattingFunction();
        assertNotNull(label, "30 stimuli in about 500 pixels: not every one is labelled");
        assertEquals("", label.apply(3.0));
        assertEquals("10", label.apply(10.0));
        assertEquals("30", label.apply(30.0));
        // ten trials are few enough to label each
        XYChart few = ProtocolFigures.train(java.util.stream.IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new Trains.Response(i, 50 * i, 0.5)).toList(), "tm", 20).panels().get(0);
        Theme.PRINT.apply(few, 900, 420);
        assertEquals(null, few.getStyler().getxAxisTickLabelsFormattingFunction());
    }

    // ---------------------------------------------------------------- fixtures and checks

    /** Seeds 0, 1, 2 with values base − spread, base, base + spread: mean base, sd spread. */
    static final int SEEDS = 3;

    static double half(double spread) {
        return T2 * spread / Math.sqrt(SEEDS);
    }

    /** Rows of curves.csv (or weights.csv when {@code index} is set). */
    static final class Trace {
        private final StringBuilder b;
        private final boolean index;

        Trace(boolean index) {
            this.index = index;
            b = new StringBuilder(index ? "learner,seed,step,metric,index,value\n" : "learner,seed,step,metric,value\n");
        }

        Trace row(String learner, long seed, long step, String metric, int idx, double value) {
            b.append(learner).append(',').append(seed).append(',').append(step).append(',').append(metric).append(',');
            if (index) {
                b.append(idx).append(',');
            }
            b.append(value).append('\n');
            return this;
        }

        Trace row(String learner, long seed, long step, String metric, double value) {
            return row(learner, seed, step, metric, 0, value);
        }

        /** Three seeds at one step: base − spread, base, base + spread. */
        Trace seeds(String learner, long step, String metric, double base, double spread) {
            for (int s = 0; s < SEEDS; s++) {
                row(learner, s, step, metric, base + (s - 1) * spread);
            }
            return this;
        }

        void write(Path file) throws IOException {
            Files.writeString(file, b);
        }
    }

    /** A learner of a fixture run, its label unlike its name so that a figure showing the name is caught. */
    static Described bio(String name, String label) {
        return new Described(name, Family.BIO, label, "", "fixture");
    }

    static Described gradient(String name, String label) {
        return new Described(name, Family.GRADIENT, label, "", "fixture");
    }

    /** Nested maps for a fixture's provenance: key, value, key, value, ... */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * A fixture run: its learners.csv written into the folder, its provenance given.
     *
     * @param dir the folder with the fixture's files
     * @param learners its learners
     * @param settings what the spec's {@code set} holds
     * @param run what the engine says of the run ({@code step_unit}, {@code metrics}, ...), with the task "digits" unless given
     * @param facts further entries of the provenance (task facts, histogram range, ...)
     * @return the run
     */
    static RunFolder fixture(Path dir, List<Described> learners, Map<String, Object> settings, Map<String, Object> run, Map<String, Object> facts)
            throws IOException {
        LearnersFile.write(dir, learners);
        Map<String, Object> r = map("step_unit", "presentations", "conditions", List.of(map("task", "digits")));
        r.putAll(run);
        Map<String, Object> p = map("spec", map("experiment", "fixture", "seeds", SEEDS, "first_seed", 0, "set", settings), "run", r);
        p.putAll(facts);
        return RunFolder.of(dir, new ObjectMapper().valueToTree(p));
    }

    static XYSeries series(XYChart c, String name) {
        XYSeries s = c.getSeries(name);
        assertNotNull(s, "no series '" + name + "' in '" + c.getTitle() + "'; has "
                + c.getSeriesCollection().stream().map(XYSeries::getName).toList());
        return s;
    }

    /** The line and its band: mean at x, band edges mean ± half. */
    static void assertMeanAndBand(XYChart c, String line, double[] x, double[] mean, double[] half) {
        XYSeries l = series(c, line);
        assertArrayEquals(x, l.getXData(), EPS, line + " x");
        assertArrayEquals(mean, l.getYData(), EPS, line + " mean");
        XYSeries b = series(c, line + " " + Charts.BAND);
        int n = x.length;
        double[] upper = Arrays.copyOfRange(b.getYData(), 0, n);
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = b.getYData()[2 * n - 1 - i];
        }
        double[] hi = new double[n];
        double[] lo = new double[n];
        for (int i = 0; i < n; i++) {
            hi[i] = mean[i] + half[i];
            lo[i] = mean[i] - half[i];
        }
        assertArrayEquals(hi, upper, 1e-9, line + " upper edge = mean + t sd / sqrt(n)");
        assertArrayEquals(lo, lower, 1e-9, line + " lower edge = mean - t sd / sqrt(n)");
        assertFalse(b.isShowInLegend());
    }

    static double[] v(double... x) {
        return x;
    }

    // ---- pca

    static final String OJA = "Oja's rule (bio, 1 unit)";
    static final String GHA = "Sanger's GHA (bio, 3 units)";
    static final String AE = "linear autoencoder (gradient, 3 hidden)";

    static List<Described> pcaLearners() {
        return List.of(bio("oja", OJA), bio("gha", GHA), gradient("autoencoder", AE));
    }

    static Drawing pcaCurves(Figure fig, Path dir) throws IOException {
        Trace t = new Trace(false);
        double[][] angle = {{60, 20, 4}, {70, 10, 3}, {80, 40, 8}};
        String[] learners = {"oja", "gha", "autoencoder"};
        for (int l = 0; l < 3; l++) {
            for (int i = 0; i < 3; i++) {
                t.seeds(learners[l], 100L * i, "principal_angle_deg", angle[l][i], 0.5);
                t.seeds(learners[l], 100L * i, "reconstruction_mse", 1.0 / (i + 1), 0.1);
                t.seeds(learners[l], 100L * i, "weight_norm", 1, 0.01 * i);
            }
        }
        t.write(dir.resolve(Traces.CURVES));
        RunFolder run = fixture(dir, pcaLearners(), map("k", 3, "task", "gaussian"), map(), map("task", map("eigenvalues", List.of(3, 2, 1, 0.5))));
        PanelFigure f = (PanelFigure) fig.draw(run);
        assertTrue(f.subtitle().contains("mean \u00b1 95 % t-interval over 3 seeds"), f.subtitle());
        double h = half(0.5);
        assertMeanAndBand(f.panels().get(0), GHA, v(0, 100, 200), v(70, 10, 3), v(h, h, h));
        double hm = half(0.1);
        assertMeanAndBand(f.panels().get(1), OJA, v(0, 100, 200), v(1, 0.5, 1.0 / 3), v(hm, hm, hm));
        // best possible reconstruction: the variance outside the top-k axes, per input dimension
        assertArrayEquals(v(3.5 / 4, 3.5 / 4), series(f.panels().get(1), "best possible, top-1 PCA").getYData(), EPS);
        assertArrayEquals(v(0.5 / 4, 0.5 / 4), series(f.panels().get(1), "best possible, top-3 PCA").getYData(), EPS);
        assertMeanAndBand(f.panels().get(2), AE, v(0, 100, 200), v(1, 1, 1), v(0, half(0.01), half(0.02)));
        return f;
    }

    static Drawing pcaWeights(Figure fig, Path dir) throws IOException {
        Files.writeString(dir.resolve("principal_axes.csv"), "axis,index,value\n0,0,1\n0,1,0\n0,2,0\n1,0,0\n1,1,1\n1,2,0\n");
        Trace t = new Trace(true);
        for (String l : List.of("oja", "gha")) {
            t.row(l, 0, 0, "w", 0, 0.6).row(l, 0, 0, "w", 1, 0).row(l, 0, 0, "w", 2, 0.8);
            t.row(l, 0, 50, "w", 0, 1).row(l, 0, 50, "w", 1, 0).row(l, 0, 50, "w", 2, 0);
        }
        t.write(dir.resolve(Traces.WEIGHTS));
        PanelFigure f = (PanelFigure) fig.draw(fixture(dir, pcaLearners(), map("k", 2, "task", "gaussian"), map(), map()));
        assertEquals(2, f.panels().size(), "one panel per learner with weights");
        XYChart oja = f.panels().get(0);
        assertTrue(oja.getTitle().startsWith(OJA), oja.getTitle());
        assertArrayEquals(v(0.6, 1), series(oja, "along principal axis 1").getYData(), EPS);
        assertArrayEquals(v(0, 0), series(oja, "along principal axis 2").getYData(), EPS);
        assertArrayEquals(v(0.8, 0), series(oja, "norm outside the top-2 axes").getYData(), EPS);
        assertArrayEquals(v(0, 50), series(oja, "along principal axis 1").getXData(), EPS);
        return f;
    }

    // ---- xor

    static final String MLP = "MLP by backprop (gradient, 8 hidden)";
    static final String PERCEPTRON = "perceptron (bio, 1 threshold unit)";
    static final String DELTA = "delta rule (bio, 1 linear unit)";

    static List<Described> xorLearners() {
        return List.of(bio("perceptron", PERCEPTRON), bio("delta", DELTA), gradient("mlp", MLP));
    }

    static Drawing xorCurves(Figure fig, Path dir) throws IOException {
        Trace t = new Trace(false);
        for (int i = 0; i < 2; i++) {
            t.seeds("mlp", 50L * i, "accuracy", 0.5 + 0.4 * i, 0.1);
            t.seeds("perceptron", 50L * i, "accuracy", 0.5, 0.1);
            t.seeds("mlp", 50L * i, "mse", 0.2 - 0.05 * i, 0.01);
            t.seeds("delta", 50L * i, "mse", 0.3, 0.2);
        }
        t.write(dir.resolve(Traces.CURVES));
        PanelFigure f = (PanelFigure) fig.draw(fixture(dir, xorLearners(), map(), map(), map()));
        XYChart acc = f.panels().get(0);
        XYSeries mlp = series(acc, MLP);
        assertArrayEquals(v(0.5, 0.9), mlp.getYData(), EPS);
        // the interval of a fraction is cut at 1: 0.9 + 4.303 * 0.1 / sqrt 3 = 1.148
        XYSeries band = series(acc, MLP + " " + Charts.BAND);
        assertArrayEquals(v(0.5 + half(0.1), 1.0), Arrays.copyOfRange(band.getYData(), 0, 2), EPS);
        assertArrayEquals(v(0.9 - half(0.1), 0.5 - half(0.1)), Arrays.copyOfRange(band.getYData(), 2, 4), EPS);
        double hp = half(0.1);
        assertMeanAndBand(acc, PERCEPTRON, v(0, 50), v(0.5, 0.5), v(hp, hp));
        XYChart mse = f.panels().get(1);
        assertMeanAndBand(mse, MLP, v(0, 50), v(0.2, 0.15), v(half(0.01), half(0.01)));
        // the log axis starts at the power of ten below the smallest mean, 0.15: an interval reaching lower is cut there
        assertEquals(0.1, mse.getStyler().getYAxisMin(), EPS);
        XYSeries delta = series(mse, DELTA + " " + Charts.BAND);
        assertArrayEquals(v(0.3 + half(0.2), 0.3 + half(0.2), 0.1, 0.1), delta.getYData(), EPS);
        return f;
    }

    static Drawing xorRegions(Figure fig, Path dir) throws IOException {
        StringBuilder b = new StringBuilder("learner,seed,x1,x2,output,class\n");
        double[] g = {0, 0.5, 1};
        for (double x2 : g) {
            for (double x1 : g) {
                // the output is x1: the answer is 1 on the right half
                b.append("delta,0,").append(x1).append(',').append(x2).append(',').append(x1).append(',').append(x1 >= 0.5 ? 1 : 0)
                        .append('\n');
            }
        }
        Files.writeString(dir.resolve("boundary.csv"), b);
        Files.writeString(dir.resolve("points.csv"), "x1,x2,target\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        new Trace(false).row("delta", 0, 10, "accuracy", 0.5).write(dir.resolve(Traces.CURVES));
        PanelFigure f = (PanelFigure) fig.draw(fixture(dir, xorLearners(), map(), map(), map()));
        XYChart c = f.panels().get(0);
        assertEquals(DELTA + ": 2 of 4 right", c.getTitle());
        XYSeries one = series(c, "XOR = 1");
        assertArrayEquals(v(0, 1), one.getXData(), EPS);
        assertArrayEquals(v(1, 0), one.getYData(), EPS);
        // the contour output = 0.5 is the vertical line x1 = 0.5
        XYSeries contour = series(c, "output = 0.5");
        for (double x : contour.getXData()) {
            assertTrue(Double.isNaN(x) || Math.abs(x - 0.5) < EPS, "contour at x1 = 0.5: " + x);
        }
        assertTrue(f.title().contains("after 10 presentations"), f.title());
        return f;
    }

    // ---- the generic figures of comparisons

    static final String OJA_C = "oja: Oja's rule, 4 units";
    static final String MLP_C = "mlp: 64-32-10 by Adam";

    static List<Described> comparisonLearners() {
        return List.of(bio("oja", OJA_C), gradient("mlp", MLP_C));
    }

    /** A comparison run on the digits; steps counted in epochs of {@code epochSize} samples when it is not 0. */
    static RunFolder comparison(Path dir, long epochSize, List<String> metrics, Map<String, Object> facts) throws IOException {
        return fixture(dir, comparisonLearners(), map(), map("in_epochs", epochSize > 0, "epoch_size", epochSize, "metrics", metrics), facts);
    }

    static Drawing learningCurves(Figure fig, Path dir) throws IOException {
        Trace t = new Trace(false);
        for (int i = 0; i < 3; i++) {
            t.seeds("oja", 100L * i, "accuracy", 0.5 + 0.1 * i, 0.05);
            t.seeds("mlp", 100L * i, "accuracy", 0.6 + 0.1 * i, 0.02);
            t.seeds("oja", 100L * i, "reconstruction_mse", 1.0 / (i + 1), 0.1);
        }
        t.seeds("mlp", 0, "skipped", 1, 0);
        t.write(dir.resolve(Traces.CURVES));
        PanelFigure f = (PanelFigure) fig.draw(comparison(dir, 100, List.of("accuracy", "reconstruction_mse"), map()));
        assertEquals(2, f.panels().size(), "one panel per metric recorded");
        // steps 0, 100, 200 of 100 samples an epoch: epochs 0, 1, 2
        assertMeanAndBand(f.panels().get(0), OJA_C, v(0, 1, 2), v(0.5, 0.6, 0.7), v(half(0.05), half(0.05), half(0.05)));
        assertMeanAndBand(f.panels().get(0), MLP_C, v(0, 1, 2), v(0.6, 0.7, 0.8), v(half(0.02), half(0.02), half(0.02)));
        assertMeanAndBand(f.panels().get(1), OJA_C, v(0, 1, 2), v(1, 0.5, 1.0 / 3), v(half(0.1), half(0.1), half(0.1)));
        assertTrue(f.subtitle().contains("mean over 3 seeds"), f.subtitle());
        assertTrue(f.title().contains("on task digits"), f.title());
        return f;
    }

    static Drawing weightNorms(Figure fig, Path dir) throws IOException {
        Trace t = new Trace(false);
        for (int i = 0; i < 2; i++) {
            t.seeds("oja", 50L * i, "norm.w", 1 + i, 0.1);
            t.seeds("mlp", 50L * i, "norm.hidden", 2 - 0.5 * i, 0.2);
            t.seeds("mlp", 50L * i, "norm.out", 0.5, 0.05);
        }
        t.seeds("mlp", 0, "accuracy", 0.5, 0);
        t.write(dir.resolve(Traces.CURVES));
        PanelFigure f = (PanelFigure) fig.draw(comparison(dir, 0, List.of("accuracy"), map()));
        assertEquals(2, f.panels().size(), "one panel per learner");
        assertEquals(OJA_C, f.panels().get(0).getTitle());
        assertMeanAndBand(f.panels().get(0), "w", v(0, 50), v(1, 2), v(half(0.1), half(0.1)));
        assertMeanAndBand(f.panels().get(1), "hidden", v(0, 50), v(2, 1.5), v(half(0.2), half(0.2)));
        assertMeanAndBand(f.panels().get(1), "out", v(0, 50), v(0.5, 0.5), v(half(0.05), half(0.05)));
        return f;
    }

    static Drawing weightTrajectories(Figure fig, Path dir) throws IOException {
        Trace t = new Trace(true);
        for (long seed : new long[] {3, 4}) {
            for (long step = 0; step <= 200; step += 100) {
                for (int i = 0; i < 2; i++) {
                    t.row("oja", seed, step, "w", i, seed == 3 ? (i + 1) * step / 100.0 : -9);
                }
                t.row("mlp", seed, step, "hidden", 0, 0.1 * step / 100).row("mlp", seed, step, "out", 0, -0.1 * step / 100);
            }
        }
        t.write(dir.resolve(Traces.WEIGHTS));
        PanelFigure f = (PanelFigure) fig.draw(comparison(dir, 100, List.of(), map()));
        XYChart oja = f.panels().get(0);
        assertEquals(OJA_C, oja.getTitle());
        // only the first seed (3): one line per synapse
        assertEquals(2, oja.getSeriesCollection().size());
        assertArrayEquals(v(0, 1, 2), series(oja, "w").getXData(), EPS, "epochs");
        assertArrayEquals(v(0, 1, 2), series(oja, "w").getYData(), EPS);
        assertArrayEquals(v(0, 2, 4), series(oja, "w 1").getYData(), EPS);
        assertArrayEquals(v(0, -0.1, -0.2), series(f.panels().get(1), "out").getYData(), EPS);
        assertTrue(f.subtitle().endsWith("seed 3"), f.subtitle());
        return f;
    }

    static Drawing weightHistograms(Figure fig, Path dir) throws IOException {
        Trace t = new Trace(true);
        double[][] counts = {{0, 5, 5, 0}, {1, 1, 1, 7}};
        for (int s = 0; s < 2; s++) {
            for (int b = 0; b < 4; b++) {
                t.row("oja", 0, 100L * s, "w", b, counts[s][b]);
                t.row("oja", 1, 100L * s, "w", b, 99);
            }
        }
        t.write(dir.resolve(Traces.HISTOGRAMS));
        PanelFigure f = (PanelFigure) fig.draw(comparison(dir, 0, List.of(), map(Histograms.ENTRY, map("bins", 4, "low", -1, "high", 1))));
        XYChart c = f.panels().get(0);
        assertTrue(c.getTitle().startsWith(OJA_C), c.getTitle());
        // 4 bins of 0.5 over [-1, 1]; columns 100 wide centred on the snapshots, each reaching a quarter into the next
        // at 0: bins 1 and 2 hold 50 % each, one run of cells from -0.5 to 0.5, reaching a quarter bin into bin 3
        XYSeries mid = series(c, "cell 0,1");
        assertArrayEquals(v(-50, 75, 75, -50), mid.getXData(), EPS);
        assertArrayEquals(v(-0.5, -0.5, 0.625, 0.625), mid.getYData(), EPS);
        assertTrue(c.getSeriesCollection().stream().noneMatch(x -> x.getName().equals("cell 0,2")), "merged into the run from bin 1");
        // at 100: bin 3 holds 70 %, the last column, not reaching on
        assertArrayEquals(v(50, 150, 150, 50), series(c, "cell 1,3").getXData(), EPS);
        assertArrayEquals(v(0.5, 0.5, 1, 1), series(c, "cell 1,3").getYData(), EPS);
        assertTrue(f.subtitle().contains("4 bins over [-1, 1]") && f.subtitle().endsWith("seed 0"), f.subtitle());
        return f;
    }

    static Drawing receptiveFields(Figure fig, Path dir) throws IOException {
        Trace t = new Trace(true);
        for (int i = 0; i < 2 * 16; i++) {
            t.row("oja", 0, 10, "w", i, i < 16 ? i : -(i - 16));
        }
        t.write(dir.resolve(Fields.NAME));
        TileGridFigure f = (TileGridFigure) fig.draw(comparison(dir, 0, List.of(), map("fields", map("image_side", 4))));
        assertEquals(1, f.grids().size());
        assertEquals(OJA_C, f.grids().get(0).label());
        assertEquals(4, f.grids().get(0).side());
        assertEquals(2, f.grids().get(0).tiles().length, "two units of 4 x 4 inputs");
        assertEquals(15.0, f.grids().get(0).tiles()[0][15]);
        assertEquals(-7.0, f.grids().get(0).tiles()[1][7]);
        assertTrue(f.title().contains("on task digits"), f.title());
        return f;
    }

    // ---- loss landscapes

    /** A 2 x 3 grid, values 0 to 5. */
    static final double[] GRID_X = {0, 1, 2};
    static final double[] GRID_Y = {0, 1};
    static final double[][] GRID_Z = {{0, 1, 2}, {3, 4, 5}};

    /**
     * One landscape of a pca run, written as its files: Oja's line, random plane, pca plane and walk,
     * with GHA's first unit drawn on it as a guest.
     */
    static RunFolder landscape(Path dir) throws IOException {
        var surface = new LandscapeFiles.Surface("oja", "Oja's rule, reconstruction", "reconstruction error (MSE per input)", 7, 0.5,
                List.of(new LandscapeFiles.Guest("gha", "first unit as w")));
        var lines = List.of(new LandscapeFiles.Line("oja", v(-0.5, 0, 0.5, 1, 1.5), v(3, 2, 1, 0.5, 0.9)),
                new LandscapeFiles.Line("gha", v(-0.5, 0, 0.5, 1, 1.5), v(2.5, 2, 1.5, 1, 1.2)));
        var random = new LandscapeFiles.Field(LandscapeFiles.RANDOM_PLANE, v(-1, 0, 1), v(-1, 1), GRID_Z);
        var pca = new LandscapeFiles.Field(LandscapeFiles.PCA_PLANE, v(-1, 0, 1), v(-1, 1), new double[][] {{2, 1.5, 1}, {1.2, 0.8, 0.5}});
        var walks = List.of(new LandscapeFiles.Walk("oja", new long[] {0, 10, 20}, v(-0.8, -0.3, 0), v(-0.9, 0.2, 0), v(1.9, 1.0, 0.5)),
                new LandscapeFiles.Walk("gha", new long[] {0, 10, 20}, v(0.5, 0.4, 0.3), v(0.5, 0.6, 0.7), v(1.1, 1.0, 0.9)));
        LandscapeFiles.write(dir, List.of(new LandscapeFiles.Landscape(surface, lines, random, pca, v(0.8, 0.15), walks)));
        return fixture(dir, pcaLearners(), map(), map(), map());
    }

    static Drawing landscapeLine(Figure fig, Path dir) throws IOException {
        PanelFigure f = (PanelFigure) fig.draw(landscape(dir));
        XYChart c = f.panels().get(0);
        assertArrayEquals(v(-0.5, 0, 0.5, 1, 1.5), series(c, OJA).getXData(), EPS);
        assertArrayEquals(v(3, 2, 1, 0.5, 0.9), series(c, OJA).getYData(), EPS);
        assertArrayEquals(v(2.5, 2, 1.5, 1, 1.2), series(c, GHA + ": first unit as w").getYData(), EPS, "the guest, by its label and note");
        // the markers at the initial and final weights span the loss drawn, from 0 (a linear axis: 3 / 0.5 is under 30)
        assertArrayEquals(v(1, 1), series(c, "\u03b1 = 1: final weights").getXData(), EPS);
        assertArrayEquals(v(0, 3), series(c, "\u03b1 = 1: final weights").getYData(), EPS);
        assertFalse(c.getStyler().isYAxisLogarithmic());
        assertEquals("reconstruction error (MSE per input)", c.getYAxisTitle());
        assertTrue(f.subtitle().endsWith("seed 7"), f.subtitle());
        return f;
    }

    static Drawing landscapePca(Figure fig, Path dir) throws IOException {
        ContourFigure f = (ContourFigure) fig.draw(landscape(dir));
        ContourFigure.Panel p = f.panels().get(0);
        assertEquals("Oja's rule, reconstruction", p.title());
        assertArrayEquals(v(-1, 0, 1), p.xs(), EPS);
        assertArrayEquals(v(-1, 1), p.ys(), EPS);
        assertArrayEquals(v(2, 1.5, 1), p.z()[0], EPS);
        assertArrayEquals(v(1.2, 0.8, 0.5), p.z()[1], EPS);
        assertEquals(2, p.traces().size());
        ContourFigure.Trace oja = p.traces().get(0);
        assertEquals(OJA, oja.label());
        assertArrayEquals(v(-0.8, -0.3, 0), oja.x(), EPS, "the walk's checkpoints on the plane");
        assertArrayEquals(v(-0.9, 0.2, 0), oja.y(), EPS);
        assertEquals(Palette.of(pcaLearners()).get("oja"), oja.colour(), "the colour of learners.csv");
        assertFalse(oja.dashed());
        ContourFigure.Trace gha = p.traces().get(1);
        assertEquals(GHA + ": first unit as w", gha.label());
        assertTrue(gha.dashed(), "a guest is dashed");
        assertEquals(Palette.of(pcaLearners()).get("gha"), gha.colour());
        assertTrue(p.xLabel().contains("80.0 % of its variance"), p.xLabel());
        assertTrue(p.yLabel().contains("15.0 %"), p.yLabel());
        return f;
    }

    static Drawing landscapeRandom(Figure fig, Path dir) throws IOException {
        ContourFigure f = (ContourFigure) fig.draw(landscape(dir));
        ContourFigure.Panel p = f.panels().get(0);
        for (int i = 0; i < GRID_Z.length; i++) {
            assertArrayEquals(GRID_Z[i], p.z()[i], EPS);
        }
        assertArrayEquals(v(-1, 0, 1), p.xs(), EPS);
        assertArrayEquals(v(0, 0), p.origin(), EPS, "the final weights at the centre");
        assertTrue(p.originLabel().contains("loss 0.500"), p.originLabel());
        assertTrue(p.traces().isEmpty());
        assertTrue(f.subtitle().endsWith("seed 7"), f.subtitle());
        return f;
    }

    // ---- charts of no run

    static Drawing tileGrid(Path dir) {
        double[][] tiles = {{1, -1, 0, 0.5}, {0, 0, 0, 0}};
        TileGridFigure f = new TileGridFigure("Two tiles", "2x2 each", List.of(new TileGridFigure.Grid("a", tiles, 2)), 2);
        assertArrayEquals(tiles[0], f.grids().get(0).tiles()[0]);
        return f;
    }


    static Drawing maze(Path dir) {
        // a 2 x 3 maze: a wall in the middle of the top row, the goal top right
        MazeFigure.Maze m = new MazeFigure.Maze(2, 3, new boolean[] {false, true, false, false, false, false}, 0, 2);
        double n = Double.NaN;
        boolean[][] arrows = new boolean[6][4];
        arrows[0][2] = true;
        arrows[3][1] = true;
        arrows[4][1] = true;
        arrows[5][0] = true;
        arrows[5][1] = true;
        MazeFigure f = new MazeFigure("A maze", "arrows down, right, up", m, List.of(
                new MazeFigure.Panel("a policy", "mean 0.5", new double[] {0, n, n, 0.25, 0.75, 1}, arrows)), 3, "p (probability)");
        assertEquals(MazeFigure.colour(0), MazeFigure.colour(-1), "clipped below 0");
        assertEquals(new Color(0x225EA8), MazeFigure.colour(1), "the scale's top");
        return f;
    }

    // ---- protocols

    static Drawing protocolWindow(Path dir) {
        List<Pairing.Point> pts = List.of(new Pairing.Point(1, -20, -0.1), new Pairing.Point(1, 20, 0.2));
        PanelFigure f = ProtocolFigures.window(pts, "stdp-pair", 10);
        XYSeries m = series(f.panels().get(0), "stdp-pair");
        assertArrayEquals(v(-20, 20), m.getXData(), EPS);
        assertArrayEquals(v(-10, 20), m.getYData(), EPS);
        return f;
    }

    static Drawing protocolFrequency(Path dir) {
        List<Pairing.Point> pts = List.of(new Pairing.Point(1, 10, 0.1), new Pairing.Point(20, 10, 0.3), new Pairing.Point(1, -10, -0.2),
                new Pairing.Point(20, -10, 0.1));
        PanelFigure f = ProtocolFigures.frequency(pts, "triplet");
        XYSeries plus = series(f.panels().get(0), "triplet, Δt = +10 ms");
        assertArrayEquals(v(1, 20), plus.getXData(), EPS);
        assertArrayEquals(v(10, 30), plus.getYData(), EPS);
        assertEquals(5, series(f.panels().get(0), "Sjöström et al. 2001, Δt = +10 ms (mean ± s.e.m.)").getXData().length,
                "Sjöström's five frequencies");
        return f;
    }

    static Drawing protocolTrain(Path dir) {
        PanelFigure f = ProtocolFigures.train(List.of(new Trains.Response(1, 0, 0.5), new Trains.Response(2, 50, 0.25)), "tm", 20);
        assertArrayEquals(v(0.5, 0.25), series(f.panels().get(0), "tm").getYData(), EPS);
        assertTrue(f.panels().get(0).getTitle().contains("20 Hz"));
        return f;
    }

    static Drawing neuronMembrane(Path dir) {
        NeuronProtocols.Trace step = new NeuronProtocols.Trace(v(0, 1, 2), v(0, 2, 2), v(-74, -60, -55), List.of(1.5));
        PanelFigure f = NeuronFigures.membrane(step, "step", step, "poisson");
        assertArrayEquals(v(-74, -60, -55), series(f.panels().get(0), "V").getYData(), EPS);
        assertArrayEquals(v(1.5), series(f.panels().get(0), "spikes (1)").getXData(), EPS);
        assertArrayEquals(v(0, 2, 2), series(f.panels().get(1), "I (nA)").getYData(), EPS);
        return f;
    }

    static Drawing neuronPsp(Path dir) {
        NeuronProtocols.Trace c = new NeuronProtocols.Trace(v(0, 1, 2), v(0, 1, 0.8), v(-74, -73.5, -73), List.of());
        PanelFigure f = NeuronFigures.psp(c, "current", c, "conductance");
        assertEquals(4, f.panels().size());
        assertArrayEquals(v(0, 1, 0.8), series(f.panels().get(2), "g_e (leak units)").getYData(), EPS);
        return f;
    }

    static Drawing protocolCustom(Path dir) {
        PanelFigure f = ProtocolFigures.custom(List.of(new Trains.Event(0, "pre", 0.4), new Trains.Event(10, "post", 0.45)), "stdp-pair");
        assertArrayEquals(v(0, 10), series(f.panels().get(0), "stdp-pair").getXData(), EPS);
        assertArrayEquals(v(0.4, 0.45), series(f.panels().get(0), "stdp-pair").getYData(), EPS);
        assertArrayEquals(v(10), series(f.panels().get(0), "postsynaptic spikes").getXData(), EPS);
        return f;
    }

    static Drawing habituationProtocol(Path dir) {
        List<Habituation.Response> rs = List.of(new Habituation.Response(1, 0, 1), new Habituation.Response(2, 10, 0.7));
        PanelFigure f = HabituationFigures.protocol(rs, "aplysia", new Habituation.Protocol(10, 2, 1, 0, 0, null));
        assertArrayEquals(v(1, 0.7), series(f.panels().get(0), "aplysia").getYData(), EPS);
        assertTrue(f.subtitle().startsWith("2 stimuli 10 s apart"), f.subtitle());
        return f;
    }

    static Drawing habituationByrne(Path dir) {
        Map<Double, List<Habituation.Response>> byIsi = new LinkedHashMap<>();
        byIsi.put(1.0, List.of(new Habituation.Response(1, 0, 1), new Habituation.Response(2, 1, 0.5)));
        byIsi.put(100.0, List.of(new Habituation.Response(1, 0, 1), new Habituation.Response(2, 100, 0.9)));
        PanelFigure f = HabituationFigures.byrne(byIsi);
        assertArrayEquals(v(1, 0.9), series(f.panels().get(0), "model, 100 s between stimuli").getYData(), EPS);
        assertArrayEquals(v(0.65), series(f.panels().get(0), "Byrne 1982: 10th EPSP at 100 s (accepted range)").getYData(), EPS);
        return f;
    }

    // ---- sweeps

    /** A sweep.csv over eta (and k), with the t-interval columns as a sweep writes them. */
    static void sweepFixture(Path dir, String key, List<String> values, boolean twoKeys) throws IOException {
        StringBuilder b = new StringBuilder(key + (twoKeys ? ",k" : "") + "," + SweepFigures.COLUMNS + "\n");
        for (String k : twoKeys ? List.of("2", "3") : List.of("")) {
            for (int i = 0; i < values.size(); i++) {
                for (String learner : List.of("oja", "autoencoder")) {
                    double mean = 10.0 / (i + 1) + (learner.equals("oja") ? 0 : 1) + (k.equals("3") ? 5 : 0);
                    double sd = 0.5;
                    double h = half(sd);
                    String pre = values.get(i) + (twoKeys ? "," + k : "") + "," + learner + ",";
                    b.append(pre).append("principal_angle_deg,").append(mean).append(',').append(mean - sd).append(',').append(mean + sd)
                            .append(",3,").append(sd).append(',').append(mean - h).append(',').append(mean + h).append('\n');
                    b.append(pre).append("weight_norm,1,1,1,3,0,1,1\n");
                }
            }
        }
        Files.writeString(dir.resolve(SweepFigures.CSV), b);
    }

    static Drawing sweepLog(Path dir) throws IOException {
        sweepFixture(dir, "bio.eta", List.of("0.001", "0.01", "0.1"), true);
        SweepFigures.Table t = SweepFigures.read(dir.resolve(SweepFigures.CSV));
        assertEquals(List.of("bio.eta", "k"), t.keys());
        PanelFigure f = SweepFigures.figure(t, "bio.eta", null);
        assertEquals(2, f.panels().size(), "one panel per value of k");
        XYChart k3 = f.panels().get(1);
        assertTrue(k3.getTitle().contains("k = 3"), k3.getTitle());
        assertTrue(k3.getStyler().isXAxisLogarithmic(), "0.001 to 0.1 spans a factor of 100");
        double h = half(0.5);
        assertMeanAndBand(k3, "autoencoder", v(0.001, 0.01, 0.1), v(16, 11, 6 + 10.0 / 3), v(h, h, h));
        PanelFigure byK = SweepFigures.figure(t, "k", "weight_norm");
        assertFalse(byK.panels().get(0).getStyler().isXAxisLogarithmic(), "2 to 3: linear");
        assertArrayEquals(v(1, 1), series(byK.panels().get(0), "oja").getYData(), EPS);
        assertTrue(f.subtitle().contains("mean \u00b1 95 % t-interval over 3 seeds"), f.subtitle());
        return f;
    }

    static Drawing sweepCategories(Path dir) throws IOException {
        sweepFixture(dir, "ae.optimiser", List.of("sgd", "adam"), false);
        PanelFigure f = SweepFigures.figure(SweepFigures.read(dir.resolve(SweepFigures.CSV)), "ae.optimiser", null);
        XYChart c = f.panels().get(0);
        assertArrayEquals(v(1, 2), series(c, "oja").getXData(), EPS, "categories at 1, 2 in grid order");
        assertEquals("adam", c.getStyler().getxAxisTickLabelsFormattingFunction().apply(2.0));
        assertEquals("", c.getStyler().getxAxisTickLabelsFormattingFunction().apply(1.5));
        return f;
    }

    // ---- contours

    static Drawing contour(Path dir) throws Exception {
        java.awt.Color oja = Palette.BLUE;
        ContourFigure.Trace path = new ContourFigure.Trace("oja", oja, v(0.5, 1.5), v(0.5, 0.5), false);
        ContourFigure f = new ContourFigure("A plane", "values 0 to 5", List.of(new ContourFigure.Panel("the grid", "x (units)", "y (units)",
                GRID_X, GRID_Y, GRID_Z, "value (units)", List.of(path), v(1.5, 0.75), "the cross")), 1);
        // what the PNG shows, in the print theme: the bands at the grid points, the path's end points and the cross
        Path print = dir.resolve("print-check");
        BufferedImage png = new Render(Theme.PRINT, EnumSet.of(Render.Format.PNG)).using(() -> {
            f.save(print, "c");
            return ImageIO.read(print.resolve("c.png").toFile());
        });
        // the panel's plot: 70 px from the left, 44 below the 58 px title band, 366 x 344 nominal pixels, drawn at 2x
        java.util.function.BiFunction<Double, Double, Integer> at = (x, y) -> png.getRGB((int) Math.round(2 * (70 + x / 2 * 366)),
                (int) Math.round(2 * (58 + 44 + 344 - y * 344)));
        // value v is band floor(12 v / 5); a band is drawn in the colour of its middle, (band + 0.5) / 12
        java.util.function.IntFunction<Integer> band = b -> ContourFigure.colour((b + 0.5) / ContourFigure.BANDS).getRGB();
        assertEquals(band.apply(0), at.apply(0.02, 0.02), "z = 0 at (0, 0): the lowest band");
        assertEquals(band.apply(2), at.apply(1.0, 0.02), "z = 1 at (1, 0): 12/5 = 2.4, band 2");
        assertEquals(band.apply(7), at.apply(0.02, 0.98), "z = 3 at (0, 1): 7.2, band 7");
        assertEquals(band.apply(11), at.apply(1.98, 0.98), "z = 5 at (2, 1): the highest band");
        assertEquals(oja.getRGB(), at.apply(1.5, 0.5), "the path ends at (1.5, 0.5), a dot in its colour");
        assertEquals(java.awt.Color.WHITE.getRGB(), at.apply(0.5, 0.5), "it starts at (0.5, 0.5), an open circle");
        assertEquals(new java.awt.Color(0x222222).getRGB(), at.apply(1.5, 0.75), "the cross at (1.5, 0.75)");
        return f;
    }

    // ---- cue combination

    static final String BAYES = "Bayesian observer (fixture)";
    static final String UNIT = "linear unit (fixture)";

    /**
     * Two ratios of cue noises, 1/2 and 2, three seeds: the sums of the weights 0.9, 1.0, 1.1 (mean
     * 1, sd 0.1), the squared errors 0.25 on every seed (sd of the estimate 0.5, no interval).
     */
    static Drawing cueWeights(Figure fig, Path dir) throws IOException {
        Trace t = new Trace(false);
        for (String c : List.of("ratio-1", "ratio-2")) {
            for (String l : List.of("bayes", "gradient")) {
                for (int s = 0; s < SEEDS; s++) {
                    double w1 = c.equals("ratio-1") ? 0.8 : 0.2;
                    double sum = 1 + (s - 1) * 0.1;
                    t.row(l, s, 0, c + ".w_1", 0.5).row(l, s, 0, c + ".w_2", 0.5);
                    t.row(l, s, 100, c + ".w_1", w1 * sum).row(l, s, 100, c + ".w_2", (1 - w1) * sum).row(l, s, 100, c + ".mse", 0.25);
                }
            }
        }
        t.write(dir.resolve(Traces.CURVES));
        List<Map<String, Object>> conditions = List.of(
                map("name", "ratio-1", "ratio", 0.5, "sd_1", Math.sqrt(0.5), "sd_2", Math.sqrt(2)),
                map("name", "ratio-2", "ratio", 2.0, "sd_1", Math.sqrt(2), "sd_2", Math.sqrt(0.5)));
        RunFolder run = fixture(dir, List.of(new Described("bayes", Family.BAYESIAN, BAYES, "", "fixture"), gradient("gradient", UNIT)),
                map("prior_sd", 3.0, "cue_sd", 1.0), map("step_unit", "trials"), map("cue_conditions", conditions));
        PanelFigure f = (PanelFigure) fig.draw(run);
        assertEquals(3, f.panels().size());
        // x is log2 of the ratio, the two learners set 2 % of the span (2) to either side
        double[] xBayes = v(-1 - 0.02, 1 - 0.02);
        double[] xUnit = v(-1 + 0.02, 1 + 0.02);
        // the relative weight is each seed's w1 / (w1 + w2): 0.8 and 0.2 on every seed, no interval
        XYSeries relative = series(f.panels().get(0), BAYES);
        assertArrayEquals(xBayes, relative.getXData(), EPS);
        assertArrayEquals(v(0.8, 0.2), relative.getYData(), EPS);
        assertArrayEquals(v(0, 0), relative.getExtraValues(), EPS);
        // the theory there: sigma_2^2 / (sigma_1^2 + sigma_2^2) = 1 / (1 + rho^2), 0.8 at rho = 1/2
        XYSeries theory = f.panels().get(0).getSeriesCollection().stream().filter(s -> s.getName().startsWith("optimal")).findFirst().orElseThrow();
        assertEquals(0.8, theory.getYData()[0], 1e-3, "the theory's line starts at the first ratio");
        // the sum: mean 1, half-width t sd / sqrt(3)
        XYSeries sum = series(f.panels().get(1), UNIT);
        assertArrayEquals(xUnit, sum.getXData(), EPS);
        assertArrayEquals(v(1, 1), sum.getYData(), EPS);
        assertArrayEquals(v(half(0.1), half(0.1)), sum.getExtraValues(), EPS);
        // the spread: sqrt of the squared error
        assertArrayEquals(v(0.5, 0.5), series(f.panels().get(2), BAYES).getYData(), EPS);
        return f;
    }
}
