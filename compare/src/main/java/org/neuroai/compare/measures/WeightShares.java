package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;

/**
 * Where a learner's weights (group "w") lie between 0 and a bound w_max: {@code mean_weight}, their
 * mean; {@code fraction_weak}, the share below 0.1 w_max; {@code fraction_strong}, the share at or
 * above 0.9 w_max. Under STDP with hard bounds these show the weights leaving the middle for the
 * two bounds (Song, Miller &amp; Abbott 2000).
 */
public final class WeightShares implements Measure {
    /** The mean weight. */
    public static final String MEAN = "mean_weight";
    /** The share of weights below 0.1 w_max. */
    public static final String WEAK = "fraction_weak";
    /** The share of weights at or above 0.9 w_max. */
    public static final String STRONG = "fraction_strong";
    private final double wMax;

    /** @param wMax the upper bound of a weight */
    public WeightShares(double wMax) {
        this.wMax = wMax;
    }

    @Override
    public void measure(Learner learner, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        double[] w = learner.weights().copy("w");
        double sum = 0;
        int weak = 0;
        int strong = 0;
        for (double x : w) {
            sum += x;
            if (x < 0.1 * wMax) {
                weak++;
            } else if (x >= 0.9 * wMax) {
                strong++;
            }
        }
        metrics.put(MEAN, sum / w.length);
        metrics.put(WEAK, weak / (double) w.length);
        metrics.put(STRONG, strong / (double) w.length);
    }
}
