package org.neuroai.compare.measures;

import java.util.Arrays;
import java.util.Map;
import org.neuroai.compare.alignment.Alignment;
import org.neuroai.compare.engine.Seeds;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.Proposer;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;

/**
 * How far from gradient descent a learner is: {@value #ALIGNMENT}, the cosine between the change a
 * {@link Proposer} would make and the negative gradient of a loss at the same weights
 * ({@link Alignment}; NaN when either is zero), and {@value #LOSS}, that loss.
 *
 * <p>Both are taken on a fixed evaluation batch: the first {@code evalBatch} samples of the task's
 * stream for the {@link #evaluationSeed evaluation seed} of the run (at most one epoch of a task
 * with a fixed training set), the same for every learner and every checkpoint of a seed. The
 * change is proposed on the first {@code proposalBatch} samples of it (all of them for 0).
 */
public final class GradientAlignment implements Measure {
    /** The cosine. */
    public static final String ALIGNMENT = "alignment";
    /** The loss. */
    public static final String LOSS = "loss";

    /** A loss of a learner's weights on a batch, with its gradient with respect to the weights it proposes to change. */
    public interface Objective {
        /**
         * @param learner the learner
         * @param batch the samples
         * @return the loss
         */
        double loss(Learner learner, Batch batch);

        /**
         * @param learner the learner
         * @param batch the samples
         * @return ∂L/∂W, shaped as the learner's proposed change
         */
        double[][] gradient(Learner learner, Batch batch);
    }

    private final Objective objective;
    private final int evalBatch;
    private final int proposalBatch;
    private Batch eval;
    private Batch proposal;

    /**
     * @param objective the loss
     * @param evalBatch samples of the evaluation batch
     * @param proposalBatch samples on which the change is proposed, 0 for all
     */
    public GradientAlignment(Objective objective, int evalBatch, int proposalBatch) {
        this.objective = objective;
        this.evalBatch = evalBatch;
        this.proposalBatch = proposalBatch;
    }

    /**
     * The seed of a run's evaluation batch: derived from the run seed, apart from its training
     * samples and its initial weights.
     *
     * @param seed the run seed
     * @return the evaluation seed
     */
    public static long evaluationSeed(long seed) {
        return ~Seeds.weightSeed(seed);
    }

    /** The cosine of 0/0 (a learner that proposes no change, or a zero gradient) is NaN, which is no divergence. */
    @Override
    public boolean mayBeUndefined(String metric) {
        return metric.equals(ALIGNMENT);
    }

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> metrics, Map<String, double[]> vectors) {
        if (!(l instanceof Proposer p)) {
            return;
        }
        if (eval == null) {
            long epoch = at.task().epochSize();
            int n = epoch > 0 ? (int) Math.min(evalBatch, epoch) : evalBatch;
            eval = at.task().stream(evaluationSeed(at.seed())).next(n);
            int k = proposalBatch == 0 || proposalBatch >= n ? n : proposalBatch;
            proposal = new Batch(Arrays.copyOf(eval.inputs(), k), eval.targets() == null ? null : Arrays.copyOf(eval.targets(), k), 0);
        }
        metrics.put(ALIGNMENT, Alignment.withDescent(p.proposedUpdate(proposal), objective.gradient(l, eval)));
        metrics.put(LOSS, objective.loss(l, eval));
    }
}
