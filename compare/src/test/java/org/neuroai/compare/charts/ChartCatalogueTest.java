package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.neuroai.bio.spiking.protocols.Pairing;
import org.neuroai.bio.spiking.protocols.Trains;

/**
 * Every chart class of {@code org.neuroai.compare.charts}, drawn from small fixture data written
 * here, with the data behind it checked against what the fixture implies (series names, x and y
 * values, and band edges equal to mean ± t·sd/√n computed by hand), then rendered headless in every
 * theme and format. A new chart class joins by adding a {@link Case} to {@link #CASES}; the guard
 * test fails until it does.
 */
class ChartCatalogueTest {
    /** Student's t, two-sided 95 %, 2 degrees of freedom (3 seeds): a table value, not the code's. */
    static final double T2 = 4.303;
    static final double EPS = 1e-9;

    /** Draws one chart from fixture data written into a folder, checking the data behind it, and returns it. */
    @FunctionalInterface
    interface Draw {
        Object draw(Path dir) throws Exception;
    }

    /**
     * One chart of the catalogue.
     *
     * @param name what is drawn
     * @param covers the chart class it covers
     * @param draw writes the fixture, draws, checks the series, returns the Figure or TileGridFigure
     */
    record Case(String name, Class<?> covers, Draw draw) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("pca learning curves", PcaFigures.class, ChartCatalogueTest::pcaCurves),
            new Case("pca weight dynamics", PcaFigures.class, ChartCatalogueTest::pcaWeights),
            new Case("xor learning curves", XorFigures.class, ChartCatalogueTest::xorCurves),
            new Case("xor decision regions", XorFigures.class, ChartCatalogueTest::xorRegions),
            new Case("bcm responses", BcmFigures.class, ChartCatalogueTest::bcmResponses),
            new Case("bcm threshold and selectivity", BcmFigures.class, ChartCatalogueTest::bcmThreshold),
            new Case("conditioning extinction", ConditioningFigures.class, ChartCatalogueTest::conditioningExtinction),
            new Case("conditioning blocking", ConditioningFigures.class, ChartCatalogueTest::conditioningBlocking),
            new Case("memory recall vs stored", MemoryFigures.class, ChartCatalogueTest::memoryStored),
            new Case("memory recall vs corruption", MemoryFigures.class, ChartCatalogueTest::memoryCorruption),
            new Case("mnist learning curves", MnistFigures.class, ChartCatalogueTest::mnistCurves),
            new Case("mnist receptive fields", MnistFigures.class, ChartCatalogueTest::mnistFields),
            new Case("tile grid", TileGridFigure.class, ChartCatalogueTest::tileGrid),
            new Case("stdp weight histogram", StdpFigures.class, ChartCatalogueTest::stdpHistogram),
            new Case("stdp rates", StdpFigures.class, ChartCatalogueTest::stdpRates),
            new Case("stdp final weights", StdpFigures.class, ChartCatalogueTest::stdpFinal),
            new Case("spike raster", SpikeRasterFigure.class, ChartCatalogueTest::spikeRaster),
            new Case("protocol stdp window", ProtocolFigures.class, ChartCatalogueTest::protocolWindow),
            new Case("protocol stdp frequency", ProtocolFigures.class, ChartCatalogueTest::protocolFrequency),
            new Case("protocol stp train", ProtocolFigures.class, ChartCatalogueTest::protocolTrain),
            new Case("protocol custom", ProtocolFigures.class, ChartCatalogueTest::protocolCustom),
            new Case("habituation protocol", HabituationFigures.class, ChartCatalogueTest::habituationProtocol),
            new Case("habituation vs Byrne", HabituationFigures.class, ChartCatalogueTest::habituationByrne),
            new Case("sweep summary, log axis", SweepFigures.class, ChartCatalogueTest::sweepLog),
            new Case("sweep summary, categories", SweepFigures.class, ChartCatalogueTest::sweepCategories),
            new Case("contour figure", ContourFigure.class, ChartCatalogueTest::contour),
            new Case("landscape along the line", LandscapeFigures.class, ChartCatalogueTest::landscapeLine),
            new Case("landscape on the pca plane", LandscapeFigures.class, ChartCatalogueTest::landscapePca),
            new Case("landscape on a random plane", LandscapeFigures.class, ChartCatalogueTest::landscapeRandom),
            new Case("gradient alignment", GradientAlignmentFigure.class, ChartCatalogueTest::gradientAlignment),
            new Case("comparison learning curves", LearningCurvesFigure.class, ChartCatalogueTest::comparisonCurves),
            new Case("comparison weight norms", WeightNormsFigure.class, ChartCatalogueTest::comparisonNorms),
            new Case("comparison weight trajectories", WeightTrajectoriesFigure.class, ChartCatalogueTest::comparisonTrajectories),
            new Case("comparison weight histograms", WeightHistogramsFigure.class, ChartCatalogueTest::comparisonHistograms),
            new Case("comparison receptive fields", ReceptiveFieldsFigure.class, ChartCatalogueTest::comparisonFields));

    /** Infrastructure of the package: no chart of its own. */
    static final Set<Class<?>> NOT_CHARTS = Set.of(Figure.class, Charts.class, Palette.class, SeedStats.class, Theme.class,
            Render.class, RecallPoints.class, ComparisonRun.class);

    @TempDir
    Path tmp;

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyChartShowsItsFixtureAndRendersInEveryThemeAndFormat(Case c) throws Exception {
        // -Dcatalogue.dir=FOLDER keeps every chart there, to be looked at
        String keep = System.getProperty("catalogue.dir");
        for (Theme theme : Theme.values()) {
            Path dir = (keep == null ? tmp : Path.of(keep).resolve(c.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_"))).resolve(theme.id());
            Files.createDirectories(dir);
            Object fig = c.draw().draw(dir);
            if (fig instanceof Figure f) {
                assertLabelled(f);
            }
            Set<Render.Format> formats = theme == Theme.PRINT ? EnumSet.allOf(Render.Format.class) : EnumSet.of(Render.Format.PNG);
            new Render(theme, formats).using(() -> {
                save(fig, dir, "chart");
                return null;
            });
            BufferedImage png = ImageIO.read(dir.resolve("chart.png").toFile());
            int[] size = size(fig, theme);
            assertEquals(2 * size[0], png.getWidth(), "PNG at twice the nominal width");
            assertEquals(2 * size[1], png.getHeight());
            assertEquals(theme.background().getRGB(), png.getRGB(2, 2), "the theme's background");
            if (theme == Theme.PRINT) {
                long svg = Files.size(dir.resolve("chart.svg"));
                assertTrue(svg > 0 && svg < 1_000_000, "SVG under 1 MB: " + svg);
                assertTrue(Files.readString(dir.resolve("chart.svg")).endsWith("</svg>\n")
                        || Files.readString(dir.resolve("chart.svg")).trim().endsWith("</svg>"));
                assertTrue(Files.size(dir.resolve("chart.pdf")) > 0);
            } else {
                assertFalse(Files.exists(dir.resolve("chart.svg")), "only the formats asked for");
            }
            try (Stream<Path> s = Files.list(dir)) {
                assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left");
            }
        }
    }

    private static void save(Object fig, Path dir, String base) throws IOException {
        if (fig instanceof Figure f) {
            f.save(dir, base);
        } else if (fig instanceof ContourFigure f) {
            f.save(dir, base);
        } else {
            ((TileGridFigure) fig).save(dir, base);
        }
    }

    private static int[] size(Object fig, Theme theme) throws Exception {
        return new Render(theme, EnumSet.of(Render.Format.PNG)).using(() -> fig instanceof Figure f ? new int[] {f.width(), f.height()}
                : fig instanceof ContourFigure f ? new int[] {f.width(), f.height()}
                : new int[] {((TileGridFigure) fig).width(), ((TileGridFigure) fig).height()});
    }

    @Test
    void everyChartClassOfThePackageIsInTheCatalogue() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Figure.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Figure.class.getPackageName().replace('.', '/'));
        Set<String> covered = CASES.stream().map(c -> c.covers().getSimpleName()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> s = Files.list(classes)) {
            for (Path p : s.toList()) {
                String file = p.getFileName().toString();
                if (!file.endsWith(".class") || file.contains("$") || file.equals("package-info.class")) {
                    continue;
                }
                Class<?> k = Class.forName(Figure.class.getPackageName() + "." + file.replace(".class", ""));
                if (isChart(k) && !NOT_CHARTS.contains(k) && !covered.contains(k.getSimpleName())) {
                    missing.add(k.getSimpleName());
                }
            }
        }
        assertTrue(missing.isEmpty(), "chart classes without a case in ChartCatalogueTest.CASES: " + missing);
        assertTrue(covered.size() >= 11, "the catalogue found the package's classes: " + covered);
    }

    /** A chart class: named ...Figure(s), or with a public static method that returns a drawable figure. */
    static boolean isChart(Class<?> k) {
        if (k.getSimpleName().endsWith("Figure") || k.getSimpleName().endsWith("Figures")) {
            return true;
        }
        for (Method m : k.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
                    && (m.getReturnType() == Figure.class || m.getReturnType() == TileGridFigure.class
                    || m.getReturnType() == ContourFigure.class)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void onTheDarkThemeEveryLearnerColourKeepsItsHueAndReadsAgainstTheBackground() {
        for (String learner : List.of("oja", "gha", "hebb", "stdp", "perceptron", "delta", "rescorla-wagner", "autoencoder", "mlp",
                "gradient", "local", "backprop")) {
            java.awt.Color c = Palette.of(learner, org.neuroai.core.Family.BIO);
            java.awt.Color d = Theme.DARK.readable(c);
            assertTrue(Theme.contrast(d, Theme.DARK.background()) >= Theme.MIN_CONTRAST, learner + ": " + d);
            float[] h0 = java.awt.Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
            float[] h1 = java.awt.Color.RGBtoHSB(d.getRed(), d.getGreen(), d.getBlue(), null);
            assertEquals(h0[0], h1[0], 0.03, learner + " keeps its hue");
            assertEquals(c, Theme.PRINT.readable(c), learner + " is unchanged on white");
        }
        // ink (text, data points) becomes the theme's ink; opaque fills go halfway to the background
        assertEquals(Theme.DARK.ink(), Theme.DARK.readable(new java.awt.Color(0x222222)));
        java.awt.Color bg = Theme.DARK.background();
        assertEquals(new java.awt.Color((bg.getRed() + 255) / 2, (bg.getGreen() + 255) / 2, (bg.getBlue() + 255) / 2),
                Theme.DARK.fill(java.awt.Color.WHITE));
        assertEquals(java.awt.Color.WHITE, Theme.PRINT.fill(java.awt.Color.WHITE));
        // black on white is 21:1, and identical colours 1:1 (WCAG definition)
        assertEquals(21.0, Theme.contrast(java.awt.Color.BLACK, java.awt.Color.WHITE), 1e-9);
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

    static void assertLabelled(Figure f) {
        assertFalse(f.title().isBlank());
        for (XYChart c : f.panels()) {
            assertFalse(c.getTitle().isBlank(), "every panel says what it shows");
            assertTrue(c.getXAxisTitle().contains("("), "x axis carries a unit: " + c.getXAxisTitle());
            assertTrue(c.getYAxisTitle().contains("("), "y axis carries a unit: " + c.getYAxisTitle());
        }
    }

    // ---- pca

    static Object pcaCurves(Path dir) throws IOException {
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
        t.write(dir.resolve("curves.csv"));
        Figure f = PcaFigures.curves(dir, "gaussian", 3, v(3, 2, 1, 0.5));
        assertLabelled(f);
        assertTrue(f.subtitle().contains("mean \u00b1 95 % t-interval over 3 seeds"), f.subtitle());
        double h = half(0.5);
        assertMeanAndBand(f.panels().get(0), "Sanger's GHA (bio, 3 units)", v(0, 100, 200), v(70, 10, 3), v(h, h, h));
        double hm = half(0.1);
        assertMeanAndBand(f.panels().get(1), "Oja's rule (bio, 1 unit)", v(0, 100, 200), v(1, 0.5, 1.0 / 3), v(hm, hm, hm));
        // best possible reconstruction: the variance outside the top-k axes, per input dimension
        assertArrayEquals(v(3.5 / 4, 3.5 / 4), series(f.panels().get(1), "best possible, top-1 PCA").getYData(), EPS);
        assertArrayEquals(v(0.5 / 4, 0.5 / 4), series(f.panels().get(1), "best possible, top-3 PCA").getYData(), EPS);
        assertMeanAndBand(f.panels().get(2), "linear autoencoder (gradient, 3 hidden)", v(0, 100, 200), v(1, 1, 1),
                v(0, half(0.01), half(0.02)));
        return f;
    }

    static Object pcaWeights(Path dir) throws IOException {
        Files.writeString(dir.resolve("principal_axes.csv"), "axis,index,value\n0,0,1\n0,1,0\n0,2,0\n1,0,0\n1,1,1\n1,2,0\n");
        Trace t = new Trace(true);
        for (String l : List.of("oja", "gha")) {
            t.row(l, 0, 0, "w", 0, 0.6).row(l, 0, 0, "w", 1, 0).row(l, 0, 0, "w", 2, 0.8);
            t.row(l, 0, 50, "w", 0, 1).row(l, 0, 50, "w", 1, 0).row(l, 0, 50, "w", 2, 0);
        }
        t.write(dir.resolve("weights.csv"));
        Figure f = PcaFigures.weights(dir, "gaussian", 2, 0);
        assertEquals(2, f.panels().size(), "one panel per learner");
        XYChart oja = f.panels().get(0);
        assertArrayEquals(v(0.6, 1), series(oja, "along principal axis 1").getYData(), EPS);
        assertArrayEquals(v(0, 0), series(oja, "along principal axis 2").getYData(), EPS);
        assertArrayEquals(v(0.8, 0), series(oja, "norm outside the top-2 axes").getYData(), EPS);
        assertArrayEquals(v(0, 50), series(oja, "along principal axis 1").getXData(), EPS);
        return f;
    }

    // ---- xor

    static Object xorCurves(Path dir) throws IOException {
        Trace t = new Trace(false);
        for (int i = 0; i < 2; i++) {
            t.seeds("mlp", 50L * i, "accuracy", 0.5 + 0.4 * i, 0.1);
            t.seeds("perceptron", 50L * i, "accuracy", 0.5, 0.1);
            t.seeds("mlp", 50L * i, "mse", 0.2 - 0.05 * i, 0.01);
            t.seeds("delta", 50L * i, "mse", 0.3, 0.2);
        }
        t.write(dir.resolve("curves.csv"));
        Figure f = XorFigures.curves(dir, 8);
        assertLabelled(f);
        XYChart acc = f.panels().get(0);
        XYSeries mlp = series(acc, "MLP by backprop (gradient, 8 hidden)");
        assertArrayEquals(v(0.5, 0.9), mlp.getYData(), EPS);
        // the interval of a fraction is cut at 1: 0.9 + 4.303 * 0.1 / sqrt 3 = 1.148
        XYSeries band = series(acc, "MLP by backprop (gradient, 8 hidden) " + Charts.BAND);
        assertArrayEquals(v(0.5 + half(0.1), 1.0), Arrays.copyOfRange(band.getYData(), 0, 2), EPS);
        assertArrayEquals(v(0.9 - half(0.1), 0.5 - half(0.1)), Arrays.copyOfRange(band.getYData(), 2, 4), EPS);
        double hp = half(0.1);
        assertMeanAndBand(acc, "perceptron (bio, 1 threshold unit)", v(0, 50), v(0.5, 0.5), v(hp, hp));
        XYChart mse = f.panels().get(1);
        assertMeanAndBand(mse, "MLP by backprop (gradient, 8 hidden)", v(0, 50), v(0.2, 0.15), v(half(0.01), half(0.01)));
        // the log axis starts at the power of ten below the smallest mean, 0.15: an interval reaching lower is cut there
        assertEquals(0.1, mse.getStyler().getYAxisMin(), EPS);
        XYSeries delta = series(mse, "delta rule (bio, 1 linear unit) " + Charts.BAND);
        assertArrayEquals(v(0.3 + half(0.2), 0.3 + half(0.2), 0.1, 0.1), delta.getYData(), EPS);
        return f;
    }

    static Object xorRegions(Path dir) throws IOException {
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
        new Trace(false).row("delta", 0, 10, "accuracy", 0.5).write(dir.resolve("curves.csv"));
        Figure f = XorFigures.boundaries(dir, 8);
        XYChart c = f.panels().get(0);
        assertTrue(c.getTitle().endsWith(": 2 of 4 right"), c.getTitle());
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

    // ---- bcm

    /** Two units, two patterns, seeds 0 and 1; unit 0 prefers pattern 1, unit 1 pattern 0. */
    static void bcmFixture(Path dir) throws IOException {
        Trace t = new Trace(true);
        for (long seed = 0; seed < 2; seed++) {
            for (long step : new long[] {0, 100}) {
                double f = step == 0 ? 0.5 : 1;
                t.row("bcm", seed, step, "response", 0, 0.1).row("bcm", seed, step, "response", 1, 2 * f);
                t.row("bcm", seed, step, "response", 2, 2 * f).row("bcm", seed, step, "response", 3, 0.1);
                t.row("bcm", seed, step, "theta", 0, f).row("bcm", seed, step, "theta", 1, 1.5 * f);
                // selectivity: seed 0 units 0.2 and 0.4 (mean 0.3), seed 1 units 0.4 and 0.6 (mean 0.5), doubled at step 100
                double base = seed == 0 ? 0.2 : 0.4;
                t.row("bcm", seed, step, "selectivity", 0, base * f).row("bcm", seed, step, "selectivity", 1, (base + 0.2) * f);
            }
        }
        t.write(dir.resolve("weights.csv"));
    }

    static Object bcmResponses(Path dir) throws IOException {
        bcmFixture(dir);
        Figure f = BcmFigures.responses(dir, "linear", 0);
        assertEquals(2, f.panels().size());
        XYChart u2 = f.panels().get(0);
        assertTrue(u2.getTitle().startsWith("Unit 2: ends selective for pattern 1"), u2.getTitle());
        assertArrayEquals(v(1, 2), series(u2, "to pattern 1").getYData(), EPS);
        assertArrayEquals(v(0.75, 1.5), series(u2, "threshold \u03b8 (y\u00b2 units)").getYData(), EPS);
        return f;
    }

    static Object bcmThreshold(Path dir) throws IOException {
        bcmFixture(dir);
        Figure f = BcmFigures.threshold(dir, "linear", 0);
        XYChart sel = f.panels().get(1);
        String line = "BCM units (mean of a seed's units)";
        assertTrue(f.subtitle().contains("selectivity: mean \u00b1 95 % t-interval over 2 seeds"), f.subtitle());
        // per-seed means 0.15 and 0.25 at step 0 (0.3 and 0.5 at 100): mean 0.2 (0.4), sd 0.0707 (0.1414);
        // t(1) = 12.706; the interval is cut at [0, 1]
        double h0 = 12.706 * Math.sqrt(0.005) / Math.sqrt(2);
        double h1 = 12.706 * Math.sqrt(0.02) / Math.sqrt(2);
        XYSeries l = series(sel, line);
        assertArrayEquals(v(0.2, 0.4), l.getYData(), EPS);
        XYSeries band = series(sel, line + " " + Charts.BAND);
        assertArrayEquals(v(0.2 + h0, Math.min(1, 0.4 + h1)), Arrays.copyOfRange(band.getYData(), 0, 2), EPS);
        assertArrayEquals(v(Math.max(0, 0.4 - h1), Math.max(0, 0.2 - h0)), Arrays.copyOfRange(band.getYData(), 2, 4), EPS);
        XYChart last = f.panels().get(2);
        assertArrayEquals(v(0.2, 0.4), series(last, "seed 0").getYData(), EPS);
        return f;
    }

    // ---- conditioning

    static void conditioningFixture(Path dir) throws IOException {
        Files.writeString(dir.resolve("phases.csv"), "schedule,phase,first_step,last_step,cues,us\n"
                + "extinction,acquisition,1,2,A,1\nextinction,extinction,3,4,A,0\n"
                + "blocking,phase 1,1,2,A,1\nblocking,phase 2,3,4,AB,1\n");
        Trace t = new Trace(false);
        double[] va = {0.5, 0.75, 0.4, 0.2};
        for (int i = 0; i < 4; i++) {
            t.seeds("rescorla-wagner", i + 1, "extinction.V_A", va[i], 0);
            t.seeds("hebb", i + 1, "extinction.V_A", 0.5 * (i + 1), 0.05);
            t.seeds("rescorla-wagner", i + 1, "blocking.V_A", va[1], 0);
            t.seeds("rescorla-wagner", i + 1, "blocking.V_B", 0.01 * i, 0);
            t.seeds("rescorla-wagner", i + 1, "control.V_B", 0.1 * i, 0);
        }
        t.write(dir.resolve("curves.csv"));
    }

    static Object conditioningExtinction(Path dir) throws IOException {
        conditioningFixture(dir);
        Figure f = ConditioningFigures.extinction(dir, 1.0);
        assertEquals(2, f.panels().size(), "one panel per learner");
        XYChart rw = f.panels().get(0);
        assertArrayEquals(v(0.5, 0.75, 0.4, 0.2), series(rw, "V_A (cue A)").getYData(), EPS);
        double h = half(0.05);
        assertMeanAndBand(f.panels().get(1), "V_A (cue A)", v(1, 2, 3, 4), v(0.5, 1, 1.5, 2), v(h, h, h, h));
        assertTrue(f.subtitle().contains("mean \u00b1 95 % t-interval over 3 seeds"), f.subtitle());
        return f;
    }

    static Object conditioningBlocking(Path dir) throws IOException {
        conditioningFixture(dir);
        Figure f = ConditioningFigures.blocking(dir, 1.0);
        XYChart rw = f.panels().get(0);
        assertArrayEquals(v(0, 0.01, 0.02, 0.03), series(rw, "V_B (cue B, added in phase 2)").getYData(), EPS);
        assertArrayEquals(v(0, 0.1, 0.2, 0.3), series(rw, "V_B in the control (no phase 1)").getYData(), EPS);
        assertTrue(f.subtitle().contains("all 3 seeds agree"), f.subtitle());
        return f;
    }

    // ---- associative memory

    static List<RecallPoints.Point> memoryPoints() {
        List<RecallPoints.Point> p = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            for (String patterns : List.of("random", "digits")) {
                for (int stored : new int[] {5, 10}) {
                    double r = stored == 5 ? 0.8 + 0.05 * (seed - 1) : 0.5 + 0.1 * (seed - 1);
                    p.add(new RecallPoints.Point("hopfield", patterns, "stored", seed, stored, 0.1, 10, 0.98, r, r));
                    p.add(new RecallPoints.Point("dae", patterns, "stored", seed, stored, 0.1, 10, 0.98, 1, 1));
                }
                for (double c : new double[] {0, 0.2}) {
                    double r = c == 0 ? 1 : 0.6 + 0.1 * (seed - 1);
                    p.add(new RecallPoints.Point("hopfield", patterns, "corruption", seed, 5, c, 10, 0.98, r, r));
                }
            }
        }
        return p;
    }

    static Object memoryStored(Path dir) throws IOException {
        List<RecallPoints.Point> p = memoryPoints();
        Path csv = dir.resolve("recall.csv");
        RecallPoints.write(csv, p);
        Figure f = MemoryFigures.stored(RecallPoints.read(csv), 100, 50, 1000);
        assertLabelled(f);
        assertMeanAndBand(f.panels().get(0), "Hopfield network (bio, one-shot storage)", v(5, 10), v(80, 50), v(half(5), half(10)));
        assertArrayEquals(v(13.8, 13.8), series(f.panels().get(0), "0.138 N = 13.8 (Amit et al. 1985)").getXData(), EPS);
        return f;
    }

    static Object memoryCorruption(Path dir) {
        Figure f = MemoryFigures.corruption(memoryPoints(), 100, 50, 1000);
        // recall 100 % for every seed at 0 % flipped: no spread, the band is the line; at 20 % mean 60 %, sd 10 %
        assertMeanAndBand(f.panels().get(1), "Hopfield network (bio, one-shot storage)", v(0, 20), v(100, 60), v(0, half(10)));
        assertTrue(f.panels().get(0).getTitle().contains("P = 5 stored"), f.panels().get(0).getTitle());
        return f;
    }

    // ---- mnist

    static Object mnistCurves(Path dir) throws IOException {
        Trace t = new Trace(false);
        int train = 100;
        for (int e = 1; e <= 2; e++) {
            t.seeds("backprop", (long) e * train, "test_accuracy", 0.9 + 0.02 * e, 0.01);
            t.seeds("backprop", (long) e * train, "wall_seconds", 10 * e, 0);
            t.seeds("local", (long) (e + 1) * train, "test_accuracy", 0.85 + 0.02 * e, 0.01);
            t.seeds("local", (long) (e + 1) * train, "wall_seconds", 5 + 10 * e, 0);
        }
        t.seeds("local", 0, "units_on_sphere", 0, 0);
        t.seeds("local", train, "units_on_sphere", 0.5, 0.1);
        t.write(dir.resolve("curves.csv"));
        Figure f = MnistFigures.curves(dir, train, 16);
        XYChart byEpoch = f.panels().get(0);
        double h = 100 * half(0.01);
        assertMeanAndBand(byEpoch, "backpropagation, end to end", v(1, 2), v(92, 94), v(h, h));
        // against training time: x is the mean wall time at each scored step
        assertMeanAndBand(f.panels().get(1), "local: Krotov-Hopfield rule, then readout", v(15, 25), v(87, 89), v(h, h));
        assertMeanAndBand(f.panels().get(2), "Krotov-Hopfield rule (16 hidden units)", v(0, 1), v(0, 50), v(0, 100 * half(0.1)));
        return f;
    }

    static Object mnistFields(Path dir) throws IOException {
        Trace t = new Trace(true);
        for (int i = 0; i < 2 * 784; i++) {
            t.row("local", 0, 5, "w", i, i % 784 == 0 ? 1 : 0);
            t.row("backprop", 0, 5, "w", i, -i / 784.0);
        }
        t.write(dir.resolve("weights.csv"));
        TileGridFigure f = MnistFigures.receptiveFields(dir, 4, 0);
        assertEquals(2, f.grids().size());
        assertEquals(2, f.grids().get(0).tiles().length, "two units of the local learner");
        assertEquals(1.0, f.grids().get(0).tiles()[1][0]);
        assertEquals(-1.0 - 5.0 / 784, f.grids().get(1).tiles()[1][5], EPS);
        assertTrue(f.title().contains("the first 2 of 4"), f.title());
        return f;
    }

    static Object tileGrid(Path dir) {
        double[][] tiles = {{1, -1, 0, 0.5}, {0, 0, 0, 0}};
        TileGridFigure f = new TileGridFigure("Two tiles", "2x2 each", List.of(new TileGridFigure.Grid("a", tiles, 2)), 2);
        assertArrayEquals(tiles[0], f.grids().get(0).tiles()[0]);
        return f;
    }

    // ---- stdp-balance

    static void stdpFixture(Path dir) throws IOException {
        Trace h = new Trace(true);
        for (long seed = 0; seed < SEEDS; seed++) {
            for (long step : new long[] {0, 1000, 2000}) {
                // 4 bins of 10 synapses; at 2 s the seeds differ: bin 0 holds 4, 5, 6
                double[] c = step == 0 ? v(10, 10, 10, 10) : step == 1000 ? v(15, 5, 5, 15) : v(4 + seed, 10, 10, 16 - seed);
                for (int b = 0; b < 4; b++) {
                    h.row("stdp", seed, step, "w_hist", b, c[b]);
                }
            }
        }
        h.write(dir.resolve(StdpFigures.HISTOGRAMS_CSV));
        Trace t = new Trace(false);
        for (long step : new long[] {1000, 2000}) {
            t.seeds("stdp", step, "output_rate_hz", step / 100.0, 1);
            t.seeds("stdp", step, "input_rate_hz", 15, 0);
            t.seeds("stdp", step, "fraction_strong", 0.2, 0.05);
            t.seeds("stdp", step, "fraction_weak", 0.3, 0.05);
            t.seeds("stdp", step, "mean_weight", 0.5, 0);
        }
        t.write(dir.resolve("curves.csv"));
    }

    static Object stdpHistogram(Path dir) throws IOException {
        stdpFixture(dir);
        Figure f = StdpFigures.histogram(dir, 1.0, 0);
        XYChart c = f.panels().get(0);
        // 25 % in every bin at 0 s: one run, the whole column, from w = 0 to 1
        XYSeries first = series(c, "cell 0,0");
        assertArrayEquals(v(0, 0, 1, 1), first.getYData(), EPS);
        // a column reaches a quarter of its width into the next, drawn over it, so no seam shows
        assertArrayEquals(v(-0.5, 0.75, 0.75, -0.5), first.getXData(), EPS);
        assertTrue(f.subtitle().contains("40 synapses in 4 bins"), f.subtitle());
        return f;
    }

    static Object spikeRaster(Path dir) throws IOException {
        // inputs 7 (final w 0.9), 3 (0.2) and 5 (0.6); the output spikes twice in the first second, once in the last
        Files.writeString(dir.resolve(SpikeRasterFigure.CSV), SpikeRasterFigure.HEADER + "\n"
                + "first,0.0,1000.0,7,0.9,10.0\nfirst,0.0,1000.0,3,0.2,20.0\nfirst,0.0,1000.0,-1,NaN,30.0\n"
                + "first,0.0,1000.0,-1,NaN,500.0\nlast,9000.0,1000.0,5,0.6,9100.0\nlast,9000.0,1000.0,-1,NaN,9900.0\n");
        SpikeRasterFigure.draw(dir, 1.0, 0);
        Figure f = SpikeRasterFigure.figure(SpikeRasterFigure.read(dir.resolve(SpikeRasterFigure.CSV)), 1.0, 0);
        assertLabelled(f);
        // rows by final weight: 3 -> 1, 5 -> 2, 7 -> 3; the output on row 5; x relative to each stretch's start
        assertArrayEquals(v(10), series(f.panels().get(0), "inputs ending strong (w \u2265 w_max/2)").getXData(), EPS);
        assertArrayEquals(v(3), series(f.panels().get(0), "inputs ending strong (w \u2265 w_max/2)").getYData(), EPS);
        assertArrayEquals(v(1), series(f.panels().get(0), "inputs ending weak").getYData(), EPS);
        assertArrayEquals(v(30, 500), series(f.panels().get(0), "output neuron (top row)").getXData(), EPS);
        assertArrayEquals(v(5, 5), series(f.panels().get(0), "output neuron (top row)").getYData(), EPS);
        assertArrayEquals(v(100), series(f.panels().get(1), "inputs ending strong (w \u2265 w_max/2)").getXData(), EPS);
        assertArrayEquals(v(2), series(f.panels().get(1), "inputs ending strong (w \u2265 w_max/2)").getYData(), EPS);
        assertArrayEquals(v(900), series(f.panels().get(1), "output neuron (top row)").getXData(), EPS);
        assertTrue(f.panels().get(0).getTitle().endsWith("output 2.0 Hz") && f.panels().get(1).getTitle().endsWith("output 1.0 Hz"));
        return f;
    }

    static Object stdpRates(Path dir) throws IOException {
        stdpFixture(dir);
        Figure f = StdpFigures.rates(dir);
        assertLabelled(f);
        // windows of 1 s drawn at their centres
        double h = half(1);
        assertMeanAndBand(f.panels().get(0), "output neuron", v(0.5, 1.5), v(10, 20), v(h, h));
        assertArrayEquals(v(15, 15), series(f.panels().get(0), "one input (mean over inputs)").getYData(), EPS);
        double hs = half(0.05);
        assertMeanAndBand(f.panels().get(1), "share with w \u2265 0.9 w_max", v(1, 2), v(0.2, 0.2), v(hs, hs));
        return f;
    }

    static Object stdpFinal(Path dir) throws IOException {
        stdpFixture(dir);
        Figure f = StdpFigures.finalWeights(dir, 1.0);
        XYChart c = f.panels().get(0);
        // bin 0 at 2 s: 4, 5, 6 synapses: mean 5, sd 1
        XYSeries whisker = series(c, "95 % t-interval over seeds");
        assertArrayEquals(v(0.125, 0.125), whisker.getXData(), EPS);
        assertArrayEquals(v(5 - half(1), 5 + half(1)), whisker.getYData(), EPS);
        XYSeries bars = series(c, "after 2 s, mean over seeds");
        assertEquals(5.0, bars.getYData()[1], EPS);
        assertEquals(15.0, bars.getYData()[7], EPS);
        return f;
    }

    // ---- protocols

    static Object protocolWindow(Path dir) {
        List<Pairing.Point> pts = List.of(new Pairing.Point(1, -20, -0.1), new Pairing.Point(1, 20, 0.2));
        Figure f = ProtocolFigures.window(pts, "stdp-pair", 10);
        XYSeries m = series(f.panels().get(0), "stdp-pair");
        assertArrayEquals(v(-20, 20), m.getXData(), EPS);
        assertArrayEquals(v(-10, 20), m.getYData(), EPS);
        return f;
    }

    static Object protocolFrequency(Path dir) {
        List<Pairing.Point> pts = List.of(new Pairing.Point(1, 10, 0.1), new Pairing.Point(20, 10, 0.3), new Pairing.Point(1, -10, -0.2),
                new Pairing.Point(20, -10, 0.1));
        Figure f = ProtocolFigures.frequency(pts, "triplet");
        XYSeries plus = series(f.panels().get(0), "triplet, Δt = +10 ms");
        assertArrayEquals(v(1, 20), plus.getXData(), EPS);
        assertArrayEquals(v(10, 30), plus.getYData(), EPS);
        assertEquals(5, series(f.panels().get(0), "Sjöström et al. 2001, Δt = +10 ms (mean ± s.e.m.)").getXData().length,
                "Sjöström's five frequencies");
        return f;
    }

    static Object protocolTrain(Path dir) {
        Figure f = ProtocolFigures.train(List.of(new Trains.Response(1, 0, 0.5), new Trains.Response(2, 50, 0.25)), "tm", 20);
        assertArrayEquals(v(0.5, 0.25), series(f.panels().get(0), "tm").getYData(), EPS);
        assertTrue(f.panels().get(0).getTitle().contains("20 Hz"));
        return f;
    }

    static Object protocolCustom(Path dir) {
        Figure f = ProtocolFigures.custom(List.of(new Trains.Event(0, "pre", 0.4), new Trains.Event(10, "post", 0.45)), "stdp-pair");
        assertArrayEquals(v(0, 10), series(f.panels().get(0), "stdp-pair").getXData(), EPS);
        assertArrayEquals(v(0.4, 0.45), series(f.panels().get(0), "stdp-pair").getYData(), EPS);
        assertArrayEquals(v(10), series(f.panels().get(0), "postsynaptic spikes").getXData(), EPS);
        return f;
    }

    static Object habituationProtocol(Path dir) {
        List<Habituation.Response> rs = List.of(new Habituation.Response(1, 0, 1), new Habituation.Response(2, 10, 0.7));
        Figure f = HabituationFigures.protocol(rs, "aplysia", new Habituation.Protocol(10, 2, 1, 0, 0, null));
        assertArrayEquals(v(1, 0.7), series(f.panels().get(0), "aplysia").getYData(), EPS);
        assertTrue(f.subtitle().startsWith("2 stimuli 10 s apart"), f.subtitle());
        return f;
    }

    static Object habituationByrne(Path dir) {
        Map<Double, List<Habituation.Response>> byIsi = new LinkedHashMap<>();
        byIsi.put(1.0, List.of(new Habituation.Response(1, 0, 1), new Habituation.Response(2, 1, 0.5)));
        byIsi.put(100.0, List.of(new Habituation.Response(1, 0, 1), new Habituation.Response(2, 100, 0.9)));
        Figure f = HabituationFigures.byrne(byIsi);
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

    static Object sweepLog(Path dir) throws IOException {
        sweepFixture(dir, "bio.eta", List.of("0.001", "0.01", "0.1"), true);
        SweepFigures.Table t = SweepFigures.read(dir.resolve(SweepFigures.CSV));
        assertEquals(List.of("bio.eta", "k"), t.keys());
        Figure f = SweepFigures.figure(t, "bio.eta", null);
        assertEquals(2, f.panels().size(), "one panel per value of k");
        XYChart k3 = f.panels().get(1);
        assertTrue(k3.getTitle().contains("k = 3"), k3.getTitle());
        assertTrue(k3.getStyler().isXAxisLogarithmic(), "0.001 to 0.1 spans a factor of 100");
        double h = half(0.5);
        assertMeanAndBand(k3, "autoencoder", v(0.001, 0.01, 0.1), v(16, 11, 6 + 10.0 / 3), v(h, h, h));
        Figure byK = SweepFigures.figure(t, "k", "weight_norm");
        assertFalse(byK.panels().get(0).getStyler().isXAxisLogarithmic(), "2 to 3: linear");
        assertArrayEquals(v(1, 1), series(byK.panels().get(0), "oja").getYData(), EPS);
        assertTrue(f.subtitle().contains("mean \u00b1 95 % t-interval over 3 seeds"), f.subtitle());
        return f;
    }

    static Object sweepCategories(Path dir) throws IOException {
        sweepFixture(dir, "ae.optimiser", List.of("sgd", "adam"), false);
        Figure f = SweepFigures.figure(SweepFigures.read(dir.resolve(SweepFigures.CSV)), "ae.optimiser", null);
        XYChart c = f.panels().get(0);
        assertArrayEquals(v(1, 2), series(c, "oja").getXData(), EPS, "categories at 1, 2 in grid order");
        assertEquals("adam", c.getStyler().getxAxisTickLabelsFormattingFunction().apply(2.0));
        assertEquals("", c.getStyler().getxAxisTickLabelsFormattingFunction().apply(1.5));
        return f;
    }

    // ---- contours and loss landscapes

    /** A 2 x 3 grid, values 0 to 5. */
    static final double[] GRID_X = {0, 1, 2};
    static final double[] GRID_Y = {0, 1};
    static final double[][] GRID_Z = {{0, 1, 2}, {3, 4, 5}};

    static Object contour(Path dir) throws Exception {
        java.awt.Color oja = Palette.of("oja", org.neuroai.core.Family.BIO);
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

    /** One landscape of an oja run: a line, a random plane, a pca plane and the walk down it. */
    static org.neuroai.compare.landscape.Landscapes.Result landscape() {
        var surface = new org.neuroai.compare.landscape.Surface("oja", "Oja's rule, reconstruction", "reconstruction error (MSE per input)",
                List.of(), w -> 0, List.of());
        var line = new org.neuroai.compare.landscape.Landscapes.Line("oja", "oja", false, v(-0.5, 0, 0.5, 1, 1.5), v(3, 2, 1, 0.5, 0.9));
        var random = new org.neuroai.compare.landscape.Landscapes.Field("random", v(-1, 0, 1), v(-1, 1), GRID_Z);
        double[][] pcaLoss = {{2, 1.5, 1}, {1.2, 0.8, 0.5}};
        var pca = new org.neuroai.compare.landscape.Landscapes.Field("pca", v(-1, 0, 1), v(-1, 1), pcaLoss);
        var plane = new org.neuroai.compare.landscape.Directions.Plane(v(1, 0), v(0, 1), v(0.8, 0.15));
        var walk = new org.neuroai.compare.landscape.Landscapes.Walk("oja", "oja", false, new long[] {0, 10, 20}, v(-0.8, -0.3, 0),
                v(-0.9, 0.2, 0), v(1.9, 1.0, 0.5));
        return new org.neuroai.compare.landscape.Landscapes.Result(surface, 7, 0.5, List.of(line), random, pca, plane, List.of(walk));
    }

    static Object landscapeLine(Path dir) {
        Figure f = LandscapeFigures.line(List.of(landscape()), "pca");
        XYChart c = f.panels().get(0);
        assertArrayEquals(v(-0.5, 0, 0.5, 1, 1.5), series(c, "oja").getXData(), EPS);
        assertArrayEquals(v(3, 2, 1, 0.5, 0.9), series(c, "oja").getYData(), EPS);
        // the markers at the initial and final weights span the loss drawn, from 0 (a linear axis: 3 / 0.5 is under 30)
        assertArrayEquals(v(1, 1), series(c, "\u03b1 = 1: final weights").getXData(), EPS);
        assertArrayEquals(v(0, 3), series(c, "\u03b1 = 1: final weights").getYData(), EPS);
        assertFalse(c.getStyler().isYAxisLogarithmic());
        assertTrue(f.subtitle().endsWith("seed 7"), f.subtitle());
        return f;
    }

    static Object landscapePca(Path dir) {
        ContourFigure f = LandscapeFigures.pca(List.of(landscape()), "pca");
        ContourFigure.Panel p = f.panels().get(0);
        assertArrayEquals(v(-1, 0, 1), p.xs(), EPS);
        assertArrayEquals(v(-1, 1), p.ys(), EPS);
        assertArrayEquals(v(2, 1.5, 1), p.z()[0], EPS);
        assertArrayEquals(v(1.2, 0.8, 0.5), p.z()[1], EPS);
        assertEquals(1, p.traces().size());
        assertArrayEquals(v(-0.8, -0.3, 0), p.traces().get(0).x(), EPS, "the walk's checkpoints on the plane");
        assertArrayEquals(v(-0.9, 0.2, 0), p.traces().get(0).y(), EPS);
        assertEquals(Palette.of("oja", org.neuroai.core.Family.BIO), p.traces().get(0).colour());
        assertTrue(p.xLabel().contains("80.0 % of its variance"), p.xLabel());
        assertTrue(p.yLabel().contains("15.0 %"), p.yLabel());
        return f;
    }

    static Object landscapeRandom(Path dir) {
        ContourFigure f = LandscapeFigures.random(List.of(landscape()), "pca");
        ContourFigure.Panel p = f.panels().get(0);
        for (int i = 0; i < GRID_Z.length; i++) {
            assertArrayEquals(GRID_Z[i], p.z()[i], EPS);
        }
        assertArrayEquals(v(-1, 0, 1), p.xs(), EPS);
        assertArrayEquals(v(0, 0), p.origin(), EPS, "the final weights at the centre");
        assertTrue(p.originLabel().contains("loss 0.500"), p.originLabel());
        assertTrue(p.traces().isEmpty());
        return f;
    }

    // ---- gradient alignment

    /** Student's t, two-sided 95 %, 1 degree of freedom (two numbers): a table value. */
    static final double T1 = 12.706;

    static Object gradientAlignment(Path dir) throws IOException {
        Trace t = new Trace(false);
        for (String learner : List.of("delta", "sgd")) {
            double shift = learner.equals("sgd") ? -0.1 : 0;
            t.seeds(learner, 0, "alignment", 0.2 + shift, 0.1);
            t.seeds(learner, 200, "alignment", 0.8 + shift, 0.05);
            t.seeds(learner, 0, "loss", 1, 0.01);
            t.seeds(learner, 100, "loss", 0.5, 0.01);
            t.seeds(learner, 200, "loss", 0.25, 0.01);
        }
        // at 100 one seed's cosine is 0/0: the interval is over the other two (0.1 and 0.12: mean 0.11, sd 0.01 √2)
        t.row("delta", 0, 100, "alignment", 0.1).row("delta", 1, 100, "alignment", Double.NaN).row("delta", 2, 100, "alignment", 0.12);
        t.seeds("sgd", 100, "alignment", 0.6, 0);
        // the hidden layer's cosine is 0/0 for every seed at 0: no point there
        for (long seed = 0; seed < SEEDS; seed++) {
            t.row(GradientAlignmentFigure.KROTOV_HOPFIELD, seed, 0, "alignment", Double.NaN);
        }
        t.seeds(GradientAlignmentFigure.KROTOV_HOPFIELD, 1797, "alignment", 0.3, 0.1);
        t.seeds(GradientAlignmentFigure.KROTOV_HOPFIELD, 3594, "alignment", 0.4, 0.1);
        t.seeds(GradientAlignmentFigure.KROTOV_HOPFIELD, 1797, "loss", 2, 0.1);
        t.seeds(GradientAlignmentFigure.KROTOV_HOPFIELD, 3594, "loss", 1.5, 0.1);
        t.write(dir.resolve("curves.csv"));
        Figure f = GradientAlignmentFigure.figure(dir, 10, 12);
        assertEquals(4, f.panels().size());
        XYChart linear = f.panels().get(0);
        assertMeanAndBand(linear, "delta rule", v(0, 100, 200), v(0.2, 0.11, 0.8), v(half(0.1), T1 * 0.01, half(0.05)));
        assertMeanAndBand(linear, "plain SGD", v(0, 100, 200), v(0.1, 0.6, 0.7), v(half(0.1), 0, half(0.05)));
        assertMeanAndBand(f.panels().get(1), "Krotov-Hopfield rule, hidden layer", v(1797, 3594), v(0.3, 0.4), v(half(0.1), half(0.1)));
        assertMeanAndBand(f.panels().get(2), "delta rule", v(0, 100, 200), v(1, 0.5, 0.25), v(half(0.01), half(0.01), half(0.01)));
        assertArrayEquals(v(0, 0), series(linear, "cos = 0").getYData(), EPS);
        assertTrue(f.subtitle().contains("95 % t-interval over 3 seeds"), f.subtitle());
        return f;
    }

    // ---- spec-driven comparisons

    static ComparisonRun run(Path dir, long epochSize, int imageSide, List<String> metrics) {
        Map<String, org.neuroai.core.Family> learners = new LinkedHashMap<>();
        learners.put("oja", org.neuroai.core.Family.BIO);
        learners.put("mlp", org.neuroai.core.Family.GRADIENT);
        return new ComparisonRun(dir, "fixture", "digits", learners, metrics, List.of(), epochSize, imageSide, 4, -1, 1);
    }

    static Object comparisonCurves(Path dir) throws IOException {
        Trace t = new Trace(false);
        for (int i = 0; i < 3; i++) {
            t.seeds("oja", 100L * i, "accuracy", 0.5 + 0.1 * i, 0.05);
            t.seeds("mlp", 100L * i, "accuracy", 0.6 + 0.1 * i, 0.02);
            t.seeds("oja", 100L * i, "reconstruction_mse", 1.0 / (i + 1), 0.1);
        }
        t.seeds("mlp", 0, "skipped", 1, 0);
        t.write(dir.resolve("curves.csv"));
        Figure f = LearningCurvesFigure.of(run(dir, 100, 0, List.of("accuracy", "reconstruction_mse")));
        assertEquals(2, f.panels().size(), "one panel per metric recorded");
        // steps 0, 100, 200 of 100 samples an epoch: epochs 0, 1, 2
        assertMeanAndBand(f.panels().get(0), "oja", v(0, 1, 2), v(0.5, 0.6, 0.7), v(half(0.05), half(0.05), half(0.05)));
        assertMeanAndBand(f.panels().get(0), "mlp", v(0, 1, 2), v(0.6, 0.7, 0.8), v(half(0.02), half(0.02), half(0.02)));
        assertMeanAndBand(f.panels().get(1), "oja", v(0, 1, 2), v(1, 0.5, 1.0 / 3), v(half(0.1), half(0.1), half(0.1)));
        assertTrue(f.subtitle().contains("mean over 3 seeds"), f.subtitle());
        return f;
    }

    static Object comparisonNorms(Path dir) throws IOException {
        Trace t = new Trace(false);
        for (int i = 0; i < 2; i++) {
            t.seeds("oja", 50L * i, "norm.w", 1 + i, 0.1);
            t.seeds("mlp", 50L * i, "norm.hidden", 2 - 0.5 * i, 0.2);
            t.seeds("mlp", 50L * i, "norm.out", 0.5, 0.05);
        }
        t.seeds("mlp", 0, "accuracy", 0.5, 0);
        t.write(dir.resolve("curves.csv"));
        Figure f = WeightNormsFigure.of(run(dir, 0, 0, List.of("accuracy")));
        assertEquals(2, f.panels().size(), "one panel per learner");
        assertMeanAndBand(f.panels().get(0), "w", v(0, 50), v(1, 2), v(half(0.1), half(0.1)));
        assertMeanAndBand(f.panels().get(1), "hidden", v(0, 50), v(2, 1.5), v(half(0.2), half(0.2)));
        assertMeanAndBand(f.panels().get(1), "out", v(0, 50), v(0.5, 0.5), v(half(0.05), half(0.05)));
        return f;
    }

    static Object comparisonTrajectories(Path dir) throws IOException {
        Trace t = new Trace(true);
        for (long seed : new long[] {3, 4}) {
            for (long step = 0; step <= 200; step += 100) {
                for (int i = 0; i < 2; i++) {
                    t.row("oja", seed, step, "w", i, seed == 3 ? (i + 1) * step / 100.0 : -9);
                }
                t.row("mlp", seed, step, "hidden", 0, 0.1 * step / 100).row("mlp", seed, step, "out", 0, -0.1 * step / 100);
            }
        }
        t.write(dir.resolve("weights.csv"));
        Figure f = WeightTrajectoriesFigure.of(run(dir, 100, 0, List.of()));
        XYChart oja = f.panels().get(0);
        // only the first seed (3): one line per synapse
        assertEquals(2, oja.getSeriesCollection().size());
        assertArrayEquals(v(0, 1, 2), series(oja, "w").getXData(), EPS, "epochs");
        assertArrayEquals(v(0, 1, 2), series(oja, "w").getYData(), EPS);
        assertArrayEquals(v(0, 2, 4), series(oja, "w 1").getYData(), EPS);
        assertArrayEquals(v(0, -0.1, -0.2), series(f.panels().get(1), "out").getYData(), EPS);
        assertTrue(f.subtitle().endsWith("seed 3"), f.subtitle());
        return f;
    }

    static Object comparisonHistograms(Path dir) throws IOException {
        Trace t = new Trace(true);
        double[][] counts = {{0, 5, 5, 0}, {1, 1, 1, 7}};
        for (int s = 0; s < 2; s++) {
            for (int b = 0; b < 4; b++) {
                t.row("oja", 0, 100L * s, "w", b, counts[s][b]);
                t.row("oja", 1, 100L * s, "w", b, 99);
            }
        }
        t.write(dir.resolve(ComparisonRun.HISTOGRAMS_CSV));
        Figure f = WeightHistogramsFigure.of(run(dir, 0, 0, List.of()));
        XYChart c = f.panels().get(0);
        assertTrue(c.getTitle().startsWith("oja"), c.getTitle());
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

    static Object comparisonFields(Path dir) throws IOException {
        Trace t = new Trace(true);
        for (int i = 0; i < 2 * 16; i++) {
            t.row("oja", 0, 10, "w", i, i < 16 ? i : -(i - 16));
        }
        t.write(dir.resolve(ComparisonRun.FIELDS_CSV));
        TileGridFigure f = ReceptiveFieldsFigure.of(run(dir, 0, 4, List.of()));
        assertEquals(1, f.grids().size());
        assertEquals(4, f.grids().get(0).side());
        assertEquals(2, f.grids().get(0).tiles().length, "two units of 4 x 4 inputs");
        assertEquals(15.0, f.grids().get(0).tiles()[0][15]);
        assertEquals(-7.0, f.grids().get(0).tiles()[1][7]);
        assertTrue(f.title().contains("on task digits"), f.title());
        return f;
    }
}
