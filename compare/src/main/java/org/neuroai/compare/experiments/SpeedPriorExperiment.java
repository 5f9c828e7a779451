package org.neuroai.compare.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroai.compare.engine.Condition;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.engine.LearnerSpec;
import org.neuroai.compare.engine.Plugin;
import org.neuroai.compare.engine.Study;
import org.neuroai.compare.learners.SpeedObserver;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.UserError;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.engine.Schedule;
import org.neuroai.core.engine.Schedule.Record;
import org.neuroai.core.tasks.SpeedMeasurementTask;

/**
 * Perception as inference, the slow-speed prior of Weiss, Simoncelli &amp; Adelson (2002, "Motion
 * illusions as optimal percepts", Nat Neurosci 5:598-604): low-contrast stimuli look slower.
 *
 * <p>Their model, in its one-dimensional form: a Gaussian prior over velocity centred at 0,
 * P(v) ∝ exp(−v²/(2σ_p²)), which favours slow speeds, times a Gaussian likelihood of the image
 * measurements, P(I | v) ∝ exp(−Σ (I_x v + I_t)²/(2σ²)), whose width in v is the noise σ over the
 * image gradients; a stimulus's gradients scale with its contrast c, so the likelihood's standard
 * deviation is σ_l(c) = σ_1 / c ({@code noise_sd} is σ_1, its value at contrast 1). The posterior is
 * Gaussian, and its mean, the perceived speed, is m σ_p²/(σ_p² + σ_l(c)²) for a measurement m: below
 * the measured speed, the more so the lower the contrast. The functional form is the paper's; the
 * numbers ({@code prior_sd} 2 deg/s, {@code noise_sd} 0.2 deg/s, the contrasts and speeds) are
 * illustrative, not fitted to its data.
 *
 * <p>How it runs on the engine: there is nothing to learn across stimuli, so each condition is one
 * stimulus (a contrast and a true speed, {@link SpeedMeasurementTask}), each trial one noisy
 * measurement of its speed, and the one learner, {@code observer} ({@link SpeedObserver},
 * Bayesian), multiplies its posterior by each measurement's likelihood. Its posterior mean after the
 * first trial is the percept of a single glimpse, and each seed draws another glimpse, so the mean
 * over seeds estimates the expected percept; later trials show the prior's pull fading as evidence
 * accumulates ({@code glimpses} per stimulus). What needs no sampling, the densities of prior,
 * likelihood and posterior and the expected percept for every contrast and speed, is computed in
 * closed form by the plug-in when the run finishes ({@value #DENSITIES}, {@value #PERCEIVED}), for the
 * figures to draw.
 *
 * <p>Conditions are named {@code contrast-I-speed-J} (1-based indices into {@code contrasts} and
 * {@code speeds}); the run's fact {@code speed_conditions} gives each one's contrast, speed and
 * likelihood width. Metrics, after every trial: {@code <condition>.perceived_speed} (the posterior
 * mean) and {@code <condition>.posterior_sd}.
 */
public final class SpeedPriorExperiment implements Experiment {
    /** The Bayesian observer. */
    public static final String OBSERVER = "observer";
    /** Densities of prior, likelihood and posterior over speed, by contrast. */
    public static final String DENSITIES = "speed_densities.csv";
    /** The expected percept of every contrast and true speed. */
    public static final String PERCEIVED = "perceived_speed.csv";
    /** Metric: the posterior mean. */
    public static final String PERCEIVED_SPEED = "perceived_speed";
    /** Metric: the posterior standard deviation. */
    public static final String POSTERIOR_SD = "posterior_sd";

    @Override
    public String name() {
        return "speed-prior";
    }

    @Override
    public String description() {
        return "perception as inference: a Gaussian prior for slow speeds makes low-contrast motion look slower (Weiss, Simoncelli & "
                + "Adelson 2002)";
    }

