package org.neuroai.compare.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neuroai.core.Learner;
import org.neuroai.core.trace.Monitor;

/**
 * What is particular to one experiment and is not a measure: files it writes from its trained
 * learners (a decision boundary, receptive fields, recall of stored patterns), listeners it
 * attaches (a spike raster), summary rows it adds after a seed. It has no loop over samples: the
 * engine trains. Calls for one seed come on that seed's thread, in order; seeds may run at once.
 */
public interface Plugin {
    /** A plug-in that does nothing. */
    Plugin NONE = new Plugin() { };

    /**
     * Where a call stands.
     *
     * @param seed the run's seed
     * @param seedIndex its position in the run's seeds (0 is the first)
     * @param condition the condition
     */
    record At(long seed, int seedIndex, Condition condition) {}

    /**
     * The run starts: nothing is trained yet.
     *
     * @param out the (scratch) run folder, where the plug-in may write files as it goes
     * @param seeds the run's seeds, in order
     * @throws IOException when a file cannot be written
     */
    default void start(Path out, long[] seeds) throws IOException {}

    /** The learners of a condition are made, before any learning. */
    default void built(At at, List<Learner> learners) {}

    /**
     * A condition has been trained.
     *
     * @param at where
     * @param learners the trained learners
     * @param monitor the seed's monitor, for rows to add
     */
    default void trained(At at, List<Learner> learners, Monitor monitor) {}

    /**
     * Every condition of a seed has been trained.
     *
     * @param seed the seed
     * @param seedIndex its position
     * @param monitor the seed's monitor, for summary rows
     */
    default void seedDone(long seed, int seedIndex, Monitor monitor) {}

    /**
     * Every seed is done and the traces are written: files of the whole run.
     *
     * @param out the run folder
     * @return facts for the provenance
     * @throws IOException when a file cannot be written
     */
    default Map<String, Object> finish(Path out) throws IOException {
        return Map.of();
    }
}
