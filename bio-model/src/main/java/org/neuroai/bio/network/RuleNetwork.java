package org.neuroai.bio.network;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.core.Batch;
import org.neuroai.core.Family;
import org.neuroai.core.Learner;
import org.neuroai.core.Params;
import org.neuroai.core.Reconstructor;
import org.neuroai.core.SubspaceLearner;
import org.neuroai.core.WeightView;

/**
 * A single layer of linear rate units, y = W x, whose weights change only by a local plasticity
 * rule, one presentation at a time.
 *
 * <p>The learning rate is annealed as η_t = η / (1 + t/τ) (t in presentations; τ = 0 keeps it
 * constant), the Robbins-Monro schedule under which Oja's and Sanger's rules converge. Initial
 * weights are drawn from {@code weightSeed}: each row a uniformly random direction scaled to
 * {@code initNorm}.
 */
public final class RuleNetwork implements Learner, Reconstructor, SubspaceLearner {
    private final String name;
    private final PlasticityRule rule;
    private final Plasticity plasticity;
    private final double eta;
    private final double tau;
    private final double[][] w;
    private final double[] y;
    private final long weightSeed;
    private final double initNorm;
    private long t;

    /**
     * @param name name in traces
     * @param rule the plasticity rule
     * @param ruleParams its resolved parameters (including eta)
     * @param nInputs inputs per unit
     * @param nUnits units
     * @param tau annealing time constant in presentations, 0 for a constant rate
     * @param initNorm norm of each initial weight row
     * @param weightSeed seed of the initial weights
     */
    public RuleNetwork(String name, PlasticityRule rule, Params ruleParams, int nInputs, int nUnits, double tau,
                       double initNorm, long weightSeed) {
        this.name = name;
        this.rule = rule;
        this.plasticity = rule.create(ruleParams, nInputs, nUnits);
        this.eta = ruleParams.real("eta");
        this.tau = tau;
        this.w = new double[nUnits][nInputs];
        this.y = new double[nUnits];
        this.weightSeed = weightSeed;
        this.initNorm = initNorm;
        reset();
    }

    /** Restores initial weights and the rule's initial state. */
    public void reset() {
        SplittableRandom r = new SplittableRandom(weightSeed);
        for (double[] row : w) {
            double n2 = 0;
            for (int j = 0; j < row.length; j++) {
                double u1 = 1.0 - r.nextDouble();
                double u2 = r.nextDouble();
                row[j] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
                n2 += row[j] * row[j];
            }
            double s = initNorm / Math.sqrt(n2);
            for (int j = 0; j < row.length; j++) {
                row[j] *= s;
            }
        }
        plasticity.reset();
        t = 0;
    }

    /** The rule. */
    public PlasticityRule rule() {
        return rule;
    }

    /** The rule's state, for probing. */
    public Plasticity plasticity() {
        return plasticity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.BIO;
    }

    @Override
    public void learn(Batch batch) {
        for (double[] x : batch.inputs()) {
            present(x);
        }
    }

    /**
     * Presents samples from a stream until {@code presentations} samples have been drawn from it.
     *
     * @param stream the samples
     * @param presentations how many the stream should have handed out when this returns
     */
    public void train(org.neuroai.core.SampleStream stream, long presentations) {
        while (stream.position() < presentations) {
            learn(stream.next((int) Math.min(256, presentations - stream.position())));
        }
    }

    /** One presentation: compute the outputs, then let the rule change the weights. */
    public void present(double[] x) {
        for (int i = 0; i < w.length; i++) {
            double s = 0;
            double[] wi = w[i];
            for (int j = 0; j < wi.length; j++) {
                s += wi[j] * x[j];
            }
            y[i] = s;
        }
        double rate = tau > 0 ? eta / (1.0 + t / tau) : eta;
        plasticity.update(w, x, y, rate);
        t++;
    }

    @Override
    public long presentations() {
        return t;
    }

    @Override
    public WeightView weights() {
        return new WeightView() {
            @Override
            public List<String> groups() {
                return List.of("w");
            }

            @Override
            public int[] shape(String group) {
                return new int[] {w.length, w[0].length};
            }

            @Override
            public void copy(String group, double[] dest) {
                for (int i = 0; i < w.length; i++) {
                    System.arraycopy(w[i], 0, dest, i * w[i].length, w[i].length);
                }
            }
        };
    }

    /** x̂ = Wᵀ W x: the projection onto the learned subspace when the rows of W are orthonormal. */
    @Override
    public double[][] reconstruct(double[][] inputs) {
        double[][] out = new double[inputs.length][inputs[0].length];
        double[] h = new double[w.length];
        for (int s = 0; s < inputs.length; s++) {
            double[] x = inputs[s];
            for (int i = 0; i < w.length; i++) {
                double a = 0;
                for (int j = 0; j < x.length; j++) {
                    a += w[i][j] * x[j];
                }
                h[i] = a;
            }
            double[] o = out[s];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < o.length; j++) {
                    o[j] += h[i] * w[i][j];
                }
            }
        }
        return out;
    }

    @Override
    public double[][] subspaceBasis() {
        return weights().matrix("w");
    }
}
