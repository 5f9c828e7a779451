package org.neuroai.compare.landscape;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One loss landscape: the loss over one learner's parameter space, the learner whose trajectory
 * sets its line and planes (the owner), and other learners whose weights live in the same space
 * and whose trajectories are drawn on it (guests).
 *
 * @param learner the owner, as named in weights.csv
 * @param title what the landscape shows, for panel titles
 * @param loss the loss's name with its unit, for axis and colour-bar labels; surfaces with the same
 *     loss name share a panel of the 1-D figure
 * @param layout the owner's parameter blocks, in order
 * @param function the loss as a function of the flat parameters
 * @param guests learners drawn on the same landscape
 */
public record Surface(String learner, String title, String loss, List<Block> layout, ToDoubleFunction<double[]> function,
                      List<Walker> guests) {
    /**
     * A learner whose weights are read into the surface's parameter space.
     *
     * @param learner its name in weights.csv
     * @param note what of it is drawn, after its label in legends ("encoder as W", "no loss of its own"); the
     *     label itself comes from the run's learners.csv
     * @param layout the blocks of its weights that make up the surface's parameters, in order
     */
    public record Walker(String learner, String note, List<Block> layout) {}

    /** The number of parameters. */
    public int size() {
        int n = 0;
        for (Block b : layout) {
            n += b.size();
        }
        return n;
    }
}
