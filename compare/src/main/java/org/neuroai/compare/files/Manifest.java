package org.neuroai.compare.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code manifest.json}: the toolkit's record of the files it wrote into a folder, each with its
 * size and SHA-256. It is what makes a folder the toolkit's to replace (see {@link OutputFolder}),
 * and what {@code neuroai reproduce} checks a run's files against.
 *
 * <pre>
 * {"written_by": "neuroai", "kind": "run",
 *  "files": [{"path": "curves.csv", "bytes": 1234, "sha256": "..."}, ...]}
 * </pre>
 *
 * @param kind what the folder holds: "run", "sweep", "demo", "protocol"
 * @param files the files, relative to the folder
 * @param sha256 each file's SHA-256 (hex) when it was written
 */
public record Manifest(String kind, List<Path> files, Map<Path, String> sha256) {
    /** The file's name. */
    public static final String NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The manifest of a folder, if it has one. Paths that would lead out of the folder are dropped.
     *
     * @param dir the folder
     * @return its manifest, or empty when it has none
     * @throws IOException when it cannot be read or is malformed
     */
    public static Optional<Manifest> read(Path dir) throws IOException {
        Path f = dir.resolve(NAME);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(f.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new IOException("not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
        if (root == null || !root.path("written_by").asText().equals("neuroai") || !root.path("kind").isTextual()) {
            throw new IOException("not a manifest of neuroai");
        }
        List<Path> files = new ArrayList<>();
        Map<Path, String> sums = new LinkedHashMap<>();
        for (JsonNode n : root.path("files")) {
            Path rel = Path.of(n.path("path").asText("")).normalize();
            if (rel.toString().isEmpty() || rel.isAbsolute() || rel.startsWith("..")) {
                continue;
            }
            files.add(rel);
            if (n.path("sha256").isTextual()) {
                sums.put(rel, n.path("sha256").asText());
            }
        }
        return Optional.of(new Manifest(root.path("kind").asText(), files, sums));
    }

    /**
     * Writes the manifest of files that are in the folder now.
     *
     * @param dir the folder
     * @param kind what it holds
     * @param files the files, relative to it
     * @throws IOException when it cannot be written
     */
    public static void write(Path dir, String kind, List<Path> files) throws IOException {
        write(dir, kind, files, dir);
    }

    /**
     * Writes the manifest of files, reading each where it is now (a scratch folder about to be moved).
     *
     * @param dir the folder the manifest goes into
     * @param kind what it holds
     * @param files the files, relative to the folder
     * @param readFrom where the files are now, for their sizes and sums (the folder itself, or a scratch folder)
     * @throws IOException when it cannot be written
     */
    static void write(Path dir, String kind, List<Path> files, Path readFrom) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Path rel : files) {
            Path p = Files.exists(dir.resolve(rel)) ? dir.resolve(rel) : readFrom.resolve(rel);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", rel.toString());
            e.put("bytes", Files.size(p));
            e.put("sha256", sha256(p));
            list.add(e);
        }
        writeEntries(dir, kind, list);
    }

    private static void writeEntries(Path dir, String kind, List<Map<String, Object>> list) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("written_by", "neuroai");
        root.put("kind", kind);
        root.put("files", list);
        Path tmp = dir.resolve(NAME + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(root) + "\n");
        Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Adds files written into a folder after its manifest (a figure redrawn, a landscape added),
     * with their sums now; the other files keep the sums they were written with. A folder without
     * a manifest is left as it is.
     *
     * @param dir the folder
     * @param files the files, absolute or relative to it
     * @throws IOException when the manifest cannot be read or written
     */
    public static void add(Path dir, List<Path> files) throws IOException {
        Optional<Manifest> m = read(dir);
        if (m.isEmpty()) {
            return;
        }
        Path base = dir.toAbsolutePath().normalize();
        Map<Path, String> sums = new LinkedHashMap<>();
        for (Path f : m.get().files()) {
            sums.put(f, m.get().sha256().getOrDefault(f, ""));
        }
        for (Path f : files) {
            Path abs = base.resolve(f).normalize();
            if (abs.startsWith(base) && Files.isRegularFile(abs)) {
                sums.put(base.relativize(abs), sha256(abs));
            }
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<Path, String> e : sums.entrySet()) {
            Path p = base.resolve(e.getKey());
            if (Files.isRegularFile(p)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", e.getKey().toString());
                entry.put("bytes", Files.size(p));
                entry.put("sha256", e.getValue());
                list.add(entry);
            }
        }
        writeEntries(base, m.get().kind(), list);
    }

    /**
     * Every regular file under a folder, relative to it, in a stable order.
     *
     * @param dir the folder
     * @return the files
     * @throws IOException when it cannot be listed
     */
    public static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    /**
     * The SHA-256 of a file, in hex.
     *
     * @param file the file
     * @return its sum
     * @throws IOException when it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
