package org.neuroai.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.neuroai.compare.files.Manifest;
import org.neuroai.compare.files.OutputFolder;
import org.neuroai.core.UserError;

/**
 * Where a Spark sweep keeps its folder. A plain path or a {@code file://} URI is a folder on a
 * file system every executor mounts, written exactly as the local sweep writes it (an
 * {@link OutputFolder}: lock, scratch folder, rename). Any other URI ({@code hdfs://},
 * {@code s3a://}, ...) is reached through Hadoop's {@link FileSystem}, with the jars and settings
 * ({@code spark.hadoop.*}) the cluster provides: a run is made in a local folder of its executor,
 * copied into a scratch folder beside its place ({@code runs/.partial-POINT-ID}, provenance.json
 * last) and renamed into place, so a point's folder is whole or absent.
 */
final class Store implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The prefix of the scratch folders of runs and of the sweep's own files on a Hadoop file system. */
    static final String SCRATCH = OutputFolder.SCRATCH;

    private final String root;
    private final boolean hadoop;
    private final TreeMap<String, String> settings;

    private Store(String root, boolean hadoop, Map<String, String> settings) {
        this.root = root;
        this.hadoop = hadoop;
        this.settings = new TreeMap<>(settings);
    }

    /**
     * The store of an --out value.
     *
     * @param out a path, or a URI
     * @param settings Hadoop settings (the keys of spark.hadoop.* without the prefix)
     * @param throughHadoop whether even a file:// URI goes through Hadoop's FileSystem (to test that path on one machine)
     * @return the store
     */
    static Store of(String out, Map<String, String> settings, boolean throughHadoop) {
        String trimmed = out.length() > 1 ? out.replaceAll("/+$", "") : out;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (scheme == null || scheme.length() == 1) {
            // a plain path (or a Windows drive letter)
            Path p = Path.of(trimmed).toAbsolutePath().normalize();
            return throughHadoop ? new Store(p.toUri().toString().replaceAll("/+$", ""), true, settings) : new Store(p.toString(), false, settings);
        }
        if (scheme.equals("file") && !throughHadoop) {
            return new Store(Path.of(uri).toAbsolutePath().normalize().toString(), false, settings);
        }
        return new Store(trimmed, true, settings);
    }

    /** Whether the folder is reached through Hadoop's FileSystem rather than as a local path. */
    boolean throughHadoop() {
        return hadoop;
    }

    /** The folder as a local path (a store not through Hadoop). */
    Path path() {
        return Path.of(root);
    }

    /** The folder as the user would name it. */
    String uri() {
        return root;
    }

    /** A path inside the folder, as text: "runs/k=2" gives ROOT/runs/k=2. */
    String at(String rel) {
        return root + "/" + rel;
    }

    private org.apache.hadoop.fs.Path hpath(String rel) {
        return new org.apache.hadoop.fs.Path(URI.create(root).toString() + "/" + rel.replace(" ", "%20"));
    }

    /** The Hadoop file system of the folder, with the settings the driver saw. */
    FileSystem fs() throws IOException {
        Configuration c = new Configuration();
        settings.forEach(c::set);
        FileSystem fs = FileSystem.get(URI.create(root), c);
        // no .crc files beside a run's files on a local file system: a run folder holds the same files everywhere
        fs.setWriteChecksum(false);
        fs.setVerifyChecksum(false);
        return fs;
    }

    /**
     * Puts a finished run in place: copies its files into a scratch folder beside the point's
     * folder, provenance.json (the mark of a finished run) last, removes an earlier run of the
     * point, and renames the scratch folder into place.
     *
     * @param run the local run folder
     * @param folder the point's folder name
     * @throws IOException when the file system refuses
     */
    void put(Path run, String folder) throws IOException {
        FileSystem fs = fs();
        org.apache.hadoop.fs.Path scratch = hpath("runs/" + SCRATCH + folder + "-" + UUID.randomUUID());
        org.apache.hadoop.fs.Path target = hpath("runs/" + folder);
        List<Path> files;
        try (Stream<Path> s = Files.walk(run)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
        files.sort((a, b) -> Boolean.compare(a.getFileName().toString().equals(OutputFolder.DONE), b.getFileName().toString().equals(OutputFolder.DONE)));
        try {
            for (Path f : files) {
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(f.toUri()),
                        new org.apache.hadoop.fs.Path(scratch, run.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
            }
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            if (!fs.rename(scratch, target)) {
                throw new IOException("cannot rename " + scratch + " to " + target);
            }
        } finally {
            if (fs.exists(scratch)) {
                fs.delete(scratch, true);
            }
        }
    }

    /**
     * Copies a file of the folder into a local one, if it exists.
     *
     * @param rel the file, relative to the folder
     * @param to the local file
     * @return whether it existed
     * @throws IOException when it cannot be read
     */
    boolean get(String rel, Path to) throws IOException {
        FileSystem fs = fs();
        org.apache.hadoop.fs.Path from = hpath(rel);
        if (!fs.exists(from)) {
            return false;
        }
        Files.createDirectories(to.getParent());
        fs.copyToLocalFile(false, from, new org.apache.hadoop.fs.Path(to.toUri()), true);
        return true;
    }

    /**
     * Copies files of a local folder into the folder, each through a scratch file renamed into place.
     *
     * @param dir the local folder
     * @param files the files, relative to it
     * @throws IOException when the file system refuses
     */
    void putFiles(Path dir, List<Path> files) throws IOException {
        FileSystem fs = fs();
        String id = UUID.randomUUID().toString();
        for (Path f : files) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                continue;
            }
            String rel = f.toString().replace(java.io.File.separatorChar, '/');
            org.apache.hadoop.fs.Path scratch = hpath(SCRATCH + id + "-" + rel.replace('/', '_'));
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(dir.resolve(f).toUri()), scratch);
            org.apache.hadoop.fs.Path target = hpath(rel);
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(scratch, target)) {
                fs.delete(scratch, false);
                throw new IOException("cannot rename " + scratch + " to " + target);
            }
        }
    }

    /**
     * Checks, on the driver, that the folder is the sweep's to write: absent, empty, or holding a
     * sweep's manifest; and removes what killed runs left (scratch folders).
     *
     * @param option the option that named it, for messages
     * @throws IOException when it cannot be read
     * @throws UserError when it holds something else
     */
    void checkOwner(String option) throws IOException {
        FileSystem fs = fs();
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(URI.create(root).toString());
        if (!fs.exists(dir)) {
            return;
        }
        if (!fs.getFileStatus(dir).isDirectory()) {
            throw new UserError(root + ": " + option + " must be a folder, but this is a file.");
        }
        FileStatus[] in = fs.listStatus(dir);
        boolean owned = fs.exists(hpath(Manifest.NAME));
        if (in.length > 0 && !owned) {
            throw new UserError(root + ": the " + option + " folder is not empty and holds nothing written by neuroai (no " + Manifest.NAME
                    + "); its files are left alone: choose an empty or new folder.");
        }
        org.apache.hadoop.fs.Path runs = hpath("runs");
        if (fs.exists(runs)) {
            for (FileStatus s : fs.listStatus(runs)) {
                if (s.getPath().getName().startsWith(SCRATCH)) {
                    fs.delete(s.getPath(), true);
                }
            }
        }
    }
}
