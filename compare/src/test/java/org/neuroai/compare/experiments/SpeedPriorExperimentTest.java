package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.Runner;
import org.neuroai.compare.cli.Main;
import org.neuroai.core.RunSpec;
import org.neuroai.core.SampleStream;
import org.neuroai.core.tasks.SpeedMeasurementTask;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/** The slow-speed prior, full default run of two seeds, against the product of Gaussians and the paper's qualitative result. */
class SpeedPriorExperimentTest {
    static final double PRIOR_SD = 2;
    static final double NOISE_SD = 0.2;
    static final double[] CONTRASTS = {0.05, 0.1, 0.2, 0.4, 0.8};
    static final double[] SPEEDS = {1, 2, 4, 8};

    @TempDir
    static Path tmp;
    static Path run;
    static List<TraceRow> rows;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("speed-prior");
        Runner.run(new RunSpec("speed-prior", 2, 0, false, Map.of(), "test"), run);
        rows = TraceReader.read(run.resolve("curves.csv"), r -> true);
    }

    /** Rows of a CSV file of numbers, without its header. */
    static List<double[]> csv(String name) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve(name));
        List<double[]> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            out.add(java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray());
        }
        return out;
    }

    /** The posterior mean of a measurement m: the product of the prior N(0, sp^2) and the likelihood N(m, sl^2). */
    static double productMean(double m, double sp, double sl) {
        return (0 * sl * sl + m * sp * sp) / (sp * sp + sl * sl);
    }

    @Test
    void perceivedSpeedFallsMonotonicallyAsContrastFallsAndIsTheProductOfGaussians() throws IOException {
        // contrast,likelihood_sd,gain,true_speed,perceived_speed
        TreeMap<Double, TreeMap<Double, Double>> bySpeed = new TreeMap<>();
        for (double[] r : csv("perceived_speed.csv")) {
            assertEquals(NOISE_SD / r[0], r[1], 1e-12, "likelihood sd = sigma_1 / contrast");
            assertEquals(productMean(r[3], PRIOR_SD, r[1]), r[4], 1e-9, "perceived speed at contrast " + r[0] + ", speed " + r[3]);
            bySpeed.computeIfAbsent(r[3], k -> new TreeMap<>()).put(r[0], r[4]);
        }
        assertEquals(SPEEDS.length, bySpeed.size());
        for (Map.Entry<Double, TreeMap<Double, Double>> e : bySpeed.entrySet()) {
            assertEquals(CONTRASTS.length, e.getValue().size());
            double previous = 0;
            for (Map.Entry<Double, Double> c : e.getValue().entrySet()) {
                assertTrue(c.getValue() > previous, "speed " + e.getKey() + ": perceived " + c.getValue() + " at contrast " + c.getKey()
                        + " is above the percept at the next lower contrast, " + previous);
                assertTrue(c.getValue() < e.getKey(), "every percept is slower than the truth");
                previous = c.getValue();
            }
        }
        // at 5 % contrast the likelihood sd is 4 deg/s, twice the prior's: the percept is a fifth of the truth
        assertEquals(0.2 * 8, bySpeed.get(8.0).get(0.05), 1e-12);
    }

    @Test
    void theDensitiesArePriorTimesLikelihoodNormalisedWithTheClosedFormMean() throws IOException {
        // contrast,speed,prior,likelihood,posterior, for a measurement at the shown speed, 4 deg/s
        TreeMap<Double, List<double[]>> byContrast = new TreeMap<>();
        for (double[] r : csv("speed_densities.csv")) {
            byContrast.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        assertEquals(CONTRASTS.length, byContrast.size());
        for (Map.Entry<Double, List<double[]>> e : byContrast.entrySet()) {
            List<double[]> g = e.getValue();
            double dv = g.get(1)[1] - g.get(0)[1];
            double z = 0;
            for (double[] r : g) {
                z += r[2] * r[3] * dv;
            }
            double mean = 0;
            for (double[] r : g) {
                assertEquals(r[2] * r[3] / z, r[4], 1e-6 * Math.max(r[4], 1e-3), "posterior = prior x likelihood / Z at " + r[1]);
                mean += r[1] * r[4] * dv;
            }
            // a sum over a finite grid, not an integral: close to the closed form, not equal
            assertEquals(productMean(4, PRIOR_SD, NOISE_SD / e.getKey()), mean, 1e-4, "mean of the posterior density at contrast " + e.getKey());
        }
    }

    @Test
    void theObserverTrainedByTheEngineHoldsTheExactPosteriorOfItsMeasurements() {
        int condition = 0;
        for (double contrast : CONTRASTS) {
            double sl = NOISE_SD / contrast;
            for (int j = 0; j < SPEEDS.length; j++) {
                condition++;
                String name = "contrast-" + (java.util.Arrays.binarySearch(CONTRASTS, contrast) + 1) + "-speed-" + (j + 1);
                for (long seed = 0; seed < 2; seed++) {
                    SampleStream s = new SpeedMeasurementTask(SPEEDS[j], sl, condition).stream(seed);
                    double sum = 0;
                    for (int n = 1; n <= 20; n++) {
                        sum += s.next(1).inputs()[0][0];
                        double precision = 1 / (PRIOR_SD * PRIOR_SD) + n / (sl * sl);
                        assertEquals(sum / (sl * sl) / precision, value(name + ".perceived_speed", seed, n), 1e-9, name + ", seed " + seed + ", " + n);
                        assertEquals(1 / Math.sqrt(precision), value(name + ".posterior_sd", seed, n), 1e-9);
                    }
                }
            }
        }
    }

    static double value(String metric, long seed, long step) {
        for (TraceRow r : rows) {
            if (r.seed() == seed && r.step() == step && r.metric().equals(metric)) {
                return r.value();
            }
        }
        throw new AssertionError("no " + metric + " at step " + step + " of seed " + seed);
    }

    @Test
    void aBadListOfContrastsIsOneSentenceAndExitStatusTwo() {
        java.io.StringWriter err = new java.io.StringWriter();
        int status = Main.execute(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "run", "speed-prior",
                "--set", "contrasts=0.1,1.5", "--out", tmp.resolve("bad").toString());
        String e = err.toString();
        assertEquals(2, status, e);
        assertTrue(e.contains("setting 'contrasts'") && e.contains("(0, 1]"), e);
        assertEquals(1, e.strip().lines().count(), e);
    }
}
