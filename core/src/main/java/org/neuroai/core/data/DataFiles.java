package org.neuroai.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.neuroai.core.UserError;

/**
 * Where the vendored data sets live, and a log of every data file read (with its SHA-256) so
 * that a run's provenance lists exactly the data it used.
 *
 * <p>The data folder is, in order: the system property {@code neuroai.data}, the environment
 * variable {@code NEUROAI_DATA}, or the first folder named {@code data} holding a
 * {@code README.md} found walking up from the working directory.
 */
public final class DataFiles {
    private static final Map<String, String> READ = new ConcurrentHashMap<>();
    private static final java.util.List<Log> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Records the data files read while it is open, for one run's provenance. Runs in one
     * process (a demo, a test suite) each open their own, so none lists another's files.
     */
    public static final class Log implements AutoCloseable {
        private final Map<String, String> files = new ConcurrentHashMap<>();

        private Log() {}

        /** Path to SHA-256 of every data file read while open, in path order. */
        public Map<String, String> files() {
            Map<String, String> sorted = new LinkedHashMap<>();
            files.keySet().stream().sorted().forEach(k -> sorted.put(k, files.get(k)));
            return sorted;
        }

        @Override
        public void close() {
            OPEN.remove(this);
        }
    }

    /** Opens a log of the data files read from now until it is closed. */
    public static Log log() {
        Log l = new Log();
        OPEN.add(l);
        return l;
    }

    private DataFiles() {}

    /** The data folder. */
    public static Path root() {
        String prop = System.getProperty("neuroai.data");
        if (prop == null || prop.isBlank()) {
            prop = System.getenv("NEUROAI_DATA");
        }
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return candidate;
            }
        }
        throw new UserError("cannot find the data folder: set -Dneuroai.data=DIR or NEUROAI_DATA to the "
                + "project's data/ folder, or run from inside the project.");
    }

    /** A file in the data folder. */
    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /**
     * Reads a whole file, gunzipping it when its name ends in ".gz", and logs its SHA-256 (of the
     * bytes on disk).
     *
     * @param file the file
     * @return the (decompressed) content
     * @throws UserError when the file is missing, unreadable, or not valid gzip
     */
    public static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": data file not found; the vendored data sets are listed in "
                    + "data/README.md.");
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read data file (" + e.getMessage() + ").", e);
        }
        String key = file.toAbsolutePath().normalize().toString();
        String sha = sha256(raw);
        READ.put(key, sha);
        for (Log l : OPEN) {
            l.files.put(key, sha);
        }
        if (!file.getFileName().toString().endsWith(".gz")) {
            return raw;
        }
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
            throw new UserError(file + ": not a gzip file (wrong magic number); expected the gzip'd file "
                    + "listed in data/README.md.");
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UserError(file + ": truncated or corrupt gzip data (" + e.getMessage()
                    + "); restore it from data/ in the repository.", e);
        }
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every data file read in this process so far, path to SHA-256, in path order. */
    public static Map<String, String> readSoFar() {
        Map<String, String> sorted = new LinkedHashMap<>();
        READ.keySet().stream().sorted().forEach(k -> sorted.put(k, READ.get(k)));
        return sorted;
    }
}
