package org.neuroai.compare.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders of runs: removing a scratch folder or a run that is replaced. */
public final class Folders {
    private Folders() {}

    /**
     * Deletes a file or a folder with everything in it; nothing happens when it does not exist.
     *
     * @param p the file or folder
     * @throws IOException when something cannot be deleted
     */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