    @Override
    public String mainMetric() {
        return null;
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.positive("prior_sd", 2, 1e4, "deg/s", "sigma_p, the standard deviation of the Gaussian prior over speed, centred at 0"),
                ParamSpec.positive("noise_sd", 0.2, 1e4, "deg/s", "sigma_1, the likelihood's standard deviation at contrast 1; at contrast c "
                        + "it is sigma_1 / c"),
                ParamSpec.text("contrasts", "0.05,0.1,0.2,0.4,0.8", "the stimuli's contrasts, comma-separated, each in (0, 1]"),
                ParamSpec.text("speeds", "1,2,4,8", "the stimuli's true speeds in deg/s, comma-separated, each positive"),
                ParamSpec.positive("shown_speed", 4, 1e4, "deg/s", "the speed whose prior, likelihood and posterior densities are drawn, "
                        + "for a measurement equal to it"),
                ParamSpec.integer("glimpses", 20, 1, 1_000_000, "noisy measurements of each stimulus, one per trial"),
                ParamSpec.integer("threads", 0, 0, 256, "seeds run in parallel; 0 = one per core"));
    }

    @Override
    public Map<String, Object> smokeSettings() {
        return Map.of("glimpses", 3, "contrasts", "0.1,0.8", "speeds", "2,4");
    }

    /**
     * A list setting: numbers in (0, max], comma-separated.
     *
     * @param s the settings
     * @param key the setting
     * @param max the largest value allowed
     * @return the numbers, in the order given
     * @throws UserError when it is not such a list
     */
    static double[] list(Params s, String key, double max) {
        String text = s.string(key);
        String[] parts = text.split(",", -1);
        double[] out = new double[parts.length];
        String valid = "; valid is a comma-separated list of numbers in (0, " + (max == Double.MAX_VALUE ? "infinity)" : fmt(max) + "]")
                + ", such as " + (key.equals("contrasts") ? "0.05,0.1,0.2,0.4,0.8" : "1,2,4,8") + ".";
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserError("setting '" + key + "' = '" + text + "': '" + parts[i].trim() + "' is not a number" + valid);
            }
            if (!(out[i] > 0 && out[i] <= max)) {
                throw new UserError("setting '" + key + "' = '" + text + "': " + parts[i].trim() + " is out of range" + valid);
            }
        }
        return out;
    }

    /** The contrasts of a run. */
    public static double[] contrasts(Params s) {
        return list(s, "contrasts", 1);
    }

    /** The true speeds of a run. */
    public static double[] speeds(Params s) {
        return list(s, "speeds", 1e4);
    }

    /** The likelihood's standard deviation at a contrast: σ_1 / c. */
    public static double likelihoodSd(double noiseSd, double contrast) {
        return noiseSd / contrast;
    }

    /** The posterior mean's gain σ_p²/(σ_p² + σ_l²): the perceived speed of a measurement m is gain · m. */
    public static double gain(double priorSd, double likelihoodSd) {
        return priorSd * priorSd / (priorSd * priorSd + likelihoodSd * likelihoodSd);
    }

    /** The posterior's mean and standard deviation after measurements summing to {@code sum}: the product of Gaussians. */
    public static double[] posterior(double priorSd, double likelihoodSd, double sum, int n) {
        double precision = 1 / (priorSd * priorSd) + n / (likelihoodSd * likelihoodSd);
        return new double[] {sum / (likelihoodSd * likelihoodSd) / precision, 1 / Math.sqrt(precision)};
    }

    /** The observer's posterior mean and standard deviation. */
    private static final Measure POSTERIOR = (l, at, metrics, vectors) -> {
        if (l instanceof SpeedObserver o) {
            metrics.put(PERCEIVED_SPEED, o.mean());
            metrics.put(POSTERIOR_SD, o.sd());
        }
    };

    @Override
    public Study study(Params s) {
        double priorSd = s.real("prior_sd");
        double noiseSd = s.real("noise_sd");
        double[] contrasts = contrasts(s);
        double[] speeds = speeds(s);
        int glimpses = s.integer("glimpses");
        Schedule everyTrial = Schedule.uniform(glimpses, 1, 1).with(Record.WEIGHTS, Schedule.NEVER).with(Record.HISTOGRAMS, Schedule.NEVER)
                .with(Record.PROBES, Schedule.NEVER);
        List<Condition> conditions = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<Map<String, Object>> stimuli = new ArrayList<>();
        Described described = new Described(OBSERVER, Family.BAYESIAN, "Bayesian observer (Gaussian prior \u00d7 likelihood)", "#AA4499",
                "Gaussian posterior over speed, prior sd " + fmt(priorSd) + " deg/s, likelihood sd " + fmt(noiseSd) + " deg/s / contrast");
        for (int i = 0; i < contrasts.length; i++) {
            double sd = likelihoodSd(noiseSd, contrasts[i]);
            List<LearnerSpec> observer = List.of(LearnerSpec.of(described, b -> new SpeedObserver(OBSERVER, priorSd, sd)));
            for (int j = 0; j < speeds.length; j++) {
                String name = "contrast-" + (i + 1) + "-speed-" + (j + 1);
                conditions.add(new Condition(name, new SpeedMeasurementTask(speeds[j], sd, conditions.size() + 1), observer, everyTrial, List.of(() -> POSTERIOR),
                        Condition.Recording.NONE, 0));
                metrics.add(name + "." + PERCEIVED_SPEED);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", name);
                c.put("contrast", contrasts[i]);
                c.put("speed", speeds[j]);
                c.put("likelihood_sd", sd);
                c.put("expected_percept", gain(priorSd, sd) * speeds[j]);
                stimuli.add(c);
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("speed_conditions", stimuli);
        facts.put("likelihood_sd", "noise_sd / contrast (deg/s)");
        return new Study(conditions, metrics, new ClosedForm(priorSd, noiseSd, contrasts, speeds, s.real("shown_speed")),
                List.of("speed-posterior", "speed-perceived"), "trials", false, s.integer("threads"), facts);
    }

    /** Writes the densities and the expected percepts, in closed form. */
    static final class ClosedForm implements Plugin {
        /** Points of the speed grid of the densities. */
        static final int GRID = 481;
        private final double priorSd;
        private final double noiseSd;
        private final double[] contrasts;
        private final double[] speeds;
        private final double shown;

        ClosedForm(double priorSd, double noiseSd, double[] contrasts, double[] speeds, double shown) {
            this.priorSd = priorSd;
            this.noiseSd = noiseSd;
            this.contrasts = contrasts.clone();
            this.speeds = speeds.clone();
            this.shown = shown;
        }

        @Override
        public Map<String, Object> finish(Path out) throws IOException {
            double widest = 0;
            for (double c : contrasts) {
                widest = Math.max(widest, likelihoodSd(noiseSd, c));
            }
            double lo = Math.min(-3 * priorSd, shown - 3 * widest);
            double hi = Math.max(3 * priorSd, shown + 3 * widest);
            StringBuilder d = new StringBuilder("contrast,speed,prior,likelihood,posterior\n");
            for (double c : contrasts) {
                double sd = likelihoodSd(noiseSd, c);
                double[] post = posterior(priorSd, sd, shown, 1);
                for (int k = 0; k < GRID; k++) {
                    double v = lo + (hi - lo) * k / (GRID - 1);
                    d.append(num(c)).append(',').append(num(v)).append(',').append(num(normal(v, 0, priorSd))).append(',')
                            .append(num(normal(shown, v, sd))).append(',').append(num(normal(v, post[0], post[1]))).append('\n');
                }
            }
            Files.writeString(out.resolve(DENSITIES), d, StandardCharsets.UTF_8);
            StringBuilder p = new StringBuilder("contrast,likelihood_sd,gain,true_speed,perceived_speed\n");
            for (double c : contrasts) {
                double sd = likelihoodSd(noiseSd, c);
                double g = gain(priorSd, sd);
                for (double v : speeds) {
                    p.append(num(c)).append(',').append(num(sd)).append(',').append(num(g)).append(',').append(num(v)).append(',')
                            .append(num(g * v)).append('\n');
                }
            }
            Files.writeString(out.resolve(PERCEIVED), p, StandardCharsets.UTF_8);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("shown_speed", shown);
            return facts;
        }
    }

    /** The normal density at x. */
    static double normal(double x, double mean, double sd) {
        double z = (x - mean) / sd;
        return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    }

    private static String num(double x) {
        return Double.toString(x);
    }

    static String fmt(double x) {
        return new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(x);
    }
}
