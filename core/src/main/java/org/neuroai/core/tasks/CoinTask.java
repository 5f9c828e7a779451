package org.neuroai.core.tasks;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Split;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/**
 * Tosses of a coin whose bias may change once: the input is a constant 1 (there is nothing to see
 * before a toss), the target 1 for heads and 0 for tails. Heads come with probability
 * {@code bias} up to toss {@code change_at} and with {@code bias_after} from then on; the seed draws
 * the tosses. What a learner should find is the current bias: its prediction for the input 1.
 * The held-out "sample" is that one input, with the final bias as its target.
 */
public final class CoinTask implements Task {
    private final double before;
    private final double after;
    private final long changeAt;

    /** Registers the task under the name "coin". */
    public static final class Factory implements TaskFactory {
        @Override
        public String name() {
            return "coin";
        }

        @Override
        public String description() {
            return "tosses of a coin (target 1 for heads) whose bias may change once, from bias to bias_after at toss change_at";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(
                    ParamSpec.real("bias", 0.7, 0, 1, "1", "probability of heads before the change"),
                    ParamSpec.real("bias_after", 0.3, 0, 1, "1", "probability of heads from toss change_at on"),
                    ParamSpec.integer("change_at", 200, 0, Integer.MAX_VALUE, "the toss (counted from 0) at which the bias changes"));
        }

        @Override
        public Task create(Params p) {
            return new CoinTask(p.real("bias"), p.real("bias_after"), p.integer("change_at"));
        }
    }

    /**
     * @param before probability of heads before the change
     * @param after probability of heads from the change on
     * @param changeAt the toss at which the bias changes
     */
    public CoinTask(double before, double after, long changeAt) {
        if (!(before >= 0 && before <= 1 && after >= 0 && after <= 1)) {
            throw new UserError("task coin: a bias is a probability in [0, 1], not " + before + " or " + after + ".");
        }
        this.before = before;
        this.after = after;
        this.changeAt = changeAt;
    }

    /** The probability of heads at a toss. */
    public double bias(long toss) {
        return toss < changeAt ? before : after;
    }

    /** The toss at which the bias changes. */
    public long changeAt() {
        return changeAt;
    }

    @Override
    public String name() {
        return "coin";
    }

    @Override
    public int inputDim() {
        return 1;
    }

    @Override
    public SampleStream stream(long orderSeed) {
        SplittableRandom r = new SplittableRandom(orderSeed);
        return new PositionStream() {
            @Override
            protected double[] input(long position) {
                return new double[] {1};
            }

            @Override
            protected double[] target(long position) {
                // one draw per toss, in order: input() and target() are called once per position
                return new double[] {r.nextDouble() < bias(position) ? 1 : 0};
            }
        };
    }

    @Override
    public Split heldOut() {
        return new Split("the coin", new double[][] {{1}}, new double[][] {{after}});
    }
}
