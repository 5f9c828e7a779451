package org.neuroai.compare.measures;

import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.Predictor;
import org.neuroai.core.Probeable;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;

/**
 * How selective each unit of a layer is among the held-out patterns of the task (Bienenstock,
 * Cooper &amp; Munro 1982, J Neurosci 2:32-48).
 *
 * <p>Vectors, to probes.csv: {@value #RESPONSE} (index = unit · K + pattern), every unit's answer
 * to every pattern, and {@value #SELECTIVITY} (index = unit), 1 − mean/max of a unit's responses,
 * responses below 0 counting as 0: 0 for a unit that answers every pattern alike, at most 1 − 1/K
 * for one that answers one pattern only. Metrics: {@value #SELECTIVITY_MEAN}, the mean over units;
 * {@value #SELECTIVE_FRACTION}, the fraction of units whose responses to every pattern but their
 * preferred one are smaller in size than {@link #SELECTIVE_RATIO} of the preferred one;
 * {@value #PATTERNS_CHOSEN}, how many patterns some selective unit prefers; and, for a learner
 * that offers the probe {@value #THETA} (BCM's sliding threshold), {@value #THETA_MEAN}, its mean
 * over units.
 */
public final class Selectivity implements Measure {
    /** Vector: every unit's response to every pattern. */
    public static final String RESPONSE = "response";
    /** Vector: every unit's selectivity. */
    public static final String SELECTIVITY = "selectivity";
    /** The probe of a sliding threshold. */
    public static final String THETA = "theta";
    /** Metric: mean selectivity over units. */
    public static final String SELECTIVITY_MEAN = "selectivity_mean";
    /** Metric: fraction of selective units. */
    public static final String SELECTIVE_FRACTION = "selective_fraction";
    /** Metric: patterns some selective unit prefers. */
    public static final String PATTERNS_CHOSEN = "patterns_chosen";
    /** Metric: mean threshold over units. */
    public static final String THETA_MEAN = "theta_mean";
    /** A unit is selective when its responses to all but one pattern are below this fraction of its strongest. */
    public static final double SELECTIVE_RATIO = 0.1;

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        if (!(l instanceof Predictor p)) {
            return;
        }
        double[][] y = p.predict(at.task().heldOut().inputs());
        int k = y.length;
        int units = y[0].length;
        double[] response = new double[units * k];
        double[] selectivity = new double[units];
        double[] row = new double[k];
        int selectiveUnits = 0;
        boolean[] preferred = new boolean[k];
        double sum = 0;
        for (int i = 0; i < units; i++) {
            int best = 0;
            for (int q = 0; q < k; q++) {
                row[q] = y[q][i];
                response[i * k + q] = row[q];
                best = row[q] > row[best] ? q : best;
            }
            selectivity[i] = selectivity(row);
            sum += selectivity[i];
            if (selective(row)) {
                selectiveUnits++;
                preferred[best] = true;
            }
        }
        int chosen = 0;
        for (boolean b : preferred) {
            chosen += b ? 1 : 0;
        }
        vectors.put(RESPONSE, response);
        vectors.put(SELECTIVITY, selectivity);
        metrics.put(SELECTIVITY_MEAN, sum / units);
        metrics.put(SELECTIVE_FRACTION, (double) selectiveUnits / units);
        metrics.put(PATTERNS_CHOSEN, (double) chosen);
        if (l instanceof Probeable pr && pr.probes().containsKey(THETA)) {
            double[] theta = new double[pr.probes().get(THETA)];
            pr.probe(THETA, theta);
            double t = 0;
            for (double v : theta) {
                t += v;
            }
            metrics.put(THETA_MEAN, t / theta.length);
        }
    }

    /**
     * Selectivity 1 − mean/max of responses, negative ones counting as 0.
     *
     * @param responses one unit's responses to the K patterns
     * @return the selectivity; 0 for a unit that never responds
     */
    public static double selectivity(double[] responses) {
        double max = 0;
        double sum = 0;
        for (double y : responses) {
            double v = Math.max(0, y);
            max = Math.max(max, v);
            sum += v;
        }
        return max == 0 ? 0 : 1 - sum / responses.length / max;
    }

    /**
     * Whether every response but the strongest is smaller in size than {@link #SELECTIVE_RATIO}
     * times the strongest.
     *
     * @param responses one unit's responses to the K patterns
     * @return true for a selective unit
     */
    public static boolean selective(double[] responses) {
        int best = 0;
        for (int p = 1; p < responses.length; p++) {
            best = responses[p] > responses[best] ? p : best;
        }
        double max = responses[best];
        if (max <= 0) {
            return false;
        }
        for (int p = 0; p < responses.length; p++) {
            if (p != best && Math.abs(responses[p]) >= SELECTIVE_RATIO * max) {
                return false;
            }
        }
        return true;
    }
}
