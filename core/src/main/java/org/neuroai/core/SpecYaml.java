package org.neuroai.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the YAML of a spec (a run spec or a comparison) the same way for both: a size limit checked
 * before anything is read, one pass over the tokens that notes the line of every key and refuses a
 * key given twice in one mapping (YAML parsers otherwise keep the last one silently, even for
 * {@code experiment}), and the tree. A mistake in the YAML itself names the file and line.
 */
public final class SpecYaml {
    /** Largest spec file accepted, in bytes; a spec is a page of settings, never near this. */
    public static final long MAX_BYTES = 1L << 20;

    private SpecYaml() {}

    /**
     * A parsed spec.
     *
     * @param text the YAML as written
     * @param root the tree
     * @param lines the line of every key and list item: "task.name", "learners[0]", "set.k"
     */
    public record Doc(String text, JsonNode root, Map<String, Integer> lines) {}

    /**
     * Reads a spec file's text, refusing a file larger than {@link #MAX_BYTES} before reading it.
     *
     * @param file the file
     * @return its text
     * @throws UserError when it is missing, too large, unreadable or not UTF-8
     */
    public static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": spec file not found.");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(file.toString(), size);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(file.toString(), bytes.length);
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": not a text file in UTF-8; a spec is YAML text.");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ").", e);
        }
    }

    private static UserError tooLarge(String source, long size) {
        return new UserError(source + ": " + size + " bytes, larger than the " + MAX_BYTES + " bytes (1 MB) a spec file may have; "
                + "a spec is a page of settings.");
    }

    /**
     * Parses a spec's YAML.
     *
     * @param text the YAML
     * @param source the file (or name) it came from, for messages
     * @return the tree and the line of every key
     * @throws UserError for text larger than {@link #MAX_BYTES}, malformed YAML or a duplicate key, with the line
     */
    public static Doc parse(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw tooLarge(source, text.length());
        }
        YAMLFactory factory = new YAMLFactory();
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try {
            scan(factory, text, source, lines);
            root = new ObjectMapper(factory).readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(at(source, e.getLocation()) + ": " + explain(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UserError(source + ": not valid YAML (" + firstLine(e.getMessage()) + ").", e);
        } catch (RuntimeException e) {
            // the YAML scanner's own limits (nesting, aliases) surface as unchecked exceptions
            throw new UserError(source + ": not valid YAML (" + firstLine(e.getMessage()) + ").", e);
        }
        return new Doc(text, root, lines);
    }

    private static String at(String source, JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? source : source + ":" + l.getLineNr();
    }

    private static String explain(String message) {
        String m = firstLine(message);
        if (m.startsWith("Malformed numeric value")) {
            // .nan, .inf and numbers too long to hold: YAML allows them, a spec never needs them
            int q = m.indexOf('\'');
            String v = q < 0 ? "" : m.substring(q);
            return "not a usable number: " + v + "; give a finite number such as 0.1.";
        }
        return "not valid YAML (" + m + ").";
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse("").strip();
    }

    /** Notes the line of every key and list item and refuses a key given twice in one mapping. */
    private static void scan(YAMLFactory factory, String text, String source, Map<String, Integer> out) throws IOException {
        try (JsonParser p = factory.createParser(text)) {
            Deque<String> paths = new ArrayDeque<>();
            Deque<int[]> counters = new ArrayDeque<>();
            Deque<Map<String, Integer>> seen = new ArrayDeque<>();
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    Integer first = seen.peek().putIfAbsent(field, line);
                    String parent = paths.isEmpty() ? "" : paths.peek();
                    String full = parent.isEmpty() ? field : parent + "." + field;
                    if (first != null) {
                        throw new UserError(source + ":" + line + ": duplicate key '" + full + "' (first at line " + first
                                + "); give each key once.");
                    }
                    out.put(full, line);
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    paths.pop();
                    counters.pop();
                    seen.pop();
                    continue;
                }
                String here;
                if (paths.isEmpty()) {
                    here = "";
                } else if (counters.peek()[0] >= 0) {
                    here = paths.peek() + "[" + counters.peek()[0]++ + "]";
                    out.putIfAbsent(here, line);
                } else {
                    here = paths.peek().isEmpty() ? field : paths.peek() + "." + field;
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    paths.push(here);
                    counters.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                    seen.push(new HashMap<>());
                }
            }
        }
    }
}
