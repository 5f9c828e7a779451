package org.neuroai.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Sweep;
import org.neuroai.compare.files.Folders;

/**
 * One Spark task: one point of the grid, run in the executor's JVM through the same
 * {@link Runner} as the local sweep (every seed of the point, on the executor's cores), into the
 * point's folder of the sweep.
 *
 * @param target what the sweep starts from
 * @param values the point's settings, in grid order
 * @param store where the sweep's folder is
 */
record PointTask(Target target, LinkedHashMap<String, String> values, Store store) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The point's folder name, as the local sweep names it. */
    String folder() {
        return new Sweep.Point(values).folder();
    }

    /**
     * Runs the point and leaves it as a finished run in its folder: straight into it on a shared
     * file system (scratch folder and rename, as locally); in a local folder copied into place
     * through Hadoop's FileSystem otherwise.
     *
     * @throws IOException when a file cannot be written
     */
    void run() throws IOException {
        System.setProperty("java.awt.headless", "true");
        var spec = Sweep.spec(target.base(), new Sweep.Point(values));
        if (!store.throughHadoop()) {
            Runner.run(spec, store.path().resolve("runs").resolve(folder()), true, study -> { });
            return;
        }
        Path local = Files.createTempDirectory("neuroai-run-");
        try {
            Path run = local.resolve(folder());
            Runner.run(spec, run, false, study -> { });
            store.put(run, folder());
        } finally {
            Folders.deleteTree(local);
        }
    }
}
