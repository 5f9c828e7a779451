package org.neuroai.compare.measures;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.neuroai.core.Learner;
import org.neuroai.core.Posterior;
import org.neuroai.core.Predictor;
import org.neuroai.core.PrincipalSubspace;
import org.neuroai.core.Reconstructor;
import org.neuroai.core.Split;
import org.neuroai.core.SubspaceLearner;
import org.neuroai.core.Task;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.metrics.PredictionMetrics;
import org.neuroai.core.metrics.SubspaceMetrics;

/**
 * Scores on the task's held-out samples, each where it applies to the learner:
 * <ul>
 *   <li>{@value #ACCURACY} and {@value #MSE} of what the learner predicts, through its readout (the
 *       learner itself when it predicts targets, a least-squares readout of an unsupervised layer,
 *       or none: then neither is recorded); an output at or above 0.5 reads as class 1 for a single
 *       output, the largest output as the class otherwise;</li>
 *   <li>{@value #RECONSTRUCTION} of a linear layer that reconstructs its input, and
 *       {@value #ANGLE}, the largest principal angle between its subspace and the task's top
 *       principal subspace of the same dimension, on a task whose covariance is known;</li>
 *   <li>{@value #ECE}, the expected calibration error of what it predicts (see
 *       {@link PredictionMetrics#expectedCalibrationError}); and, for a learner with a
 *       {@link Posterior}, {@value #NLL}, the mean negative log posterior predictive of the held-out
 *       targets, and {@value #EVIDENCE}, the log marginal likelihood of what it has learned.</li>
 * </ul>
 */
public final class HeldOut implements Measure {
    /** Fraction of held-out samples classified right. */
    public static final String ACCURACY = "accuracy";
    /** Mean squared error per output on held-out samples. */
    public static final String MSE = "mse";
    /** Mean squared reconstruction error per input on held-out samples. */
    public static final String RECONSTRUCTION = "reconstruction_mse";
    /** Largest principal angle to the true subspace, in degrees. */
    public static final String ANGLE = "principal_angle_deg";
    /** Expected calibration error of a classifier's confidence on held-out samples. */
    public static final String ECE = "ece";
    /** Mean negative log posterior predictive of held-out targets (learners with a posterior). */
    public static final String NLL = "predictive_nll";
    /** The log marginal likelihood of the samples learned so far (learners with a posterior). */
    public static final String EVIDENCE = "log_evidence";
    /** Every metric this measure can record. */
    public static final List<String> METRICS = List.of(ACCURACY, MSE, RECONSTRUCTION, ANGLE, ECE, NLL, EVIDENCE);
    /** The threshold of a single output. */
    public static final double THRESHOLD = 0.5;

    private final List<String> metrics;
    private final BiFunction<Learner, Checkpoint, Predictor> readout;
    private final Predicate<Learner> linear;

    /**
     * @param metrics the metrics to record, from {@link #METRICS}, in order
     * @param readout what scores a learner's predictions at a checkpoint, or null for a learner
     *     whose outputs are not predictions of the targets
     * @param linear which learners are linear layers whose reconstruction and subspace mean something
     */
    public HeldOut(List<String> metrics, BiFunction<Learner, Checkpoint, Predictor> readout, Predicate<Learner> linear) {
        this.metrics = List.copyOf(metrics);
        this.readout = readout;
        this.linear = linear;
    }

    /**
     * Scores every learner as itself: a learner that predicts (now) is scored on its predictions, every
     * reconstructor and subspace learner is taken as linear.
     *
     * @param metrics the metrics, in order
     * @return the measure
     */
    public static HeldOut plain(List<String> metrics) {
        return new HeldOut(metrics, (l, at) -> l instanceof Predictor p && p.predicts() ? p : null, l -> true);
    }

    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> out, Map<String, double[]> vectors) {
        Task task = at.task();
        Split held = task.heldOut();
        Predictor p = null;
        boolean fitted = false;
        for (String metric : metrics) {
            switch (metric) {
                case NLL -> {
                    if (l instanceof Posterior post && held.targets() != null) {
                        out.put(metric, PredictionMetrics.predictiveNll(post, held));
                    }
                }
                case EVIDENCE -> {
                    if (l instanceof Posterior post) {
                        out.put(metric, post.logEvidence());
                    }
                }
                case ACCURACY, MSE, ECE -> {
                    if (!fitted) {
                        p = held.targets() == null ? null : readout.apply(l, at);
                        fitted = true;
                    }
                    if (p != null) {
                        out.put(metric, switch (metric) {
                            case ACCURACY -> PredictionMetrics.accuracy(p, held, THRESHOLD);
                            case ECE -> PredictionMetrics.expectedCalibrationError(p, held, THRESHOLD);
                            default -> PredictionMetrics.mse(p, held);
                        });
                    }
                }
                case RECONSTRUCTION -> {
                    if (l instanceof Reconstructor r && linear.test(l)) {
                        out.put(metric, SubspaceMetrics.reconstructionMse(r, held));
                    }
                }
                case ANGLE -> {
                    if (l instanceof SubspaceLearner s && task instanceof PrincipalSubspace ps && linear.test(l)
                            && s.subspaceBasis().length < task.inputDim()) {
                        out.put(metric, SubspaceMetrics.principalAngleDeg(s, ps));
                    }
                }
                default -> throw new IllegalArgumentException("unknown held-out metric '" + metric + "'; valid are " + METRICS);
            }
        }
    }
}
