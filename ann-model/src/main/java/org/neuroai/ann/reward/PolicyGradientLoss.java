package org.neuroai.ann.reward;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The loss whose gradient is the policy gradient (Williams 1992, "Simple statistical
 * gradient-following algorithms for connectionist reinforcement learning", Machine Learning
 * 8:229-256): for a softmax policy over the output layer's pre-activations z and a row of labels
 * that is the advantage A times the one-hot code of the action taken,
 * <pre>
 *   L = −Σ_a label_a log softmax(z)_a = −A log π(a|s),     ∂L/∂z = π · Σ_a label_a − label = A (π − onehot(a))
 * </pre>
 * So one step of gradient descent on L raises the log-probability of the action taken in
 * proportion to its advantage, and lowers it when the advantage is negative, which a
 * cross-entropy with a softmax activation cannot express (its labels must sum to one). The output
 * layer's activation must be the identity: the softmax is taken here. An optional entropy bonus
 * (weight β) is added to every row.
 */
public final class PolicyGradientLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    private final double entropy;

    /** The loss without an entropy bonus. */
    public PolicyGradientLoss() {
        this(0);
    }

    /**
     * @param entropy β, the weight of the entropy bonus −β H(π) added to the loss of every row (as in
     *     Mnih et al. 2016, ICML; 0 for none): it keeps the policy from saturating, so that a policy
     *     can still notice that the world has changed
     */
    public PolicyGradientLoss(double entropy) {
        this.entropy = entropy;
    }

    private static INDArray logSoftmax(INDArray z) {
        INDArray shifted = z.subColumnVector(z.max(1).reshape(z.rows(), 1));
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(1).reshape(z.rows(), 1), false);
        return shifted.subiColumnVector(logSum);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray z = activationFn.getActivation(preOutput.dup(), false);
        INDArray logPi = logSoftmax(z);
        INDArray score = logPi.mul(labels).sum(1).negi().reshape(z.rows(), 1);
        if (entropy != 0) {
            // −β H = β Σ π log π
            score.addi(Transforms.exp(logPi, true).muli(logPi).sum(1).reshape(z.rows(), 1).muli(entropy));
        }
        return score;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double s = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? s / preOutput.rows() : s;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray z = activationFn.getActivation(preOutput.dup(), true);
        INDArray logPi = logSoftmax(z);
        INDArray pi = Transforms.exp(logPi, true);
        INDArray dLdz = pi.mulColumnVector(labels.sum(1).reshape(z.rows(), 1)).subi(labels);
        if (entropy != 0) {
            // ∂(−β H)/∂z_j = β π_j (log π_j + H), H = −Σ π log π
            INDArray h = pi.mul(logPi).sum(1).negi().reshape(z.rows(), 1);
            dLdz.addi(pi.mul(logPi.addColumnVector(h)).muli(entropy));
        }
        return activationFn.backprop(preOutput.dup(), dLdz).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                                                          boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "policy-gradient";
    }

    @Override
    public String toString() {
        return "PolicyGradientLoss(entropy=" + entropy + ")";
    }
}
