package org.neuroai.compare.experiments;

import java.util.List;
import java.util.function.LongConsumer;
import org.neuroai.core.Batch;
import org.neuroai.core.Learner;
import org.neuroai.core.SampleStream;

/**
 * Training on a stream with checkpoints: every chunk of samples is drawn once and handed to every
 * learner, and a chunk never runs past a checkpoint, so every learner is scored after exactly the
 * same samples at every multiple of the checkpoint interval, at 0 and at the end.
 */
final class Checkpoints {
    private Checkpoints() {}

    /**
     * Trains until the stream has handed out {@code steps} samples.
     *
     * @param stream the samples
     * @param steps presentations in all
     * @param every presentations between checkpoints
     * @param batch samples per chunk at most
     * @param learners every learner, each given every chunk
     * @param checkpoint called with the presentations so far: at 0, at every multiple of {@code every}, and at the end
     */
    static void train(SampleStream stream, long steps, long every, int batch, List<? extends Learner> learners,
                      LongConsumer checkpoint) {
        checkpoint.accept(0);
        long next = every;
        while (stream.position() < steps) {
            Batch b = stream.next((int) Math.min(batch, Math.min(steps, next) - stream.position()));
            for (Learner l : learners) {
                l.learn(b);
            }
            long pos = stream.position();
            if (pos >= next || pos == steps) {
                checkpoint.accept(pos);
                next = (pos / every + 1) * every;
            }
        }
    }
}
