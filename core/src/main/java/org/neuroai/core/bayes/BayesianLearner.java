package org.neuroai.core.bayes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Posterior;
import org.neuroai.core.Predictor;
import org.neuroai.core.Probeable;
import org.neuroai.core.WeightView;

/**
 * What every Bayesian learner shares: it learns one sample at a time, in the order given, by
 * updating its posterior; before each update it adds the sample's log predictive to the log
 * evidence; it predicts with the posterior predictive; and it offers its posterior through probes:
 * {@value #MEAN}, {@value #SD} (one value per parameter) and {@value #EVIDENCE}.
 */
public abstract class BayesianLearner implements Learner, Predictor, Probeable, Posterior {
    /** Probe: the posterior mean of every parameter. */
    public static final String MEAN = "posterior_mean";
    /** Probe: the posterior standard deviation of every parameter. */
    public static final String SD = "posterior_sd";
    /** Probe: the log marginal likelihood of the samples so far. */
    public static final String EVIDENCE = "log_evidence";

    private final String name;
    private long presentations;
    private double logEvidence;

    protected BayesianLearner(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Family family() {
        return Family.BAYESIAN;
    }

    @Override
    public final void learn(Batch batch) {
        if (batch.targets() == null) {
            throw new IllegalStateException("learner '" + name + "' learns targets, and this task gives none");
        }
        for (int s = 0; s < batch.size(); s++) {
            double[] x = batch.inputs()[s];
            double[] y = batch.targets()[s];
            int id = batch.ids() != null ? batch.ids()[s] : -1;
            double weight = evidenceWeight(id);
            if (weight != 0) {
                logEvidence += weight * logPredictive(x, y);
            }
            update(x, y, id);
            presentations++;
        }
    }

    /**
     * Updates the posterior with one sample whose index in the task's fixed training set is known
     * (a learner that keeps something per sample, as expectation propagation keeps each sample's
     * factor, overrides this); by default the same as {@link #update(double[], double[])}.
     *
     * @param x its input
     * @param y its target
     * @param id its index in the training set, or −1 when the task draws fresh samples
     */
    protected void update(double[] x, double[] y, int id) {
        update(x, y);
    }

    /**
     * How much of the sample's log predictive counts towards the log evidence: 1 by default; a
     * learner that is shown the same sample again in later passes says what share of it is new.
     *
     * @param id the sample's index in the training set, or −1 when the task draws fresh samples
     * @return the weight of the sample's log predictive, 0 to skip it
     */
    protected double evidenceWeight(int id) {
        return 1;
    }

    /**
     * Updates the posterior with one sample.
     *
     * @param x its input
     * @param y its target
     */
    protected abstract void update(double[] x, double[] y);

    /** The posterior predictive's mean (or class probabilities) for one input. */
    protected abstract double[] predictOne(double[] x);

    /** The parameters' shape for the weight view: rows (outputs) and columns. */
    protected abstract int[] shape();

    @Override
    public double[][] predict(double[][] inputs) {
        double[][] out = new double[inputs.length][];
        for (int s = 0; s < inputs.length; s++) {
            out[s] = predictOne(inputs[s]);
        }
        return out;
    }

    @Override
    public final long presentations() {
        return presentations;
    }

    @Override
    public final double logEvidence() {
        return logEvidence;
    }

    /** The weights shown in traces and charts are the posterior means. */
    @Override
    public WeightView weights() {
        BayesianLearner self = this;
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.of("w");
            }

            @Override
            public int[] shape(String group) {
                return self.shape();
            }

            @Override
            public void copy(String group, double[] dest) {
                double[] m = posteriorMean();
                System.arraycopy(m, 0, dest, 0, m.length);
            }
        };
    }

    @Override
    public Map<String, Integer> probes() {
        int n = shape()[0] * shape()[1];
        Map<String, Integer> p = new LinkedHashMap<>();
        p.put(MEAN, n);
        p.put(SD, n);
        p.put(EVIDENCE, 1);
        return p;
    }

    @Override
    public void probe(String probe, double[] dest) {
        switch (probe) {
            case MEAN -> copyInto(posteriorMean(), dest);
            case SD -> copyInto(posteriorSd(), dest);
            case EVIDENCE -> dest[0] = logEvidence;
            default -> throw new IllegalArgumentException("learner '" + name + "' has no probe '" + probe + "'; it has " + probes().keySet());
        }
    }

    private static void copyInto(double[] v, double[] dest) {
        System.arraycopy(v, 0, dest, 0, v.length);
    }

    /** log N(y; mean, variance). */
    protected static double logNormal(double y, double mean, double variance) {
        double e = y - mean;
        return -0.5 * (Math.log(2 * Math.PI * variance) + e * e / variance);
    }
}
